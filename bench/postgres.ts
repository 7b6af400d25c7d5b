import { spawn } from 'node:child_process';
import pg from 'pg';

export interface AcademyState {
  establishments: number;
  people: number;
  hasDemoStudent: boolean;
  /** demo.student's grades: an académie seeded before the grades scenarios' data has too few. */
  demoGrades: number;
}

/** A trimester of ≈ 60 grades for demo.student (server/src/services/grades/grades.seed.ts). */
const DEMO_GRADES = 50;

/** Establishments, accounts and demo logins in the benchmark database; null when it does not exist. */
export async function inspectAcademy(url: string): Promise<AcademyState | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') return null; // database does not exist
    throw error;
  }
  try {
    const tables = await client.query<{ n: string }>(`select count(*) as n from information_schema.tables where table_name in ('establishments', 'people')`);
    if (Number(tables.rows[0].n) < 2) return { establishments: 0, people: 0, hasDemoStudent: false, demoGrades: 0 };
    const { rows } = await client.query<{ e: string; p: string; d: string }>(
      `select (select count(*) from establishments) as e, (select count(*) from people) as p,
              (select count(*) from people where login = 'demo.student') as d`,
    );
    const grades = await client.query<{ g: string }>(
      `select case when to_regclass('grade_entries') is null then 0
              else (select count(*) from grade_entries e join people p on p.id = e.student_id where p.login = 'demo.student') end as g`,
    );
    return { establishments: Number(rows[0].e), people: Number(rows[0].p), hasDemoStudent: Number(rows[0].d) > 0, demoGrades: Number(grades.rows[0]?.g ?? 0) };
  } finally {
    await client.end();
  }
}

/** Other clients on the database: a seed still running there must not be raced with --reset. */
async function otherClients(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; state: string | null; application_name: string }>(
      `select pid, state, application_name from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    return rows.map((r) => `pid ${r.pid} (${r.state ?? '?'}${r.application_name ? `, ${r.application_name}` : ''})`);
  } finally {
    await client.end();
  }
}

async function createDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Runs the seed CLI in the foreground, its progress shown as it goes. */
function runSeed(root: string, url: string, establishments: number, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/src/seed/cli.ts', '--establishments', String(establishments), '--reset'],
      { cwd: root, env: { ...process.env, DATABASE_URL: url, PREAU_DEMO_PASSWORD: password }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed CLI exited with code ${code}`))));
  });
}

/**
 * Planner statistics: without them PostgreSQL guesses row counts and may pick plans no production
 * database (autovacuum on) would. This server may run with autovacuum off, so gather them when the
 * big tables were never analysed. Statistics only; no data changes.
 */
export async function analyzeIfNeeded(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string }>(
      `select relname from pg_stat_user_tables where relname in ('people', 'memberships', 'group_members', 'relatives')
       and last_analyze is null and last_autoanalyze is null`,
    );
    if (rows.length === 0) return undefined;
    const t0 = Date.now();
    await client.query('analyze');
    return `PostgreSQL tables ${rows.map((r) => r.relname).join(', ')} had never been analysed (autovacuum ${(await client.query<{ autovacuum: string }>('show autovacuum')).rows[0].autovacuum}): ran ANALYZE (${Date.now() - t0} ms).`;
  } finally {
    await client.end();
  }
}

/**
 * Makes sure the PostgreSQL académie is there (≥ `establishments`, with the demo logins), seeding it
 * when it is not. Returns a sentence for the report when it had to seed.
 */
export async function ensureAcademy(root: string, url: string, establishments: number, password: string): Promise<{ state: AcademyState; note?: string }> {
  const before = await inspectAcademy(url);
  const ok = before && before.establishments >= establishments && before.hasDemoStudent && before.demoGrades >= DEMO_GRADES;
  if (ok) return { state: before };
  const why = !before
    ? 'did not exist'
    : before.establishments < establishments
      ? `had ${before.establishments} establishments (< ${establishments})`
      : !before.hasDemoStudent
        ? 'had no demo logins'
        : `had ${before.demoGrades} grades for demo.student (an older seed; < ${DEMO_GRADES})`;
  const busy = before ? await otherClients(url) : [];
  if (busy.length > 0) {
    throw new Error(`${url} ${why}, but other clients are connected (${busy.join(', ')}): a seed may be running; not reseeding over it. Retry later or use --skip-postgres.`);
  }
  console.log(`PostgreSQL ${url} ${why}: running the seed CLI (--establishments ${establishments} --reset)…`);
  if (!before) await createDatabase(url);
  const t0 = Date.now();
  await runSeed(root, url, establishments, password);
  const after = await inspectAcademy(url);
  if (!after || after.establishments < establishments || !after.hasDemoStudent) {
    throw new Error(`after seeding, ${url} still lacks the académie: ${JSON.stringify(after)}`);
  }
  const note = `PostgreSQL database ${why}; seeded it with --establishments ${establishments} --reset in ${Math.round((Date.now() - t0) / 1000)} s.`;
  return { state: after, note };
}
