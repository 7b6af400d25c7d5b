import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { describeEachDatabase, TEST_POSTGRES_URL } from '../../kernel/db/test-databases.js';
import { insertWorld } from '../../kernel/testing/world.js';
import type { EstablishmentFeed } from './feed.js';
import { runImport } from './imports.usecases.js';
import { isLoginCollision, withLoginRetry } from './login-retry.js';

const origin = { file: 'eleves.csv', line: 2 };
const feedFor = (uai: string, id: string, firstName: string, lastName: string): EstablishmentFeed => ({
  uai,
  source: 'csv',
  schoolYear: 2026,
  covers: ['student'],
  structures: [{ code: '6A', kind: 'class', name: '6A', level: null }],
  subjects: [],
  people: [{ externalId: id, profile: 'student', firstName, lastName, birthDate: '2014-05-06', classes: ['6A'], groups: [], origin }],
  relations: [],
  rejected: [],
});

const personRow = (id: string, login: string) => ({
  id,
  source: 'manual',
  login,
  first_name: 'Léa',
  last_name: 'Martin',
  sort_key: 'martin lea',
  state: 'active',
  platform_admin: 0,
  created_at: '2026-09-01T00:00:00.000Z',
  updated_at: '2026-09-01T00:00:00.000Z',
});

describeEachDatabase('imports: logins taken by a concurrent import', (database, kind) => {
  const clock = fixedClock('2026-09-01T06:00:00.000Z');
  const db = () => database().db;
  const loginsOf = async (lastName: string) => (await db().selectFrom('people').select('login').where('last_name', '=', lastName).orderBy('login').execute()).map((r) => r.login);

  beforeAll(async () => {
    await insertWorld(db(), {
      establishments: [
        { id: 'etab-a', uai: '0750001U', name: 'Collège A', type: 'college' },
        { id: 'etab-b', uai: '0690002C', name: 'Collège B', type: 'college' },
        { id: 'etab-c', uai: '0130003F', name: 'Collège C', type: 'college' },
      ],
      people: [],
      groups: [],
      members: [],
      subjects: [],
      teachings: [],
      relatives: [],
    });
  });

  it('tells a refused login from every other refusal, on this database', async () => {
    await db().insertInto('people').values(personRow('p-taken', 'lea.taken')).execute();
    const sameLogin = await db().insertInto('people').values(personRow('p-other', 'lea.taken')).execute().catch((e: unknown) => e);
    const sameId = await db().insertInto('people').values(personRow('p-taken', 'lea.other')).execute().catch((e: unknown) => e);
    expect(sameLogin).toBeInstanceOf(Error);
    expect(isLoginCollision(sameLogin)).toBe(true);
    expect(sameId).toBeInstanceOf(Error);
    expect(isLoginCollision(sameId)).toBe(false);

    // Retried after a login collision; any other error goes up at once.
    let attempts = 0;
    const result = await withLoginRetry(async (retry) => {
      attempts += 1;
      if (retry === 0) throw sameLogin;
      return 'done';
    });
    expect([result, attempts]).toEqual(['done', 2]);
    attempts = 0;
    await expect(
      withLoginRetry(async () => {
        attempts += 1;
        throw sameId;
      }),
    ).rejects.toBe(sameId);
    expect(attempts).toBe(1);
    await db().deleteFrom('people').where('id', '=', 'p-taken').execute();
  });

  it('two imports at once give homonyms two logins', async () => {
    const [a, b] = await Promise.all([
      runImport(db(), clock, feedFor('0750001U', 'A1', 'Noé', 'Durand'), { apply: true, files: ['a.csv'] }),
      runImport(db(), clock, feedFor('0690002C', 'B1', 'Noé', 'Durand'), { apply: true, files: ['b.csv'] }),
    ]);
    const given = [a.report.created.items[0].login, b.report.created.items[0].login].sort();
    expect(given).toEqual(['noe.durand', 'noe.durand2']);
    expect(await loginsOf('Durand')).toEqual(['noe.durand', 'noe.durand2']);
  });

  // SQLite has one writer at a time: two transactions never interleave there, so a login cannot be
  // taken between another import's read and its insert. PostgreSQL's can, and are checked here.
  it.skipIf(kind === 'sqlite')('an import whose login another transaction took meanwhile waits, is refused, and runs again with the next login', async () => {
    const schema = database().schema!;
    const other = new pg.Client({ connectionString: TEST_POSTGRES_URL, options: `-c search_path=${schema}` });
    await other.connect();
    try {
      await other.query('begin');
      const row = personRow('p-concurrent', 'lea.martin');
      await other.query(
        'insert into people (id, source, login, first_name, last_name, sort_key, state, platform_admin, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        Object.values(row),
      );
      // Not committed yet: the import reads "lea.martin" as free and inserts it.
      const importing = runImport(db(), clock, feedFor('0130003F', 'C1', 'Léa', 'Martin'), { apply: true, files: ['c.csv'] });
      const waiting = async () => {
        // pg_stat_activity is read once per transaction unless its snapshot is dropped.
        await other.query('select pg_stat_clear_snapshot()');
        const { rows } = await other.query(
          "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into \"people\"%' and pid <> pg_backend_pid()",
        );
        return rows[0].n as number;
      };
      const deadline = Date.now() + 20_000;
      while ((await waiting()) === 0) {
        if (Date.now() > deadline) throw new Error('the import never waited on the uncommitted login');
        await new Promise((r) => setTimeout(r, 50));
      }
      await other.query('commit');
      const { report } = await importing;
      expect(report.created.items.map((c) => c.login)).toEqual(['lea.martin2']);
      expect(await loginsOf('Martin')).toEqual(['lea.martin', 'lea.martin2']);
      // The refused attempt left nothing behind: one account, one link, one membership.
      const links = await db().selectFrom('person_sources').select('person_id').where('source', '=', 'csv').where('external_id', '=', 'C1').execute();
      expect(links).toHaveLength(1);
    } finally {
      await other.query('rollback').catch(() => {});
      await other.end();
    }
  });
});
