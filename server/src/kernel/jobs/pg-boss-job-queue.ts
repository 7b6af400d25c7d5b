import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Db } from '../db/database.js';
import { bossDbOn, ClosableBossDb } from './boss-db.js';
import type { EnqueueOptions, JobHandler, JobQueue, JobState, JobStatus, RegisterOptions } from './job-queue.js';
import { assertJobName } from './job-queue.js';
import { INTERRUPTED_BY_STOP, JobRunner } from './job-runner.js';
import {
  findJob,
  INTERRUPTED,
  insertJob,
  isUnfinished,
  type JobRow,
  type JobsDb,
  jobsDb,
  listRunningJobs,
  markRunning,
  overwriteState,
  toJobStatus,
} from './jobs.queries.js';
import type { ResolvedJobQueueOptions } from './options.js';

/**
 * PostgreSQL: pg-boss delivers the jobs (locking across server instances, retries, expiry of jobs
 * whose process died); the `jobs` table mirrors each job's state, progress and result, written by
 * the handler wrapper, because pg-boss has no progress and archives then deletes finished jobs.
 * When pg-boss decides alone (a dead process's job expired, a shutdown failed an active job), the
 * mirror catches up on `status()`, on a singleton check and every maintenance interval.
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'postgres';
  readonly #db: JobsDb;
  readonly #options: ResolvedJobQueueOptions;
  readonly #runner: JobRunner;
  readonly #bossDb: ClosableBossDb;
  readonly #boss: PgBoss;
  readonly #registrations = new Map<string, { handler: JobHandler<unknown>; concurrency: number }>();
  readonly #workerIds = new Map<string, string[]>();
  readonly #queuesCreated = new Set<string>();
  #started = false;
  #reconcileTimer: NodeJS.Timeout | undefined;

  constructor(db: Db, options: ResolvedJobQueueOptions) {
    this.#db = jobsDb(db);
    this.#options = options;
    this.#runner = new JobRunner(this.#db, options);
    this.#bossDb = new ClosableBossDb(bossDbOn(db));
    this.#boss = new PgBoss({
      db: this.#bossDb,
      schema: options.bossSchema,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
      retryLimit: options.retryLimit,
      expireInSeconds: this.#expireInSeconds(),
    });
    this.#boss.on('error', (error) => options.logger.error({ err: error }, 'pg-boss error'));
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#bossDb.reopen();
    await this.#boss.start();
    this.#started = true;
    for (const name of this.#registrations.keys()) await this.#startWorkers(name);
    await this.#reconcileRunning();
    this.#reconcileTimer = setInterval(() => void this.#reconcileRunning(), this.#options.maintenanceIntervalSeconds * 1000);
    this.#reconcileTimer.unref();
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    clearInterval(this.#reconcileTimer);
    for (const name of this.#workerIds.keys()) await this.#boss.offWork(name);
    this.#workerIds.clear();
    await this.#runner.drain(options.timeoutMs ?? this.#options.stopTimeoutMs);
    // Every handler has settled: pg-boss only has its complete/fail calls left, which close() awaits.
    await this.#boss.stop({ graceful: true, wait: true, timeout: 1000 });
    await new Promise((resolve) => setImmediate(resolve));
    await this.#bossDb.close();
  }

  register<T>(name: string, handler: JobHandler<T>, options: RegisterOptions = {}): void {
    assertJobName(name);
    if (this.#registrations.has(name)) throw new Error(`A handler is already registered for job ${name}`);
    this.#registrations.set(name, { handler: handler as JobHandler<unknown>, concurrency: Math.max(1, options.concurrency ?? 1) });
    if (this.#started) {
      this.#startWorkers(name).catch((error) => this.#options.logger.error({ err: error, job: name }, 'Could not start job workers'));
    }
  }

  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    assertJobName(name);
    if (!this.#started) throw new Error('Start the job queue before enqueueing: pg-boss installs its schema at start');
    await this.#ensureQueue(name);
    const id = randomUUID();
    const retryLimit = options.retryLimit ?? this.#options.retryLimit;
    const payload = data ?? null;
    const holder = await insertJob(
      this.#db,
      {
        id,
        name,
        data: JSON.stringify(payload),
        state: 'queued',
        retry_limit: retryLimit,
        singleton_key: options.singletonKey ?? null,
        created_at: this.#options.clock.now().toISOString(),
      },
      {
        afterInsert: async (trx) => {
          // pg-boss wants an object; wrapping keeps any JSON value (arrays, strings) intact.
          await this.#boss.send(name, { payload }, { id, retryLimit, expireInSeconds: this.#expireInSeconds(), db: bossDbOn(trx) });
        },
        stillHolds: async (row) => isUnfinished(await this.#reconcile(row)),
      },
    );
    for (const workerId of this.#workerIds.get(name) ?? []) this.#boss.notifyWorker(workerId);
    return holder;
  }

  async status(id: string): Promise<JobStatus | null> {
    const row = await findJob(this.#db, id);
    if (!row) return null;
    // A stopped queue cannot ask pg-boss (its connection is closed): the mirror is all it has.
    return toJobStatus(isUnfinished(row) && this.#started ? await this.#reconcile(row) : row);
  }

  /** pg-boss is the one to abort a job whose process died: give it a little longer than our own timeout. */
  #expireInSeconds(): number {
    return Math.ceil(this.#options.jobTimeoutMs / 1000) + 60;
  }

  async #ensureQueue(name: string): Promise<void> {
    if (this.#queuesCreated.has(name)) return;
    // pg-boss 10 refuses send() and work() on a queue it was not told about; createQueue is idempotent.
    await this.#boss.createQueue(name, { name, retryLimit: this.#options.retryLimit, expireInSeconds: this.#expireInSeconds() });
    this.#queuesCreated.add(name);
  }

  async #startWorkers(name: string): Promise<void> {
    const registration = this.#registrations.get(name);
    if (!registration || this.#workerIds.has(name)) return;
    await this.#ensureQueue(name);
    const ids: string[] = [];
    this.#workerIds.set(name, ids);
    // pg-boss 10 has no concurrency option: one worker per concurrent job, each fetching one at a time.
    for (let i = 0; i < registration.concurrency; i++) {
      ids.push(
        await this.#boss.work<{ payload: unknown }>(
          name,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: Math.max(0.5, this.#options.pollIntervalMs / 1000) },
          (jobs) => this.#runBossJobs(jobs, registration.handler),
        ),
      );
    }
  }

  async #runBossJobs(jobs: PgBoss.JobWithMetadata<{ payload: unknown }>[], handler: JobHandler<unknown>): Promise<void> {
    for (const job of jobs) {
      // A fetch that was in flight when stop() began: hand the job straight back (pg-boss retries it).
      if (!this.#started) throw new Error(INTERRUPTED_BY_STOP);
      // pg-boss counts retries; the mirror counts attempts, so the limits compare the same way.
      const attempt = job.retryCount + 1;
      await markRunning(this.#db, job.id, attempt, this.#options.clock.now().toISOString());
      const outcome = await this.#runner.run({ id: job.id, name: job.name, attempt, data: job.data.payload }, handler);
      // Throwing is how pg-boss learns of a failure (it then retries or fails the job).
      if (!outcome.ok) throw outcome.error;
    }
  }

  async #reconcileRunning(): Promise<void> {
    try {
      for (const row of await listRunningJobs(this.#db)) await this.#reconcile(row);
    } catch (error) {
      this.#options.logger.error({ err: error }, 'Could not reconcile job states with pg-boss');
    }
  }

  /** Brings an unfinished mirror row in line with pg-boss's job, when pg-boss moved it on its own. */
  async #reconcile(row: JobRow): Promise<JobRow> {
    const bossJob = await this.#boss.getJobById<{ payload: unknown }>(row.name, row.id, { includeArchive: true });
    const next = mirrorOf(bossJob);
    // queued → running is the worker's own write, about to land.
    if (next.state === row.state || (row.state === 'queued' && next.state === 'running')) return row;
    const finishedAt = next.state === 'done' || next.state === 'failed' ? this.#options.clock.now().toISOString() : null;
    const updated = await overwriteState(this.#db, row, { state: next.state, error: next.error ?? row.error, finishedAt });
    return updated ?? (await findJob(this.#db, row.id)) ?? row;
  }
}

function mirrorOf(job: PgBoss.JobWithMetadata<unknown> | null): { state: JobState; error: string | null } {
  if (!job) return { state: 'failed', error: 'Lost: pg-boss no longer knows this job' };
  switch (job.state) {
    case 'created':
    case 'retry':
      return { state: 'queued', error: job.startedOn ? INTERRUPTED : null };
    case 'active':
      return { state: 'running', error: null };
    case 'completed':
      return { state: 'done', error: null };
    default:
      return { state: 'failed', error: bossErrorMessage(job.output) ?? `Job ${job.state}` };
  }
}

/** pg-boss stores a thrown error as its serialisation, and its own reasons as `{ value }`. */
function bossErrorMessage(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const { message, value } = output as { message?: unknown; value?: unknown };
  if (typeof message === 'string') return message;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
    return (value as { message: string }).message;
  }
  return null;
}
