import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';

describeEachDatabase('platform: establishment administrators', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let sarah: LoggedIn;
  const url = (establishment: string, person?: string) => `/api/platform/establishments/${establishment}/admins${person ? `/${person}` : ''}`;
  const list = (s: LoggedIn, establishment: string) => env.app.inject({ method: 'GET', url: url(establishment), headers: s.headers });
  const appoint = (s: LoggedIn, establishment: string, personId: unknown) => env.app.inject({ method: 'POST', url: url(establishment), headers: s.headers, payload: { personId } });
  const remove = (s: LoggedIn, establishment: string, person: string) => env.app.inject({ method: 'DELETE', url: url(establishment, person), headers: s.headers });
  const ids = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((a) => a.id);
  const admins = async () => (await database().db.selectFrom('person_functions').select(['person_id', 'establishment_id']).where('function', '=', 'admin_local').orderBy('person_id').execute());

  it('lists the administrators of an establishment', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    sarah = await loginAs(env.app, 'sarah.admin');
    const res = await list(sarah, 'etab-a');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ id: 'ada', login: 'ada.morel', displayName: 'Ada MOREL', state: 'active', profiles: ['personnel'] }]);
  });

  it('appoints a staff member or a teacher, whose session gains the rights at once, audited', async () => {
    const carl = await loginAs(env.app, 'carl.blanc');
    expect((await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-a/structures', headers: carl.headers })).statusCode).toBe(403);
    expect(ids(await appoint(sarah, 'etab-a', 'carl'))).toEqual(['carl', 'ada']);
    expect((await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-a/structures', headers: carl.headers })).statusCode).toBe(200);
    expect(ids(await appoint(sarah, 'etab-a', 'tina'))).toEqual(['carl', 'ada', 'tina']);
    expect(ids(await appoint(sarah, 'etab-a', 'tina'))).toEqual(['carl', 'ada', 'tina']);
    const audit = await database().db.selectFrom('audit_log').select(['actor_id', 'target_id', 'establishment_id']).where('action', '=', 'platform.establishment_admin.appointed').execute();
    expect(audit).toHaveLength(2);
    expect(audit).toContainEqual({ actor_id: 'sarah', target_id: 'carl', establishment_id: 'etab-a' });
  });

  it('refuses students, parents, people of another establishment and bad input, changing nothing', async () => {
    const before = await admins();
    for (const person of ['alice', 'remi', 'gaston']) {
      const res = await appoint(sarah, 'etab-a', person);
      expect(res.statusCode, person).toBe(409);
      expect(res.json().error.code).toBe('admin.not_staff');
    }
    expect((await appoint(sarah, 'etab-a', 'tom')).statusCode).toBe(404);
    const bad = await appoint(sarah, 'etab-a', '');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.personId');
    expect((await appoint(sarah, 'nowhere', 'carl')).statusCode).toBe(404);
    expect(await admins()).toEqual(before);
  });

  it('removes an administrator, but not the last active one', async () => {
    expect(ids(await remove(sarah, 'etab-a', 'tina'))).toEqual(['carl', 'ada']);
    expect(ids(await remove(sarah, 'etab-a', 'carl'))).toEqual(['ada']);
    const last = await remove(sarah, 'etab-a', 'ada');
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('admin.last_admin');
    expect((await remove(sarah, 'etab-a', 'carl')).statusCode).toBe(404);
    // A suspended administrator does not count: they may go, even alone.
    await database().db.updateTable('people').set({ state: 'suspended' }).where('id', '=', 'ada').execute();
    expect(ids(await remove(sarah, 'etab-a', 'ada'))).toEqual([]);
    await database().db.updateTable('people').set({ state: 'active' }).where('id', '=', 'ada').execute();
    await appoint(sarah, 'etab-a', 'ada');
    const removed = await database().db.selectFrom('audit_log').select('target_id').where('action', '=', 'platform.establishment_admin.removed').execute();
    expect(removed.map((r) => r.target_id).sort()).toEqual(['ada', 'carl', 'tina']);
  });

  it('is the platform administrator’s alone', async () => {
    const before = await admins();
    for (const login of ['ada.morel', 'hugo.bonnet', 'helene.garnier', 'theo.petit', 'alice.martin']) {
      const s = await loginAs(env.app, login);
      expect((await list(s, 'etab-a')).statusCode, login).toBe(403);
      expect((await appoint(s, 'etab-a', 'carl')).statusCode, login).toBe(403);
      expect((await remove(s, 'etab-a', 'ada')).statusCode, login).toBe(403);
      expect((await appoint(s, 'etab-b', 'hugo')).statusCode, login).toBe(403);
    }
    expect(await admins()).toEqual(before);
  });
});
