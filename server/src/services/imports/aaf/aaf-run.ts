import type { Profile } from '@preau/contracts';
import { PostgresAdapter, sql } from 'kysely';
import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';
import { applyPlan } from '../apply.js';
import { tuneImportTransaction } from '../bulk.js';
import { withLoginRetry } from '../login-retry.js';
import { UnusableFileError } from '../feed.js';
import { chunks, findEstablishmentByUai, loadExistingState } from '../imports.queries.js';
import { UnknownEstablishmentError } from '../imports.usecases.js';
import { planImport } from '../plan.js';
import { buildReport, summaryOf } from '../report.js';
import { addLeavers, buildEstablishmentFeed, completeFromState } from './aaf-feed.js';
import { aafFiles } from './aaf-files.js';
import type { AafFileKind } from './aaf-format.js';
import { type ReadProgress, stageAafFeed } from './aaf-read.js';
import type { AafDirectory } from './aaf-records.js';
import { type AafAcademyReport, type AafSection, addToTotals, emptyTotals } from './aaf-report.js';
import { attachFromDatabase, clearAbandonedStaging, clearStaging, deletedIds, peopleOf, rejectionsOf, relativesById, stagedEstablishments } from './aaf-staging.js';

export type AafProgress = { phase: 'reading'; read: ReadProgress } | { phase: 'importing'; done: number; total: number; section: AafSection };

export interface AafRunOptions {
  /** Files or directories of the feed. */
  files: string[];
  /** Import only this establishment of the feed. */
  uai?: string;
  apply: boolean;
  /** The run's row when it exists already (queued by the admin console). */
  runId?: string;
  requestedBy?: string | null;
  onProgress?: (progress: AafProgress) => void | Promise<void>;
  /** Each establishment's section as soon as it is done (the CLI streams them). */
  onSection?: (section: AafSection) => void | Promise<void>;
}

const COVERS: Partial<Record<AafFileKind, Profile[]>> = { Eleve: ['student'], PersRelEleve: ['relative'], PersEducNat: ['teacher', 'personnel'] };

interface RunContext {
  db: Db;
  clock: Clock;
  runId: string;
  single: boolean;
  options: AafRunOptions;
  directory: AafDirectory;
  deleted: Set<string>;
  covers: Profile[];
  relativesInFeed: boolean;
}

/**
 * An AAF import: the feed is streamed into staging, then each establishment is planned (and, with
 * `apply`, written) in its own transaction with the same planner and writer as SIECLE and STS-web.
 * A crash or kill leaves every establishment either as before or fully imported; running the same
 * feed again completes the others and changes nothing in those already done.
 */
