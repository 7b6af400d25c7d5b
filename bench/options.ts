import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Seconds of measured load per scenario. */
  duration: number;
  /** Seconds of discarded load before each measurement (JIT, pools, caches). */
  warmup: number;
  connections: number;
  skipSqlite: boolean;
  skipPostgres: boolean;
  postgresUrl: string;
  /** Establishments the PostgreSQL académie must have; fewer triggers a reseed. */
  establishments: number;
  /** Run the server under `node --cpu-prof` and summarise where its CPU time went. */
  cpuProf: boolean;
  /** Count and time the SQL of each endpoint in-process (cheap, on by default). */
  probe: boolean;
  demoPassword: string;
  /** Scenario ids to run (all when empty). */
  only: string[];
}

export const USAGE = `Usage: npx tsx bench/run.ts [options]
  --duration <s>       measured seconds per scenario   (env BENCH_DURATION, default 10)
  --warmup <s>         warm-up seconds per scenario    (env BENCH_WARMUP, default 3)
  --connections <n>    concurrent connections          (env BENCH_CONNECTIONS, default 50)
  --skip-sqlite        do not bench the SQLite demo database
  --skip-postgres      do not bench PostgreSQL         (env BENCH_SKIP_POSTGRES=1)
  --postgres-url <u>   (env BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/preau_bench)
  --establishments <n> académie size required on PostgreSQL (default 300)
  --cpu-prof           profile the server (node --cpu-prof) and print its hottest functions
  --no-probe           skip the in-process SQL-per-request probe
  --only <ids>         comma-separated scenario ids to run, e.g. --only me,home (default all)
  PREAU_DEMO_PASSWORD  demo password (default the server's default)`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, defaultPassword: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'skip-sqlite': { type: 'boolean', default: false },
      'skip-postgres': { type: 'boolean', default: false },
      'postgres-url': { type: 'string' },
      establishments: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'no-probe': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    duration: positive('--duration', values.duration ?? env.BENCH_DURATION, 10),
    warmup: positive('--warmup', values.warmup ?? env.BENCH_WARMUP, 3),
    connections: Math.round(positive('--connections', values.connections ?? env.BENCH_CONNECTIONS, 50)),
    skipSqlite: values['skip-sqlite'] ?? false,
    skipPostgres: (values['skip-postgres'] ?? false) || env.BENCH_SKIP_POSTGRES === '1',
    postgresUrl: values['postgres-url'] ?? env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/preau_bench',
    establishments: Math.round(positive('--establishments', values.establishments, 300)),
    cpuProf: values['cpu-prof'] ?? false,
    probe: !(values['no-probe'] ?? false),
    demoPassword: env.PREAU_DEMO_PASSWORD ?? defaultPassword,
    only: (values.only ?? '').split(',').map((id) => id.trim()).filter(Boolean),
  };
}
