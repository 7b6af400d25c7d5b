import type { AppreciationGrid, CouncilDecisions, CouncilQuery, CouncilSheet, Decision, GeneralAppreciations, SubjectAppreciations } from '@preau/contracts';
import { CouncilDecisions as CouncilDecisionsSchema } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { badRequest, forbidden } from '../../kernel/errors/app-error.js';
import { displayName } from '../directory/index.js';
import { councilAccess, gridAccess, isHeadTeacher, requireSubject, subjectStudents, teachesInClass } from './report-cards.access.js';
import { type ClassRef, type CouncilRow, ensureCouncil, findCouncil, type PeriodRef, requireClass, requireOpen, requirePeriod, toCouncil } from './report-cards.councils.js';
import { type ClassSnapshot, classSnapshot, classStudentIds } from './report-cards.figures.js';
import { chairsCouncils } from './report-cards.policy.js';

/** The frozen figures of a closed council, or the live ones of an open council. */
export async function snapshotOf(db: Db, establishmentId: string, row: CouncilRow | undefined, group: ClassRef, period: { startsOn: string; endsOn: string }, now: Date): Promise<ClassSnapshot> {
  if (row?.state === 'closed' && row.snapshot_json) return JSON.parse(row.snapshot_json) as ClassSnapshot;
  return classSnapshot(db, establishmentId, group.id, period, now);
}

async function scope(ctx: AppContext, establishmentId: string, q: CouncilQuery) {
  const [group, period] = await Promise.all([requireClass(ctx.db, establishmentId, q.groupId), requirePeriod(ctx.db, establishmentId, q.periodId)]);
  return { group, period, row: await findCouncil(ctx.db, group.id, period) };
}

/** Every listed student must be one of `allowed` (a subquery of ids): 400 on the first that is not. */
async function requireStudents(db: Db, studentIds: string[], allowed: ReturnType<typeof classStudentIds>): Promise<void> {
  const duplicate = studentIds.findIndex((id, i) => studentIds.indexOf(id) !== i);
  if (duplicate >= 0) throw badRequest('validation.failed', [{ field: `${duplicate}.studentId`, issue: 'duplicate' }]);
  const found = await db.selectFrom('people').select('id').where('id', 'in', studentIds).where('id', 'in', allowed).execute();
  const known = new Set(found.map((f) => f.id));
  const outside = studentIds.findIndex((id) => !known.has(id));
  if (outside >= 0) throw badRequest('report_cards.invalid_students', [{ field: `${outside}.studentId`, issue: 'not in the class' }]);
}

/** A subject's appreciations for a class and period, with each student's average and the class figures. */
export async function appreciationGrid(ctx: AppContext, actor: Actor, establishmentId: string, q: CouncilQuery & { subjectId: string }): Promise<AppreciationGrid> {
  const { group, period, row } = await scope(ctx, establishmentId, q);
  const subject = await requireSubject(ctx.db, establishmentId, q.subjectId);
  const { teacher } = await gridAccess(ctx.db, actor, establishmentId, group.id, subject.id);
  const now = ctx.clock.now();
  const [snapshot, students, texts] = await Promise.all([
    snapshotOf(ctx.db, establishmentId, row, group, period, now),
    ctx.db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name'])
      .where('id', 'in', subjectStudents(ctx.db, group.id, subject.id, teacher ? actor.personId : undefined))
      .orderBy('last_name')
      .orderBy('first_name')
      .orderBy('id')
      .execute(),
    row ? ctx.db.selectFrom('report_card_appreciations').select(['student_id', 'text']).where('council_id', '=', row.id).where('subject_id', '=', subject.id).execute() : Promise.resolve([]),
  ]);
  const textOf = new Map(texts.map((t) => [t.student_id, t.text]));
  return {
    council: toCouncil(row, group, period, now),
    subject,
    editable: teacher && row?.state !== 'closed',
    classFigures: snapshot.subjects.find((s) => s.id === subject.id)?.figures ?? { average: null, min: null, max: null },
    students: students.map((s) => {
      const frozen = snapshot.students.find((x) => x.id === s.id);
      return {
        id: s.id,
        name: frozen?.name ?? displayName(s.first_name, s.last_name),
        average: frozen?.subjects.find((x) => x.id === subject.id)?.average ?? null,
        appreciation: textOf.get(s.id) ?? null,
      };
    }),
  };
}

/** A subject teacher writes (or, with an empty text, clears) appreciations for their own students. */
export async function saveSubjectAppreciations(ctx: AppContext, actor: Actor, establishmentId: string, body: SubjectAppreciations): Promise<void> {
  const { group, period, row } = await scope(ctx, establishmentId, body);
  await requireSubject(ctx.db, establishmentId, body.subjectId);
  if (!(await teachesInClass(ctx.db, actor, group.id, body.subjectId))) throw forbidden('report_cards.not_teacher');
  requireOpen(row);
  await requireStudents(
    ctx.db,
    body.appreciations.map((a) => a.studentId),
    subjectStudents(ctx.db, group.id, body.subjectId, actor.personId),
  );
  const now = ctx.clock.now().toISOString();
  const kept = body.appreciations.filter((a) => a.text !== '');
  const cleared = body.appreciations.filter((a) => a.text === '').map((a) => a.studentId);
  await ctx.db.transaction().execute(async (trx) => {
    const council = await ensureCouncil(trx, ctx.clock, establishmentId, group, period);
    requireOpen(council);
    if (cleared.length) await trx.deleteFrom('report_card_appreciations').where('council_id', '=', council.id).where('subject_id', '=', body.subjectId).where('student_id', 'in', cleared).execute();
    if (!kept.length) return;
    await trx
      .insertInto('report_card_appreciations')
      .values(kept.map((a) => ({ council_id: council.id, student_id: a.studentId, subject_id: body.subjectId, text: a.text, author_id: actor.personId, updated_at: now })))
      .onConflict((oc) =>
        oc.columns(['council_id', 'student_id', 'subject_id']).doUpdateSet((eb) => ({ text: eb.ref('excluded.text'), author_id: eb.ref('excluded.author_id'), updated_at: eb.ref('excluded.updated_at') })),
      )
      .execute();
  });
}

