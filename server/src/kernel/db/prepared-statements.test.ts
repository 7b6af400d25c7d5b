import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.js';
import { createTestDatabase, postgresAvailable } from './test-databases.js';
import { describe } from 'vitest';

describe.runIf(postgresAvailable)('PostgreSQL statements prepared once per connection', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
  });
  afterAll(() => handle.close());

  it('runs a query as a named prepared statement, reused with other values', async () => {
    await handle.db.transaction().execute(async (trx) => {
      const find = (id: string) => trx.selectFrom('establishments').select('id').where('id', '=', id).execute();
      await find('a');
      await find('b');
      const prepared = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx);
      const ours = prepared.rows.filter((r) => r.statement.includes('from "establishments"'));
      expect(ours).toHaveLength(1);
      expect(ours[0]?.name).toMatch(/^preau_[0-9a-f]{24}$/);
    });
  });

  it('leaves transaction control and schema changes unnamed, and still answers them', async () => {
    await handle.db.transaction().execute(async (trx) => {
      await sql`create temporary table scratch (n int)`.execute(trx);
      await sql`insert into scratch values (${1})`.execute(trx);
      const rows = await sql<{ n: number }>`select n from scratch`.execute(trx);
      expect(rows.rows).toEqual([{ n: 1 }]);
      const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
      expect(prepared.rows.some((r) => /create temporary|^begin/i.test(r.statement))).toBe(false);
    });
  });
});
