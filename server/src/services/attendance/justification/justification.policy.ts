import { type Actor, holdsProfile } from '../../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../../kernel/auth/rights.js';
import type { Db } from '../../../kernel/db/database.js';
import { forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { parisToday } from '../../timetable/index.js';
import { followsAttendance } from '../attendance.policy.js';

export { followsAttendance };

/**
 * Justifying is the family's act: the student's legal guardians, and the student themself once of
 * age (18; their legal guardians keep justifying too, as most schools still expect). Other
 * relatives (a step-parent without parental authority) read the absences but do not justify.
 * Vie scolaire (CPE, head, deputies: `attendance.manage`) decides.
 */
export const justificationGrants: ServiceGrants = {
  establishment: {
    'attendance.justify': (m) => m.profiles.some((p) => p === 'student' || p === 'relative'),
  },
};

/** 18 or older on `today` (a Paris date), from a YYYY-MM-DD birth date. */
export function isOfAge(birthDate: string | null, today: string): boolean {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return false;
  const eighteenth = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4, 10)}`;
  return eighteenth <= today;
}


export interface FamilyAccess {
  /** The reader may read the student's absences (the student, any relative, vie scolaire). */
  read: boolean;
  /** The reader may justify them (a legal guardian, or the student once of age). */
  justify: boolean;
}

/** The student must be one of this establishment (404 otherwise). */
export async function requireStudent(db: Db, establishmentId: string, studentId: string): Promise<{ id: string; name: string; birthDate: string | null }> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.birth_date'])
    .where('m.person_id', '=', studentId)
    .where('m.establishment_id', '=', establishmentId)
    .where('m.profile', '=', 'student')
    .executeTakeFirst();
  if (!row) throw notFound('attendance.student_not_found');
  return { id: row.id, name: `${row.first_name} ${row.last_name.toLocaleUpperCase('fr-FR')}`, birthDate: row.birth_date };
}

export async function familyAccess(db: Db, actor: Actor, establishmentId: string, student: { id: string; birthDate: string | null }, now: Date): Promise<FamilyAccess> {
  if (student.id === actor.personId && holdsProfile(actor, establishmentId, 'student')) return { read: true, justify: isOfAge(student.birthDate, parisToday(now)) };
  if (holdsProfile(actor, establishmentId, 'relative')) {
    const link = await db.selectFrom('relatives').select('legal_guardian').where('relative_id', '=', actor.personId).where('student_id', '=', student.id).executeTakeFirst();
    if (link) return { read: true, justify: Number(link.legal_guardian) === 1 };
  }
  if (followsAttendance(actor, establishmentId)) return { read: true, justify: false };
  return { read: false, justify: false };
}

export async function requireJustifier(db: Db, actor: Actor, establishmentId: string, studentId: string, now: Date) {
  const student = await requireStudent(db, establishmentId, studentId);
  const access = await familyAccess(db, actor, establishmentId, student, now);
  if (!access.justify) throw forbidden(access.read ? 'justification.not_allowed' : 'attendance.not_visible');
  return student;
}

/**
 * Who hears about a student's absences: their legal guardians, and the student once of age. One
 * query for any number of students.
 */
export async function familyRecipients(db: Db, studentIds: string[], now: Date): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(studentIds.map((id) => [id, []]));
  if (studentIds.length === 0) return result;
  const [guardians, students] = await Promise.all([
    db.selectFrom('relatives').select(['relative_id', 'student_id']).where('student_id', 'in', studentIds).where('legal_guardian', '=', 1).execute(),
    db.selectFrom('people').select(['id', 'birth_date']).where('id', 'in', studentIds).execute(),
  ]);
  for (const g of guardians) result.get(g.student_id)?.push(g.relative_id);
  const today = parisToday(now);
  for (const s of students) if (isOfAge(s.birth_date, today)) result.get(s.id)?.push(s.id);
  return result;
}
