/** What a handler receives for one attempt of one job. */
export interface JobContext<T> {
  id: string;
  data: T;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
  /** Records how far the job got; shown by `status()` (writes are throttled, the last value always lands). */
  progress(done: number, total: number): Promise<void>;
  /** Aborted when the queue stops and the job did not finish in time, or when the job times out. */
  signal: AbortSignal;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<unknown>;

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobStatus {
  id: string;
  name: string;
  state: JobState;
  /** Attempts started so far. */
  attempts: number;
  progress: { done: number; total: number } | null;
  /** What the handler returned (JSON), once done. */
  result: unknown;
  /** Message of the last failure (kept while a retry is queued). */
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RegisterOptions {
  /** Jobs of this name run at the same time in this process (default 1). */
  concurrency?: number;
}

export interface EnqueueOptions {
  /** While a job with this key (and name) is queued or running, enqueue returns that job's id instead. */
  singletonKey?: string;
  /** Retries after the first failure (default: the queue's `retryLimit`). */
  retryLimit?: number;
}

export interface JobQueue {
  readonly kind: 'sqlite' | 'postgres';
  /** Begins running registered handlers; on SQLite, first puts back jobs a killed process left running. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for running handlers up to `timeoutMs`, then aborts them. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Before or after start. One handler per name. */
  register<T>(name: string, handler: JobHandler<T>, options?: RegisterOptions): void;
  /** Returns the job id (or, with a singletonKey, the id of the unfinished job already holding it). */
  enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string>;
  status(id: string): Promise<JobStatus | null>;
}

/** pino's shape, so `app.log` fits. */
export interface JobLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const consoleJobLogger: JobLogger = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

/**
 * pg-boss only accepts these queue names; SQLite enforces the same rule so that a name working on
 * one database works on the other.
 */
const JOB_NAME = /^[a-z][a-z0-9_]{0,49}$/i;

export function assertJobName(name: string): void {
  if (!JOB_NAME.test(name)) {
    throw new Error(`Invalid job name "${name}": letters, digits and underscores, starting with a letter, 50 at most`);
  }
}
