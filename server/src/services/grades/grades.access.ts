import { type Actor, holdsProfile } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { isRelativeOf } from '../directory/index.js';
import { seesWholeEstablishment } from './grades.policy.js';

/** Who reads a student's grades, which decides what is published for them. */
export type Audience = 'student' | 'relative' | 'teacher' | 'staff';

export interface ReportAccess {
  audience: Audience;
  /** For a teacher: the (group, subject) pairs they teach; everything else stays hidden. */
  teachings: { group_id: string; subject_id: string }[] | null;
}

/**
 * A student's grades are read by the student, their relatives, the head and deputies, and the
 * teachers of one of the student's groups (for their own subjects only). A student of another
 * establishment does not exist here (404); anyone else is refused (403).
 */
export async function reportAccess(db: Db, actor: Actor, establishmentId: string, studentId: string): Promise<ReportAccess> {
  const student = await db
    .selectFrom('memberships')
    .select('person_id')
    .where('person_id', '=', studentId)
    .where('establishment_id', '=', establishmentId)
    .where('profile', '=', 'student')
    .executeTakeFirst();
  if (!student) throw notFound('grades.student_not_found');
  if (seesWholeEstablishment(actor, establishmentId)) return { audience: 'staff', teachings: null };
  if (studentId === actor.personId && holdsProfile(actor, establishmentId, 'student')) return { audience: 'student', teachings: null };
  if (holdsProfile(actor, establishmentId, 'relative')) {
    if (await isRelativeOf(db, actor.personId, studentId)) return { audience: 'relative', teachings: null };
  }
  if (holdsProfile(actor, establishmentId, 'teacher')) {
    const teachings = await db
      .selectFrom('teachings as t')
      .innerJoin('group_members as m', 'm.group_id', 't.group_id')
      .innerJoin('groups as g', 'g.id', 't.group_id')
      .select(['t.group_id', 't.subject_id'])
      .where('t.person_id', '=', actor.personId)
      .where('m.person_id', '=', studentId)
      .where('m.role', '=', 'student')
      .where('g.establishment_id', '=', establishmentId)
      .execute();
    if (teachings.length > 0) return { audience: 'teacher', teachings };
  }
  throw forbidden('grades.not_visible');
}

/** The group must be in this establishment (404 otherwise). */
export async function requireGroup(db: Db, establishmentId: string, groupId: string): Promise<{ id: string; name: string }> {
  const group = await db.selectFrom('groups').select(['id', 'name']).where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!group) throw notFound('directory.group_not_found');
  return group;
}

export async function requireSubject(db: Db, establishmentId: string, subjectId: string): Promise<{ id: string; name: string }> {
  const subject = await db.selectFrom('subjects').select(['id', 'name']).where('id', '=', subjectId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!subject) throw notFound('structures.subject_not_found');
  return subject;
}

/** Only a teacher of this subject in this group enters its grades. */
export async function requireTeacher(db: Db, actor: Actor, establishmentId: string, groupId: string, subjectId: string): Promise<void> {
  await requireGroup(db, establishmentId, groupId);
  const teaches = await db.selectFrom('teachings').select('person_id').where('group_id', '=', groupId).where('subject_id', '=', subjectId).where('person_id', '=', actor.personId).executeTakeFirst();
  if (!teaches) throw forbidden('grades.not_teacher');
}

/** The grid of a class and subject: its teachers, and the head and deputies (read only). */
export async function requireSheetReader(db: Db, actor: Actor, establishmentId: string, groupId: string, subjectId: string): Promise<void> {
  if (seesWholeEstablishment(actor, establishmentId)) {
    await requireGroup(db, establishmentId, groupId);
    return;
  }
  await requireTeacher(db, actor, establishmentId, groupId, subjectId);
}
