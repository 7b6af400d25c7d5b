import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, nextIp, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('audit log', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;

  it('records logins and failures with who, what, when and IP; platform admins read it newest first', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bob.durand', password: 'wrong' }, remoteAddress: '198.51.100.7' });
    env.clock.advance(1000);
    await loginAs(env.app, 'alice.martin');
    env.clock.advance(1000);
    const sarah = await loginAs(env.app, 'sarah.admin');
    const res = await env.app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: { cookie: sarah.cookie } });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ action: 'auth.login.succeeded', actorLogin: 'sarah.admin' });
    const next = await env.app.inject({ method: 'GET', url: `/api/audit?limit=50&cursor=${page.nextCursor}`, headers: { cookie: sarah.cookie } });
    const failed = next.json().items.find((e: { action: string }) => e.action === 'auth.login.failed');
    expect(failed).toMatchObject({ ip: '198.51.100.7', targetId: 'bob', details: { login: 'bob.durand' } });
    const filtered = await env.app.inject({ method: 'GET', url: '/api/audit?action=auth.login.failed', headers: { cookie: sarah.cookie } });
    expect(filtered.json().items.every((e: { action: string }) => e.action === 'auth.login.failed')).toBe(true);
  });

  it('is refused to everyone else, establishment admins and heads included', async () => {
    for (const login of ['ada.morel', 'helene.garnier', 'alice.martin', 'hugo.bonnet']) {
      const s = await loginAs(env.app, login);
      const res = await env.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: s.cookie }, remoteAddress: nextIp() });
      expect(res.statusCode, login).toBe(403);
    }
  });
});
