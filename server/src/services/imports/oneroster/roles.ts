import { FUNCTIONS, type PersonnelFunction, type Profile } from '@preau/contracts';

export interface RoleMapping {
  profile: Profile;
  functions: PersonnelFunction[];
  /** For relatives: a parent or guardian is a legal guardian; a "relative" is a contact only. */
  legalGuardian?: boolean;
}

/**
 * OneRoster 1.2 roles (roles.csv `role`) → Préau profiles. Roles with no French counterpart in an
 * establishment (proctor, district or system administrators, `ext:` roles) are rejected with their line.
 */
const ROLES: Record<string, RoleMapping> = {
  student: { profile: 'student', functions: [] },
  teacher: { profile: 'teacher', functions: [] },
  parent: { profile: 'relative', functions: [], legalGuardian: true },
  guardian: { profile: 'relative', functions: [], legalGuardian: true },
  relative: { profile: 'relative', functions: [], legalGuardian: false },
  administrator: { profile: 'personnel', functions: [] },
  siteAdministrator: { profile: 'personnel', functions: [] },
  principal: { profile: 'personnel', functions: ['head'] },
  counselor: { profile: 'personnel', functions: ['cpe'] },
  aide: { profile: 'agent', functions: [] },
};

export function mapRole(role: string): RoleMapping | null {
  return ROLES[role] ?? null;
}

/** Préau profile (and functions) → the OneRoster role written in roles.csv. */
export function roleOf(profile: Profile, functions: readonly string[], legalGuardian: boolean): string | null {
  switch (profile) {
    case 'student':
    case 'teacher':
      return profile;
    case 'relative':
      return legalGuardian ? 'parent' : 'relative';
    case 'personnel':
      return functions.includes('head') ? 'principal' : functions.includes('cpe') ? 'counselor' : 'administrator';
    case 'agent':
      return 'aide';
    default:
      // Inspectors, internship tutors and guests are not rostering data.
      return null;
  }
}

/** Préau function codes from the `metadata.preau.functions` extension; unknown codes are dropped. */
export function functionsFrom(value: string): PersonnelFunction[] {
  return splitList(value).filter((f): f is PersonnelFunction => (FUNCTIONS as readonly string[]).includes(f));
}

/** A OneRoster list field: comma-separated values inside one (quoted) CSV field. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}