export async function runAafImport(db: Db, clock: Clock, options: AafRunOptions): Promise<AafAcademyReport> {
  const { files, delta } = aafFiles(options.files);
  const runId = options.runId ?? newId();
  const single = !!options.uai;
  const only = options.uai ? await findEstablishmentByUai(db, options.uai) : undefined;
  if (options.uai && !only) throw new UnknownEstablishmentError(options.uai);
  await clearAbandonedStaging(db, clock.now());
  const started = clock.now().toISOString();
  const fileNames = files.map((f) => f.name);
  await db
    .insertInto('import_runs')
    .values({ id: runId, establishment_id: only?.id ?? null, uai: options.uai ?? '', source: 'aaf', status: 'running', dry_run: options.apply ? 0 : 1, requested_by: options.requestedBy ?? null, files: JSON.stringify(fileNames), summary: '{}', report: '{}', created_at: started, finished_at: null })
    .onConflict((oc) => oc.column('id').doUpdateSet({ status: 'running' }))
    .execute();
  try {
    const { directory, kinds } = await stageAafFeed(db, runId, files, {
      onlyUai: options.uai,
      delta,
      onProgress: async (read) => {
        await options.onProgress?.({ phase: 'reading', read });
        await db.updateTable('import_runs').set({ progress_at: clock.now().toISOString() }).where('id', '=', runId).execute();
      },
    });
    const visit = await attachFromDatabase(db, runId, delta);
    const counts = await stagedEstablishments(db, runId);
    const uais = new Set([...counts.keys(), ...visit, ...directory.byUai.keys()]);
    if (options.uai) {
      if (!counts.has(options.uai) && !visit.has(options.uai)) {
        throw new UnusableFileError(fileNames.join(', '), 'no_records', `The AAF feed has no record for ${options.uai}: nothing to import (absent people would all look gone).`);
      }
      for (const uai of uais) if (uai !== options.uai) uais.delete(uai);
    }
    const ctx: RunContext = {
      db,
      clock,
      runId,
      single,
      options,
      directory,
      deleted: await deletedIds(db, runId),
      covers: delta ? [] : [...kinds].flatMap((k) => COVERS[k] ?? []),
      relativesInFeed: kinds.has('PersRelEleve'),
    };
    const report: AafAcademyReport = { runId, source: 'aaf', applied: options.apply, mode: delta ? 'delta' : 'complete', establishments: [], rejected: { count: 0, items: [] }, totals: emptyTotals() };
    const platform = await establishmentsByUai(db, [...uais]);
    const ordered = [...uais].sort();
    let done = 0;
    await refreshStatistics(db, ['aaf_staging', 'aaf_staging_members']);
    let nextAnalyze = 1;
    // The next establishment's feed is read from staging while this one is written.
    const prepared = new Map<string, Promise<Prepared>>();
    const prepare = (uai: string | undefined) => {
      const establishment = uai ? platform.get(uai) : undefined;
      if (!uai || !establishment || prepared.has(uai)) return;
      const promise = prepareEstablishment(ctx, establishment);
      promise.catch(() => {});
      prepared.set(uai, promise);
    };
    for (const [index, uai] of ordered.entries()) {
      prepare(uai);
      prepare(ordered[index + 1]);
      // An académie import grows the tables faster than autovacuum notices: without fresh
      // statistics PostgreSQL keeps planning for empty tables (nested loops over 100,000s of rows).
      if (done === nextAnalyze) {
        await refreshStatistics(db, GROWING_TABLES);
        nextAnalyze *= 2;
      }
      const establishment = platform.get(uai);
      const accounts = counts.get(uai) ?? 0;
      let section: AafSection;
      if (!establishment) {
        section = { uai, name: directory.byUai.get(uai)?.name ?? null, status: 'refused', accounts, message: `${uai} is not on this platform: its ${accounts} account(s) were not imported (add the establishment first: preau establishment add ${uai} "…" --type …).` };
      } else if (accounts === 0 && !visit.has(uai)) {
        section = { uai, name: establishment.name, status: 'skipped', accounts, message: 'No account of the feed belongs to this establishment: left unchanged.' };
      } else {
        const first = prepared.get(uai)!;
        // A retry (another import took a login first) starts again from staging: the feed built
        // for the first attempt was completed from a state that has changed since.
        section = await withLoginRetry(async (retry) => importEstablishment(ctx, establishment, accounts, retry === 0 ? await first : await prepareEstablishment(ctx, establishment)));
      }
      prepared.delete(uai);
      done += 1;
      addToTotals(report.totals, section);
      const { report: full, ...rest } = section;
      report.establishments.push({ ...rest, summary: full ? summaryOf(full) : null });
      await options.onSection?.(section);
      await options.onProgress?.({ phase: 'importing', done, total: ordered.length, section });
      await db.updateTable('import_runs').set({ progress_done: done, progress_total: ordered.length, progress_at: clock.now().toISOString() }).where('id', '=', runId).execute();
    }
    if (!single) {
      const rejected = await rejectionsOf(db, runId, '');
      report.rejected = { count: rejected.length, items: rejected };
      report.totals.rejected += rejected.length;
    }
    if (!single) {
      await db
        .updateTable('import_runs')
        .set({ status: options.apply ? 'applied' : 'planned', summary: JSON.stringify(report.totals), report: JSON.stringify(report), finished_at: clock.now().toISOString() })
        .where('id', '=', runId)
        .execute();
    }
    return report;
  } catch (error) {
    await db.updateTable('import_runs').set({ status: 'failed', error: JSON.stringify({ code: 'imports.unusable_file', details: [{ field: 'files', issue: (error as Error).message }] }), finished_at: clock.now().toISOString() }).where('id', '=', runId).execute();
    throw error;
  } finally {
    await clearStaging(db, runId);
  }
}

