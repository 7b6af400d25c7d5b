import type { Db } from '../../kernel/db/database.js';

const COLUMNS = [
  'import_runs.id',
  'import_runs.source',
  'import_runs.status',
  'import_runs.dry_run',
  'import_runs.files',
  'import_runs.summary',
  'import_runs.report',
  'import_runs.created_at',
  'import_runs.finished_at',
  'import_runs.job_id',
  'import_runs.error',
  'import_runs.options',
  'import_runs.progress_done',
  'import_runs.progress_total',
  'people.login',
] as const;

const EMPTY_SUMMARY = JSON.stringify({ created: 0, updated: 0, moved: 0, deactivated: 0, conflicts: 0, rejected: 0 });

export function listRuns(db: Db, establishmentId: string, f: { before?: [string, string]; limit: number }) {
  let q = db
    .selectFrom('import_runs')
    .leftJoin('people', 'people.id', 'import_runs.requested_by')
    .select(COLUMNS)
    .where('import_runs.establishment_id', '=', establishmentId)
    .orderBy('import_runs.created_at', 'desc')
    .orderBy('import_runs.id', 'desc')
    .limit(f.limit + 1);
  if (f.before) {
    const [at, id] = f.before;
    q = q.where((eb) => eb(eb.refTuple('import_runs.created_at', 'import_runs.id'), '<', eb.tuple(at, id)));
  }
  return q.execute();
}

export async function findRun(db: Db, establishmentId: string, runId: string) {
  const rows = await db
    .selectFrom('import_runs')
    .leftJoin('people', 'people.id', 'import_runs.requested_by')
    .select(COLUMNS)
    .where('import_runs.establishment_id', '=', establishmentId)
    .where('import_runs.id', '=', runId)
    .execute();
  return rows[0];
}

/** The row the console shows while the background job waits or runs. */
export async function createQueuedRun(
  db: Db,
  run: { id: string; establishmentId: string; uai: string; source: string; dryRun: boolean; requestedBy: string; files: string[]; now: string; options: object },
) {
  await db
    .insertInto('import_runs')
    .values({
      id: run.id,
      establishment_id: run.establishmentId,
      uai: run.uai,
      source: run.source,
      status: 'queued',
      dry_run: run.dryRun ? 1 : 0,
      requested_by: run.requestedBy,
      files: JSON.stringify(run.files),
      summary: EMPTY_SUMMARY,
      report: '{}',
      created_at: run.now,
      finished_at: null,
      options: JSON.stringify(run.options),
    })
    .execute();
}

export async function setRunJob(db: Db, runId: string, jobId: string) {
  await db.updateTable('import_runs').set({ job_id: jobId }).where('id', '=', runId).execute();
}

export async function setRunStatus(db: Db, runId: string, status: string, extra: { error?: object; finishedAt?: string } = {}) {
  await db
    .updateTable('import_runs')
    .set({ status, ...(extra.error ? { error: JSON.stringify(extra.error) } : {}), ...(extra.finishedAt ? { finished_at: extra.finishedAt } : {}) })
    .where('id', '=', runId)
    .execute();
}

/** Claims a dry run for application: only one confirmation wins, even with two clicks or two processes. */
export async function claimDryRun(db: Db, runId: string): Promise<boolean> {
  const result = await db.updateTable('import_runs').set({ status: 'confirmed' }).where('id', '=', runId).where('status', '=', 'planned').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

export function presentRun(r: RunRow, progress: { done: number; total: number } | null = null) {
  return {
    id: r.id,
    source: r.source,
    status: r.status,
    dryRun: r.dry_run === 1,
    files: JSON.parse(r.files) as string[],
    summary: JSON.parse(r.summary),
    requestedBy: r.login ?? null,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    // A run outside the job queue (an AAF académie run) records its own progress.
    progress: progress ?? (r.progress_total ? { done: r.progress_done ?? 0, total: r.progress_total } : null),
    error: r.error ? (JSON.parse(r.error) as { code: string; details: { field: string; issue: string }[] }) : null,
  };
}
