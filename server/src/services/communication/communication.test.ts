import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { messagingWorld } from '../messaging/testing/world.js';

type Address = { type: 'person' | 'group' | 'group_relatives'; id: string };
const person = (id: string): Address => ({ type: 'person', id });
const group = (id: string): Address => ({ type: 'group', id });
const parentsOf = (id: string): Address => ({ type: 'group_relatives', id });

/** [sender login, address, may they start a conversation with it?] under the default rules. */
const DEFAULT_PAIRS: [string, Address, boolean][] = [
  // A student: classmates, their teachers, the staff, their own parents.
  ['alice.martin', person('bob'), true],
  ['alice.martin', person('theo'), true],
  ['alice.martin', person('carl'), true],
  ['alice.martin', person('helene'), true],
  ['alice.martin', person('remi'), true],
  ['alice.martin', group('a-5b'), true],
  ['alice.martin', person('chloe'), false],
  ['alice.martin', person('tina'), false],
  ['alice.martin', person('bea'), false],
  ['alice.martin', person('rose'), false],
  ['alice.martin', person('ines'), false],
  ['alice.martin', group('a-4a'), false],
  ['alice.martin', parentsOf('a-5b'), false],
  ['alice.martin', person('sam'), false],
  // A relative: their children, their children's teachers, the staff; not other parents.
  ['remi.martin', person('alice'), true],
  ['remi.martin', person('theo'), true],
  ['remi.martin', person('helene'), true],
  ['remi.martin', person('carl'), true],
  ['remi.martin', person('bea'), false],
  ['remi.martin', person('rose'), false],
  ['remi.martin', person('bob'), false],
  ['remi.martin', person('tina'), false],
  ['remi.martin', parentsOf('a-5b'), false],
  ['remi.martin', group('a-5b'), false],
  // A teacher: everyone in their establishment, classes and their parents included.
  ['theo.petit', person('rose'), true],
  ['theo.petit', person('chloe'), true],
  ['theo.petit', person('ines'), true],
  ['theo.petit', group('a-4a'), true],
  ['theo.petit', parentsOf('a-5b'), true],
  ['theo.petit', person('sam'), false],
  ['theo.petit', group('b-6a'), false],
  // Staff: everyone in their establishment.
  ['carl.blanc', person('rose'), true],
  ['carl.blanc', person('gaston'), true],
  ['carl.blanc', parentsOf('a-4a'), true],
  ['carl.blanc', person('tom'), false],
  // An inspector: teachers and staff; a guest: the staff.
  ['ines.faure', person('theo'), true],
  ['ines.faure', person('carl'), true],
  ['ines.faure', person('alice'), false],
  ['ines.faure', person('rose'), false],
  // An agent: staff, teachers, agents; an internship tutor: staff and teachers.
  ['ali.agent', person('carl'), true],
  ['ali.agent', person('theo'), true],
  ['ali.agent', person('alice'), false],
  ['ali.agent', person('rose'), false],
  ['tara.tutrice', person('theo'), true],
  ['tara.tutrice', person('helene'), true],
  ['tara.tutrice', person('bob'), false],
  ['tara.tutrice', person('ali'), false],
  ['gaston.henry', person('carl'), true],
  ['gaston.henry', person('theo'), false],
  ['gaston.henry', group('a-5b'), false],
];

