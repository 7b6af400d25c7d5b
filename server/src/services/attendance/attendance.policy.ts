import type { PersonnelFunction } from '@preau/contracts';
import { type Actor, type ActorMembership, holdsProfile, membershipIn } from '../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../kernel/auth/rights.js';

/** Vie scolaire: the CPE, and the head and deputies, who follow attendance for the whole establishment. */
const VIE_SCOLAIRE: PersonnelFunction[] = ['cpe', 'head', 'deputy'];
const isVieScolaire = (m: ActorMembership) => m.functions.some((f) => VIE_SCOLAIRE.includes(f));

/**
 * Teachers take the registers of their own lessons; vie scolaire takes, corrects and follows all of
 * them, records absences, collective absences and exemptions. The reasons and the settings are
 * vie scolaire's and the local administrators'. Students and relatives only read their own (their
 * children's) absences; they never touch a register.
 */
export const attendanceGrants: ServiceGrants = {
  establishment: {
    'attendance.read': (m) => m.profiles.some((p) => p === 'student' || p === 'relative' || p === 'teacher') || isVieScolaire(m),
    'attendance.registers': (m) => m.profiles.includes('teacher') || isVieScolaire(m),
    'attendance.manage': (m) => isVieScolaire(m),
    'attendance.settings': (m) => isVieScolaire(m) || m.functions.includes('admin_local'),
  },
};

export function followsAttendance(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && isVieScolaire(m);
}

/**
 * A teacher edits the register of a lesson they give (the replacement teacher when there is one),
 * and once it is submitted, only on the lesson's day; vie scolaire edits any register at any time.
 */
export function editsRegister(actor: Actor, establishmentId: string, register: { teacherId: string | null; date: string; state: string }, today: string): boolean {
  if (followsAttendance(actor, establishmentId)) return true;
  if (!holdsProfile(actor, establishmentId, 'teacher') || register.teacherId !== actor.personId) return false;
  return register.state !== 'done' || register.date === today;
}

/** Whom vie scolaire notifications reach: the CPE, or the head and deputies where there is no CPE. */
export const NOTIFIED_FIRST: PersonnelFunction[] = ['cpe'];
export const NOTIFIED_OTHERWISE: PersonnelFunction[] = ['head', 'deputy'];
