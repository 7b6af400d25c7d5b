import type { Council, CouncilQuery, PublishCouncil } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { Clock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { type Selectable, sql } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { AppError, badRequest, notFound } from '../../kernel/errors/app-error.js';
import { emitEvent } from '../../kernel/events/index.js';
import { newId } from '../../kernel/ids.js';
import { classSnapshot } from './report-cards.figures.js';

export type CouncilRow = Selectable<Database['report_card_councils']>;
export interface ClassRef {
  id: string;
  name: string;
}
export interface PeriodRef {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  last: boolean;
}

/** A class of this establishment: 404 when it is not there, 400 for a group that is not a class. */
export async function requireClass(db: Db, establishmentId: string, groupId: string): Promise<ClassRef> {
  const group = await db.selectFrom('groups').select(['id', 'name', 'kind']).where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!group) throw notFound('directory.group_not_found');
  if (group.kind !== 'class') throw badRequest('report_cards.class_only', [{ field: 'groupId', issue: 'not a class' }]);
  return { id: group.id, name: group.name };
}

/** A grading period of this establishment, and whether it is the last of the year (orientation). */
export async function requirePeriod(db: Db, establishmentId: string, periodId: string): Promise<PeriodRef> {
  const periods = await db.selectFrom('grade_periods').select(['id', 'name', 'starts_on', 'ends_on']).where('establishment_id', '=', establishmentId).orderBy('starts_on').execute();
  const index = periods.findIndex((p) => p.id === periodId);
  const p = periods[index];
  if (!p) throw notFound('grades.period_not_found');
  return { id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on, last: index === periods.length - 1 };
}

/**
 * The council of a class for a period. The head saves the periods as a whole, which gives them new
 * ids: a council is also found by the period's dates (the same trimester under a new id), the
 * exact id first.
 */
export function findCouncil(db: Db, groupId: string, period: Pick<PeriodRef, 'id' | 'startsOn' | 'endsOn'>): Promise<CouncilRow | undefined> {
  return db
    .selectFrom('report_card_councils')
    .selectAll()
    .where('group_id', '=', groupId)
    .where((eb) => eb.or([eb('period_id', '=', period.id), eb.and([eb('period_starts_on', '=', period.startsOn), eb('period_ends_on', '=', period.endsOn)])]))
    .orderBy(sql`case when period_id = ${period.id} then 0 else 1 end`)
    .limit(1)
    .executeTakeFirst();
}

/** The council row, created open on the first write (two writers at once: one row, by the unique key). */
export async function ensureCouncil(trx: Db, clock: Clock, establishmentId: string, group: ClassRef, period: PeriodRef): Promise<CouncilRow> {
  const existing = await findCouncil(trx, group.id, period);
  if (existing?.period_id === period.id) return existing;
  if (existing) {
    // The same dates under a new period id: the council follows the period (and its new name).
    await trx.updateTable('report_card_councils').set({ period_id: period.id, period_name: period.name }).where('id', '=', existing.id).execute();
    return { ...existing, period_id: period.id, period_name: period.name };
  }
  const now = clock.now().toISOString();
  await trx
    .insertInto('report_card_councils')
    .values({
      id: newId(clock.now().getTime()),
      establishment_id: establishmentId,
      group_id: group.id,
      period_id: period.id,
      period_name: period.name,
      period_starts_on: period.startsOn,
      period_ends_on: period.endsOn,
      last_period: period.last ? 1 : 0,
      state: 'open',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['group_id', 'period_id']).doNothing())
    .execute();
  return (await findCouncil(trx, group.id, period)) as CouncilRow;
}

export const isPublished = (row: Pick<CouncilRow, 'state' | 'publish_at'> | undefined, now: Date) =>
  !!row && row.state === 'closed' && row.publish_at !== null && row.publish_at <= now.toISOString();

/** The council as the API shows it; a council nobody wrote in yet is open. */
export function toCouncil(row: CouncilRow | undefined, group: ClassRef, period: PeriodRef, now: Date): Council {
  return {
    id: row?.id ?? null,
    group,
    period: row ? { id: period.id, name: row.period_name, startsOn: row.period_starts_on, endsOn: row.period_ends_on, last: row.last_period === 1 } : period,
    state: row?.state === 'closed' ? 'closed' : 'open',
    closedAt: row?.closed_at ?? null,
    publishAt: row?.publish_at ?? null,
    published: isPublished(row, now),
  };
}

/** Appreciations and decisions change only while the council is open. */
export function requireOpen(row: CouncilRow | undefined): void {
  if (row?.state === 'closed') throw new AppError('report_cards.council_closed', 409);
}

async function councilFor(ctx: AppContext, establishmentId: string, q: CouncilQuery) {
  const [group, period] = await Promise.all([requireClass(ctx.db, establishmentId, q.groupId), requirePeriod(ctx.db, establishmentId, q.periodId)]);
  return { group, period };
}

