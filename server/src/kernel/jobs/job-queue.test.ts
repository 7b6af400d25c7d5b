import { sql } from 'kysely';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { describeEachDatabase } from '../db/test-databases.js';
import type { JobQueue, JobState, JobStatus } from './job-queue.js';
import { INTERRUPTED_BY_STOP } from './job-runner.js';
import { jobsDb } from './jobs.queries.js';
import type { JobQueueOptions } from './options.js';
import { createTestJobQueue, dropTestBossSchema, testBossSchema } from './testing.js';

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

async function waitForState(queue: JobQueue, id: string, state: JobState, timeoutMs = 15_000): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await queue.status(id);
    if (status?.state === state) return status;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${status?.state ?? 'missing'}, expected ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What a process killed mid-job leaves behind: the row says running, nobody is running it. */
async function leaveRunningAsAKilledProcessWould(handle: DatabaseHandle, id: string, attempts: number): Promise<void> {
  await jobsDb(handle.db)
    .updateTable('jobs')
    .set({ state: 'running', attempts, started_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  if (handle.kind === 'postgres') {
    // pg-boss's own row: active since long ago, already past its expiry.
    await sql`update ${sql.id(testBossSchema(handle), 'job')}
      set state = 'active', retry_count = ${attempts - 1}, started_on = now() - interval '1 hour', expire_in = interval '1 second'
      where id = ${id}::uuid`.execute(handle.db);
  }
}

describeEachDatabase('job queue', (database, kind) => {
  const queues: JobQueue[] = [];
  let names = 0;
  /** Each test uses fresh job names: stopped queues of earlier tests leave nothing behind to collide with. */
  const jobName = (what: string) => `${what}_${++names}`;
  const newQueue = (options: JobQueueOptions = {}) => {
    const queue = createTestJobQueue(database(), options);
    queues.push(queue);
    return queue;
  };

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop({ timeoutMs: 100 });
  });
  afterAll(async () => {
    await dropTestBossSchema(database());
  });

  it(`picks ${kind === 'sqlite' ? 'the in-process queue' : 'pg-boss'}`, () => {
    expect(newQueue().kind).toBe(kind);
  });

  it('runs an enqueued job and keeps its result', async () => {
    const queue = newQueue();
    const name = jobName('double');
    queue.register<{ n: number }>(name, async (job) => ({ doubled: job.data.n * 2 }));
    await queue.start();
    const id = await queue.enqueue(name, { n: 21 });
    const status = await waitForState(queue, id, 'done');
    expect(status).toMatchObject({ id, name, attempts: 1, result: { doubled: 42 }, error: null, progress: null });
    expect(status.startedAt).not.toBeNull();
    expect(status.finishedAt! >= status.startedAt!).toBe(true);
    expect(await queue.status('no-such-job')).toBeNull();
  });

  it('shows progress while the job runs, and the last progress once done', async () => {
    const queue = newQueue();
    const name = jobName('progress');
    const gate = deferred();
    queue.register(name, async (job) => {
      await job.progress(1, 4);
      await gate.promise;
      await job.progress(4, 4);
      return 'imported';
    });
    await queue.start();
    const id = await queue.enqueue(name, {});
    await expect.poll(async () => (await queue.status(id))?.progress, { timeout: 10_000 }).toEqual({ done: 1, total: 4 });
    expect((await queue.status(id))?.state).toBe('running');
    gate.release();
    expect(await waitForState(queue, id, 'done')).toMatchObject({ progress: { done: 4, total: 4 }, result: 'imported' });
  });

  it('writes a throttled progress value once the interval has passed', async () => {
    const queue = newQueue({ progressIntervalMs: 200 });
    const name = jobName('throttled');
    const gate = deferred();
    queue.register(name, async (job) => {
      await job.progress(1, 10);
      await job.progress(2, 10); // within the interval: written when it ends
      await gate.promise;
    });
    await queue.start();
    const id = await queue.enqueue(name, {});
    await expect.poll(async () => (await queue.status(id))?.progress, { timeout: 10_000 }).toEqual({ done: 2, total: 10 });
    gate.release();
    await waitForState(queue, id, 'done');
  });

  it('aborts an attempt that runs past the job timeout', async () => {
    const queue = newQueue({ jobTimeoutMs: 100 });
    const name = jobName('slow');
    let aborted = false;
    queue.register(name, (job) => new Promise(() => job.signal.addEventListener('abort', () => (aborted = true))));
    await queue.start();
    const id = await queue.enqueue(name, {}, { retryLimit: 0 });
    expect(await waitForState(queue, id, 'failed')).toMatchObject({ attempts: 1, error: 'Timed out after 100 ms' });
    expect(aborted).toBe(true);
  });

  it('retries a failing handler, then records the failure with its error', async () => {
    const queue = newQueue();
    const name = jobName('failing');
    const attempts: number[] = [];
    queue.register(name, async (job) => {
      attempts.push(job.attempt);
      throw new Error(`broken file (attempt ${job.attempt})`);
    });
    await queue.start();
    const id = await queue.enqueue(name, {}, { retryLimit: 1 });
    const status = await waitForState(queue, id, 'failed');
    expect(status).toMatchObject({ attempts: 2, error: 'broken file (attempt 2)', result: null });
    expect(status.finishedAt).not.toBeNull();
    expect(attempts).toEqual([1, 2]);
  });

  it('runs again, in the next queue, a job that stop() interrupted', async () => {
    const first = newQueue();
    const name = jobName('interrupted');
    first.register(name, (job) => new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason))));
    await first.start();
    const id = await first.enqueue(name, { file: 'siecle.xml' });
    await waitForState(first, id, 'running');
    await first.stop({ timeoutMs: 50 });
    expect(await first.status(id)).toMatchObject({ state: 'queued', attempts: 1, error: INTERRUPTED_BY_STOP });

    const second = newQueue();
    second.register<{ file: string }>(name, async (job) => `read ${job.data.file}`);
    await second.start();
    expect(await waitForState(second, id, 'done')).toMatchObject({ attempts: 2, result: 'read siecle.xml', error: null });
  });

  it('picks up, after a restart, a job a killed process left running', async () => {
    const before = newQueue();
    await before.start();
    const name = jobName('survivor');
    const id = await before.enqueue(name, { uai: '0750001A' });
    await before.stop();
    await leaveRunningAsAKilledProcessWould(database(), id, 1);

    const after = newQueue();
    after.register<{ uai: string }>(name, async (job) => ({ uai: job.data.uai, attempt: job.attempt }));
    await after.start();
    expect(await waitForState(after, id, 'done')).toMatchObject({ attempts: 2, result: { uai: '0750001A', attempt: 2 } });
  });

  it('fails, after a restart, a job killed during its last allowed attempt', async () => {
    const before = newQueue();
    await before.start();
    const name = jobName('poison');
    const id = await before.enqueue(name, {}, { retryLimit: 1 });
    await before.stop();
    await leaveRunningAsAKilledProcessWould(database(), id, 2);

    let ran = false;
    const after = newQueue();
    after.register(name, async () => {
      ran = true;
    });
    await after.start();
    const status = await waitForState(after, id, 'failed');
    expect(status.error).toBeTruthy();
    expect(ran).toBe(false);
  });

  it('keeps one unfinished job per singleton key', async () => {
    const queue = newQueue();
    const name = jobName('single');
    const gate = deferred();
    queue.register(name, async () => {
      await gate.promise;
      return 'ok';
    });
    await queue.start();
    const first = await queue.enqueue(name, { n: 1 }, { singletonKey: '0750001A' });
    expect(await queue.enqueue(name, { n: 2 }, { singletonKey: '0750001A' })).toBe(first);
    await waitForState(queue, first, 'running');
    expect(await queue.enqueue(name, { n: 3 }, { singletonKey: '0750001A' })).toBe(first);
    const other = await queue.enqueue(name, { n: 4 }, { singletonKey: '0750002B' });
    expect(other).not.toBe(first);
    gate.release();
    await waitForState(queue, first, 'done');
    await waitForState(queue, other, 'done');
    const next = await queue.enqueue(name, { n: 5 }, { singletonKey: '0750001A' });
    expect(next).not.toBe(first);
    await waitForState(queue, next, 'done');
    const rows = await jobsDb(database().db).selectFrom('jobs').select('id').where('name', '=', name).execute();
    expect(rows).toHaveLength(3);
  });

  it('runs up to `concurrency` jobs of a name at once', async () => {
    const queue = newQueue();
    const name = jobName('parallel');
    const gate = deferred();
    let running = 0;
    let most = 0;
    queue.register(
      name,
      async () => {
        most = Math.max(most, ++running);
        await gate.promise;
        running--;
      },
      { concurrency: 2 },
    );
    await queue.start();
    const ids = [await queue.enqueue(name, {}), await queue.enqueue(name, {}), await queue.enqueue(name, {})];
    await expect.poll(() => running, { timeout: 10_000 }).toBe(2);
    const states = await Promise.all(ids.map(async (id) => (await queue.status(id))?.state));
    expect(states.sort()).toEqual(['queued', 'running', 'running']);
    gate.release();
    for (const id of ids) await waitForState(queue, id, 'done');
    expect(most).toBe(2);
  });

  it('refuses names pg-boss would refuse, on both databases', () => {
    expect(() => newQueue().register('imports.run', async () => {})).toThrow(/Invalid job name/);
  });
});
