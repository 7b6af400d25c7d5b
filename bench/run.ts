/**
 * `npm run bench`: measures Préau against a bare Fastify baseline on this machine.
 * See bench/README.md for what each scenario loads and how to read the figures.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEMO_PASSWORD } from '../server/src/config.js';
import { type ServerProcess, startNodeServer } from './child.js';
import { type Step, runLoad } from './load.js';
import { type BenchOptions, USAGE, parseOptions } from './options.js';
import { analyzeIfNeeded, ensureAcademy } from './postgres.js';
import { probeSql } from './probe.js';
import { summariseProfile } from './profile.js';
import { printReport } from './report.js';
import { type DatabaseName, type Measurement, type Results, checkTargets, writeResults } from './results.js';
import { SCENARIOS } from './scenarios.js';
import { loginMany, logoutAll } from './sessions.js';
import { round } from './stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, '.bench');

/**
 * Warm-up then the measured window, on the same connections. The server's own CPU time over the
 * window tells whether it was the bottleneck (≈100% of one core) or waited (database, load generator).
 */
async function measure(o: BenchOptions, server: ServerProcess, steps: Step[], cookies: string[], csrfTokens?: string[]): Promise<Pick<Measurement, 'load' | 'serverCpu'>> {
  const cpu: { start?: ReturnType<ServerProcess['cpuSeconds']>; end?: ReturnType<ServerProcess['cpuSeconds']> } = {};
  const load = await runLoad(
    { url: server.url, steps, cookies, csrfTokens, connections: o.connections, warmup: o.warmup, duration: o.duration },
    { onStart: () => (cpu.start = server.cpuSeconds()), onEnd: () => (cpu.end = server.cpuSeconds()) },
  );
  const cpu0 = cpu.start;
  const cpu1 = cpu.end;
  if (!cpu0 || !cpu1) return { load };
  const seconds = Number(load.windowNs[1] - load.windowNs[0]) / 1e9;
  const user = cpu1.user - cpu0.user;
  const system = cpu1.system - cpu0.system;
  return {
    load,
    serverCpu: {
      utilPct: round(((user + system) / seconds) * 100, 1),
      msPerRequest: round(((user + system) * 1000) / Math.max(1, load.requests), 3),
      // Kernel time is mostly socket syscalls: HTTP, plus every SQL round trip on PostgreSQL.
      systemPct: round((100 * system) / Math.max(1e-9, user + system), 1),
    },
  };
}

async function runBaseline(o: BenchOptions, when: 'start' | 'end'): Promise<Measurement> {
  console.log(`${when === 'start' ? '' : '\n'}Baseline (${when}): bare Fastify route…`);
  const server = await startNodeServer({
    name: `baseline-${when}`,
    root: ROOT,
    script: 'bench/baseline-server.ts',
    env: process.env,
    readyPath: '/',
    readyTimeoutMs: 30_000,
    logDir: join(OUT, 'logs'),
  });
  try {
    const measured = await measure(o, server, [{ label: 'baseline', path: '/' }], ['']);
    return { scenario: 'baseline', title: `baseline (${when}): bare Fastify GET /`, database: null, sessions: 0, ...measured };
  } finally {
    await server.stop();
  }
}

interface DatabaseRun {
  scenarios: Measurement[];
  profiles: Results['profiles'];
  probe?: Results['probes'][number];
}

