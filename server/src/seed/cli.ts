import { sql } from 'kysely';
/**
 * Seeds an empty database with the demo establishments and, with --establishments N, a generated
 * platform of N establishments in all.
 *
 *   npx tsx server/src/seed/cli.ts --establishments 300 [--seed 42] [--reset]
 *
 * Database: DATABASE_URL (postgres://…) or SQLite at $PREAU_DATA_DIR/preau.sqlite (default ./data).
 * Demo password: PREAU_DEMO_PASSWORD, default 'Preau-Demo-2026!'.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../kernel/db/database.js';
import { DEFAULT_SEED, isDatabaseEmpty, resetDatabase, type SeedSummary, seedPlatform } from './index.js';

const USAGE = `Usage: npx tsx server/src/seed/cli.ts [--establishments N] [--seed S] [--reset]

  --establishments N  establishments in total, the 3 demo ones included (default 3, at most 10000)
  --seed S            integer seed in [0, 4294967295] (default ${DEFAULT_SEED}); same seed, same data
  --reset             empty every table first (otherwise a database with data is left untouched)
  --concurrency C     establishment transactions in flight on PostgreSQL (default 2)
  -h, --help          show this help

Environment: DATABASE_URL (postgres://…) or PREAU_DATA_DIR (SQLite file preau.sqlite, default ./data),
PREAU_DEMO_PASSWORD (default 'Preau-Demo-2026!').`;

const DEFAULT_PASSWORD = 'Preau-Demo-2026!';

class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} expects a whole number, got "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}.`);
  return n;
}

function parse(argv: string[]) {
  let values: { establishments?: string; seed?: string; concurrency?: string; reset?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        establishments: { type: 'string', short: 'n' },
        seed: { type: 'string' },
        concurrency: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    help: values.help === true,
    establishments: integer('establishments', values.establishments, 3, 3, 10_000),
    seed: integer('seed', values.seed, DEFAULT_SEED, 0, 0xffffffff),
    concurrency: integer('concurrency', values.concurrency, 2, 1, 16),
    reset: values.reset === true,
  };
}

const fmt = (n: number) => n.toLocaleString('fr-FR');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printSummary(summary: SeedSummary, totalMs: number): void {
  const e = summary.establishments;
  console.log(`\nSeeded ${fmt(e.college + e.ecole + e.lycee)} establishments (${e.college} collèges, ${e.ecole} écoles, ${e.lycee} lycées), seed ${summary.seed}.`);
  console.log(`Accounts: ${fmt(summary.accounts)}`);
  console.log(`Profiles: ${Object.entries(summary.profiles).map(([p, n]) => `${p} ${fmt(n)}`).join(', ')}`);
  console.log(`Rows:     ${Object.entries(summary.tables).map(([t, n]) => `${t} ${fmt(n)}`).join(', ')}`);
  console.log('Demo logins (password from PREAU_DEMO_PASSWORD or the default):');
  for (const d of summary.demoLogins) console.log(`  ${d.login.padEnd(16)} ${d.name.padEnd(22)} ${d.description}`);
  console.log(`Seeding took ${seconds(summary.elapsedMs)} (${seconds(totalMs)} with migrations and reset).`);
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const url = process.env.DATABASE_URL || join(process.env.PREAU_DATA_DIR ?? './data', 'preau.sqlite');
  const database = openDatabase({ url });
  const where = database.kind === 'postgres' ? url.replace(/\/\/[^@/]*@/, '//…@') : url;
  try {
    console.log(`Database: ${database.kind} ${where}`);
    await migrateToLatest(database);
    if (args.reset) {
      console.log('Emptying every table (--reset)…');
      await resetDatabase(database.db, database.kind);
    } else if (!(await isDatabaseEmpty(database.db))) {
      console.error('The database already has establishments. Run again with --reset to empty every table first.');
      return 1;
    }
    const total = args.establishments;
    const step = Math.max(1, Math.round(total / 20));
    const summary = await seedPlatform(database.db, {
      establishments: total,
      seed: args.seed,
      concurrency: args.concurrency,
      password: process.env.PREAU_DEMO_PASSWORD ?? DEFAULT_PASSWORD,
      onProgress(done) {
        if (done === total || done % step === 0) {
          console.log(`  ${String(done).padStart(String(total).length)}/${total} establishments  ${seconds(performance.now() - started)}`);
        }
      },
    });
    // Fresh tables have no planner statistics; without them PostgreSQL picks poor plans at first.
    if (database.kind === 'postgres') await sql`analyze`.execute(database.db);
    else await sql`pragma optimize`.execute(database.db);
    printSummary(summary, performance.now() - started);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
