import type { Actor } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { classGroupIds, classStudentIds } from './report-cards.figures.js';
import { chairsCouncils, readsEveryBulletin } from './report-cards.policy.js';

export async function requireSubject(db: Db, establishmentId: string, subjectId: string): Promise<{ id: string; name: string }> {
  const subject = await db.selectFrom('subjects').select(['id', 'name']).where('id', '=', subjectId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!subject) throw notFound('structures.subject_not_found');
  return subject;
}

/**
 * The students of a class taking a subject, as a subquery: those in a group (the class, a language
 * or option group) where the subject is taught — by `teacherId` only, when given.
 */
export function subjectStudents(db: Db, classId: string, subjectId: string, teacherId?: string) {
  let taught = db.selectFrom('teachings').select('group_id').where('subject_id', '=', subjectId).where('group_id', 'in', classGroupIds(db, classId));
  if (teacherId) taught = taught.where('person_id', '=', teacherId);
  return db.selectFrom('group_members').select('person_id').where('role', '=', 'student').where('group_id', 'in', taught).where('person_id', 'in', classStudentIds(db, classId));
}

/** Whether the actor teaches this subject to some of the class's students. */
export async function teachesInClass(db: Db, actor: Actor, classId: string, subjectId: string): Promise<boolean> {
  const row = await db
    .selectFrom('teachings')
    .select('person_id')
    .where('person_id', '=', actor.personId)
    .where('subject_id', '=', subjectId)
    .where('group_id', 'in', classGroupIds(db, classId))
    .executeTakeFirst();
  return row !== undefined;
}

export async function isHeadTeacher(db: Db, actor: Actor, classId: string): Promise<boolean> {
  const row = await db
    .selectFrom('group_members')
    .select('person_id')
    .where('group_id', '=', classId)
    .where('person_id', '=', actor.personId)
    .where('role', '=', 'teacher')
    .where('head_teacher', '=', 1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A subject's appreciation grid: its teachers in the class (to write), the head, deputies and vie scolaire (to read). */
export async function gridAccess(db: Db, actor: Actor, establishmentId: string, classId: string, subjectId: string): Promise<{ teacher: boolean }> {
  if (await teachesInClass(db, actor, classId, subjectId)) return { teacher: true };
  if (readsEveryBulletin(actor, establishmentId)) return { teacher: false };
  throw forbidden('report_cards.not_teacher');
}

/** The council's page: the head teacher, the head and deputies (who decide) and vie scolaire (reads). */
export async function councilAccess(db: Db, actor: Actor, establishmentId: string, classId: string): Promise<{ headTeacher: boolean; chairs: boolean }> {
  const chairs = chairsCouncils(actor, establishmentId);
  const headTeacher = await isHeadTeacher(db, actor, classId);
  if (!chairs && !headTeacher && !readsEveryBulletin(actor, establishmentId)) throw forbidden('report_cards.not_visible');
  return { headTeacher, chairs };
}
