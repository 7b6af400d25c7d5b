import type { Db } from '../db/database.js';
import { newId } from '../ids.js';
import type { EnqueueOptions, JobHandler, JobQueue, JobStatus, RegisterOptions } from './job-queue.js';
import { assertJobName } from './job-queue.js';
import { JobRunner } from './job-runner.js';
import { claimNextJob, findJob, insertJob, type JobsDb, jobsDb, requeueInterruptedJobs, toJobStatus } from './jobs.queries.js';
import type { ResolvedJobQueueOptions } from './options.js';

interface Registration {
  handler: JobHandler<unknown>;
  concurrency: number;
  active: number;
}

/**
 * SQLite: the `jobs` table is the queue, polled in-process (and woken at once by an enqueue in the
 * same process). One process runs the jobs of a SQLite file, so at start every job still marked
 * running belonged to a process that died: it goes back to the queue.
 */
export class SqliteJobQueue implements JobQueue {
  readonly kind = 'sqlite';
  readonly #db: JobsDb;
  readonly #options: ResolvedJobQueueOptions;
  readonly #runner: JobRunner;
  readonly #registrations = new Map<string, Registration>();
  #started = false;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #pollAgain = false;

  constructor(db: Db, options: ResolvedJobQueueOptions) {
    this.#db = jobsDb(db);
    this.#options = options;
    this.#runner = new JobRunner(this.#db, options);
  }

  async start(): Promise<void> {
    if (this.#started) return;
    const requeued = await requeueInterruptedJobs(this.#db, this.#now());
    if (requeued > 0) this.#options.logger.warn({ requeued }, 'Jobs interrupted by the last shutdown were put back in the queue');
    this.#started = true;
    this.#wake();
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.#started = false;
    clearTimeout(this.#timer);
    // A claim in flight would start a job after the drain below: let it land first.
    await this.#polling;
    await this.#runner.drain(options.timeoutMs ?? this.#options.stopTimeoutMs);
  }

  register<T>(name: string, handler: JobHandler<T>, options: RegisterOptions = {}): void {
    assertJobName(name);
    if (this.#registrations.has(name)) throw new Error(`A handler is already registered for job ${name}`);
    this.#registrations.set(name, { handler: handler as JobHandler<unknown>, concurrency: Math.max(1, options.concurrency ?? 1), active: 0 });
    this.#wake();
  }

  /** Works before start(): the job waits in the table (the CLI can enqueue for the server to run). */
  async enqueue<T>(name: string, data: T, options: EnqueueOptions = {}): Promise<string> {
    assertJobName(name);
    const now = this.#options.clock.now();
    const id = await insertJob(this.#db, {
      id: newId(now.getTime()),
      name,
      data: JSON.stringify(data ?? null),
      state: 'queued',
      retry_limit: options.retryLimit ?? this.#options.retryLimit,
      singleton_key: options.singletonKey ?? null,
      created_at: now.toISOString(),
    });
    this.#wake();
    return id;
  }

  async status(id: string): Promise<JobStatus | null> {
    const row = await findJob(this.#db, id);
    return row ? toJobStatus(row) : null;
  }

  #now(): string {
    return this.#options.clock.now().toISOString();
  }

  #wake(): void {
    if (this.#started) this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#poll(), delayMs);
    // Polling alone must not keep a process (or a test run) alive.
    this.#timer.unref();
  }

  #poll(): void {
    if (this.#polling) {
      this.#pollAgain = true;
      return;
    }
    this.#polling = this.#pollLoop().finally(() => {
      this.#polling = undefined;
      if (this.#started) this.#schedule(this.#options.pollIntervalMs);
    });
  }

  async #pollLoop(): Promise<void> {
    try {
      do {
        this.#pollAgain = false;
        await this.#claimWhileCapacity();
      } while (this.#pollAgain && this.#started);
    } catch (error) {
      this.#options.logger.error({ err: error }, 'Job queue poll failed');
    }
  }

  async #claimWhileCapacity(): Promise<void> {
    while (this.#started) {
      const names = [...this.#registrations].filter(([, r]) => r.active < r.concurrency).map(([name]) => name);
      if (names.length === 0) return;
      const row = await claimNextJob(this.#db, names, this.#now());
      if (!row) return;
      const registration = this.#registrations.get(row.name)!;
      registration.active++;
      const job = { id: row.id, name: row.name, attempt: row.attempts, data: JSON.parse(row.data) as unknown };
      void this.#runner.run(job, registration.handler).finally(() => {
        registration.active--;
        this.#wake();
      });
    }
  }
}