const GROWING_TABLES = ['people', 'person_sources', 'memberships', 'person_functions', 'groups', 'group_members', 'relatives', 'teachings', 'subjects'];

async function refreshStatistics(db: Db, tables: string[]) {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

async function establishmentsByUai(db: Db, uais: string[]) {
  const found = new Map<string, { id: string; uai: string; name: string }>();
  for (const part of chunks(uais, 500)) {
    for (const e of await db.selectFrom('establishments').select(['id', 'uai', 'name']).where('uai', 'in', part).execute()) found.set(e.uai, e);
  }
  return found;
}

type Prepared = ReturnType<typeof buildEstablishmentFeed>;

/** The establishment's feed from staging (no read of the accounts: those are read in its transaction). */
async function prepareEstablishment(ctx: RunContext, establishment: { uai: string }): Promise<Prepared> {
  const { db, runId } = ctx;
  const uai = establishment.uai;
  const people = await peopleOf(db, runId, uai);
  const present = new Set(people.map((p) => p.id));
  const named = new Set(people.flatMap((p) => (p.kind === 'student' ? (p.data.relations ?? []).map((r) => r.id) : [])).filter((id) => !present.has(id)));
  const relatives = await relativesById(db, runId, [...named]);
  // A one-establishment import reports the records no establishment could take in its own report.
  const rejected = [...(await rejectionsOf(db, runId, uai)), ...(ctx.single ? await rejectionsOf(db, runId, '') : [])];
  return buildEstablishmentFeed({ uai, covers: ctx.covers, relativesInFeed: ctx.relativesInFeed }, people, relatives, rejected, ctx.directory);
}

async function importEstablishment(ctx: RunContext, establishment: { id: string; uai: string; name: string }, accounts: number, built: Prepared): Promise<AafSection> {
  const { db, runId, options } = ctx;
  const uai = establishment.uai;
  // The establishment's history entry: the run itself for a one-establishment import.
  const sectionRunId = ctx.single ? runId : newId();
  const work = async (trx: Db) => {
    await tuneImportTransaction(trx);
    const state = await loadExistingState(trx, establishment, built.feed);
    completeFromState(built, state);
    const plan = planImport(built.feed, state);
    addLeavers(plan, state, built.feed, ctx.deleted);
    const created = options.apply ? await applyPlan(trx, ctx.clock, built.feed, state, plan) : undefined;
    const report = buildReport(plan, { applied: options.apply, created });
    const now = ctx.clock.now().toISOString();
    const values = {
      id: sectionRunId,
      establishment_id: establishment.id,
      uai,
      source: 'aaf',
      status: options.apply ? 'applied' : 'planned',
      dry_run: options.apply ? 0 : 1,
      requested_by: options.requestedBy ?? null,
      files: JSON.stringify(options.files.map((f) => f.split('/').pop())),
      summary: JSON.stringify(summaryOf(report)),
      report: JSON.stringify(report),
      created_at: now,
      finished_at: now,
    };
    const { id: _id, created_at: _created, requested_by: _by, ...update } = values;
    // Written in the establishment's transaction: its history says "applied" exactly when it was.
    await trx.insertInto('import_runs').values(values).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
    return report;
  };
  // A dry run too (it writes only its history entry): its lookups get the same planner settings.
  const report = await db.transaction().execute(work);
  return { uai, name: establishment.name, status: options.apply ? 'applied' : 'planned', runId: sectionRunId, accounts, report };
}
