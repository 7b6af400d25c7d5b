import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, nextIp, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { TEST_PASSWORD, insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('account: password and sessions', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const me = (cookie: string) => env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

  it('lists my sessions, marks the current one, and revokes another', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    const phone = await loginAs(env.app, 'alice.martin');
    const laptop = await loginAs(env.app, 'alice.martin');
    const res = await env.app.inject({ method: 'GET', url: '/api/account/sessions', headers: { cookie: laptop.cookie } });
    const items = res.json().items as { id: string; current: boolean }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current)!;
    const del = await env.app.inject({ method: 'DELETE', url: `/api/account/sessions/${other.id}`, headers: laptop.headers });
    expect(del.statusCode).toBe(204);
    expect((await me(phone.cookie)).statusCode).toBe(401);
    expect((await me(laptop.cookie)).statusCode).toBe(200);
  });

  it('cannot revoke somebody else’s session', async () => {
    const alice = await loginAs(env.app, 'alice.martin');
    const bob = await loginAs(env.app, 'bob.durand');
    const bobs = await env.app.inject({ method: 'GET', url: '/api/account/sessions', headers: { cookie: bob.cookie } });
    const bobSession = bobs.json().items[0].id;
    const res = await env.app.inject({ method: 'DELETE', url: `/api/account/sessions/${bobSession}`, headers: alice.headers });
    expect(res.statusCode).toBe(404);
    expect((await me(bob.cookie)).statusCode).toBe(200);
  });

  it('logs out everywhere', async () => {
    const a = await loginAs(env.app, 'chloe.lefevre');
    const b = await loginAs(env.app, 'chloe.lefevre');
    const res = await env.app.inject({ method: 'POST', url: '/api/account/sessions/revoke-all', headers: a.headers });
    expect(res.statusCode).toBe(204);
    expect((await me(a.cookie)).statusCode).toBe(401);
    expect((await me(b.cookie)).statusCode).toBe(401);
  });

  it('changes the password: checks the current one and the rule, then ends the other sessions', async () => {
    const a = await loginAs(env.app, 'theo.petit');
    const b = await loginAs(env.app, 'theo.petit');
    const wrong = await env.app.inject({ method: 'POST', url: '/api/account/password', headers: a.headers, payload: { currentPassword: 'nope', newPassword: 'Nouveau-Secret-2026' } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('auth.wrong_current_password');
    const weak = await env.app.inject({ method: 'POST', url: '/api/account/password', headers: a.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'password' } });
    expect(weak.statusCode).toBe(400);
    expect((await me(b.cookie)).statusCode).toBe(200);
    const ok = await env.app.inject({ method: 'POST', url: '/api/account/password', headers: a.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Nouveau-Secret-2026' } });
    expect(ok.statusCode).toBe(204);
    expect((await me(a.cookie)).statusCode).toBe(200);
    expect((await me(b.cookie)).statusCode).toBe(401);
    const old = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'theo.petit', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(old.statusCode).toBe(401);
    await loginAs(env.app, 'theo.petit', 'Nouveau-Secret-2026');
  });

  it('needs the CSRF token to change the password', async () => {
    const a = await loginAs(env.app, 'bob.durand');
    const res = await env.app.inject({ method: 'POST', url: '/api/account/password', headers: { cookie: a.cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Nouveau-Secret-2026' } });
    expect(res.statusCode).toBe(403);
  });
});
