import { type InsertQueryBuilder, type OnConflictBuilder, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Database } from '../../kernel/db/schema.js';
import { chunks } from './imports.queries.js';

type Table = keyof Database & string;
// biome-ignore lint/suspicious/noExplicitAny: the conflict clause is built by the caller for its own table
type Conflict = (oc: OnConflictBuilder<any, any>) => any;

/** Rows per statement on PostgreSQL: one JSON parameter, so only the statement's size bounds it. */
const PG_ROWS = 5000;
/** SQLite binds one parameter per value: ≈ 16,000 per statement, half its limit. */
const SQLITE_PARAMETERS = 16_000;

export const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Planner settings for the rest of an import's transaction (`SET LOCAL`: other connections keep
 * theirs). Every statement of an import is a lookup by key for one establishment, on tables the
 * import itself makes grow; measured on a 240,000-account académie:
 * - no JIT: the lookups are estimated above `jit_above_cost`, and compiling them took longer than
 *   running them (280 ms of JIT for a 150 ms duplicate-detection pass, twice per establishment);
 * - `random_page_cost` 1.1 (the usual value for SSDs or a cached working set) instead of 4 (spinning
 *   disks): with 4, PostgreSQL answered the duplicate detection's homonym probes by hashing every
 *   account and every membership (1.5 s per 1,000 accounts) instead of probing the name index (0.19 s).
 */
export async function tuneImportTransaction(trx: Db): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`set local jit = off`.execute(trx);
  await sql`set local random_page_cost = 1.1`.execute(trx);
}

/**
 * Inserts many rows of one shape. PostgreSQL gets each chunk as one JSON parameter expanded by
 * `json_populate_recordset` into the table's own row type (each column keeps its type), where a
 * multi-row VALUES costs one bind parameter per value: Kysely compiling and PostgreSQL parsing
 * 8,000 placeholders per 400 rows was a large part of an import's time. SQLite, whose parameters
 * cost next to nothing, gets the multi-row VALUES. Same rows, same conflict clause, either way.
 */
export async function insertMany(db: Db, table: Table, rows: Record<string, unknown>[], onConflict?: Conflict): Promise<void> {
  await insertManyReturning(db, table, rows, onConflict, []);
}

/** `insertMany` that returns the given columns of the rows it inserted (for `on conflict do nothing`: those not skipped). */
export async function insertManyReturning(db: Db, table: Table, rows: Record<string, unknown>[], onConflict: Conflict | undefined, returning: string[]): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  // biome-ignore lint/suspicious/noExplicitAny: one helper for every table the imports write
  const into = () => db.insertInto(table) as InsertQueryBuilder<any, any, any>;
  // biome-ignore lint/suspicious/noExplicitAny: idem
  const finish = async (q: InsertQueryBuilder<any, any, any>) => {
    const withConflict = onConflict ? q.onConflict(onConflict) : q;
    if (!returning.length) {
      await withConflict.execute();
      return [];
    }
    return (await withConflict.returning(returning).execute()) as Record<string, unknown>[];
  };
  const out: Record<string, unknown>[] = [];
  if (isPostgres(db)) {
    for (const part of chunks(rows, PG_ROWS)) {
      const select = sql`select ${sql.join(columns.map((c) => sql.ref(c)))} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(part)})`;
      out.push(...(await finish(into().columns(columns).expression(select))));
    }
    return out;
  }
  for (const part of chunks(rows, Math.max(1, Math.floor(SQLITE_PARAMETERS / columns.length)))) out.push(...(await finish(into().values(part))));
  return out;
}

/**
 * Updates many rows by id, each with its own values: rows setting the same columns go together,
 * one `WITH v(id, …) AS (VALUES …) UPDATE … FROM v` per chunk (the same statement on PostgreSQL
 * and SQLite ≥ 3.33) instead of one UPDATE per row. Only text columns: VALUES' parameters are untyped.
 */
export async function updateManyById(db: Db, table: Table, rows: ({ id: string } & Record<string, string | null>)[]): Promise<void> {
  const byShape = new Map<string, typeof rows>();
  for (const row of rows) {
    const shape = Object.keys(row).join(',');
    byShape.set(shape, [...(byShape.get(shape) ?? []), row]);
  }
  for (const [shape, group] of byShape) {
    const columns = shape.split(',');
    const set = columns.filter((c) => c !== 'id');
    if (!set.length) continue;
    for (const part of chunks(group, Math.max(1, Math.floor(SQLITE_PARAMETERS / columns.length)))) {
      const values = sql.join(part.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`));
      await sql`with v(${sql.join(columns.map((c) => sql.ref(c)))}) as (values ${values})
        update ${sql.table(table)} set ${sql.join(set.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`))}
        from v where ${sql.table(table)}.id = v.id`.execute(db);
    }
  }
}
