import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DatabaseHandle, type DatabaseKind, migrateToLatest, openDatabase } from './database.js';

export const TEST_POSTGRES_URL = process.env.PREAU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const requirePostgres = process.env.PREAU_REQUIRE_POSTGRES === '1';

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (requirePostgres) {
      throw new Error(`PREAU_REQUIRE_POSTGRES=1 but PostgreSQL does not answer at ${TEST_POSTGRES_URL}: ${String(error)}`);
    }
    console.warn(`PostgreSQL does not answer at ${TEST_POSTGRES_URL}: PostgreSQL variants of the tests are skipped.`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresAvailable = await probePostgres();

/** A migrated, empty database: SQLite in memory, or a fresh PostgreSQL schema dropped afterwards. */
export async function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'sqlite') {
    const handle = openDatabase({ url: ':memory:' });
    await migrateToLatest(handle);
    return handle;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ url: TEST_POSTGRES_URL, schema, poolSize: 4, asynchronousCommit: true });
  await migrateToLatest(handle);
  return {
    ...handle,
    kind: 'postgres',
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      // pg-boss keeps its tables beside ours when a test runs the job queue.
      await c.query(`drop schema if exists ${schema}_boss cascade`);
      await c.end();
    },
  };
}

/**
 * Runs the same suite on SQLite and on PostgreSQL. When PostgreSQL does not answer, its variant is
 * skipped with a warning, unless PREAU_REQUIRE_POSTGRES=1 (then the probe above fails the run).
 */
export function describeEachDatabase(name: string, suite: (database: () => DatabaseHandle, kind: DatabaseKind) => void) {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const run = kind === 'sqlite' || postgresAvailable ? describe : describe.skip;
    run(`${name} [${kind}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error('test database not ready');
        return handle;
      }, kind);
    });
  }
}
