import { type Actor, holdsProfile } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { isRelativeOf } from '../directory/index.js';
import { isVieScolaire } from './discipline.policy.js';

/**
 * What a reader sees of the establishment's discipline records:
 * - `staff` (head, deputies, CPE): everything;
 * - `teacher`: what they recorded or gave, and whatever concerns a student of a class or group
 *   they teach (a member teacher or a teaching there), published or not;
 * - `family`: one student's published records (the student themself, or one of their relatives),
 *   with only that student shown among those involved.
 */
export type DisciplineScope = { kind: 'staff' } | { kind: 'teacher'; studentIds: Set<string> } | { kind: 'family'; studentId: string };

/** The students of the groups this teacher teaches in this establishment (one query). */
export async function studentsOfTeacher(db: Db, teacherId: string, establishmentId: string): Promise<Set<string>> {
  const groups = db
    .selectFrom('group_members')
    .select('group_id')
    .where('person_id', '=', teacherId)
    .where('role', '=', 'teacher')
    .union(db.selectFrom('teachings').select('group_id').where('person_id', '=', teacherId));
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select('m.person_id')
    .distinct()
    .where('m.role', '=', 'student')
    .where('g.establishment_id', '=', establishmentId)
    .where('m.group_id', 'in', groups)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** The student must be one of this establishment (404 otherwise, as for any other resource there). */
export async function requireStudent(db: Db, establishmentId: string, studentId: string): Promise<void> {
  const row = await db.selectFrom('memberships').select('person_id').where('person_id', '=', studentId).where('establishment_id', '=', establishmentId).where('profile', '=', 'student').executeTakeFirst();
  if (!row) throw notFound('discipline.student_not_found');
}

/**
 * The reader's scope. Staff and teachers may narrow a list to one student; a student or relative
 * must name one they may read (a student without one reads their own).
 */
export async function disciplineScope(db: Db, actor: Actor, establishmentId: string, studentId: string | undefined): Promise<DisciplineScope> {
  if (studentId) await requireStudent(db, establishmentId, studentId);
  if (isVieScolaire(actor, establishmentId)) return { kind: 'staff' };
  let teacher: DisciplineScope | null = null;
  if (holdsProfile(actor, establishmentId, 'teacher')) {
    const studentIds = await studentsOfTeacher(db, actor.personId, establishmentId);
    teacher = { kind: 'teacher', studentIds };
    if (!studentId || studentIds.has(studentId)) return teacher;
  }
  // A teacher who is also a parent here reads their own child's records as a parent.
  const target = studentId ?? (holdsProfile(actor, establishmentId, 'student') ? actor.personId : undefined);
  if (target === actor.personId && holdsProfile(actor, establishmentId, 'student')) return { kind: 'family', studentId: target };
  if (target && holdsProfile(actor, establishmentId, 'relative') && (await isRelativeOf(db, actor.personId, target))) return { kind: 'family', studentId: target };
  // Otherwise a teacher sees, about any student, what they recorded or gave themselves.
  if (teacher) return teacher;
  throw forbidden('discipline.not_visible');
}