type StudentFields = { general_appreciation?: string | null; general_author_id?: string | null; distinction?: string | null; work_warning?: number; behaviour_warning?: number; orientation?: string | null };

/** One multi-row upsert of per-student council fields (the general appreciation, or the decisions). */
async function upsertStudents(ctx: AppContext, establishmentId: string, group: ClassRef, period: PeriodRef, rows: ({ studentId: string } & StudentFields)[]): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const columns = Object.keys(rows[0] ?? {}).filter((k) => k !== 'studentId') as (keyof StudentFields)[];
  await ctx.db.transaction().execute(async (trx) => {
    const council = await ensureCouncil(trx, ctx.clock, establishmentId, group, period);
    requireOpen(council);
    await trx
      .insertInto('report_card_students')
      .values(rows.map(({ studentId, ...fields }) => ({ council_id: council.id, student_id: studentId, ...fields, updated_at: now })))
      .onConflict((oc) =>
        oc.columns(['council_id', 'student_id']).doUpdateSet((eb) => Object.fromEntries([...columns, 'updated_at'].map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.updated_at')]))),
      )
      .execute();
  });
}

/** The head teacher (or the head and deputies) writes the general appreciations. */
export async function saveGeneralAppreciations(ctx: AppContext, actor: Actor, establishmentId: string, body: GeneralAppreciations): Promise<void> {
  const { group, period, row } = await scope(ctx, establishmentId, body);
  if (!chairsCouncils(actor, establishmentId) && !(await isHeadTeacher(ctx.db, actor, group.id))) throw forbidden('report_cards.not_head_teacher');
  requireOpen(row);
  await requireStudents(
    ctx.db,
    body.appreciations.map((a) => a.studentId),
    classStudentIds(ctx.db, group.id),
  );
  await upsertStudents(
    ctx,
    establishmentId,
    group,
    period,
    body.appreciations.map((a) => ({ studentId: a.studentId, general_appreciation: a.text || null, general_author_id: a.text ? actor.personId : null })),
  );
}

/** The council's decisions (head and deputies): a distinction or warnings, and at the last period the orientation. */
export async function saveDecisions(ctx: AppContext, establishmentId: string, body: CouncilDecisions): Promise<void> {
  const input = CouncilDecisionsSchema.parse(body);
  const { group, period, row } = await scope(ctx, establishmentId, input);
  requireOpen(row);
  const early = input.decisions.findIndex((d) => d.orientation !== '');
  if (early >= 0 && !period.last) throw badRequest('report_cards.orientation_last_period', [{ field: `body.decisions.${early}.orientation`, issue: 'last period only' }]);
  await requireStudents(
    ctx.db,
    input.decisions.map((d) => d.studentId),
    classStudentIds(ctx.db, group.id),
  );
  await upsertStudents(
    ctx,
    establishmentId,
    group,
    period,
    input.decisions.map((d) => ({
      studentId: d.studentId,
      distinction: d.distinction,
      work_warning: d.workWarning ? 1 : 0,
      behaviour_warning: d.behaviourWarning ? 1 : 0,
      orientation: d.orientation || null,
    })),
  );
}

export const toDecision = (r: { distinction: string | null; work_warning: number; behaviour_warning: number; orientation: string | null } | undefined): Decision => ({
  distinction: (r?.distinction ?? null) as Decision['distinction'],
  workWarning: r?.work_warning === 1,
  behaviourWarning: r?.behaviour_warning === 1,
  orientation: r?.orientation ?? null,
});

/** The council's page: each student's general average, general appreciation, decisions, missing appreciations. */
export async function councilSheet(ctx: AppContext, actor: Actor, establishmentId: string, q: CouncilQuery): Promise<CouncilSheet> {
  const { group, period, row } = await scope(ctx, establishmentId, q);
  const { headTeacher, chairs } = await councilAccess(ctx.db, actor, establishmentId, group.id);
  const now = ctx.clock.now();
  const [snapshot, fields, appreciations] = await Promise.all([
    snapshotOf(ctx.db, establishmentId, row, group, period, now),
    row ? ctx.db.selectFrom('report_card_students').selectAll().where('council_id', '=', row.id).execute() : Promise.resolve([]),
    row ? ctx.db.selectFrom('report_card_appreciations').select(['student_id', 'subject_id']).where('council_id', '=', row.id).execute() : Promise.resolve([]),
  ]);
  const written = new Set(appreciations.map((a) => `${a.student_id}|${a.subject_id}`));
  const open = row?.state !== 'closed';
  return {
    council: toCouncil(row, group, period, now),
    canWriteGeneral: open && (headTeacher || chairs),
    canDecide: open && chairs,
    generalFigures: snapshot.general,
    students: snapshot.students.map((s) => {
      const { id } = s;
      const own = fields.find((f) => f.student_id === id);
      return {
        id,
        name: s.name,
        general: s.general,
        generalAppreciation: own?.general_appreciation ?? null,
        decision: toDecision(own),
        missingAppreciations: s.subjects.filter((x) => !written.has(`${id}|${x.id}`)).length,
      };
    }),
  };
}
