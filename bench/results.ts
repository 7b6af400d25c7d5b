import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LoadResult } from './load.js';
import type { ProbeRow } from './probe.js';
import type { ProfileSummary } from './profile.js';

export type DatabaseName = 'sqlite' | 'postgres';

export interface Measurement {
  scenario: string;
  title: string;
  database: DatabaseName | null;
  sessions: number;
  /** Absent when the scenario failed; `error` says why. */
  load?: LoadResult;
  /** Server process CPU over the measured run: % of one core, and CPU ms per request. */
  serverCpu?: { utilPct: number; msPerRequest: number; systemPct: number };
  /** reqPerSec ÷ baselineReqPerSec. */
  ratio?: number;
  error?: string;
}

export interface TargetCheck {
  database: DatabaseName;
  what: string;
  value: number;
  target: string;
  met: boolean;
}

export interface Results {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; memoryGb: number };
  settings: { duration: number; warmup: number; connections: number; postgresUrl: string | null; establishments: number };
  notes: string[];
  /** The bare Fastify route, measured before and after the Préau runs. */
  baselines: Measurement[];
  /** Mean req/s of the baselines: the denominator of every ratio. */
  baselineReqPerSec: number;
  scenarios: Measurement[];
  targets: TargetCheck[];
  probes: { database: DatabaseName; rows?: ProbeRow[]; error?: string }[];
  profiles: { database: DatabaseName; scenario: string; summary: ProfileSummary }[];
}

/** The targets for authenticated GET /api/me at the configured connections (reported, not asserted). */
export const TARGET_RATIO = 0.4;
export const TARGET_P99_MS = 25;

export function checkTargets(scenarios: Measurement[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const m of scenarios) {
    if (m.scenario !== 'me' || !m.database) continue;
    const valid = !!m.load && m.load.non2xx === 0 && m.load.errors === 0;
    checks.push({
      database: m.database,
      what: 'GET /api/me req/s vs baseline',
      value: m.ratio ?? 0,
      target: `≥ ${TARGET_RATIO * 100}%`,
      met: valid && (m.ratio ?? 0) >= TARGET_RATIO,
    });
    checks.push({
      database: m.database,
      what: 'GET /api/me p99 latency (ms)',
      value: m.load?.p99 ?? Number.NaN,
      target: `< ${TARGET_P99_MS} ms`,
      met: valid && (m.load?.p99 ?? Number.POSITIVE_INFINITY) < TARGET_P99_MS,
    });
  }
  return checks;
}

export function writeResults(file: string, results: Results): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}
