import type { Db } from '../../../kernel/db/database.js';
import { insertMany, insertManyReturning } from '../bulk.js';
import { chunks } from '../imports.queries.js';
import type { StagedKind, StagedPerson, StagedRejection } from './aaf-records.js';

/**
 * The staging tables: the feed streamed in batches (one multi-row INSERT per batch, never one
 * query per record), then read back per establishment. The primary key (run, kind, id) finds
 * duplicate ids without keeping the académie's ids in memory: a record whose row was not inserted
 * repeats an id read before, and is reported.
 */

/** Records per write: one statement per 2,000 people (written while the next 2,000 are parsed). */
const BATCH = 2000;

interface PendingPerson {
  kind: StagedKind;
  id: string;
  uai: string;
  data: StagedPerson;
}

export class AafStager {
  private people: PendingPerson[] = [];
  private extra: { kind: string; id: string; uai: string; payload: string }[] = [];
  staged = 0;
  rejected = 0;

  constructor(
    private readonly db: Db,
    readonly runId: string,
    /** Keeps the rejection keys of a second stager apart from the first's. */
    private readonly rejectionPrefix = '',
  ) {}

  /** The batch being written while the next one is parsed: parsing and the database overlap. */
  private inflight: Promise<void> = Promise.resolve();

  async person(p: PendingPerson): Promise<void> {
    this.people.push(p);
    if (this.people.length < BATCH) return;
    await this.inflight;
    this.inflight = this.flushPeople();
    // Awaited before the next batch or at flush(); never an unhandled rejection meanwhile.
    this.inflight.catch(() => {});
  }

  async deleted(id: string, category: string): Promise<void> {
    this.extra.push({ kind: 'deleted', id, uai: '', payload: JSON.stringify({ category }) });
    if (this.extra.length >= BATCH) await this.flushExtra();
  }

  private rejectionNo = 0;
  async rejection(r: StagedRejection): Promise<void> {
    this.rejected += 1;
    const { uai, ...rejection } = r;
    // Ordered key: the report lists rejections in the order they were read.
    this.extra.push({ kind: 'rejected', id: `${this.rejectionPrefix}${String(++this.rejectionNo).padStart(10, '0')}`, uai, payload: JSON.stringify(rejection) });
    if (this.extra.length >= BATCH) await this.flushExtra();
  }

  async flush(): Promise<void> {
    await this.inflight;
    await this.flushPeople();
    await this.flushExtra();
  }

  private async flushExtra() {
    const rows = this.extra.splice(0).map((e) => ({ run_id: this.runId, kind: e.kind, external_id: e.id, uai: e.uai, payload: e.payload }));
    await insertMany(this.db, 'aaf_staging', rows, (oc) => oc.doNothing());
  }

  private async flushPeople() {
    const batch = this.people.splice(0);
    if (!batch.length) return;
    // Repeats inside the batch first (the first record wins), then repeats of earlier batches.
    const firstOf = new Map<string, PendingPerson>();
    const repeats: PendingPerson[] = [];
    for (const p of batch) {
      const key = `${p.kind}|${p.id}`;
      if (firstOf.has(key)) repeats.push(p);
      else firstOf.set(key, p);
    }
    const unique = [...firstOf.values()];
    const rows = unique.map((p) => ({ run_id: this.runId, kind: p.kind, external_id: p.id, uai: p.uai, payload: JSON.stringify(p.data) }));
    const inserted = await insertManyReturning(this.db, 'aaf_staging', rows, (oc) => oc.doNothing(), ['kind', 'external_id']);
    const written = new Set(inserted.map((r) => `${r.kind}|${r.external_id}`));
    for (const p of unique) if (!written.has(`${p.kind}|${p.id}`)) repeats.push(p);
    this.staged += written.size;
    // Staff attached to several establishments: one member row for each of the others.
    const members = unique
      .filter((p) => written.has(`${p.kind}|${p.id}`))
      .flatMap((p) => Object.keys(p.data.at).filter((uai) => uai !== p.uai).map((uai) => ({ run_id: this.runId, uai, kind: p.kind, external_id: p.id })));
    await insertMany(this.db, 'aaf_staging_members', members, (oc) => oc.doNothing());
    for (const p of repeats) {
      await this.rejection({
        uai: p.uai,
        file: p.data.origin.file,
        line: p.data.origin.line,
        reason: 'duplicate_id',
        detail: `record ${p.data.origin.line}: ${p.kind} ${p.id} appears again in the feed; only its first record is used.`,
        externalId: p.id,
      });
    }
  }
}

