import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedFeed, generateAafFeed } from '../../../../../bench/imports/aaf-generate.js';
import { systemClock } from '../../../kernel/clock.js';
import { migrateToLatest, openDatabase } from '../../../kernel/db/database.js';
import { postgresAvailable, TEST_POSTGRES_URL } from '../../../kernel/db/test-databases.js';
import { runAafImport } from './aaf-run.js';

/**
 * kill -9 in the middle of an académie import: every establishment is either untouched or fully
 * imported (one transaction each), and running the same feed again ends in the state a clean run
 * gives. The CLI runs as a real child process on a scratch PostgreSQL database.
 */

const ROOT = resolve(fileURLToPath(new URL('../../../../..', import.meta.url)));
const ACCOUNTS = 6000; // 5 collèges of ≈ 1,350 accounts: each takes a fraction of a second to a second

const urlOf = (name: string) => {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(name: string, feed: GeneratedFeed) {
  await admin((c) => c.query(`create database ${name}`));
  const handle = openDatabase({ url: urlOf(name), poolSize: 2 });
  await migrateToLatest(handle);
  const now = new Date().toISOString();
  await handle.db
    .insertInto('establishments')
    .values(feed.establishments.map((e, i) => ({ id: `etab-${i}`, uai: e.uai, name: e.name, type: 'college', academy: null, address: null, postal_code: null, city: null, created_at: now })))
    .execute();
  return handle;
}

/** Runs the CLI; with `killAfter`, SIGKILLs it that many ms after the first establishment is done. */
function cli(url: string, dir: string, killAfter?: number): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/preau.ts', 'import', 'aaf', dir, '--apply'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (killAfter !== undefined && /AAF: 1\/\d+ /.test(stderr)) {
        killAfter = undefined;
        setTimeout(() => child.kill('SIGKILL'), 60);
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ code, signal, stderr }));
  });
}

/** Everything an import writes, without generated ids or activation codes: two runs compare equal when they did the same. */
async function snapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows = async (q: string) => (await client.query(q)).rows.map((r) => Object.values(r).join('|')).sort();
  try {
    return {
      people: await rows(`select login, first_name, last_name, birth_date, email, phone, state, source from people`),
      sources: await rows(`select ps.source, ps.scope, ps.external_id, p.login from person_sources ps join people p on p.id = ps.person_id`),
      memberships: await rows(`select p.login, e.uai, m.profile, m.source from memberships m join people p on p.id = m.person_id join establishments e on e.id = m.establishment_id`),
      functions: await rows(`select p.login, e.uai, f.function from person_functions f join people p on p.id = f.person_id join establishments e on e.id = f.establishment_id`),
      groups: await rows(`select e.uai, g.external_id, g.kind, g.name, g.level from groups g join establishments e on e.id = g.establishment_id`),
      members: await rows(`select p.login, g.external_id, e.uai, gm.role, gm.head_teacher from group_members gm join people p on p.id = gm.person_id join groups g on g.id = gm.group_id join establishments e on e.id = g.establishment_id`),
      relatives: await rows(`select r.login, s.login, legal_guardian, financial, contact, relationship from relatives x join people r on r.id = x.relative_id join people s on s.id = x.student_id`),
      teachings: await rows(`select p.login, g.external_id, s.code from teachings t join people p on p.id = t.person_id join groups g on g.id = t.group_id join subjects s on s.id = t.subject_id`),
    };
  } finally {
    await client.end();
  }
}

async function membershipsPerEstablishment(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ uai: string; n: string }>(
      `select e.uai, count(m.person_id) as n from establishments e left join memberships m on m.establishment_id = e.id group by e.uai`,
    );
    return new Map(rows.map((r) => [r.uai, Number(r.n)]));
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresAvailable)('AAF import killed with SIGKILL mid-way [postgres]', () => {
  const suffix = randomBytes(4).toString('hex');
  const killed = `aaf_killed_${suffix}`;
  const clean = `aaf_clean_${suffix}`;
  const dir = mkdtempSync(join(tmpdir(), 'preau-aaf-kill-'));
  let feed: GeneratedFeed;

  beforeAll(async () => {
    feed = await generateAafFeed(dir, ACCOUNTS, 7);
    const [a, b] = await Promise.all([freshDatabase(killed, feed), freshDatabase(clean, feed)]);
    await a.close();
    // The reference: the same feed imported once, without interruption.
    try {
      await runAafImport(b.db, systemClock, { files: [dir], apply: true });
    } finally {
      await b.close();
    }
  }, 120_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await admin(async (c) => {
      await c.query(`drop database if exists ${killed} with (force)`);
      await c.query(`drop database if exists ${clean} with (force)`);
    });
  });

  it('leaves each establishment untouched or complete, and a second run ends where a clean run does', async () => {
    const expected = await membershipsPerEstablishment(urlOf(clean));
    const interrupted = await cli(urlOf(killed), dir, 60);
    expect(interrupted.signal).toBe('SIGKILL');

    const after = await membershipsPerEstablishment(urlOf(killed));
    const states = feed.establishments.map((e) => {
      const n = after.get(e.uai) ?? 0;
      return n === 0 ? 'untouched' : n === expected.get(e.uai) ? 'complete' : `partial (${n} of ${expected.get(e.uai)})`;
    });
    expect(states.filter((s) => s.startsWith('partial'))).toEqual([]);
    // The kill came mid-way: some establishments done, some not (else this test proves nothing).
    expect(states).toContain('complete');
    expect(states).toContain('untouched');

    const rerun = await cli(urlOf(killed), dir);
    expect(rerun.code).toBe(0);
    expect(await snapshot(urlOf(killed))).toEqual(await snapshot(urlOf(clean)));
  }, 120_000);
});
