import { type Clock, systemClock } from '../clock.js';
import { consoleJobLogger, type JobLogger } from './job-queue.js';

export interface JobQueueOptions {
  clock?: Clock;
  logger?: JobLogger;
  /** How often idle workers look for work (SQLite default 250 ms; pg-boss needs at least 500 ms). */
  pollIntervalMs?: number;
  /** How long stop() waits for running handlers before aborting them (default 30 s). */
  stopTimeoutMs?: number;
  /** An attempt running longer is aborted and counted as failed (default 30 min; pg-boss caps it under 24 h). */
  jobTimeoutMs?: number;
  /** Retries after a failure when enqueue does not say (default 2, as pg-boss). */
  retryLimit?: number;
  /** Minimum time between two progress writes of one job (default 500 ms). */
  progressIntervalMs?: number;
  /** PostgreSQL: schema pg-boss creates and owns (default 'pgboss'). */
  bossSchema?: string;
  /**
   * PostgreSQL: how often pg-boss expires jobs whose process died, and the mirror catches up with it
   * (default 60 s).
   */
  maintenanceIntervalSeconds?: number;
}

export type ResolvedJobQueueOptions = Required<JobQueueOptions>;

export function resolveJobQueueOptions(options: JobQueueOptions, kind: 'sqlite' | 'postgres'): ResolvedJobQueueOptions {
  return {
    clock: options.clock ?? systemClock,
    logger: options.logger ?? consoleJobLogger,
    pollIntervalMs: options.pollIntervalMs ?? (kind === 'sqlite' ? 250 : 2000),
    stopTimeoutMs: options.stopTimeoutMs ?? 30_000,
    jobTimeoutMs: options.jobTimeoutMs ?? 30 * 60_000,
    retryLimit: options.retryLimit ?? 2,
    progressIntervalMs: options.progressIntervalMs ?? 500,
    bossSchema: options.bossSchema ?? 'pgboss',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  };
}
