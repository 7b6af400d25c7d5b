import type { ErrorCode } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError, forbidden } from '../../kernel/errors/app-error.js';
import { type Audience, reportAccess, requireSheetReader, requireTeacher, seesWholeEstablishment } from '../grades/index.js';

/** Grades' refusals, said in skills' words (the rule is the same, the page is not). */
const RENAMED: Partial<Record<ErrorCode, ErrorCode>> = { 'grades.not_visible': 'skills.not_visible', 'grades.not_teacher': 'skills.not_teacher' };

async function renamed<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const code = error instanceof AppError ? RENAMED[error.code] : undefined;
    if (error instanceof AppError && code) throw new AppError(code, error.status, error.details);
    throw error;
  }
}

export interface SkillsAccess {
  audience: Audience;
  /** For a teacher: the (group, subject) pairs they teach; null: everything. */
  teachings: { group_id: string; subject_id: string }[] | null;
}

/** Who reads a student's skills: exactly who reads their grades (grades' reportAccess). */
export const studentAccess = (db: Db, actor: Actor, establishmentId: string, studentId: string): Promise<SkillsAccess> =>
  renamed(reportAccess(db, actor, establishmentId, studentId));

/** Only a teacher of this subject in this group assesses its skills. */
export const requireSkillsTeacher = (db: Db, actor: Actor, establishmentId: string, groupId: string, subjectId: string) =>
  renamed(requireTeacher(db, actor, establishmentId, groupId, subjectId));

/** The grid: the subject's teachers in the group, and the head and deputies (read only). */
export const requireSkillsSheetReader = (db: Db, actor: Actor, establishmentId: string, groupId: string, subjectId: string) =>
  renamed(requireSheetReader(db, actor, establishmentId, groupId, subjectId));

/**
 * The class view: the head and deputies see every subject; a teacher of the group sees the
 * assessments of the (group, subject) pairs they teach anywhere in the establishment; anyone else
 * is refused.
 */
export async function classViewAccess(db: Db, actor: Actor, establishmentId: string, groupId: string): Promise<SkillsAccess> {
  if (seesWholeEstablishment(actor, establishmentId)) return { audience: 'staff', teachings: null };
  const teachings = await db
    .selectFrom('teachings as t')
    .innerJoin('groups as g', 'g.id', 't.group_id')
    .select(['t.group_id', 't.subject_id'])
    .where('t.person_id', '=', actor.personId)
    .where('g.establishment_id', '=', establishmentId)
    .execute();
  if (!teachings.some((t) => t.group_id === groupId)) throw forbidden('skills.not_visible');
  return { audience: 'teacher', teachings };
}

/** A teacher adds skills for the subjects they teach here; the head and deputies for any subject or for all. */
export async function requireItemAuthor(db: Db, actor: Actor, establishmentId: string, subjectId: string | null): Promise<void> {
  if (seesWholeEstablishment(actor, establishmentId)) return;
  if (subjectId !== null) {
    const teaches = await db
      .selectFrom('teachings as t')
      .innerJoin('groups as g', 'g.id', 't.group_id')
      .select('t.person_id')
      .where('t.person_id', '=', actor.personId)
      .where('t.subject_id', '=', subjectId)
      .where('g.establishment_id', '=', establishmentId)
      .executeTakeFirst();
    if (teaches) return;
  }
  throw forbidden('skills.not_teacher');
}
