import type { JobLogger } from './job-queue.js';
import { type JobsDb, saveProgress } from './jobs.queries.js';

export interface ProgressReporter {
  report(done: number, total: number): Promise<void>;
  /** The last value reported, written with the job's outcome. */
  latest(): { done: number; total: number } | null;
  /** No more writes (the attempt ended). */
  close(): void;
}

/**
 * Writes a job's progress at most once per `intervalMs`: an import reports each row, the table
 * need not see each one. A throttled value is written when the interval ends, so the admin console
 * never stays behind during a long step.
 */
export function progressReporter(
  db: JobsDb,
  job: { id: string; attempt: number },
  options: { intervalMs: number; logger: JobLogger },
): ProgressReporter {
  let latest: { done: number; total: number } | null = null;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let trailing: NodeJS.Timeout | undefined;
  let closed = false;

  const write = async (): Promise<void> => {
    trailing = undefined;
    lastWrite = performance.now();
    if (closed || !latest) return;
    try {
      await saveProgress(db, job.id, job.attempt, latest.done, latest.total);
    } catch (error) {
      // Progress is informative: a failed write must not fail the import.
      options.logger.error({ err: error, jobId: job.id }, 'Could not record job progress');
    }
  };

  return {
    async report(done, total) {
      if (!Number.isFinite(done) || !Number.isFinite(total) || done < 0 || total < 0) {
        throw new Error(`Invalid progress ${done}/${total}`);
      }
      latest = { done: Math.round(done), total: Math.round(total) };
      if (closed) return;
      const wait = lastWrite + options.intervalMs - performance.now();
      if (wait <= 0) {
        clearTimeout(trailing);
        await write();
      } else if (!trailing) {
        trailing = setTimeout(() => void write(), wait);
        trailing.unref();
      }
    },
    latest: () => latest,
    close() {
      closed = true;
      clearTimeout(trailing);
    },
  };
}
