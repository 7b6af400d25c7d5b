import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

/** Every structures route, with a body that would succeed for an administrator of etab-a. */
const routes = (establishment: string, group: string): [string, string, object?][] => [
  ['GET', `${establishment}/structures`],
  ['POST', `${establishment}/structures`, { kind: 'class', name: 'Intrus' }],
  ['GET', `${establishment}/structures/${group}`],
  ['PATCH', `${establishment}/structures/${group}`, { name: 'Renommée' }],
  ['DELETE', `${establishment}/structures/${group}`],
  ['POST', `${establishment}/structures/${group}/students`, { personIds: ['alice'] }],
  ['DELETE', `${establishment}/structures/${group}/students/bob`],
  ['POST', `${establishment}/structures/${group}/teachers`, { personId: 'tina', subjectId: 'a-fr' }],
  ['PATCH', `${establishment}/structures/${group}/teachers/theo`, { headTeacher: false }],
  ['DELETE', `${establishment}/structures/${group}/teachers/theo`],
  ['GET', `${establishment}/subjects`],
  ['POST', `${establishment}/subjects`, { code: 'INTRUS', name: 'Intrusion' }],
];

describeEachDatabase('structures: who may shape classes and groups', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const send = (s: LoggedIn, method: string, url: string, payload?: object) =>
    env.app.inject({ method: method as 'GET', url: `/api/admin/establishments/${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
  const snapshot = async () => {
    const db = database().db;
    return JSON.stringify(await Promise.all([
      db.selectFrom('groups').selectAll().orderBy('id').execute(),
      db.selectFrom('group_members').selectAll().orderBy('group_id').orderBy('person_id').execute(),
      db.selectFrom('teachings').selectAll().orderBy('group_id').orderBy('person_id').execute(),
      db.selectFrom('subjects').selectAll().orderBy('id').execute(),
    ]));
  };

  it('refuses pupils, parents, teachers, the CPE, inspectors and guests on every route', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    const before = await snapshot();
    for (const login of ['alice.martin', 'remi.martin', 'theo.petit', 'carl.blanc', 'ines.faure', 'gaston.henry']) {
      const s = await loginAs(env.app, login);
      for (const [method, url, payload] of routes('etab-a', 'a-5b')) {
        const res = await send(s, method, url, payload);
        expect(res.statusCode, `${login} ${method} ${url}`).toBe(403);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses the administrator of another establishment, by its address or through their own', async () => {
    const before = await snapshot();
    const hugo = await loginAs(env.app, 'hugo.bonnet');
    for (const [method, url, payload] of routes('etab-a', 'a-5b')) {
      expect((await send(hugo, method, url, payload)).statusCode, `${method} ${url}`).toBe(403);
    }
    // B's administrator naming A's class under B's address: that class does not exist in B.
    for (const [method, url, payload] of routes('etab-b', 'a-5b').filter(([, u]) => u.includes('a-5b'))) {
      expect((await send(hugo, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    const ada = await loginAs(env.app, 'ada.morel');
    const intoB = await send(ada, 'POST', 'etab-a/structures/a-5b/students', { personIds: ['sam'] });
    expect(intoB.statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it('lets the head and the platform administrator in; an unknown establishment is a 404', async () => {
    const helene = await loginAs(env.app, 'helene.garnier');
    expect((await send(helene, 'GET', 'etab-a/structures')).statusCode).toBe(200);
    const sarah = await loginAs(env.app, 'sarah.admin');
    expect((await send(sarah, 'GET', 'etab-b/structures/b-6a')).json().students).toEqual([expect.objectContaining({ id: 'sam' })]);
    expect((await send(sarah, 'GET', 'nowhere/structures')).statusCode).toBe(404);
  });

  it('needs the CSRF token for writes', async () => {
    const ada = await loginAs(env.app, 'ada.morel');
    const res = await env.app.inject({ method: 'POST', url: '/api/admin/establishments/etab-a/structures', headers: { cookie: ada.cookie }, payload: { kind: 'class', name: 'Sans jeton' } });
    expect(res.statusCode).toBe(403);
  });
});
