import { type Kysely, sql } from 'kysely';
import type { DatabaseKind, Db } from '../kernel/db/database.js';
import type { Database } from '../kernel/db/schema.js';
import { SEED_TABLES, type SeedRows } from './rows.js';

/**
 * Bound parameters per statement. SQLite allows 32,766; PostgreSQL 65,535. Staying under 30,000
 * serves both and keeps a statement around a megabyte.
 */
const MAX_PARAMETERS = 29_999;

/** Multi-row inserts, table by table in foreign-key order: a few statements per thousand rows. */
export async function insertRows(db: Kysely<Database>, rows: SeedRows): Promise<void> {
  for (const table of SEED_TABLES) {
    const list = rows[table] as object[];
    if (list.length === 0) continue;
    const columns = Object.keys(list[0] as object).length;
    const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
    for (let i = 0; i < list.length; i += size) {
      // The rows are typed per table in SeedRows; the loop over tables loses that link.
      await db.insertInto(table).values(list.slice(i, i + size) as never).execute();
    }
  }
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('establishments').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Children before parents, for SQLite where rows are deleted one table at a time. */
const DELETE_ORDER = ['audit_log', 'auth_throttle', 'sessions', ...[...SEED_TABLES].reverse()];

/**
 * Empties every table (migrations' bookkeeping excepted), tables added by later migrations
 * included. PostgreSQL truncates them all in one statement, which honours foreign keys among them;
 * SQLite deletes table by table, unknown (newer, dependent) tables first, retrying a table whose
 * rows are still referenced once its dependents are gone.
 */
export async function resetDatabase(db: Db, kind: DatabaseKind): Promise<void> {
  let tables = (await db.introspection.getTables()).filter((t) => !t.name.startsWith('kysely_'));
  if (kind === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema;
    tables = tables.filter((t) => t.schema === schema);
    if (tables.length === 0) return;
    const list = sql.join(tables.map((t) => sql.id(t.schema ?? 'public', t.name)));
    await sql`truncate table ${list}`.execute(db);
    return;
  }
  const names = tables.map((t) => t.name);
  let pending = [...names.filter((n) => !DELETE_ORDER.includes(n)), ...DELETE_ORDER.filter((n) => names.includes(n))];
  for (let pass = 0; pending.length > 0; pass++) {
    const failed: string[] = [];
    let lastError: unknown;
    for (const name of pending) {
      try {
        await sql`delete from ${sql.table(name)}`.execute(db);
      } catch (error) {
        failed.push(name);
        lastError = error;
      }
    }
    if (failed.length === pending.length || pass > names.length) {
      throw new Error(`Could not empty tables ${failed.join(', ')}: ${String(lastError)}`);
    }
    pending = failed;
  }
}
