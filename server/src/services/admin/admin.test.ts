import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, nextIp, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { TEST_PASSWORD, insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('admin: activation reset', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const reset = (s: LoggedIn, establishment: string, person: string) =>
    env.app.inject({ method: 'POST', url: `/api/admin/establishments/${establishment}/people/${person}/activation-reset`, headers: s.headers });

  it('issues a new activation code that ends the sessions and replaces the password', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    const bob = await loginAs(env.app, 'bob.durand');
    const ada = await loginAs(env.app, 'ada.morel');
    const res = await reset(ada, 'etab-a', 'bob');
    expect(res.statusCode).toBe(200);
    const { login, activationCode } = res.json();
    expect(login).toBe('bob.durand');
    expect(activationCode).toMatch(/^[A-Z2-9]{8}$/);
    expect((await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: bob.cookie } })).statusCode).toBe(401);
    const activated = await env.app.inject({
      method: 'POST',
      url: '/api/auth/activate',
      payload: { login, activationCode, password: 'Bob-Nouveau-Mot-2026', acceptTerms: true },
      remoteAddress: nextIp(),
    });
    expect(activated.statusCode).toBe(200);
    const audit = await database().db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.activation.reset').execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: 'ada', target_id: 'bob', establishment_id: 'etab-a' })]);
  });

  it('is refused to pupils, teachers, parents and CPE', async () => {
    for (const login of ['alice.martin', 'theo.petit', 'remi.martin', 'carl.blanc', 'ines.faure']) {
      const res = await reset(await loginAs(env.app, login), 'etab-a', 'chloe');
      expect(res.statusCode, login).toBe(403);
    }
  });

  it('is refused across establishments, whichever way it is asked', async () => {
    const ada = await loginAs(env.app, 'ada.morel');
    expect((await reset(ada, 'etab-b', 'sam')).statusCode).toBe(403);
    // Through her own establishment's address, a person of B is simply not found.
    expect((await reset(ada, 'etab-a', 'sam')).statusCode).toBe(404);
    const hugo = await loginAs(env.app, 'hugo.bonnet');
    expect((await reset(hugo, 'etab-a', 'alice')).statusCode).toBe(403);
    const sam = await database().db.selectFrom('people').select(['state', 'password_hash']).where('id', '=', 'sam').executeTakeFirstOrThrow();
    expect(sam.state).toBe('active');
    expect(sam.password_hash).not.toBeNull();
  });

  it('lets the platform administrator reset in any establishment', async () => {
    const sarah = await loginAs(env.app, 'sarah.admin');
    expect((await reset(sarah, 'etab-b', 'tom')).statusCode).toBe(200);
  });

  it('suspends an account (sessions end, login refused) and reactivates it', async () => {
    const ada = await loginAs(env.app, 'ada.morel');
    const chloe = await loginAs(env.app, 'chloe.lefevre');
    const post = (verb: string) => env.app.inject({ method: 'POST', url: `/api/admin/establishments/etab-a/people/chloe/${verb}`, headers: ada.headers });
    expect((await post('suspend')).json()).toEqual({ login: 'chloe.lefevre', state: 'suspended' });
    expect((await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: chloe.cookie } })).statusCode).toBe(401);
    const refused = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'chloe.lefevre', password: TEST_PASSWORD }, remoteAddress: nextIp() });
    expect(refused.json().error.code).toBe('auth.account_not_active');
    expect((await post('reactivate')).json()).toEqual({ login: 'chloe.lefevre', state: 'active' });
    await loginAs(env.app, 'chloe.lefevre');
    const self = await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/ada/suspend', headers: ada.headers });
    expect(self.json().error.code).toBe('admin.cannot_target_self');
    const teacher = await loginAs(env.app, 'theo.petit');
    expect((await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/chloe/suspend', headers: teacher.headers })).statusCode).toBe(403);
    const otherAdmin = await loginAs(env.app, 'hugo.bonnet');
    expect((await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/chloe/suspend', headers: otherAdmin.headers })).statusCode).toBe(403);
  });

  it('does not let one school suspend someone who also belongs to another', async () => {
    const ada = await loginAs(env.app, 'ada.morel');
    const refused = await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/remi/suspend', headers: ada.headers });
    expect(refused.statusCode).toBe(403);
    const sarah = await loginAs(env.app, 'sarah.admin');
    const allowed = await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/remi/suspend', headers: sarah.headers });
    expect(allowed.json().state).toBe('suspended');
    await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/remi/reactivate', headers: sarah.headers });
  });

  it('needs the CSRF token', async () => {
    const ada = await loginAs(env.app, 'ada.morel');
    const res = await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/people/chloe/activation-reset', headers: { cookie: ada.cookie } });
    expect(res.statusCode).toBe(403);
  });
});
