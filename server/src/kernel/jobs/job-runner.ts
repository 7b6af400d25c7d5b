import type { Clock } from '../clock.js';
import type { JobHandler, JobLogger } from './job-queue.js';
import { type JobsDb, markDone, markFailed } from './jobs.queries.js';
import { progressReporter } from './progress-reporter.js';

export interface RunnerOptions {
  clock: Clock;
  logger: JobLogger;
  /** Past this, the attempt is aborted and counted as failed. */
  jobTimeoutMs: number;
  /** Progress is written at most this often: an import reports each row, the table need not see each one. */
  progressIntervalMs: number;
}

export type AttemptOutcome = { ok: true } | { ok: false; error: Error };

/**
 * Runs one attempt of a job for either implementation: gives the handler its context, records the
 * outcome in the `jobs` table, and lets `stop()` wait for (then abort) what is still running.
 */
export class JobRunner {
  readonly #db: JobsDb;
  readonly #options: RunnerOptions;
  readonly #running = new Map<Promise<AttemptOutcome>, AbortController>();

  constructor(db: JobsDb, options: RunnerOptions) {
    this.#db = db;
    this.#options = options;
  }

  run<T>(job: { id: string; name: string; attempt: number; data: T }, handler: JobHandler<T>): Promise<AttemptOutcome> {
    const controller = new AbortController();
    const attempt = this.#attempt(job, handler, controller);
    this.#running.set(attempt, controller);
    void attempt.finally(() => this.#running.delete(attempt));
    return attempt;
  }

  /** Waits for running attempts up to `timeoutMs`, then aborts the rest and waits for their outcome to be written. */
  async drain(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.#running.keys()]), timeout]);
    clearTimeout(timer);
    for (const controller of this.#running.values()) controller.abort(new Error(INTERRUPTED_BY_STOP));
    await Promise.allSettled([...this.#running.keys()]);
  }

  async #attempt<T>(
    job: { id: string; name: string; attempt: number; data: T },
    handler: JobHandler<T>,
    controller: AbortController,
  ): Promise<AttemptOutcome> {
    const { clock, logger, jobTimeoutMs } = this.#options;
    const limit = jobTimeoutMs < 1000 ? `${jobTimeoutMs} ms` : `${Math.round(jobTimeoutMs / 1000)} s`;
    const timer = setTimeout(() => controller.abort(new Error(`Timed out after ${limit}`)), jobTimeoutMs);
    const progress = progressReporter(this.#db, job, { intervalMs: this.#options.progressIntervalMs, logger });
    try {
      // Racing the signal: a handler that ignores it must not keep the attempt (or stop()) hanging.
      const context = { id: job.id, data: job.data, attempt: job.attempt, progress: progress.report, signal: controller.signal };
      const result = await raceAbort(handler(context), controller.signal);
      progress.close(); // a late progress write must not follow the final one
      const recorded = await markDone(this.#db, job.id, job.attempt, { result, progress: progress.latest(), now: clock.now().toISOString() });
      if (!recorded) logger.error({ jobId: job.id, job: job.name }, 'Job finished but its attempt had been taken back');
      return { ok: true };
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      try {
        await markFailed(this.#db, job.id, job.attempt, error.message, clock.now().toISOString());
      } catch (writeError) {
        logger.error({ err: writeError, jobId: job.id, job: job.name }, 'Could not record a job failure');
      }
      if (error.message !== INTERRUPTED_BY_STOP) logger.error({ err: error, jobId: job.id, job: job.name, attempt: job.attempt }, 'Job failed');
      return { ok: false, error };
    } finally {
      progress.close();
      clearTimeout(timer);
    }
  }
}

export const INTERRUPTED_BY_STOP = 'Interrupted: the job queue stopped before the job finished';

function raceAbort<R>(work: Promise<R>, signal: AbortSignal): Promise<R> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<R>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
