import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';
import { recordAudit } from '../audit/index.js';
import { applyPlan } from './apply.js';
import { tuneImportTransaction } from './bulk.js';
import { withLoginRetry } from './login-retry.js';
import type { EstablishmentFeed } from './feed.js';
import { findEstablishmentByUai, loadExistingState } from './imports.queries.js';
import { type PlanOptions, planImport } from './plan.js';
import type { ImportPlan } from './plan.types.js';
import { buildReport, type ImportReport, summaryOf } from './report.js';

export class UnknownEstablishmentError extends Error {
  constructor(readonly uai: string) {
    super(`The establishment ${uai} is not on this platform: add it first (preau establishment add ${uai} "…" --type …).`);
  }
}

/** Overwriting accounts a national source feeds is the administrator's explicit choice: audited, with every account. */
async function auditNationalOverride(trx: Db, clock: Clock, plan: ImportPlan, actorId: string | null) {
  const overridden = plan.updates.filter((u) => u.overridesNational);
  if (overridden.length === 0) return;
  await recordAudit(trx, clock, {
    action: 'imports.national_override',
    actorId,
    establishmentId: plan.establishment.id,
    details: { source: plan.source, count: overridden.length, people: overridden.map((u) => u.personId) },
  });
}

export interface RunImportOptions extends PlanOptions {
  apply: boolean;
  /** Chosen by the caller when files are stored under the run's id before it runs. */
  runId?: string;
  requestedBy?: string | null;
  files: string[];
}

/**
 * Dry run (plan and report, nothing written but the run's history) or application (plan and write
 * in one transaction for the establishment, so a crash or kill leaves the previous state).
 */
export async function runImport(db: Db, clock: Clock, feed: EstablishmentFeed, options: RunImportOptions): Promise<{ runId: string; report: ImportReport }> {
  const establishment = await findEstablishmentByUai(db, feed.uai);
  if (!establishment) throw new UnknownEstablishmentError(feed.uai);
  const runId = options.runId ?? newId();
  const started = clock.now().toISOString();
  // The run's row may exist already (queued by the admin console): it is completed, not duplicated.
  const record = async (trx: Db, report: ImportReport) => {
    const values = {
      id: runId,
      establishment_id: establishment.id,
      uai: establishment.uai,
      source: feed.source,
      status: options.apply ? 'applied' : 'planned',
      dry_run: options.apply ? 0 : 1,
      requested_by: options.requestedBy ?? null,
      files: JSON.stringify(options.files),
      summary: JSON.stringify(summaryOf(report)),
      report: JSON.stringify(report),
      created_at: started,
      finished_at: clock.now().toISOString(),
    };
    const { id: _id, created_at: _created, requested_by: _by, ...update } = values;
    await trx.insertInto('import_runs').values(values).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
  };

  if (!options.apply) {
    const state = await loadExistingState(db, establishment, feed);
    const report = buildReport(planImport(feed, state, options), { applied: false });
    await record(db, report);
    return { runId, report };
  }
  const report = await withLoginRetry(() =>
    db.transaction().execute(async (trx) => {
      await tuneImportTransaction(trx);
      const state = await loadExistingState(trx, establishment, feed);
      const plan = planImport(feed, state, options);
      const created = await applyPlan(trx, clock, feed, state, plan);
      await auditNationalOverride(trx, clock, plan, options.requestedBy ?? null);
      const result = buildReport(plan, { applied: true, created });
      await record(trx, result);
      return result;
    }),
  );
  return { runId, report };
}
