import type { Assessment, GradeEntries, GradePeriods, NewAssessment, NewGradePeriods } from '@preau/contracts';
import { GradeEntries as GradeEntriesSchema, NewAssessment as NewAssessmentSchema } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError, badRequest, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { requireSubject, requireTeacher } from './grades.access.js';
import { seesWholeEstablishment } from './grades.policy.js';
import { announceDue } from './grades.publication.js';

export const toCenti = (points: number) => Math.round(points * 100);
export const fromCenti = (centi: number) => centi / 100;

export async function listPeriods(db: Db, establishmentId: string): Promise<GradePeriods> {
  const rows = await db.selectFrom('grade_periods').select(['id', 'name', 'starts_on', 'ends_on']).where('establishment_id', '=', establishmentId).orderBy('starts_on').execute();
  return { periods: rows.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on })) };
}

/** Replaces the establishment's periods in one transaction (their assessments keep their dates). */
export async function replacePeriods(ctx: AppContext, establishmentId: string, input: NewGradePeriods): Promise<GradePeriods> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('grade_periods').where('establishment_id', '=', establishmentId).execute();
    if (input.periods.length === 0) return;
    await trx
      .insertInto('grade_periods')
      .values(input.periods.map((p) => ({ id: newId(now.getTime()), establishment_id: establishmentId, name: p.name, starts_on: p.startsOn, ends_on: p.endsOn, created_at: now.toISOString() })))
      .execute();
  });
  return listPeriods(ctx.db, establishmentId);
}

/** The grids the actor opens: their own teachings (to enter), or every class's for the head and deputies (to read). */
export async function myTeachings(db: Db, actor: Actor, establishmentId: string) {
  const whole = seesWholeEstablishment(actor, establishmentId);
  let query = db
    .selectFrom('teachings as t')
    .innerJoin('groups as g', 'g.id', 't.group_id')
    .innerJoin('subjects as s', 's.id', 't.subject_id')
    .select(['g.id as group_id', 'g.name as group_name', 's.id as subject_id', 's.name as subject_name'])
    .select((eb) => eb.fn.max(eb.case().when('t.person_id', '=', actor.personId).then(1).else(0).end()).as('own'))
    .where('g.establishment_id', '=', establishmentId)
    .groupBy(['g.id', 'g.name', 's.id', 's.name']);
  if (!whole) query = query.where('t.person_id', '=', actor.personId);
  const rows = await query.orderBy('g.name').orderBy('s.name').execute();
  return { teachings: rows.map((r) => ({ group: { id: r.group_id, name: r.group_name }, subject: { id: r.subject_id, name: r.subject_name }, canEnter: Number(r.own) === 1 })) };
}

type AssessmentRow = {
  id: string;
  group_id: string;
  group_name: string;
  subject_id: string;
  subject_name: string;
  title: string;
  date: string;
  kind: string;
  scale_centi: number;
  coefficient_centi: number;
  students_at: string | null;
  relatives_at: string | null;
};

export function assessmentRows(db: Db) {
  return db
    .selectFrom('grade_assessments as a')
    .innerJoin('groups as g', 'g.id', 'a.group_id')
    .innerJoin('subjects as s', 's.id', 'a.subject_id')
    .select(['a.id', 'a.group_id', 'g.name as group_name', 'a.subject_id', 's.name as subject_name', 'a.title', 'a.date', 'a.kind', 'a.scale_centi', 'a.coefficient_centi', 'a.students_at', 'a.relatives_at']);
}

export function toAssessment(r: AssessmentRow): Assessment {
  return {
    id: r.id,
    group: { id: r.group_id, name: r.group_name },
    subject: { id: r.subject_id, name: r.subject_name },
    title: r.title,
    date: r.date,
    kind: r.kind as Assessment['kind'],
    scale: fromCenti(r.scale_centi),
    coefficient: fromCenti(r.coefficient_centi),
    studentsAt: r.students_at,
    relativesAt: r.relatives_at,
  };
}

const iso = (at: string | null | undefined) => (at ? new Date(at).toISOString() : null);

