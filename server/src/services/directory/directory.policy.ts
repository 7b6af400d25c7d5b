import type { Actor } from '../../kernel/auth/actor.js';
import { membershipIn } from '../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** Every member of an establishment may open its directory; what they see there is narrowed below. */
export const directoryGrants: ServiceGrants = {
  establishment: {
    'directory.read': (membership, actor) => membership.profiles.length > 0 || actor.platformAdmin,
  },
  platform: {
    'platform.establishments.manage': (actor) => actor.platformAdmin,
  },
};

/**
 * How much of an establishment's directory a viewer sees, from their profiles there (a person
 * holding several profiles gets the union):
 * - staff (personnel, local admins, platform admins): everyone, with contact details;
 * - teacher: every student, teacher and staff member, and the relatives of their own pupils,
 *   whose contact details they see;
 * - student: classmates and the teachers of their classes and groups, their own relatives, the staff;
 * - relative: their children, their children's teachers, the staff;
 * - inspector: teachers and staff;
 * - agent, internship tutor, guest: the staff.
 * Minors' and parents' contact details are never shown to students or other parents.
 */
export interface DirectoryAudience {
  everyone: boolean;
  profiles: string[];
  classmatesAndTheirTeachers: boolean;
  ownRelatives: boolean;
  children: boolean;
  childrensTeachers: boolean;
  pupilsRelatives: boolean;
  /** Contact details: of everyone, or of the teacher's pupils' relatives and colleagues, or none. */
  contacts: 'all' | 'colleagues_and_pupils_relatives' | 'none';
}

export function audienceOf(actor: Actor, establishmentId: string): DirectoryAudience {
  const m = membershipIn(actor, establishmentId);
  const profiles = new Set(m?.profiles ?? []);
  const staff = actor.platformAdmin || profiles.has('personnel') || (m?.functions.includes('admin_local') ?? false);
  const audience: DirectoryAudience = {
    everyone: staff,
    profiles: [],
    classmatesAndTheirTeachers: profiles.has('student'),
    ownRelatives: profiles.has('student'),
    children: profiles.has('relative'),
    childrensTeachers: profiles.has('relative'),
    pupilsRelatives: profiles.has('teacher'),
    contacts: staff ? 'all' : profiles.has('teacher') ? 'colleagues_and_pupils_relatives' : 'none',
  };
  const visibleProfiles = new Set<string>();
  if (profiles.size > 0) visibleProfiles.add('personnel');
  if (profiles.has('teacher')) for (const p of ['student', 'teacher', 'agent', 'inspector']) visibleProfiles.add(p);
  if (profiles.has('inspector')) visibleProfiles.add('teacher');
  audience.profiles = [...visibleProfiles];
  return audience;
}

/** Groups a viewer may list: all of them for staff, teachers and inspectors; their own otherwise. */
export function seesAllGroups(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return actor.platformAdmin || !!m?.profiles.some((p) => p === 'personnel' || p === 'teacher' || p === 'inspector');
}
