import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';

describeEachDatabase('admin: services shown to each profile', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn;
  const settings = (s: LoggedIn, establishment = 'etab-a') => env.app.inject({ method: 'GET', url: `/api/admin/establishments/${establishment}/services`, headers: s.headers });
  const hide = (s: LoggedIn, profile: string, hidden: unknown, establishment = 'etab-a') =>
    env.app.inject({ method: 'PUT', url: `/api/admin/establishments/${establishment}/services/${profile}`, headers: s.headers, payload: { hidden } });
  const tiles = async (login: string, establishment = 'etab-a') => {
    const s = await loginAs(env.app, login);
    const res = await env.app.inject({ method: 'GET', url: `/api/portal/home?establishmentId=${establishment}`, headers: { cookie: s.cookie } });
    return res.json().tiles.map((t: { id: string }) => t.id);
  };
  const servicesOf = (body: { profiles: { profile: string; services: { id: string; visible: boolean }[] }[] }, profile: string) =>
    body.profiles.find((p) => p.profile === profile)?.services.map((s) => `${s.id}:${s.visible ? 'shown' : 'hidden'}`);
  const hiddenRows = async () => (await database().db.selectFrom('hidden_services').select(['establishment_id', 'profile', 'service_id']).orderBy('profile').execute());

  it('offers, per profile, the services it holds the right for, all shown by default', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    ada = await loginAs(env.app, 'ada.morel');
    const res = await settings(ada);
    expect(res.statusCode).toBe(200);
    expect(servicesOf(res.json(), 'student')).toContain('directory:shown');
    // Administration tiles and the account page follow functions or everyone: never offered.
    const all = res.json().profiles.flatMap((p: { services: { id: string }[] }) => p.services.map((s) => s.id));
    for (const fixed of ['admin', 'imports', 'account', 'establishments', 'audit']) expect(all).not.toContain(fixed);
  });

  it('hides a service from students: their home loses it, other profiles keep it', async () => {
    expect(await tiles('alice.martin')).toContain('directory');
    const res = await hide(ada, 'student', ['directory']);
    expect(res.statusCode).toBe(200);
    expect(servicesOf(res.json(), 'student')).toContain('directory:hidden');
    expect(servicesOf(res.json(), 'teacher')).toContain('directory:shown');
    expect(await tiles('alice.martin')).not.toContain('directory');
    expect(await tiles('alice.martin')).toContain('account');
    expect(await tiles('theo.petit')).toContain('directory');
    // Only etab-a hides it: Rémi's home in etab-b is unchanged.
    expect(await tiles('remi.martin', 'etab-b')).toContain('directory');
    const audit = await database().db.selectFrom('audit_log').select('details').where('action', '=', 'admin.services.changed').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toEqual({ profile: 'student', before: [], hidden: ['directory'] });
  });

  it('keeps a service for a person while one of their profiles that grants it still shows it', async () => {
    await database().db.insertInto('memberships').values({ person_id: 'theo', establishment_id: 'etab-a', profile: 'relative' }).execute();
    await hide(ada, 'relative', ['directory']);
    expect(await tiles('remi.martin')).not.toContain('directory');
    expect(await tiles('theo.petit')).toContain('directory');
    await hide(ada, 'teacher', ['directory']);
    expect(await tiles('theo.petit')).not.toContain('directory');
    await hide(ada, 'teacher', []);
    await hide(ada, 'relative', []);
    expect(await tiles('remi.martin')).toContain('directory');
  });

  it('refuses a service the profile does not have or that cannot be hidden, with field details, changing nothing', async () => {
    const before = await hiddenRows();
    const cases: [string, unknown, string, string][] = [
      ['student', ['directory', 'admin'], 'admin.service_not_available', 'body.hidden.1'],
      ['student', ['account'], 'admin.service_not_available', 'body.hidden.0'],
      ['guest', ['imports'], 'admin.service_not_available', 'body.hidden.0'],
      ['student', 'directory', 'validation.failed', 'body.hidden'],
    ];
    for (const [profile, hidden, code, field] of cases) {
      const res = await hide(ada, profile, hidden);
      expect(res.statusCode, `${profile} ${JSON.stringify(hidden)}`).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const badProfile = await hide(ada, 'pirate', []);
    expect(badProfile.statusCode).toBe(400);
    expect(badProfile.json().error.details[0].field).toBe('params.profile');
    expect(await hiddenRows()).toEqual(before);
  });

  it('is refused to another establishment’s administrator, to teachers, parents, students and the CPE', async () => {
    const before = await hiddenRows();
    const hugo = await loginAs(env.app, 'hugo.bonnet');
    expect((await settings(hugo)).statusCode).toBe(403);
    expect((await hide(hugo, 'student', [])).statusCode).toBe(403);
    for (const login of ['alice.martin', 'remi.martin', 'theo.petit', 'carl.blanc']) {
      const s = await loginAs(env.app, login);
      expect((await settings(s)).statusCode, login).toBe(403);
      expect((await hide(s, 'student', [])).statusCode, login).toBe(403);
    }
    expect(await hiddenRows()).toEqual(before);
    const helene = await loginAs(env.app, 'helene.garnier');
    expect((await settings(helene)).statusCode).toBe(200);
    const sarah = await loginAs(env.app, 'sarah.admin');
    expect((await hide(sarah, 'student', ['directory'], 'etab-b')).statusCode).toBe(200);
    expect(await tiles('sam.martin', 'etab-b')).not.toContain('directory');
  });
});