export interface StagedRow {
  kind: StagedKind;
  id: string;
  data: StagedPerson;
}

const parse = (r: { kind: string; external_id: string; payload: string }): StagedRow => ({ kind: r.kind as StagedKind, id: r.external_id, data: JSON.parse(r.payload) as StagedPerson });

/** Establishments of the feed with how many people each has (the run's progress total). */
export async function stagedEstablishments(db: Db, runId: string): Promise<Map<string, number>> {
  const own = await db
    .selectFrom('aaf_staging')
    .select(['uai', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', '=', runId)
    .where('kind', 'in', ['student', 'staff'])
    .where('uai', '!=', '')
    .groupBy('uai')
    .execute();
  const members = await db
    .selectFrom('aaf_staging_members')
    .select(['uai', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', '=', runId)
    .groupBy('uai')
    .execute();
  const counts = new Map<string, number>();
  for (const r of [...own, ...members]) counts.set(r.uai, (counts.get(r.uai) ?? 0) + Number(r.n));
  return counts;
}

/** The students and staff of one establishment, and people attached to it from elsewhere. */
export async function peopleOf(db: Db, runId: string, uai: string): Promise<StagedRow[]> {
  const own = await db.selectFrom('aaf_staging').select(['kind', 'external_id', 'payload']).where('run_id', '=', runId).where('uai', '=', uai).where('kind', 'in', ['student', 'staff', 'relative']).execute();
  const attached = await db
    .selectFrom('aaf_staging_members as m')
    .innerJoin('aaf_staging as s', (j) => j.onRef('s.run_id', '=', 'm.run_id').onRef('s.kind', '=', 'm.kind').onRef('s.external_id', '=', 'm.external_id'))
    .select(['s.kind', 's.external_id', 's.payload'])
    .where('m.run_id', '=', runId)
    .where('m.uai', '=', uai)
    .execute();
  return [...own, ...attached].map(parse);
}

/** Staged relatives by id (those the establishment's students name). */
export async function relativesById(db: Db, runId: string, ids: string[]): Promise<StagedRow[]> {
  const rows: StagedRow[] = [];
  for (const part of chunks(ids, 2000)) {
    const found = await db.selectFrom('aaf_staging').select(['kind', 'external_id', 'payload']).where('run_id', '=', runId).where('kind', '=', 'relative').where('external_id', 'in', part).execute();
    rows.push(...found.map(parse));
  }
  return rows;
}

export async function rejectionsOf(db: Db, runId: string, uai: string) {
  const rows = await db.selectFrom('aaf_staging').select('payload').where('run_id', '=', runId).where('kind', '=', 'rejected').where('uai', '=', uai).orderBy('external_id').execute();
  return rows.map((r) => JSON.parse(r.payload) as Omit<StagedRejection, 'uai'>);
}

export async function deletedIds(db: Db, runId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('aaf_staging').select('external_id').where('run_id', '=', runId).where('kind', '=', 'deleted').execute();
  return new Set(rows.map((r) => r.external_id));
}

/**
 * People whose records do not say where they are (a modifyRequest without its structure; in a
 * delta feed, a relative whose children did not change) are attached to the establishments where
 * the AAF already placed them; leavers likewise give the establishments to visit.
 */
export async function attachFromDatabase(db: Db, runId: string, delta: boolean): Promise<Set<string>> {
  const kinds = delta ? ['student', 'staff', 'relative', 'deleted'] : ['student', 'staff', 'deleted'];
  const visit = new Set<string>();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('aaf_staging')
      .select(['kind', 'external_id'])
      .where('run_id', '=', runId)
      .where('uai', '=', '')
      .where('kind', 'in', kinds)
      .where('external_id', '>', after)
      .orderBy('external_id')
      .limit(500)
      .execute();
    if (!rows.length) break;
    after = rows[rows.length - 1].external_id;
    const found = await db
      .selectFrom('person_sources as ps')
      .innerJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'ps.person_id').on('m.source', '=', 'aaf'))
      .innerJoin('establishments as e', 'e.id', 'm.establishment_id')
      .select(['ps.external_id', 'e.uai'])
      .distinct()
      .where('ps.source', '=', 'aaf')
      .where('ps.scope', '=', '')
      .where('ps.external_id', 'in', rows.map((r) => r.external_id))
      .execute();
    const kindOf = new Map(rows.map((r) => [r.external_id, r.kind]));
    // A modifyRequest naming no establishment, for someone the AAF never placed: nothing to change.
    const placed = new Set(found.map((f) => f.external_id));
    const lost = rows.filter((r) => (r.kind === 'student' || r.kind === 'staff') && !placed.has(r.external_id));
    if (lost.length) await reportUnplaced(db, runId, lost.map((r) => r.external_id));
    const members = found.filter((f) => kindOf.get(f.external_id) !== 'deleted').map((f) => ({ run_id: runId, uai: f.uai, kind: kindOf.get(f.external_id)!, external_id: f.external_id }));
    for (const f of found) visit.add(f.uai);
    for (const part of chunks(members, 500)) await db.insertInto('aaf_staging_members').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
  return visit;
}

async function reportUnplaced(db: Db, runId: string, ids: string[]) {
  const rows = await db.selectFrom('aaf_staging').select(['kind', 'external_id', 'payload']).where('run_id', '=', runId).where('external_id', 'in', ids).where('kind', 'in', ['student', 'staff']).execute();
  const stager = new AafStager(db, runId, `unplaced-${ids[0]}-`);
  for (const row of rows.map(parse)) {
    await stager.rejection({
      uai: '',
      file: row.data.origin.file,
      line: row.data.origin.line,
      reason: 'unknown_person',
      detail: `record ${row.data.origin.line}: modifyRequest for ${row.kind} ${row.id}, who is on no establishment of this platform, and the record names none.`,
      externalId: row.id,
    });
  }
  await stager.flush();
}

export async function clearStaging(db: Db, runId: string): Promise<void> {
  await db.deleteFrom('aaf_staging_members').where('run_id', '=', runId).execute();
  await db.deleteFrom('aaf_staging').where('run_id', '=', runId).execute();
}

/**
 * Staging left by runs that stopped without cleaning up (killed): a run still 'running' whose
 * progress has not moved for an hour is marked failed, and its rows go.
 */
export async function clearAbandonedStaging(db: Db, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - 3_600_000).toISOString();
  await db
    .updateTable('import_runs')
    .set({ status: 'failed', error: JSON.stringify({ code: 'imports.interrupted', details: [] }), finished_at: now.toISOString() })
    .where('source', '=', 'aaf')
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('progress_at', '<', staleBefore), eb.and([eb('progress_at', 'is', null), eb('created_at', '<', staleBefore)])]))
    .execute();
  const live = db.selectFrom('import_runs').select('id').where('source', '=', 'aaf').where('status', 'in', ['queued', 'running']);
  await db.deleteFrom('aaf_staging_members').where('run_id', 'not in', live).execute();
  await db.deleteFrom('aaf_staging').where('run_id', 'not in', live).execute();
}
