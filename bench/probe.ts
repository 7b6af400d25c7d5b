/**
 * In-process SQL probe: builds the real Préau app (server/src/kernel/app.ts) on a Kysely instance
 * whose `log` hook records every statement, then replays each endpoint sequentially with
 * app.inject(). It answers "how many queries, how much SQL time, how much JS time per request"
 * without touching server code. Sequential = service time, no queueing.
 */
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/src/kernel/db/schema.js';
import { round } from './stats.js';

export interface StatementStat {
  sql: string;
  perRequest: number;
  meanMs: number;
  /** PostgreSQL EXPLAIN ANALYZE of the endpoint's slowest statement, when it takes ≥ 1 ms. */
  plan?: string[];
}
export interface ProbeRow {
  login: string;
  endpoint: string;
  path: string;
  status: number;
  iterations: number;
  queriesPerRequest: number;
  /** Sum of statement durations (parallel ones overlap, so it can exceed wall time). */
  sqlMsPerRequest: number;
  wallMsPerRequest: number;
  statements: StatementStat[];
}

type Target = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
interface Recorded {
  n: number;
  ms: number;
  parameters: readonly unknown[];
}

const PROBED: { login: string; endpoints: ('me' | 'portal/home' | 'directory')[] }[] = [
  { login: 'demo.student', endpoints: ['me', 'portal/home', 'directory'] },
  { login: 'demo.parent', endpoints: ['me', 'directory'] },
  { login: 'demo.teacher', endpoints: ['me', 'directory'] },
];

function pathFor(endpoint: string, establishmentId: string): string {
  const id = encodeURIComponent(establishmentId);
  if (endpoint === 'me') return '/api/me';
  if (endpoint === 'portal/home') return `/api/portal/home?establishmentId=${id}`;
  return `/api/directory/establishments/${id}/people?limit=20`;
}

export async function probeSql(target: Target, password: string, opts = { maxIterations: 300, maxMs: 3000 }): Promise<ProbeRow[]> {
  // Imported lazily so the harness (and the baseline) still runs while server code is mid-edit.
  const { loadConfig } = await import('../server/src/config.js');
  const { buildApp } = await import('../server/src/kernel/app.js');

  let recording: Map<string, Recorded> | null = null;
  const log = (event: LogEvent) => {
    if (!recording || event.level !== 'query') return;
    const r = recording.get(event.query.sql) ?? { n: 0, ms: 0, parameters: event.query.parameters };
    r.n++;
    r.ms += event.queryDurationMillis;
    recording.set(event.query.sql, r);
  };
  // Same settings as server/src/kernel/db/database.ts openDatabase(), plus the log hook.
  let pool: pg.Pool | undefined;
  let db: Kysely<Database>;
  if (target.kind === 'postgres') {
    pool = new pg.Pool({ connectionString: target.url, max: 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  } else {
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
  }
  const env = target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATABASE_URL: target.file };
  const config = { ...loadConfig({ ...env, PREAU_DEMO_PASSWORD: password, PREAU_WEB_DIR: '/nonexistent' }) };
  const { app } = await buildApp({ config, database: { db, kind: target.kind, close: () => db.destroy() }, logger: false });
  await app.ready();

  const rows: ProbeRow[] = [];
  try {
    for (const { login, endpoints } of PROBED) {
      const { cookie, csrf } = await injectLogin(app, login, password);
      const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      const establishmentId = me.json<{ memberships: { establishment: { id: string } }[] }>().memberships[0]?.establishment.id ?? '';
      for (const endpoint of endpoints) {
        const path = pathFor(endpoint, establishmentId);
        const warm = performance.now(); // warm-up: 20 requests or 1 s, whichever ends first (slow queries)
        for (let i = 0; i < 20 && performance.now() - warm < 1000; i++) await app.inject({ method: 'GET', url: path, headers: { cookie } });
        recording = new Map();
        let status = 0;
        let iterations = 0;
        const t0 = performance.now();
        while (iterations < opts.maxIterations && performance.now() - t0 < opts.maxMs) {
          status = (await app.inject({ method: 'GET', url: path, headers: { cookie } })).statusCode;
          iterations++;
        }
        const wall = performance.now() - t0;
        const recorded: Map<string, Recorded> = recording;
        recording = null;
        const statements = [...recorded]
          .map(([sql, r]) => ({ sql, perRequest: round(r.n / iterations), meanMs: round(r.ms / r.n, 3), parameters: r.parameters }))
          .sort((a, b) => b.meanMs * b.perRequest - a.meanMs * a.perRequest);
        const slowest = statements[0];
        const out: StatementStat[] = statements.map(({ sql, perRequest, meanMs }) => ({ sql, perRequest, meanMs }));
        if (pool && slowest && slowest.meanMs >= 1) {
          const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${slowest.sql}`, [...slowest.parameters]);
          out[0].plan = plan.rows.map((r) => r['QUERY PLAN']);
        }
        rows.push({
          login,
          endpoint,
          path,
          status,
          iterations,
          queriesPerRequest: round([...recorded.values()].reduce((s, r) => s + r.n, 0) / iterations),
          sqlMsPerRequest: round([...recorded.values()].reduce((s, r) => s + r.ms, 0) / iterations, 3),
          wallMsPerRequest: round(wall / iterations, 3),
          statements: out,
        });
      }
      await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } });
    }
  } finally {
    await app.close();
    await db.destroy();
  }
  return rows;
}

async function injectLogin(app: FastifyInstance, login: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`probe login ${login} → ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'preau_session');
  if (!session) throw new Error(`probe login ${login}: no session cookie`);
  return { cookie: `preau_session=${session.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}
