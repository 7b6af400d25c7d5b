/**
 * `npm run bench -- --scenario aaf-import --accounts 1000000`: generates a deterministic AAF feed,
 * recreates a scratch PostgreSQL database with the feed's establishments, then runs the real CLI
 * (`preau import aaf <dir> --apply`) as a child process and samples its memory. Prints accounts/s
 * and the importing process's peak RSS (VmHWM), against the targets: ≥ 5,000 accounts/s, < 1 GB.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../../server/src/kernel/db/database.js';
import { newId } from '../../server/src/kernel/ids.js';
import { summariseProfile } from '../profile.js';
import { type GeneratedFeed, generateAafFeed } from './aaf-generate.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = join(ROOT, '.bench');

export const AAF_USAGE = `Usage: npm run bench -- --scenario aaf-import [options]
  --accounts <n>        accounts in the generated feed (default 100000)
  --postgres-url <u>    scratch database, dropped and recreated (default postgres://postgres@127.0.0.1:5432/preau_import_bench)
  --feed-dir <dir>      where the feed is generated (default .bench/aaf-feed-<n>; reused when complete)
  --cpu-prof            run the import under node --cpu-prof (profile in .bench/profiles)`;

function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

async function recreateDatabase(url: string, feed: GeneratedFeed) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const handle = openDatabase({ url });
  try {
    await migrateToLatest(handle);
    const now = new Date().toISOString();
    const rows = feed.establishments.map((e) => ({ id: newId(), uai: e.uai, name: e.name, type: 'college', academy: 'Bench', address: null, postal_code: null, city: null, created_at: now }));
    for (let i = 0; i < rows.length; i += 1000) await handle.db.insertInto('establishments').values(rows.slice(i, i + 1000)).execute();
  } finally {
    await handle.close();
  }
}

async function countAccounts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ people: string; memberships: string; relatives: string; members: string }>(
      `select (select count(*) from people) as people, (select count(*) from memberships) as memberships,
              (select count(*) from relatives) as relatives, (select count(*) from group_members) as members`,
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  } finally {
    await client.end();
  }
}

export async function runAafBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string' },
      accounts: { type: 'string', default: '100000' },
      'postgres-url': { type: 'string', default: process.env.BENCH_IMPORT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/preau_import_bench' },
      'feed-dir': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(AAF_USAGE);
    return 0;
  }
  const accounts = Number(values.accounts);
  if (!Number.isInteger(accounts) || accounts < 100) throw new Error('--accounts must be a whole number ≥ 100');
  const url = values['postgres-url']!;
  const dir = resolve(values['feed-dir'] ?? join(OUT, `aaf-feed-${accounts}`));
  const manifestFile = join(dir, 'manifest.json');

  let feed: GeneratedFeed;
  if (existsSync(manifestFile)) {
    feed = JSON.parse(readFileSync(manifestFile, 'utf8')) as GeneratedFeed;
    console.log(`AAF feed: reusing ${dir} (${feed.accounts} accounts, ${feed.establishments.length} establishments).`);
  } else {
    const t0 = performance.now();
    console.log(`AAF feed: generating ${accounts} accounts in ${dir}…`);
    feed = await generateAafFeed(dir, accounts);
    writeFileSync(manifestFile, JSON.stringify(feed));
    console.log(`  ${feed.establishments.length} establishments, ${feed.files} files in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  }
  console.log(`PostgreSQL: recreating ${url} with the feed's establishments…`);
  await recreateDatabase(url, feed);

  const profileDir = join(OUT, 'profiles', `aaf-${Date.now()}`);
  const flags = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  mkdirSync(OUT, { recursive: true });
  console.log('Import: preau import aaf --apply (child process)…');
  const started = performance.now();
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/src/preau.ts', 'import', 'aaf', dir, '--apply'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  let lastHwm = 0;
  let readingDoneAt = 0;
  const sampler = setInterval(() => {
    const m = child.pid ? memoryOf(child.pid) : null;
    if (m) {
      peak = Math.max(peak, m.rss);
      lastHwm = Math.max(lastHwm, m.hwm);
    }
  }, 100);
  let lastLine = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      if (!readingDoneAt && /^AAF: \d+\/\d+ /.test(line)) readingDoneAt = performance.now();
      if (/^AAF: \d+\/\d+ /.test(line)) {
        const [, done, total] = /^AAF: (\d+)\/(\d+)/.exec(line)!;
        if (Number(done) % 50 === 0 || done === total) console.log(`  ${line}`);
      } else if (/^AAF: \d+ records/.test(line)) {
        if (line !== lastLine && /0000 records|, \d+ people staged$/.test(line)) console.log(`  ${line}`);
      } else console.error(line);
      lastLine = line;
    }
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk).length > 1e6 && (stdout = stdout.slice(-1e5)));
  const code = await new Promise<number>((resolveExit) => child.on('exit', (c) => resolveExit(c ?? 1)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const readSeconds = readingDoneAt ? (readingDoneAt - started) / 1000 : null;
  if (code !== 0) {
    console.error(stdout.slice(-4000));
    throw new Error(`the import exited with code ${code}`);
  }
  const counts = await countAccounts(url);
  const rate = feed.accounts / seconds;
  const peakBytes = Math.max(peak, lastHwm);
  const result = {
    scenario: 'aaf-import',
    at: new Date().toISOString(),
    accounts: feed.accounts,
    establishments: feed.establishments.length,
    seconds: Math.round(seconds * 10) / 10,
    stagingSeconds: readSeconds === null ? null : Math.round(readSeconds * 10) / 10,
    accountsPerSecond: Math.round(rate),
    peakRssMb: Math.round(peakBytes / 2 ** 20),
    database: counts,
    targets: { accountsPerSecond: rate >= 5000, peakRssUnder1Gb: peakBytes < 2 ** 30 },
  };
  console.log(stdout.split('\n').slice(-4).join('\n'));
  console.log(`\nAAF import of ${feed.accounts} accounts over ${feed.establishments.length} establishments (PostgreSQL):`);
  console.log(`  total ${result.seconds} s (reading and staging ${result.stagingSeconds ?? '?'} s) → ${result.accountsPerSecond} accounts/s  [target ≥ 5,000: ${result.targets.accountsPerSecond ? 'met' : 'NOT met'}]`);
  console.log(`  peak RSS of the importing process ${result.peakRssMb} MB  [target < 1 GB: ${result.targets.peakRssUnder1Gb ? 'met' : 'NOT met'}]`);
  console.log(`  database: ${counts.people} people, ${counts.memberships} memberships, ${counts.relatives} relative links, ${counts.members} class/group memberships`);
  writeFileSync(join(OUT, `aaf-import-${accounts}.json`), JSON.stringify(result, null, 2));
  if (values['cpu-prof']) {
    const summary = summariseProfile(profileDir, ROOT, []);
    if (summary) console.log(`\nWhere the importing process spent its CPU (${profileDir}):\n${JSON.stringify(summary, null, 1).slice(0, 6000)}`);
  }
  if (counts.people !== feed.accounts) {
    console.error(`  expected ${feed.accounts} accounts in the database, found ${counts.people}`);
    return 1;
  }
  return 0;
}
