import type { Collective, Collectives, Exemption, Exemptions, NewCollective, NewExemption } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { badRequest, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { displayName } from '../directory/index.js';
import { addDays, parisInstant, parisToday } from '../timetable/index.js';
import { requireReason } from './attendance.reasons.js';

function collectivesQuery(db: Db, establishmentId: string) {
  return db
    .selectFrom('attendance_collectives as c')
    .innerJoin('groups as g', 'g.id', 'c.group_id')
    .leftJoin('attendance_reasons as r', 'r.id', 'c.reason_id')
    .select(['c.id', 'c.group_id', 'g.name as group_name', 'c.starts_at', 'c.ends_at', 'c.label', 'c.reason_id', 'r.label as reason_label'])
    .where('c.establishment_id', '=', establishmentId)
    .orderBy('c.starts_at');
}

type CollectiveRow = Awaited<ReturnType<ReturnType<typeof collectivesQuery>['execute']>>[number];
const toCollective = (r: CollectiveRow): Collective => ({
  id: r.id,
  group: { id: r.group_id, name: r.group_name },
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  label: r.label,
  reason: r.reason_id ? { id: r.reason_id, name: r.reason_label ?? '' } : null,
});

/** Collective absences touching the day (default today) and after it, for vie scolaire's page. */
export async function listCollectives(ctx: AppContext, establishmentId: string, date: string | undefined): Promise<Collectives> {
  const from = parisInstant(date ?? parisToday(ctx.clock.now()), '00:00').toISOString();
  const rows = await collectivesQuery(ctx.db, establishmentId).where('c.ends_at', '>', from).limit(200).execute();
  return { collectives: rows.map(toCollective) };
}

/**
 * A class or group away (trip, exam): each of its students gets a justified 'collective' event, and
 * absences their registers recorded meanwhile without a justification are withdrawn — they were
 * not absent, they were away with the school. Deleting the collective deletes its events.
 */
export async function declareCollective(ctx: AppContext, actor: Actor, establishmentId: string, input: NewCollective): Promise<Collective> {
  const group = await ctx.db.selectFrom('groups').select(['id']).where('id', '=', input.groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!group) throw notFound('directory.group_not_found');
  const reason = input.reasonId ? await requireReason(ctx.db, establishmentId, input.reasonId) : null;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId(now.getTime());
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('attendance_collectives')
      .values({ id, establishment_id: establishmentId, group_id: group.id, starts_at: startsAt, ends_at: endsAt, reason_id: reason?.id ?? null, label: input.label.trim(), created_by: actor.personId, created_at: at })
      .execute();
    const students = (await trx.selectFrom('group_members').select('person_id').where('group_id', '=', group.id).where('role', '=', 'student').execute()).map((s) => s.person_id);
    if (students.length === 0) return;
    await trx
      .deleteFrom('attendance_events')
      .where('student_id', 'in', students)
      .where('source', '=', 'register')
      .where('kind', '=', 'absence')
      .where('justification', '=', 'unjustified')
      .where('starts_at', '<', endsAt)
      .where('ends_at', '>', startsAt)
      .execute();
    await trx
      .insertInto('attendance_events')
      .values(
        students.map((studentId) => ({
          id: newId(now.getTime()),
          establishment_id: establishmentId,
          student_id: studentId,
          kind: 'absence',
          starts_at: startsAt,
          ends_at: endsAt,
          minutes: null,
          reason_id: reason?.id ?? null,
          justification: 'justified',
          source: 'collective',
          register_id: null,
          collective_id: id,
          comment: input.label.trim(),
          flag: null,
          created_by: actor.personId,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  });
  const row = await collectivesQuery(ctx.db, establishmentId).where('c.id', '=', id).executeTakeFirstOrThrow();
  return toCollective(row);
}

export async function deleteCollective(ctx: AppContext, establishmentId: string, collectiveId: string): Promise<void> {
  const row = await ctx.db.selectFrom('attendance_collectives').select('id').where('id', '=', collectiveId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('attendance.collective_not_found');
  await ctx.db.transaction().execute(async (trx) => {
    // SQLite may run without foreign-key enforcement: delete the events explicitly.
    await trx.deleteFrom('attendance_events').where('collective_id', '=', collectiveId).execute();
    await trx.deleteFrom('attendance_collectives').where('id', '=', collectiveId).execute();
  });
}

// ——— Exemptions ———

function exemptionsQuery(db: Db, establishmentId: string) {
  return db
    .selectFrom('attendance_exemptions as x')
    .innerJoin('people as p', 'p.id', 'x.student_id')
    .innerJoin('subjects as s', 's.id', 'x.subject_id')
    .select(['x.id', 'x.student_id', 'p.first_name', 'p.last_name', 'x.subject_id', 's.name as subject_name', 'x.starts_on', 'x.ends_on', 'x.must_attend', 'x.comment'])
    .where('x.establishment_id', '=', establishmentId)
    .orderBy('x.starts_on');
}
type ExemptionRow = Awaited<ReturnType<ReturnType<typeof exemptionsQuery>['execute']>>[number];
const toExemption = (r: ExemptionRow): Exemption => ({
  id: r.id,
  student: { id: r.student_id, name: displayName(r.first_name, r.last_name) },
  subject: { id: r.subject_id, name: r.subject_name },
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  mustAttend: r.must_attend === 1,
  comment: r.comment,
});

/** A student's exemptions, or those in force on a day (default today). */
export async function listExemptions(ctx: AppContext, establishmentId: string, query: { studentId?: string; date?: string }): Promise<Exemptions> {
  let q = exemptionsQuery(ctx.db, establishmentId);
  if (query.studentId) q = q.where('x.student_id', '=', query.studentId);
  else {
    const day = query.date ?? parisToday(ctx.clock.now());
    q = q.where('x.starts_on', '<=', day).where('x.ends_on', '>=', day);
  }
  return { exemptions: (await q.limit(500).execute()).map(toExemption) };
}

export async function createExemption(ctx: AppContext, actor: Actor, establishmentId: string, input: NewExemption): Promise<Exemption> {
  const [student, subject] = await Promise.all([
    ctx.db.selectFrom('memberships').select('person_id').where('person_id', '=', input.studentId).where('establishment_id', '=', establishmentId).where('profile', '=', 'student').executeTakeFirst(),
    ctx.db.selectFrom('subjects').select('id').where('id', '=', input.subjectId).where('establishment_id', '=', establishmentId).executeTakeFirst(),
  ]);
  if (!student) throw badRequest('attendance.student_not_found');
  if (!subject) throw badRequest('structures.subject_not_found');
  if (addDays(input.startsOn, 366) < input.endsOn) throw badRequest('validation.failed', [{ field: 'endsOn', issue: 'range' }]);
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  await ctx.db
    .insertInto('attendance_exemptions')
    .values({
      id,
      establishment_id: establishmentId,
      student_id: input.studentId,
      subject_id: input.subjectId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      must_attend: input.mustAttend ? 1 : 0,
      comment: input.comment ?? null,
      created_by: actor.personId,
      created_at: now.toISOString(),
    })
    .execute();
  return toExemption(await exemptionsQuery(ctx.db, establishmentId).where('x.id', '=', id).executeTakeFirstOrThrow());
}

export async function deleteExemption(ctx: AppContext, establishmentId: string, exemptionId: string): Promise<void> {
  const result = await ctx.db.deleteFrom('attendance_exemptions').where('id', '=', exemptionId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('attendance.exemption_not_found');
}
