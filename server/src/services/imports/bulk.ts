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
 * For the rest of the transaction, PostgreSQL does not JIT-compile its queries. An import's
 * lookups over a large platform are estimated above `jit_above_cost`, and compiling them took
 * longer than running them (measured: 280 ms of JIT for a 150 ms duplicate-detection pass, twice
 * per establishment). `SET LOCAL` ends with the transaction: other connections are unaffected.
 */
export async function withoutJit(trx: Db): Promise<void> {
  if (isPostgres(trx)) await sql`set local jit = off`.execute(trx);
}

/**
 * Inserts many rows of one shape. PostgreSQL gets each chunk as one JSON parameter expanded by
 * `json_populate_recordset` into the table's own row type (each column keeps its type), where a
 * multi-row VALUES costs one bind parameter per value: Kysely compiling and PostgreSQL parsing
 * 8,000 placeholders per 400 rows was a large part of an import's time. SQLite, whose parameters
 * cost next to nothing, gets the multi-row VALUES. Same rows, same conflict clause, either way.
 */
export async function insertMany(db: Db, table: Table, rows: Record<string, unknown>[], onConflict?: Conflict): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  // biome-ignore lint/suspicious/noExplicitAny: one helper for every table the imports write
  const into = () => db.insertInto(table) as InsertQueryBuilder<any, any, any>;
  const withConflict = <Q extends InsertQueryBuilder<Database, Table, unknown>>(q: Q) => (onConflict ? q.onConflict(onConflict) : q);
  if (isPostgres(db)) {
    for (const part of chunks(rows, PG_ROWS)) {
      const select = sql`select ${sql.join(columns.map((c) => sql.ref(c)))} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(part)})`;
      await withConflict(into().columns(columns).expression(select)).execute();
    }
    return;
  }
  for (const part of chunks(rows, Math.max(1, Math.floor(SQLITE_PARAMETERS / columns.length)))) {
    await withConflict(into().values(part)).execute();
  }
}