async function runDatabase(o: BenchOptions, database: DatabaseName, env: NodeJS.ProcessEnv, sqliteFile: string | null): Promise<DatabaseRun> {
  console.log(`\nPréau on ${database}: starting the server…`);
  const profileDir = join(OUT, 'profiles', `${database}-${Date.now()}`);
  const server = await startNodeServer({
    name: `preau-${database}`,
    root: ROOT,
    script: 'server/src/main.ts',
    env: { ...env, LOG_LEVEL: 'warn', PREAU_DEMO_PASSWORD: o.demoPassword },
    readyPath: '/healthz',
    readyTimeoutMs: 300_000, // a fresh SQLite database is seeded (argon2 hashes) before listening
    nodeFlags: o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    logDir: join(OUT, 'logs'),
  });
  const scenarios: Measurement[] = [];
  const windows = new Map<string, [bigint, bigint]>();
  try {
    for (const scenario of SCENARIOS.filter((s) => o.only.length === 0 || o.only.includes(s.id))) {
      const m: Measurement = { scenario: scenario.id, title: scenario.title, database, sessions: o.connections };
      scenarios.push(m);
      console.log(`  ${scenario.title}: logging ${o.connections} virtual users in, ${o.warmup} s warm-up, ${o.duration} s…`);
      try {
        // One session per connection: 50 browsers, not 50 tabs sharing a cookie.
        const users = await loginMany(server.url, scenario.logins, o.connections, o.demoPassword);
        try {
          const steps = await scenario.steps(server.url, users[0]);
          Object.assign(m, await measure(o, server, steps, users.map((u) => u.cookie), users.map((u) => u.csrfToken)));
          if (m.load) windows.set(scenario.id, m.load.windowNs);
        } finally {
          await logoutAll(server.url, users);
        }
      } catch (error) {
        m.error = error instanceof Error ? error.message : String(error);
        console.error(`  ${scenario.id} failed: ${m.error}`);
      }
    }
  } finally {
    await server.stop();
  }
  const run: DatabaseRun = { scenarios, profiles: [] };
  if (o.cpuProf && existsSync(profileDir)) {
    // One summary per scenario, cut to its measured window, so /api/me is not blurred by the directory.
    for (const [scenario, window] of windows) {
      const summary = summariseProfile(profileDir, ROOT, [window]);
      if (summary) run.profiles.push({ database, scenario, summary });
    }
  }
  if (o.probe) {
    console.log(`  SQL probe on ${database}…`);
    try {
      const target = sqliteFile ? { kind: 'sqlite' as const, file: sqliteFile } : { kind: 'postgres' as const, url: env.DATABASE_URL ?? '' };
      run.probe = { database, rows: await probeSql(target, o.demoPassword) };
    } catch (error) {
      run.probe = { database, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return run;
}

async function main(): Promise<number> {
  // Import benchmarks have their own options and do not start servers (bench/imports).
  if (process.argv.includes('--scenario')) {
    const { runImportScenario } = await import('./imports/index.js');
    return runImportScenario(process.argv.slice(2));
  }
  const parsed = parseOptions(process.argv.slice(2), process.env, DEFAULT_DEMO_PASSWORD);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const o = parsed;
  const unknown = o.only.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0) {
    console.error(`Unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}.`);
    return 2;
  }
  const startedAt = new Date().toISOString();
  const notes: string[] = [];
  const [load1] = os.loadavg();
  if (load1 > 0.5) {
    // Load generator, server and database share this machine: anything else running skews all three.
    notes.push(`1-minute load average was ${load1.toFixed(2)} on ${os.cpus().length} CPUs at start: other processes were running, figures are noisier.`);
  }
  const runs: DatabaseRun[] = [];
  const baselines = [await runBaseline(o, 'start')];

  // The server inherits our env; never let a DATABASE_URL from the shell redirect the SQLite run.
  const { DATABASE_URL: _ignored, PREAU_DATA_DIR: _ignoredToo, ...cleanEnv } = process.env;
  if (!o.skipSqlite) {
    const dataDir = mkdtempSync(join(os.tmpdir(), 'preau-bench-'));
    try {
      runs.push(await runDatabase(o, 'sqlite', { ...cleanEnv, PREAU_DATA_DIR: dataDir }, join(dataDir, 'preau.sqlite')));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (!o.skipPostgres) {
    try {
      const { state, note } = await ensureAcademy(ROOT, o.postgresUrl, o.establishments, o.demoPassword);
      if (note) notes.push(note);
      const analyzed = await analyzeIfNeeded(o.postgresUrl);
      if (analyzed) notes.push(analyzed);
      notes.push(`PostgreSQL académie: ${state.establishments} establishments, ${state.people} people.`);
      runs.push(await runDatabase(o, 'postgres', { ...cleanEnv, DATABASE_URL: o.postgresUrl }, null));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      notes.push(`PostgreSQL skipped: ${message}`);
      console.error(`PostgreSQL run failed: ${message}`);
    }
  } else notes.push('PostgreSQL skipped (--skip-postgres).');

  // Measured again at the end: on a shared machine the background load drifts, and the mean of the
  // two brackets the Préau runs better than either alone.
  baselines.push(await runBaseline(o, 'end'));
  const baseRates = baselines.flatMap((b) => (b.load ? [b.load.reqPerSec] : []));
  const base = baseRates.length > 0 ? baseRates.reduce((a, b) => a + b, 0) / baseRates.length : 0;
  if (baseRates.length === 2 && Math.abs(baseRates[0] - baseRates[1]) / base > 0.15) {
    notes.push(`Baseline drifted between start and end (${baseRates.map((x) => Math.round(x)).join(' vs ')} req/s): the machine's load changed; ratios use the mean.`);
  }
  const scenarios = runs.flatMap((r) => r.scenarios);
  for (const m of scenarios) if (m.load && base > 0) m.ratio = Math.round((m.load.reqPerSec / base) * 1000) / 1000;
  const cpus = os.cpus();
  const results: Results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? '?', node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    settings: { duration: o.duration, warmup: o.warmup, connections: o.connections, postgresUrl: o.skipPostgres ? null : o.postgresUrl, establishments: o.establishments },
    notes,
    baselines,
    baselineReqPerSec: Math.round(base),
    scenarios,
    targets: checkTargets(scenarios),
    probes: runs.flatMap((r) => (r.probe ? [r.probe] : [])),
    profiles: runs.flatMap((r) => r.profiles),
  };
  printReport(results);
  const file = join(OUT, 'results.json');
  writeResults(file, results);
  console.log(`\nResults written to ${file}`);
  // Failed or invalid scenarios fail the command; unmet targets do not (they are reported).
  const broken = scenarios.some((m) => !m.load || m.load.non2xx > 0 || m.load.errors > 0) || baseRates.length === 0;
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
