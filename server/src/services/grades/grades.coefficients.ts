import type { ClassCoefficients, SubjectCoefficients } from '@preau/contracts';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { badRequest } from '../../kernel/errors/app-error.js';
import { classGroupIds, requireClass } from './grades.class-scope.js';
import { toCenti } from './grades.usecases.js';

/**
 * Subject coefficients of a class, for its general average (1 when not set). In French collèges
 * and lycées they are decided for the whole establishment (conseil pédagogique, then the head),
 * not by each teacher: the head and deputies set them (`grades.manage`).
 */

/** The subjects taught in the class or in one of its students' groups, with their coefficients. */
export async function classSubjects(db: Db, classId: string): Promise<{ id: string; name: string; coefficientCenti: number; isSet: boolean }[]> {
  const rows = await db
    .selectFrom('teachings as t')
    .innerJoin('subjects as s', 's.id', 't.subject_id')
    .leftJoin('grade_subject_coefficients as c', (join) => join.on('c.group_id', '=', classId).onRef('c.subject_id', '=', 't.subject_id'))
    .select(['s.id', 's.name', 'c.coefficient_centi'])
    .distinct()
    .where((eb) => eb.or([eb('t.group_id', '=', classId), eb('t.group_id', 'in', classGroupIds(db, classId))]))
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, coefficientCenti: r.coefficient_centi ?? 100, isSet: r.coefficient_centi !== null }));
}

export async function classCoefficients(db: Db, establishmentId: string, groupId: string): Promise<ClassCoefficients> {
  const group = await requireClass(db, establishmentId, groupId);
  const subjects = await classSubjects(db, group.id);
  return { group, subjects: subjects.map((s) => ({ subject: { id: s.id, name: s.name }, coefficient: s.coefficientCenti / 100, isSet: s.isSet })) };
}

/** Replaces a class's coefficients as a whole (a subject left out goes back to 1). */
export async function setSubjectCoefficients(ctx: AppContext, establishmentId: string, input: SubjectCoefficients): Promise<void> {
  await requireClass(ctx.db, establishmentId, input.groupId);
  const ids = input.coefficients.map((c) => c.subjectId);
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) throw badRequest('validation.failed', [{ field: `body.coefficients.${duplicate}.subjectId`, issue: 'duplicate' }]);
  if (ids.length > 0) {
    const known = new Set((await ctx.db.selectFrom('subjects').select('id').where('establishment_id', '=', establishmentId).where('id', 'in', ids).execute()).map((k) => k.id));
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0) throw badRequest('validation.failed', [{ field: `body.coefficients.${missing}.subjectId`, issue: 'unknown' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('grade_subject_coefficients').where('group_id', '=', input.groupId).execute();
    if (input.coefficients.length === 0) return;
    await trx
      .insertInto('grade_subject_coefficients')
      .values(input.coefficients.map((c) => ({ group_id: input.groupId, subject_id: c.subjectId, establishment_id: establishmentId, coefficient_centi: toCenti(c.coefficient) })))
      .execute();
  });
}
