import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import { prepareStatementsOn } from './prepared-statements.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** PostgreSQL schema holding Préau's tables. */
  schema?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL, otherwise a SQLite file path or `:memory:`. */
  url: string;
  /** PostgreSQL schema to use (tests give each file its own). */
  schema?: string;
  poolSize?: number;
  /**
   * Tests only: commits return before the WAL reaches the disk (a crash may lose the last
   * transactions, never corrupt the database); a test database is thrown away anyway. Measured on
   * this project's 2-core CI machine it changed little (555 s against 518 s for the whole suite,
   * within the machine's noise): the suite's time goes into importing the app per test file.
   */
  asynchronousCommit?: boolean;
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (/^postgres(ql)?:\/\//.test(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: [options.schema ? `-c search_path=${options.schema}` : '', options.asynchronousCommit ? '-c synchronous_commit=off' : ''].filter(Boolean).join(' ') || undefined,
    });
    prepareStatementsOn(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', schema: options.schema ?? 'public', close: () => db.destroy() };
  }
  if (options.url !== ':memory:') mkdirSync(dirname(options.url), { recursive: true });
  const sqlite = new SQLite(options.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every statement on every call; preparing is a large share of a cheap query's cost
 * on SQLite, so prepared statements are kept by SQL text (bounded: the set of distinct queries is small).
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= 2000) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Applies every pending migration, in order. Safe to call at each start. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    migrationTableSchema: handle.schema,
    // Services are built side by side and their migrations touch separate tables: a database that
    // already ran 0011 must still accept a 0010 landed later, instead of refusing to start.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
