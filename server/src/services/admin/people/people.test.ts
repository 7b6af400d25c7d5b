import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';

describeEachDatabase('admin: accounts list, detail and staff functions', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn;
  const get = (s: LoggedIn, url: string) => env.app.inject({ method: 'GET', url: `/api/admin/establishments/${url}`, headers: s.headers });
  const putFunctions = (s: LoggedIn, establishment: string, person: string, functions: unknown) =>
    env.app.inject({ method: 'PUT', url: `/api/admin/establishments/${establishment}/people/${person}/functions`, headers: s.headers, payload: { functions } });
  const logins = (res: { json: () => { items: { login: string }[] } }) => res.json().items.map((p) => p.login);

  it('lists every member of the establishment with state, profiles and classes, paged by cursor', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    ada = await loginAs(env.app, 'ada.morel');
    const first = await get(ada, 'etab-a/people?limit=5');
    expect(first.statusCode).toBe(200);
    expect(logins(first)).toEqual(['carl.blanc', 'bob.durand', 'ines.faure', 'helene.garnier', 'gaston.henry']);
    const all = [...logins(first)];
    let cursor = first.json().nextCursor;
    while (cursor) {
      const page = await get(ada, `etab-a/people?limit=5&cursor=${cursor}`);
      all.push(...logins(page));
      cursor = page.json().nextCursor;
    }
    expect(all).toHaveLength(13);
    expect(all).not.toContain('sam.martin');
    const nina = (await get(ada, 'etab-a/people?q=nina')).json().items[0];
    expect(nina).toMatchObject({ login: 'nina.nouvelle', state: 'awaiting_activation', profiles: ['student'], classes: [expect.objectContaining({ name: '5B' })] });
  });

  it('searches by name ignoring case and accents, or by login, and filters by profile, class and state', async () => {
    expect(logins(await get(ada, 'etab-a/people?q=LEFEVRE'))).toEqual(['chloe.lefevre', 'rose.lefevre']);
    expect(logins(await get(ada, 'etab-a/people?q=h%C3%A9l%C3%A8ne'))).toEqual(['helene.garnier']);
    expect(logins(await get(ada, 'etab-a/people?q=lefevre%20chlo'))).toEqual(['chloe.lefevre']);
    expect(logins(await get(ada, 'etab-a/people?q=theo.p'))).toEqual(['theo.petit']);
    expect(logins(await get(ada, 'etab-a/people?q=martin&profile=relative'))).toEqual(['remi.martin']);
    expect(logins(await get(ada, 'etab-a/people?groupId=a-5b'))).toEqual(['bob.durand', 'alice.martin', 'nina.nouvelle', 'theo.petit']);
    expect(logins(await get(ada, 'etab-a/people?groupId=a-5b&profile=teacher'))).toEqual(['theo.petit']);
    expect(logins(await get(ada, 'etab-a/people?state=awaiting_activation'))).toEqual(['nina.nouvelle']);
    expect(logins(await get(ada, 'etab-a/people?q=zzz'))).toEqual([]);
  });

  it('refuses bad filters with field details, and a class of another establishment with 404', async () => {
    const bad = await get(ada, 'etab-a/people?profile=pirate&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['querystring.limit', 'querystring.profile']);
    expect((await get(ada, 'etab-a/people?cursor=nope')).statusCode).toBe(400);
    expect((await get(ada, 'etab-a/people?groupId=b-6a')).statusCode).toBe(404);
  });

  it('shows a student with their classes and relatives, a relative with their children here only', async () => {
    const alice = (await get(ada, 'etab-a/people/alice')).json();
    expect(alice).toMatchObject({
      login: 'alice.martin',
      state: 'active',
      profiles: ['student'],
      groups: [expect.objectContaining({ name: '5B', role: 'student', headTeacher: false, managedBy: null })],
      relatives: [expect.objectContaining({ id: 'remi', displayName: 'Rémi MARTIN', legalGuardian: true, phone: '0600000001' })],
      children: [],
      otherEstablishments: 0,
      can: { reset: true, suspend: true, editFunctions: false },
    });
    const remi = (await get(ada, 'etab-a/people/remi')).json();
    // Sam is in etab-b: this administrator sees only the child of their establishment.
    expect(remi.children).toEqual([expect.objectContaining({ id: 'alice', classes: [expect.objectContaining({ name: '5B' })] })]);
    expect(remi).toMatchObject({ otherEstablishments: 1, can: { reset: true, suspend: false } });
    const theo = (await get(ada, 'etab-a/people/theo')).json();
    expect(theo.groups).toEqual([expect.objectContaining({ name: '5B', role: 'teacher', headTeacher: true, subjects: ['Mathématiques'] })]);
    expect((await get(ada, 'etab-a/people/ada')).json().can).toEqual({ reset: false, suspend: false, editFunctions: false });
    expect((await get(ada, 'etab-a/people/sam')).statusCode).toBe(404);
  });

  it('assigns and removes staff functions, audited, and the person’s rights follow at once', async () => {
    const carl = await loginAs(env.app, 'carl.blanc');
    expect((await get(carl, 'etab-a/people')).statusCode).toBe(403);
    const res = await putFunctions(ada, 'etab-a', 'carl', ['cpe', 'head']);
    expect(res.statusCode).toBe(200);
    expect(res.json().functions).toEqual(['cpe', 'head']);
    // Carl's open session reads his new functions without logging in again.
    expect((await get(carl, 'etab-a/people')).statusCode).toBe(200);
    expect((await putFunctions(ada, 'etab-a', 'carl', ['cpe'])).json().functions).toEqual(['cpe']);
    expect((await get(carl, 'etab-a/people')).statusCode).toBe(403);
    const audit = await database().db.selectFrom('audit_log').select(['details', 'actor_id']).where('action', '=', 'admin.functions.changed').where('target_id', '=', 'carl').execute();
    // The test clock is fixed: both entries carry the same time, so their order is not asserted.
    expect(audit.map((a) => JSON.parse(a.details))).toEqual(expect.arrayContaining([{ added: ['head'], removed: [] }, { added: [], removed: ['head'] }]));
    expect(audit.every((a) => a.actor_id === 'ada')).toBe(true);
  });

  it('keeps admin_local for the platform, functions for staff, and refuses bad input without changing anything', async () => {
    const functionsOf = async (id: string) =>
      (await database().db.selectFrom('person_functions').select('function').where('person_id', '=', id).orderBy('function').execute()).map((f) => f.function);
    const reserved = await putFunctions(ada, 'etab-a', 'carl', ['cpe', 'admin_local']);
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().error).toMatchObject({ code: 'admin.function_reserved', details: [expect.objectContaining({ field: 'body.functions.1' })] });
    expect((await putFunctions(ada, 'etab-a', 'carl', ['wizard'])).json().error.details[0].field).toBe('body.functions.0');
    expect((await putFunctions(ada, 'etab-a', 'carl', 'cpe')).statusCode).toBe(400);
    expect(await functionsOf('carl')).toEqual(['cpe']);
    const teacher = await putFunctions(ada, 'etab-a', 'theo', ['documentalist']);
    expect(teacher.statusCode).toBe(409);
    expect(teacher.json().error.code).toBe('admin.not_staff');
    expect((await putFunctions(ada, 'etab-a', 'ada', ['secretary'])).json().error.code).toBe('admin.cannot_target_self');
    // The head (holding admin.accounts.manage) changes Ada's functions: admin_local stays, it is not theirs to remove.
    const helene = await loginAs(env.app, 'helene.garnier');
    expect((await putFunctions(helene, 'etab-a', 'ada', [])).json().functions).toEqual(['admin_local']);
    expect(await functionsOf('theo')).toEqual([]);
  });

  it('refuses another establishment’s administrator and non-administrators', async () => {
    const hugo = await loginAs(env.app, 'hugo.bonnet');
    expect((await get(hugo, 'etab-a/people')).statusCode).toBe(403);
    expect((await get(hugo, 'etab-a/people/alice')).statusCode).toBe(403);
    expect((await putFunctions(hugo, 'etab-a', 'carl', ['cpe', 'head'])).statusCode).toBe(403);
    expect((await get(hugo, 'etab-b/people/alice')).statusCode).toBe(404);
    expect((await putFunctions(hugo, 'etab-b', 'carl', ['head'])).statusCode).toBe(404);
    for (const login of ['alice.martin', 'remi.martin', 'theo.petit', 'ines.faure']) {
      const s = await loginAs(env.app, login);
      expect((await get(s, 'etab-a/people')).statusCode, login).toBe(403);
      expect((await get(s, 'etab-a/people/alice')).statusCode, login).toBe(403);
      expect((await putFunctions(s, 'etab-a', 'carl', ['head'])).statusCode, login).toBe(403);
    }
    const sarah = await loginAs(env.app, 'sarah.admin');
    expect(logins(await get(sarah, 'etab-b/people'))).toEqual(['hugo.bonnet', 'tom.girard', 'remi.martin', 'sam.martin']);
  });
});
