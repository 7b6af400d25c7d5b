import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('platform establishments', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const create = async (login: string, payload: object, lang = 'fr') => {
    const s = await loginAs(env.app, login);
    return env.app.inject({ method: 'POST', url: '/api/platform/establishments', headers: { ...s.headers, 'accept-language': lang }, payload });
  };

  it('creates an establishment with a valid UAI, then refuses the same UAI with 409', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    const res = await create('sarah.admin', { uai: '0061234j', name: 'École Jules Ferry', type: 'ecole', postalCode: '06000', city: 'Nice' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ uai: '0061234J', type: 'ecole', city: 'Nice' });
    const again = await create('sarah.admin', { uai: '0061234J', name: 'Doublon', type: 'ecole' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('directory.establishment_exists');
    const s = await loginAs(env.app, 'sarah.admin');
    const list = await env.app.inject({ method: 'GET', url: '/api/platform/establishments?q=0061234J', headers: { cookie: s.cookie } });
    expect(list.json().items.map((e: { uai: string }) => e.uai)).toEqual(['0061234J']);
  });

  it('rejects a wrong check letter or a malformed code with a message in the user’s language, creating nothing', async () => {
    const wrongLetter = await create('sarah.admin', { uai: '0061234K', name: 'École X', type: 'ecole' }, 'en');
    expect(wrongLetter.statusCode).toBe(400);
    expect(wrongLetter.json().error).toMatchObject({ code: 'directory.invalid_uai', message: 'Invalid UAI code: 7 digits followed by the check letter.' });
    const malformed = await create('sarah.admin', { uai: '61234J', name: 'École X', type: 'ecole' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('body.uai');
    const count = await database().db.selectFrom('establishments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('is reserved to platform administrators', async () => {
    for (const login of ['ada.morel', 'helene.garnier', 'alice.martin']) {
      expect((await create(login, { uai: '0750002V', name: 'Collège Y', type: 'college' })).statusCode, login).toBe(403);
    }
  });
});
