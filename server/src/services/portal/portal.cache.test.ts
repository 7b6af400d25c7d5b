import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { redisAvailable, TEST_REDIS_URL } from '../../kernel/testing/redis.js';
import { school } from '../../kernel/testing/school.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { insertWorld } from '../../kernel/testing/world.js';

/** /api/me is read on every page: its data is cached like the session, and forgotten with the person. */
describeEachDatabase('/api/me cached per person', (database) => {
  const apps: Awaited<ReturnType<typeof testApp>>[] = [];
  afterAll(async () => {
    for (const { app } of apps) await app.close();
  });
  const emailOf = async (env: Awaited<ReturnType<typeof testApp>>, cookie: string) =>
    (await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().email;
  const setEmail = (email: string) => database().db.updateTable('people').set({ email }).where('id', '=', 'alice').execute();

  it('serves the cached person within the lifetime, and the change once the person is forgotten', async () => {
    await insertWorld(database().db, school);
    const env = await testApp(database(), { sessionCacheSeconds: 60 });
    apps.push(env);
    const alice = await loginAs(env.app, 'alice.martin');
    await setEmail('alice@example.org');
    expect(await emailOf(env, alice.cookie)).toBe('alice@example.org');
    await setEmail('alice.new@example.org');
    expect(await emailOf(env, alice.cookie)).toBe('alice@example.org');
    env.ctx.sessions.forgetPeople(['alice']);
    expect(await emailOf(env, alice.cookie)).toBe('alice.new@example.org');
  });

  it('reads the database every time when the cache is off', async () => {
    const env = await testApp(database(), { sessionCacheSeconds: 0 });
    apps.push(env);
    const alice = await loginAs(env.app, 'alice.martin');
    await setEmail('one@example.org');
    expect(await emailOf(env, alice.cookie)).toBe('one@example.org');
    await setEmail('two@example.org');
    expect(await emailOf(env, alice.cookie)).toBe('two@example.org');
  });

  it.runIf(redisAvailable)('a change published by process A is read at once by process B', async () => {
    const a = await testApp(database(), { sessionCacheSeconds: 60, redisUrl: TEST_REDIS_URL });
    const b = await testApp(database(), { sessionCacheSeconds: 60, redisUrl: TEST_REDIS_URL });
    apps.push(a, b);
    await setEmail('before@example.org');
    const onB = await loginAs(b.app, 'alice.martin');
    expect(await emailOf(b, onB.cookie)).toBe('before@example.org');
    await setEmail('after@example.org');
    a.ctx.sessions.forgetPeople(['alice']);
    let seen = '';
    for (let i = 0; i < 100 && seen !== 'after@example.org'; i++) {
      seen = await emailOf(b, onB.cookie);
      if (seen !== 'after@example.org') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toBe('after@example.org');
  });
});
