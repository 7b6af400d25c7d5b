import type { DatabaseHandle } from '../db/database.js';
import type { JobQueue } from './job-queue.js';
import { type JobQueueOptions, resolveJobQueueOptions } from './options.js';
import { PgBossJobQueue } from './pg-boss-job-queue.js';
import { SqliteJobQueue } from './sqlite-job-queue.js';

export type { EnqueueOptions, JobContext, JobHandler, JobLogger, JobQueue, JobState, JobStatus, RegisterOptions } from './job-queue.js';
export type { JobQueueOptions } from './options.js';

/** pg-boss on PostgreSQL, the in-process table-backed queue on SQLite. Call start() once handlers are registered. */
export function createJobQueue(handle: DatabaseHandle, options: JobQueueOptions = {}): JobQueue {
  const resolved = resolveJobQueueOptions(options, handle.kind);
  return handle.kind === 'postgres' ? new PgBossJobQueue(handle.db, resolved) : new SqliteJobQueue(handle.db, resolved);
}