async function readAssessment(db: Db, establishmentId: string, assessmentId: string): Promise<Assessment> {
  const row = await assessmentRows(db).where('a.id', '=', assessmentId).where('a.establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('grades.assessment_not_found');
  return toAssessment(row);
}

/** Creates an assessment; published at once when its time has come, announced in the same transaction. */
export async function createAssessment(ctx: AppContext, actor: Actor, establishmentId: string, body: NewAssessment): Promise<Assessment> {
  const input = NewAssessmentSchema.parse(body);
  await requireSubject(ctx.db, establishmentId, input.subjectId);
  await requireTeacher(ctx.db, actor, establishmentId, input.groupId, input.subjectId);
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('grade_assessments')
      .values({
        id,
        establishment_id: establishmentId,
        group_id: input.groupId,
        subject_id: input.subjectId,
        author_id: actor.personId,
        title: input.title,
        date: input.date,
        kind: input.kind,
        scale_centi: toCenti(input.scale),
        coefficient_centi: toCenti(input.coefficient),
        students_at: iso(input.studentsAt),
        relatives_at: iso(input.relativesAt),
        notified_at: null,
        relatives_notified_at: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await announceDue(trx, ctx.clock, [id]);
  });
  return readAssessment(ctx.db, establishmentId, id);
}

/** The assessment if the actor teaches its subject in its group (404 in another establishment). */
async function ownAssessment(db: Db, actor: Actor, establishmentId: string, assessmentId: string) {
  const row = await db.selectFrom('grade_assessments').select(['id', 'group_id', 'subject_id', 'scale_centi']).where('id', '=', assessmentId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('grades.assessment_not_found');
  await requireTeacher(db, actor, establishmentId, row.group_id, row.subject_id);
  return row;
}

/** Edits an assessment (not its class or subject); moving the publication time earlier publishes it. */
export async function updateAssessment(ctx: AppContext, actor: Actor, establishmentId: string, assessmentId: string, body: NewAssessment): Promise<Assessment> {
  const input = NewAssessmentSchema.parse(body);
  const row = await ownAssessment(ctx.db, actor, establishmentId, assessmentId);
  if (input.groupId !== row.group_id || input.subjectId !== row.subject_id) throw badRequest('validation.failed', [{ field: 'body.groupId', issue: 'cannot change' }]);
  const above = await ctx.db.selectFrom('grade_entries').select('student_id').where('assessment_id', '=', assessmentId).where('value_centi', '>', toCenti(input.scale)).executeTakeFirst();
  if (above) throw badRequest('grades.value_above_scale', [{ field: 'body.scale', issue: 'below an entered grade' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('grade_assessments')
      .set({
        title: input.title,
        date: input.date,
        kind: input.kind,
        scale_centi: toCenti(input.scale),
        coefficient_centi: toCenti(input.coefficient),
        students_at: iso(input.studentsAt),
        relatives_at: iso(input.relativesAt),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', assessmentId)
      .execute();
    await announceDue(trx, ctx.clock, [assessmentId]);
  });
  return readAssessment(ctx.db, establishmentId, assessmentId);
}

/**
 * Deletes an assessment. With grades entered, only when the teacher confirms that the grades go
 * with it (`withGrades`), so a mistaken click cannot silently change the students' averages: 409
 * `grades.assessment_has_grades` otherwise. The grades go in the same transaction.
 */
export async function deleteAssessment(ctx: AppContext, actor: Actor, establishmentId: string, assessmentId: string, withGrades: boolean): Promise<void> {
  await ownAssessment(ctx.db, actor, establishmentId, assessmentId);
  await ctx.db.transaction().execute(async (trx) => {
    const graded = await trx.selectFrom('grade_entries').select('student_id').where('assessment_id', '=', assessmentId).limit(1).executeTakeFirst();
    if (graded && !withGrades) throw new AppError('grades.assessment_has_grades', 409);
    await trx.deleteFrom('grade_entries').where('assessment_id', '=', assessmentId).execute();
    await trx.deleteFrom('grade_assessments').where('id', '=', assessmentId).execute();
  });
}

/**
 * Enters (or clears, with neither a value nor a special value) the grades of several students in
 * one transaction: one set-based check that they are students of the group, one multi-row upsert,
 * one delete for the cleared ones.
 */
export async function enterGrades(ctx: AppContext, actor: Actor, establishmentId: string, assessmentId: string, body: GradeEntries): Promise<void> {
  const input = GradeEntriesSchema.parse(body);
  const assessment = await ownAssessment(ctx.db, actor, establishmentId, assessmentId);
  const ids = input.grades.map((g) => g.studentId);
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) throw badRequest('validation.failed', [{ field: `body.grades.${duplicate}.studentId`, issue: 'duplicate' }]);
  const members = await ctx.db.selectFrom('group_members').select('person_id').where('group_id', '=', assessment.group_id).where('role', '=', 'student').where('person_id', 'in', ids).execute();
  const inGroup = new Set(members.map((m) => m.person_id));
  const outside = input.grades.findIndex((g) => !inGroup.has(g.studentId));
  if (outside >= 0) throw badRequest('grades.invalid_students', [{ field: `body.grades.${outside}.studentId`, issue: 'not in the group' }]);
  const above = input.grades.findIndex((g) => g.value !== null && toCenti(g.value) > assessment.scale_centi);
  if (above >= 0) throw badRequest('grades.value_above_scale', [{ field: `body.grades.${above}.value`, issue: 'above the scale' }]);

  const now = ctx.clock.now().toISOString();
  const kept = input.grades.filter((g) => g.value !== null || g.special !== null);
  const cleared = input.grades.filter((g) => g.value === null && g.special === null).map((g) => g.studentId);
  await ctx.db.transaction().execute(async (trx) => {
    if (cleared.length > 0) await trx.deleteFrom('grade_entries').where('assessment_id', '=', assessmentId).where('student_id', 'in', cleared).execute();
    if (kept.length === 0) return;
    await trx
      .insertInto('grade_entries')
      .values(
        kept.map((g) => ({
          assessment_id: assessmentId,
          student_id: g.studentId,
          value_centi: g.value === null ? null : toCenti(g.value),
          special: g.special,
          // By default only work not handed in counts as 0; a value never "counts as zero".
          counts_as_zero: g.special === null ? 0 : (g.countsAsZero ?? g.special === 'not_handed_in') ? 1 : 0,
          comment: g.comment || null,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['assessment_id', 'student_id']).doUpdateSet((eb) => ({
          value_centi: eb.ref('excluded.value_centi'),
          special: eb.ref('excluded.special'),
          counts_as_zero: eb.ref('excluded.counts_as_zero'),
          comment: eb.ref('excluded.comment'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  });
}
