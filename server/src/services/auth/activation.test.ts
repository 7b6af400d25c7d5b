import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { nextIp, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { meetsPasswordPolicy } from './passwords.js';

it.each([
  ['Abcdefgh1!xy', true], // 12 characters, 4 classes
  ['Abcdefgh1xyz', false], // 12 characters, 3 classes
  ['abcdefgh1xyzab', false], // 14 characters, 2 classes
  ['Abcdefghij1xyz', true], // 14 characters, 3 classes
  ['Abcdefghij1xy', false], // 13 characters, 3 classes
  ['Élève-Été-2026', true], // accented letters count as letters of their case
  ['le chat de la voisine mange des croquettes', true], // passphrase of 8 words
  ['le chat mange', false],
  ['', false],
])('CNIL 2022 rule: %s → %s', (password, expected) => {
  expect(meetsPasswordPolicy(password)).toBe(expected);
});

describeEachDatabase('first connection with an activation code', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const activate = (payload: object) => env.app.inject({ method: 'POST', url: '/api/auth/activate', payload, remoteAddress: nextIp() });
  const person = () => database().db.selectFrom('people').selectAll().where('id', '=', 'newbie').executeTakeFirstOrThrow();

  it('refuses a weak password or unaccepted terms and changes nothing', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    const weak = await activate({ login: 'nina.nouvelle', activationCode: 'ABCD2345', password: 'short', acceptTerms: true });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('auth.weak_password');
    const terms = await activate({ login: 'nina.nouvelle', activationCode: 'ABCD2345', password: 'Un-Mot-De-Passe-Sûr-42', acceptTerms: false });
    expect(terms.statusCode).toBe(400);
    expect(terms.json().error.code).toBe('auth.terms_not_accepted');
    const p = await person();
    expect(p.state).toBe('awaiting_activation');
    expect(p.password_hash).toBeNull();
  });

  it('refuses a wrong code with a generic message', async () => {
    const res = await activate({ login: 'nina.nouvelle', activationCode: 'ZZZZ9999', password: 'Un-Mot-De-Passe-Sûr-42', acceptTerms: true });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.invalid_activation');
    const active = await activate({ login: 'alice.martin', activationCode: 'ABCD2345', password: 'Un-Mot-De-Passe-Sûr-42', acceptTerms: true });
    expect(active.statusCode).toBe(401);
  });

  it('activates the account, records the terms and opens a session; the code then stops working', async () => {
    const res = await activate({ login: 'Nina.Nouvelle', activationCode: 'abcd2345', password: 'Un-Mot-De-Passe-Sûr-42', acceptTerms: true });
    expect(res.statusCode).toBe(200);
    const p = await person();
    expect(p.state).toBe('active');
    expect(p.activation_code).toBeNull();
    expect(p.terms_accepted_at).not.toBeNull();
    const cookie = res.cookies.find((c) => c.name === 'preau_session');
    const me = await env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `preau_session=${cookie?.value}` } });
    expect(me.json().login).toBe('nina.nouvelle');
    const again = await activate({ login: 'nina.nouvelle', activationCode: 'ABCD2345', password: 'Un-Mot-De-Passe-Sûr-43', acceptTerms: true });
    expect(again.statusCode).toBe(401);
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nina.nouvelle', password: 'Un-Mot-De-Passe-Sûr-42' }, remoteAddress: nextIp() });
    expect(login.statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    await database().db.updateTable('people').set({ state: 'awaiting_activation', activation_code: 'EXPD2345', activation_expires_at: '2026-01-01T00:00:00.000Z', password_hash: null }).where('id', '=', 'bob').execute();
    const res = await activate({ login: 'bob.durand', activationCode: 'EXPD2345', password: 'Un-Mot-De-Passe-Sûr-42', acceptTerms: true });
    expect(res.statusCode).toBe(401);
  });
});
