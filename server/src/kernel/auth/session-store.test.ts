import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/test-databases.js';
import { loginAs, testApp } from '../testing/test-app.js';
import { redisAvailable, TEST_REDIS_URL } from '../testing/redis.js';
import { school } from '../testing/school.js';
import { insertWorld } from '../testing/world.js';

async function eventually(check: () => Promise<boolean>, tries = 100): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describeEachDatabase('sessions cached per process', (database) => {
  const apps: Awaited<ReturnType<typeof testApp>>[] = [];
  afterAll(async () => {
    for (const { app } of apps) await app.close();
  });

  it('a logout on one process is refused at once on the same process, cache or not', async () => {
    await insertWorld(database().db, school);
    const one = await testApp(database(), { sessionCacheSeconds: 60 });
    apps.push(one);
    const alice = await loginAs(one.app, 'alice.martin');
    expect((await one.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: alice.cookie } })).statusCode).toBe(200);
    await one.app.inject({ method: 'POST', url: '/api/auth/logout', headers: alice.headers });
    expect((await one.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: alice.cookie } })).statusCode).toBe(401);
  });

  it('a suspension by an admin ends the cached session of the suspended person', async () => {
    const one = apps[0]!;
    const chloe = await loginAs(one.app, 'chloe.lefevre');
    expect((await one.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: chloe.cookie } })).statusCode).toBe(200);
    const ada = await loginAs(one.app, 'ada.morel');
    const suspend = await one.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/chloe/suspend', headers: ada.headers });
    expect(suspend.statusCode).toBe(200);
    expect((await one.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: chloe.cookie } })).statusCode).toBe(401);
    await one.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/chloe/reactivate', headers: ada.headers });
  });

  it.runIf(redisAvailable)('"log out everywhere" on process A reaches the cache of process B through Redis', async () => {
    const a = await testApp(database(), { sessionCacheSeconds: 60, redisUrl: TEST_REDIS_URL });
    const b = await testApp(database(), { sessionCacheSeconds: 60, redisUrl: TEST_REDIS_URL });
    apps.push(a, b);
    const onA = await loginAs(a.app, 'bob.durand');
    const onB = await loginAs(b.app, 'bob.durand');
    // B has now cached its session: without the bus it would serve it for a minute.
    expect((await b.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: onB.cookie } })).statusCode).toBe(200);
    const revoke = await a.app.inject({ method: 'POST', url: '/api/account/sessions/revoke-all', headers: onA.headers });
    expect(revoke.statusCode).toBe(204);
    const refused = await eventually(async () => (await b.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: onB.cookie } })).statusCode === 401);
    expect(refused).toBe(true);
  });
});