describeEachDatabase('communication rules', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    let s = sessions.get(login);
    if (!s) {
      s = await loginAs(env.app, login);
      sessions.set(login, s);
    }
    return s;
  };
  const send = async (login: string, to: Address[], establishment = 'etab-a') =>
    env.app.inject({
      method: 'POST',
      url: `/api/messaging/establishments/${establishment}/messages`,
      headers: (await as(login)).headers,
      payload: { subject: 'Bonjour', body: '<p>Bonjour</p>', to },
    });
  const recipients = async (login: string, q = '') =>
    (await env.app.inject({ method: 'GET', url: `/api/messaging/establishments/etab-a/recipients?q=${encodeURIComponent(q)}&limit=50`, headers: (await as(login)).headers })).json();

  it('sets up', async () => {
    await insertWorld(database().db, messagingWorld);
    env = await testApp(database());
  });

  it.each(DEFAULT_PAIRS)('%s → %j: allowed %s (the API decides, whatever the client sends)', async (login, address, allowed) => {
    const res = await send(login, [address]);
    expect(res.statusCode, res.body).toBe(allowed ? 201 : 403);
    if (!allowed) expect(res.json().error).toMatchObject({ code: 'communication.not_allowed', details: [{ field: `${address.type}:${address.id}`, issue: 'not_allowed' }] });
  });

  it('offers in the picker exactly the people and groups the API accepts', async () => {
    const alice = await recipients('alice.martin');
    const ids = alice.people.map((p: { id: string }) => p.id);
    for (const [login, address, allowed] of DEFAULT_PAIRS) {
      if (login !== 'alice.martin') continue;
      const offered = address.type === 'person' ? ids.includes(address.id) : alice.groups.some((g: Address) => g.type === address.type && g.id === address.id);
      expect(offered, JSON.stringify(address)).toBe(allowed);
    }
    expect(ids).not.toContain('alice');
    const bob = alice.people.find((p: { id: string }) => p.id === 'bob');
    expect(bob).toMatchObject({ displayName: 'Bob DURAND', profiles: ['student'], detail: '5B' });
    const remi = await recipients('remi.martin');
    expect(remi.groups).toEqual([]);
    expect(remi.people.find((p: { id: string }) => p.id === 'theo')).toMatchObject({ profiles: ['teacher'] });
  });

  it('searches names with accents and case ignored, classes and "parents of" included', async () => {
    const found = await recipients('theo.petit', 'LEFEVRE');
    expect(found.people.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['Chloé LEFÈVRE', 'Rose LEFÈVRE']);
    expect(found.people.find((p: { id: string }) => p.id === 'rose').detail).toBe('Chloé LEFÈVRE');
    const classes = await recipients('theo.petit', '5b');
    expect(classes.groups).toEqual([
      { type: 'group', id: 'a-5b', name: '5B', kind: 'class', memberCount: 3 },
      { type: 'group_relatives', id: 'a-5b', name: '5B', kind: 'class', memberCount: 2 },
    ]);
    const parents = await recipients('theo.petit', 'parents 5b');
    expect(parents.groups.map((g: Address) => g.type)).toEqual(['group_relatives']);
  });

  it('refuses a whole message when one address is not allowed, and writes nothing', async () => {
    const before = await database().db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await send('alice.martin', [person('bob'), person('rose')]);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual([{ field: 'person:rose', issue: 'not_allowed', message: expect.any(String) }]);
    const after = await database().db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets the administrator open other parents to relatives; the picker and the API follow at once', async () => {
    const ada = await as('ada.morel');
    const view = await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/rules', headers: ada.headers });
    expect(view.json()).toMatchObject({ customised: false, updatedAt: null });
    const rules = view.json().rules;
    expect(rules.relative).toEqual(['all.personnel', 'own_teachers', 'children']);
    const put = await env.app.inject({
      method: 'PUT',
      url: '/api/communication/establishments/etab-a/rules',
      headers: ada.headers,
      payload: { ...rules, relative: [...rules.relative, 'classmates_relatives', 'classmates_relatives'] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ customised: true, updatedAt: '2026-11-25T10:00:00.000Z' });
    expect(put.json().rules.relative).toEqual(['all.personnel', 'own_teachers', 'children', 'classmates_relatives']);
    expect((await send('remi.martin', [person('bea')])).statusCode).toBe(201);
    expect((await send('remi.martin', [parentsOf('a-5b')])).statusCode).toBe(201);
    expect((await send('remi.martin', [person('rose')])).statusCode).toBe(403);
    expect((await recipients('remi.martin')).groups).toEqual([{ type: 'group_relatives', id: 'a-5b', name: '5B', kind: 'class', memberCount: 1 }]);
    const audit = await database().db.selectFrom('audit_log').select('action').where('action', 'like', 'communication.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['communication.rules.changed']);

    // Closing everything for students: even classmates are refused.
    await env.app.inject({ method: 'PUT', url: '/api/communication/establishments/etab-a/rules', headers: ada.headers, payload: { ...put.json().rules, student: [] } });
    expect((await send('alice.martin', [person('bob')])).statusCode).toBe(403);
    expect((await recipients('alice.martin')).people).toEqual([]);

    const reset = await env.app.inject({ method: 'DELETE', url: '/api/communication/establishments/etab-a/rules', headers: ada.headers });
    expect(reset.json()).toMatchObject({ customised: false });
    expect((await send('remi.martin', [person('bea')])).statusCode).toBe(403);
    expect((await send('alice.martin', [person('bob')])).statusCode).toBe(201);
  });

  it('previews whom a person may write to', async () => {
    const ada = await as('ada.morel');
    const res = await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/preview/alice?limit=3', headers: ada.headers });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.person).toEqual({ id: 'alice', displayName: 'Alice MARTIN', profiles: ['student'] });
    // Bob and Nina (classmates), Théo, Hélène, Carl, Ada (staff), Rémi.
    expect(preview.counts).toEqual({ student: 2, teacher: 1, personnel: 3, relative: 1 });
    expect(preview.total).toBe(7);
    expect(preview.people.items).toHaveLength(3);
    expect(preview.people.nextCursor).not.toBeNull();
    // Her class as a whole: Bob, Nina and Théo (not herself).
    expect(preview.groups).toEqual([{ type: 'group', id: 'a-5b', name: '5B', kind: 'class', memberCount: 3 }]);
    const next = await env.app.inject({ method: 'GET', url: `/api/communication/establishments/etab-a/preview/alice?limit=3&cursor=${preview.people.nextCursor}`, headers: ada.headers });
    expect(next.json().people.items).toHaveLength(3);
    const search = await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/preview/remi?q=petit', headers: ada.headers });
    expect(search.json().people.items.map((p: { id: string }) => p.id)).toEqual(['theo']);
  });

  it('refuses the rules to other profiles and other establishments', async () => {
    for (const login of ['theo.petit', 'carl.blanc', 'alice.martin', 'remi.martin']) {
      const res = await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/rules', headers: (await as(login)).headers });
      expect(res.statusCode, login).toBe(403);
    }
    const hugo = await as('hugo.bonnet');
    expect((await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/rules', headers: hugo.headers })).statusCode).toBe(403);
    const put = await env.app.inject({ method: 'PUT', url: '/api/communication/establishments/etab-a/rules', headers: hugo.headers, payload: { student: [] } });
    expect(put.statusCode).toBe(403);
    // A person of another establishment is not found through this one.
    const ada = await as('ada.morel');
    expect((await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/preview/sam', headers: ada.headers })).statusCode).toBe(404);
    expect((await as('helene.garnier')) && (await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/rules', headers: (await as('helene.garnier')).headers })).statusCode).toBe(200);
  });

  it('rejects malformed rules with a clear 400 and changes nothing', async () => {
    const ada = await as('ada.morel');
    const bad = await env.app.inject({
      method: 'PUT',
      url: '/api/communication/establishments/etab-a/rules',
      headers: ada.headers,
      payload: { student: ['everybody'], relative: [], teacher: [], personnel: [], agent: [], tutor: [], inspector: [], guest: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation.failed');
    const missing = await env.app.inject({ method: 'PUT', url: '/api/communication/establishments/etab-a/rules', headers: ada.headers, payload: { student: [] } });
    expect(missing.statusCode).toBe(400);
    const view = await env.app.inject({ method: 'GET', url: '/api/communication/establishments/etab-a/rules', headers: ada.headers });
    expect(view.json().customised).toBe(false);
  });
});
