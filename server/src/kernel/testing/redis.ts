import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.PREAU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const requireRedis = process.env.PREAU_REQUIRE_POSTGRES === '1' || process.env.PREAU_REQUIRE_REDIS === '1';

async function probeRedis(): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch (error) {
    // CI (which requires PostgreSQL) starts Redis too: there, a silent skip would hide a broken setup.
    if (requireRedis) throw new Error(`Redis does not answer at ${TEST_REDIS_URL}: ${String(error)}`);
    console.warn(`Redis does not answer at ${TEST_REDIS_URL}: cross-process tests are skipped.`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** Whether the multi-process tests can run (Redis answers at PREAU_TEST_REDIS_URL). */
export const redisAvailable = await probeRedis();
