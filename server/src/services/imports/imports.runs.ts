import type { Db } from '../../kernel/db/database.js';

export function listRuns(db: Db, establishmentId: string, f: { before?: [string, string]; limit: number }) {
  let q = db
    .selectFrom('import_runs')
    .leftJoin('people', 'people.id', 'import_runs.requested_by')
    .select(['import_runs.id', 'import_runs.source', 'import_runs.status', 'import_runs.dry_run', 'import_runs.files', 'import_runs.summary', 'import_runs.report', 'import_runs.created_at', 'import_runs.finished_at', 'people.login'])
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
    .select(['import_runs.id', 'import_runs.source', 'import_runs.status', 'import_runs.dry_run', 'import_runs.files', 'import_runs.summary', 'import_runs.report', 'import_runs.created_at', 'import_runs.finished_at', 'people.login'])
    .where('import_runs.establishment_id', '=', establishmentId)
    .where('import_runs.id', '=', runId)
    .execute();
  return rows[0];
}

export async function markConfirmed(db: Db, runId: string) {
  await db.updateTable('import_runs').set({ status: 'confirmed' }).where('id', '=', runId).where('status', '=', 'planned').execute();
}

type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

export function presentRun(r: RunRow) {
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
  };
}