/** The council is held: the figures are frozen and nothing changes until it is reopened. */
export async function closeCouncil(ctx: AppContext, actor: Actor, establishmentId: string, q: CouncilQuery): Promise<Council> {
  const { group, period } = await councilFor(ctx, establishmentId, q);
  const now = ctx.clock.now();
  const snapshot = await classSnapshot(ctx.db, establishmentId, group.id, period, now);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await ensureCouncil(trx, ctx.clock, establishmentId, group, period);
    // Only an open council closes (a concurrent close finds it closed).
    const closed = await trx
      .updateTable('report_card_councils')
      .set({ state: 'closed', snapshot_json: JSON.stringify(snapshot), closed_at: now.toISOString(), closed_by: actor.personId, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) throw new AppError('report_cards.council_closed', 409);
    // One row per student of the bulletins, so a student finds their bulletin even after changing class.
    const students = snapshot.students.map((s) => s.id);
    if (students.length)
      await trx
        .insertInto('report_card_students')
        .values(students.map((studentId) => ({ council_id: row.id, student_id: studentId, updated_at: now.toISOString() })))
        .onConflict((oc) => oc.columns(['council_id', 'student_id']).doNothing())
        .execute();
  });
  return toCouncil(await findCouncil(ctx.db, group.id, period), group, period, now);
}

/** Back to open (a correction after the council), as long as the bulletins are not published. */
export async function reopenCouncil(ctx: AppContext, establishmentId: string, q: CouncilQuery): Promise<Council> {
  const { group, period } = await councilFor(ctx, establishmentId, q);
  const now = ctx.clock.now();
  const row = await findCouncil(ctx.db, group.id, period);
  if (row?.state !== 'closed') throw new AppError('report_cards.not_closed', 409);
  if (isPublished(row, now)) throw new AppError('report_cards.already_published', 409);
  await ctx.db
    .updateTable('report_card_councils')
    .set({ state: 'open', snapshot_json: null, closed_at: null, closed_by: null, publish_at: null, updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('notified_at', 'is', null)
    .execute();
  return toCouncil(await findCouncil(ctx.db, group.id, period), group, period, now);
}

/**
 * Publishes a closed council's bulletins to the students and their legal guardians at `publishAt`
 * (now when null). When that time has come the announcement is made in the same transaction;
 * otherwise the one-minute job makes it. A time not yet reached can be moved.
 */
export async function publishCouncil(ctx: AppContext, establishmentId: string, body: PublishCouncil & { publishAt: string | null }): Promise<Council> {
  const { group, period } = await councilFor(ctx, establishmentId, body);
  const now = ctx.clock.now();
  const row = await findCouncil(ctx.db, group.id, period);
  if (row?.state !== 'closed') throw new AppError('report_cards.not_closed', 409);
  if (isPublished(row, now)) throw new AppError('report_cards.already_published', 409);
  const publishAt = body.publishAt ? new Date(body.publishAt).toISOString() : now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('report_card_councils').set({ publish_at: publishAt, updated_at: now.toISOString() }).where('id', '=', row.id).execute();
    await announceDue(trx, ctx.clock, [row.id]);
  });
  return toCouncil(await findCouncil(ctx.db, group.id, period), group, period, now);
}

/**
 * Announces the councils whose publication time has come, once each: claims `notified_at` where
 * still empty and emits `report_card.published` to the students of the bulletins and their legal
 * guardians in the same transaction. Quiet hours are the notification layer's business (no e-mail
 * or push leaves at night; they wait for the morning).
 */
export async function announceDue(trx: Db, clock: Clock, councilIds?: string[]): Promise<number> {
  const now = clock.now().toISOString();
  let query = trx
    .selectFrom('report_card_councils as c')
    .innerJoin('groups as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.establishment_id', 'c.closed_by', 'c.period_name', 'c.snapshot_json', 'g.name as group_name'])
    .where('c.state', '=', 'closed')
    .where('c.publish_at', '<=', now)
    .where('c.notified_at', 'is', null)
    .orderBy('c.publish_at')
    .limit(200);
  if (councilIds) query = query.where('c.id', 'in', councilIds);
  let announced = 0;
  for (const c of await query.execute()) {
    const claimed = await trx.updateTable('report_card_councils').set({ notified_at: now }).where('id', '=', c.id).where('notified_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const students = ((JSON.parse(c.snapshot_json ?? '{}') as { students?: { id: string }[] }).students ?? []).map((s) => s.id);
    const guardians = students.length
      ? await trx.selectFrom('relatives').select('relative_id').where('student_id', 'in', students).where('legal_guardian', '=', 1).execute()
      : [];
    await emitEvent(
      trx,
      {
        type: 'report_card.published',
        establishmentId: c.establishment_id,
        actorId: c.closed_by ?? '',
        recipientIds: [...students, ...guardians.map((g) => g.relative_id)],
        resource: { kind: 'report_card', id: c.id },
        summary: { period: c.period_name, group: c.group_name },
      },
      clock,
    );
    announced++;
  }
  return announced;
}

export async function publishDueReportCards(ctx: AppContext): Promise<number> {
  return ctx.db.transaction().execute((trx) => announceDue(trx, ctx.clock));
}

/** Every minute, whichever process gets there. */
export function scheduleReportCardPublications(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    publishDueReportCards(ctx).catch(() => {});
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
