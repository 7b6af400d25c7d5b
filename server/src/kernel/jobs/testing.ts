import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.js';
import { createJobQueue } from './index.js';
import type { JobLogger, JobQueue } from './job-queue.js';
import type { JobQueueOptions } from './options.js';

/**
 * A job queue for tests: short intervals, and on PostgreSQL a pg-boss schema of its own beside the
 * test schema (pg-boss creates it at start; drop it with `dropTestBossSchema` in afterAll).
 */
export function createTestJobQueue(handle: DatabaseHandle, options: JobQueueOptions = {}): JobQueue {
  return createJobQueue(handle, {
    pollIntervalMs: handle.kind === 'sqlite' ? 20 : 500,
    stopTimeoutMs: 2000,
    progressIntervalMs: 0,
    maintenanceIntervalSeconds: 1,
    bossSchema: testBossSchema(handle),
    logger: silentJobLogger(),
    ...options,
  });
}

export function testBossSchema(handle: DatabaseHandle): string {
  return `${handle.schema ?? 'public'}_boss`;
}

export async function dropTestBossSchema(handle: DatabaseHandle): Promise<void> {
  if (handle.kind !== 'postgres') return;
  await sql`drop schema if exists ${sql.id(testBossSchema(handle))} cascade`.execute(handle.db);
}

/** Keeps what would have been logged, so expected failures do not clutter the test output. */
export function silentJobLogger(): JobLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (_details, message) => void lines.push(`warn: ${message}`),
    error: (_details, message) => void lines.push(`error: ${message}`),
  };
}
