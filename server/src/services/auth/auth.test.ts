import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, nextIp, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { TEST_PASSWORD, insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('authentication', (database) => {
  const setup = async () => {
    await insertWorld(database().db, school);
    return testApp(database());
  };
  let env: Awaited<ReturnType<typeof setup>>;
  it('logs in with the right password and opens a session cookie', async () => {
    env = await setup();
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'alice.martin', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'preau_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toEqual(expect.any(String));
    const me = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `preau_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().login).toBe('alice.martin');
  });

  it('gives the same answer for an unknown login and a wrong password', async () => {
    const unknown = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nobody.here', password: 'x' }, remoteAddress: nextIp() });
    const wrong = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bob.durand', password: 'wrong' }, remoteAddress: nextIp() });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
  });

  it('answers in English when the browser prefers English', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'bob.durand', password: 'wrong' },
      headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' },
      remoteAddress: nextIp(),
    });
    expect(res.json().error.message).toBe('Incorrect login or password.');
  });

  it('locks an account with 429 after repeated failures, even with the right password, and logs it', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'chloe.lefevre', password: `bad${i}` }, remoteAddress: nextIp() });
      expect(res.statusCode).toBe(401);
    }
    const locked = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'chloe.lefevre', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.throttled');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await database().db.selectFrom('audit_log').select('action').where('action', '=', 'auth.throttled').execute();
    expect(audit.length).toBeGreaterThan(0);
    // The lock lifts after its delay and a good password then works; the next lock would be longer.
    env.clock.advance(31_000);
    const again = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'chloe.lefevre', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(again.statusCode).toBe(200);
  });

  it('doubles the lock for each failure past the allowance', async () => {
    const fail = () => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'tina.roux', password: 'nope' }, remoteAddress: nextIp() });
    for (let i = 0; i < 5; i++) await fail();
    env.clock.advance(31_000);
    await fail(); // sixth failure: locked 60 s
    env.clock.advance(45_000);
    const stillLocked = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'tina.roux', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(stillLocked.statusCode).toBe(429);
    env.clock.advance(16_000);
    const open = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'tina.roux', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(open.statusCode).toBe(200);
  });

  it('throttles one IP address trying many logins', async () => {
    const { app } = await testApp(database(), {
      throttle: { accountFailures: 5, ipFailures: 3, baseLockSeconds: 30, maxLockSeconds: 900, windowMinutes: 15 },
    });
    const ip = '192.0.2.77';
    for (const login of ['x.one', 'x.two', 'x.three']) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'p' }, remoteAddress: ip });
    }
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bob.durand', password: TEST_PASSWORD }, remoteAddress: ip });
    expect(res.statusCode).toBe(429);
    await app.close();
  });

  it('refuses a suspended account that knows its password', async () => {
    await database().db.updateTable('people').set({ state: 'suspended' }).where('id', '=', 'gaston').execute();
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'gaston.henry', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.account_not_active');
    await database().db.updateTable('people').set({ state: 'active' }).where('id', '=', 'gaston').execute();
  });

  it('rejects malformed bodies with 400 and field details', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: '' }, remoteAddress: nextIp() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['body.login', 'body.password']));
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const s = await loginAs(env.app, 'bob.durand');
    const without = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('auth.csrf_invalid');
    const wrong = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    const csrf = await env.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie: s.cookie } });
    expect(csrf.json().csrfToken).toBe(s.csrf);
    const ok = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(204);
    const after = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('answers 401 to anonymous calls', async () => {
    for (const url of ['/api/me', '/api/account/sessions', '/api/directory/establishments/etab-a/people', '/api/audit']) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('auth.required');
    }
  });

  it('ends sessions idle for too long and those past their absolute lifetime', async () => {
    const s = await loginAs(env.app, 'bob.durand');
    env.clock.advance(119 * 60_000);
    expect((await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    env.clock.advance(121 * 60_000);
    expect((await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);

    const t = await loginAs(env.app, 'bob.durand');
    for (let i = 0; i < 13; i++) {
      env.clock.advance(60 * 60_000);
      const res = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: t.cookie } });
      expect(res.statusCode).toBe(i < 11 ? 200 : 401);
    }
  });
});
