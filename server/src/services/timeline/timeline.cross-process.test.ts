import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../kernel/db/database.js';
import { createTestDatabase, postgresAvailable, TEST_POSTGRES_URL } from '../../kernel/db/test-databases.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld, TEST_PASSWORD } from '../../kernel/testing/world.js';
import { openSse } from './sse-client.js';
import { messageEvent } from './timeline.testing.js';

const REDIS_URL = process.env.PREAU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    if (process.env.PREAU_REQUIRE_POSTGRES === '1') throw new Error(`Redis does not answer at ${REDIS_URL}`);
    console.warn(`Redis does not answer at ${REDIS_URL}: the cross-process test is skipped.`);
    return false;
  } finally {
    client.disconnect();
  }
}

const runnable = postgresAvailable && (await redisAnswers());

/** Starts one Préau process (see testing/instance.ts) and resolves with its port. */
function startInstance(role: 'a' | 'b', schema: string, prefix: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/services/timeline/testing/instance.ts'], {
    env: { ...process.env, PREAU_TEST_ROLE: role, PREAU_TEST_SCHEMA: schema, DATABASE_URL: TEST_POSTGRES_URL, PREAU_REDIS_URL: REDIS_URL, PREAU_REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance ${role} did not start`)), 30_000);
    child.once('exit', (code) => reject(new Error(`instance ${role} exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const port = (JSON.parse(line) as { port?: number }).port;
      if (port) {
        clearTimeout(timer);
        resolve({ child, port });
      }
    });
  });
}

(runnable ? describe : describe.skip)('live notifications across two Préau processes (PostgreSQL + Redis)', () => {
  let handle: DatabaseHandle;
  const children: ChildProcess[] = [];
  let a: number;
  let b: number;

  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    await insertWorld(handle.db, school);
    const prefix = `preau-test-${randomBytes(4).toString('hex')}`;
    const schema = handle.schema ?? 'public';
    // A first: it installs pg-boss's schema; B runs no jobs.
    const first = await startInstance('a', schema, prefix);
    children.push(first.child);
    const second = await startInstance('b', schema, prefix);
    children.push(second.child);
    a = first.port;
    b = second.port;
  }, 60_000);

  afterAll(async () => {
    for (const child of children) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    await handle?.close();
  });

  it('an event emitted on A reaches a stream open on B', async () => {
    const login = await fetch(`http://127.0.0.1:${b}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'alice.martin', password: TEST_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const stream = await openSse(`http://127.0.0.1:${b}/api/notifications/stream`, cookie);
    try {
      expect(stream.status).toBe(200);
      await stream.next('hello');
      const emitted = await fetch(`http://127.0.0.1:${a}/__test/emit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageEvent(['alice'], 'Venu du processus A')) });
      expect(emitted.status).toBe(200);
      const received = await stream.next('notification', 20_000);
      expect(received.data).toMatchObject({ type: 'message.received', summary: { subject: 'Venu du processus A' } });
      // And B serves the same timeline from the shared database.
      const timeline = await fetch(`http://127.0.0.1:${b}/api/timeline`, { headers: { cookie } });
      expect(((await timeline.json()) as { items: unknown[] }).items).toHaveLength(1);
    } finally {
      stream.close();
    }
  }, 40_000);
});
