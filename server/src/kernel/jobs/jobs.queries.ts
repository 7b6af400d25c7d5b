import { type Kysely, sql } from 'kysely';
import type { JobState, JobStatus } from './job-queue.js';

/** The `jobs` table (migration 0003): the SQLite queue, and the status mirror on PostgreSQL. */
export interface JobsTable {
  id: string;
  name: string;
  /** JSON */
  data: string;
  state: JobState;
  attempts: number;
  retry_limit: number;
  progress_done: number | null;
  progress_total: number | null;
  /** JSON */
  result: string | null;
  error: string | null;
  singleton_key: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export type JobRow = JobsTable;
export type JobsDb = Kysely<{ jobs: JobsTable }>;

/**
 * The jobs module is the only reader and writer of its table, so the table type lives here rather
 * than in the shared schema.ts.
 */
export function jobsDb<DB>(db: Kysely<DB>): JobsDb {
  return db.withTables<{ jobs: JobsTable }>() as unknown as JobsDb;
}

const UNFINISHED: JobState[] = ['queued', 'running'];

export const INTERRUPTED = 'Interrupted: the server stopped while the job was running';

export function toJobStatus(row: JobRow): JobStatus {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    attempts: row.attempts,
    progress: row.progress_total === null ? null : { done: row.progress_done ?? 0, total: row.progress_total },
    result: row.result === null ? null : JSON.parse(row.result),
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function isUnfinished(row: Pick<JobRow, 'state'>): boolean {
  return UNFINISHED.includes(row.state);
}

export async function findJob(db: JobsDb, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Inserts a queued job unless an unfinished job of that name already holds its singleton key
 * (partial unique index), and returns the id of the job that will do the work. `afterInsert` runs
 * in the same transaction (pg-boss's send on PostgreSQL). `stillHolds` lets PostgreSQL check that
 * the holder is not a row pg-boss has since failed without us knowing.
 */
export async function insertJob(
  db: JobsDb,
  row: Omit<JobRow, 'attempts' | 'progress_done' | 'progress_total' | 'result' | 'error' | 'started_at' | 'finished_at'>,
  hooks: { afterInsert?: (trx: JobsDb) => Promise<void>; stillHolds?: (holder: JobRow) => Promise<boolean> } = {},
): Promise<string> {
  // Three tries: the holder may finish between our insert and our look-up.
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db.transaction().execute(async (trx) => {
      const done = await trx
        .insertInto('jobs')
        .values({ ...row, attempts: 0 })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (done && hooks.afterInsert) await hooks.afterInsert(trx);
      return done !== undefined;
    });
    if (inserted || row.singleton_key === null) return row.id;
    const holder = await db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', row.name)
      .where('singleton_key', '=', row.singleton_key)
      .where('state', 'in', UNFINISHED)
      .executeTakeFirst();
    if (holder && (!hooks.stillHolds || (await hooks.stillHolds(holder)))) return holder.id;
  }
  throw new Error(`Could not enqueue job ${row.name}: singleton key ${row.singleton_key} kept changing hands`);
}

/** SQLite: takes the oldest queued job among `names`, atomically (one writer at a time). */
export async function claimNextJob(db: JobsDb, names: string[], now: string): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      started_at: now,
      finished_at: null,
      progress_done: null,
      progress_total: null,
    }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('state', '=', 'queued')
        .where('name', 'in', names)
        .orderBy('created_at')
        .orderBy('id')
        .limit(1),
    )
    .where('state', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/** PostgreSQL: pg-boss handed us the job; the mirror follows (a retry starts its progress afresh). */
export async function markRunning(db: JobsDb, id: string, attempt: number, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'running', attempts: attempt, started_at: now, finished_at: null, progress_done: null, progress_total: null })
    .where('id', '=', id)
    .execute();
}

// The writes below are fenced by (state running, attempts): a stale attempt never overwrites a newer one.

export async function saveProgress(db: JobsDb, id: string, attempt: number, done: number, total: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress_done: done, progress_total: total })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('state', '=', 'running')
    .execute();
}

export async function markDone(
  db: JobsDb,
  id: string,
  attempt: number,
  outcome: { result: unknown; progress: { done: number; total: number } | null; now: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('jobs')
    .set({
      state: 'done',
      result: JSON.stringify(outcome.result ?? null),
      error: null,
      finished_at: outcome.now,
      ...(outcome.progress ? { progress_done: outcome.progress.done, progress_total: outcome.progress.total } : {}),
    })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Back to the queue while retries remain (attempts ≤ retry_limit), otherwise failed for good. */
export async function markFailed(db: JobsDb, id: string, attempt: number, error: string, now: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      state: sql<JobState>`case when attempts > retry_limit then 'failed' else 'queued' end`,
      finished_at: sql<string | null>`case when attempts > retry_limit then ${now} else null end`,
      error,
    })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('state', '=', 'running')
    .execute();
}

/** SQLite, at start: jobs a killed process left running go back to the queue (or fail, out of retries). */
export async function requeueInterruptedJobs(db: JobsDb, now: string): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      state: sql<JobState>`case when attempts > retry_limit then 'failed' else 'queued' end`,
      finished_at: sql<string | null>`case when attempts > retry_limit then ${now} else null end`,
      error: INTERRUPTED,
    })
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listRunningJobs(db: JobsDb): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('state', '=', 'running').execute();
}

/** PostgreSQL: aligns the mirror with what pg-boss decided on its own (expiry, shutdown), unless it moved meanwhile. */
export async function overwriteState(
  db: JobsDb,
  seen: Pick<JobRow, 'id' | 'state' | 'attempts'>,
  next: { state: JobState; error: string | null; finishedAt: string | null },
): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({ state: next.state, error: next.error, finished_at: next.finishedAt })
    .where('id', '=', seen.id)
    .where('state', '=', seen.state)
    .where('attempts', '=', seen.attempts)
    .returningAll()
    .executeTakeFirst();
}
