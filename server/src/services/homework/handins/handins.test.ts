import type { EntryResult, HandinList, MyHandin } from '@preau/contracts';
import { unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { enterTimetable } from '../../timetable/timetable.testing.js';

const base = '/api/homework/establishments';
type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

/** A multipart body with text fields and files, as a browser's FormData sends it. */
export function multipart(parts: Part[]) {
  const boundary = '----preau-handin-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = 'filename' in part ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}` : `Content-Disposition: form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), 'filename' in part ? part.bytes : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDatabase('homework handed in online', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let whole: string;
  let bobsOwn: string;
  let paper: string;
  const sessions = new Map<string, LoggedIn>();
  const setClock = (at: string) => {
    env.clock.set(at);
    sessions.clear();
  };
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const get = async (login: string, url: string, establishment = 'etab-a') => env.app.inject({ method: 'GET', url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers });
  const form = async (login: string, method: 'PUT' | 'POST', url: string, parts: Part[]) => {
    const body = multipart(parts);
    return env.app.inject({ method, url: `${base}/etab-a/${url}`, payload: body.payload, headers: { ...(await as(login)).headers, ...body.headers } });
  };
  const file = (filename: string, text: string): Part => ({ name: 'file', filename, type: 'application/pdf', bytes: Buffer.from(text) });
  const handIn = (login: string, homeworkId: string, parts: Part[]) => form(login, 'PUT', `homework/${homeworkId}/handin`, parts);

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    const ids = await enterTimetable(env.app, await loginAs(env.app, 'ada.morel'));
    const res = await env.app.inject({
      method: 'POST',
      url: `${base}/etab-a/entries`,
      headers: (await as('theo.petit')).headers,
      payload: {
        groupId: 'a-5b',
        subjectId: 'a-maths',
        slotId: ids.slots.monday,
        date: '2026-11-23',
        start: '08:00',
        end: '09:00',
        title: 'Fractions : addition',
        contentHtml: '<p>Addition de fractions.</p>',
        homework: [
          { kind: 'exercise', instructionsHtml: '<p>Exercice 12, à rendre en ligne</p>', handIn: 'online' },
          { kind: 'exercise', instructionsHtml: '<p>Fiche de rattrapage</p>', dueOn: '2026-11-30', studentIds: ['bob'], handIn: 'online' },
          { kind: 'exercise', instructionsHtml: '<p>Sur feuille</p>', handIn: 'paper' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    [whole, bobsOwn, paper] = res.json<EntryResult>().entry.homework.map((h) => h.id) as [string, string, string];
  });

  it('lets only the students the work is for hand it in, online work only, and never empty', async () => {
    const alice = await handIn('alice.martin', whole, [{ name: 'text', value: 'Ma réponse' }, file('copie.pdf', 'v1')]);
    expect(alice.statusCode, alice.body).toBe(200);
    expect(alice.json<MyHandin>()).toMatchObject({ handedIn: true, late: false, text: 'Ma réponse', files: [{ name: 'copie.pdf' }], canHandIn: true, dueOn: '2026-11-26' });
    expect((await handIn('bob.durand', bobsOwn, [file('rattrapage.pdf', 'bob')])).statusCode).toBe(200);

    for (const login of ['chloe.lefevre', 'remi.martin', 'theo.petit', 'helene.garnier']) expect((await handIn(login, whole, [file('x.pdf', 'x')])).statusCode, login).toBe(403);
    const other = await handIn('alice.martin', bobsOwn, [file('x.pdf', 'x')]);
    expect(other.json().error.code).toBe('homework.not_target');
    expect((await handIn('alice.martin', paper, [file('x.pdf', 'x')])).json().error.code).toBe('homework.not_handed_online');
    expect((await handIn('alice.martin', whole, [{ name: 'text', value: '  ' }])).json().error.code).toBe('homework.handin_empty');
    const big = await handIn('alice.martin', whole, [{ name: 'file', filename: 'big.pdf', type: 'application/pdf', bytes: Buffer.alloc(10 * 1024 * 1024 + 1) }]);
    expect(big.statusCode).toBe(413);
    const six = Array.from({ length: 6 }, (_, i) => file(`${i}.pdf`, 'x'));
    expect((await handIn('alice.martin', whole, six)).statusCode).toBe(400);
    const json = await env.app.inject({ method: 'PUT', url: `${base}/etab-a/homework/${whole}/handin`, headers: (await as('alice.martin')).headers, payload: { text: 'x' } });
    expect(json.statusCode).toBe(400);
    // Another establishment's people do not reach etab-a's homework; etab-a's homework does not exist in etab-b.
    expect((await handIn('tom.girard', whole, [file('x.pdf', 'x')])).statusCode).toBe(403);
    expect((await get('remi.martin', `homework/${whole}/handin?studentId=alice`, 'etab-b')).statusCode).toBe(404);
  });

  it('replaces a hand-in until the due date, flags a first hand-in after it, and refuses replacing it then', async () => {
    const replaced = await handIn('alice.martin', whole, [file('copie-v2.pdf', 'v2')]);
    expect(replaced.json<MyHandin>()).toMatchObject({ text: null, files: [{ name: 'copie-v2.pdf' }] });

    setClock('2026-11-27T09:00:00.000Z');
    expect((await handIn('alice.martin', whole, [file('v3.pdf', 'v3')])).json().error.code).toBe('homework.handin_locked');
    const late = await handIn('bob.durand', whole, [file('bob.pdf', 'en retard')]);
    expect(late.json<MyHandin>()).toMatchObject({ late: true, canHandIn: false });
    expect((await handIn('bob.durand', whole, [file('bob2.pdf', 'again')])).statusCode).toBe(409);
  });

  it('shows a relative their child’s status, and nobody else’s', async () => {
    const child = await get('remi.martin', `homework/${whole}/handin?studentId=alice`);
    expect(child.statusCode, child.body).toBe(200);
    expect(child.json<MyHandin>()).toMatchObject({ handedIn: true, late: false, canHandIn: false, files: [{ name: 'copie-v2.pdf' }] });
    expect((await get('remi.martin', `homework/${whole}/handin?studentId=bob`)).statusCode).toBe(403);
    expect((await get('alice.martin', `homework/${whole}/handin?studentId=bob`)).statusCode).toBe(403);
    expect((await get('rose.lefevre', `homework/${whole}/handin?studentId=chloe`)).statusCode).toBe(403);
  });

  it('shows every hand-in to the teachers of the class and the management, and downloads them as one ZIP named by student', async () => {
    const list = await get('theo.petit', `homework/${whole}/handins`);
    expect(list.statusCode).toBe(200);
    const handins = list.json<HandinList>().handins;
    expect(handins.map((h) => [h.studentId, h.handedIn, h.late])).toEqual([
      ['bob', true, true],
      ['alice', true, false],
      ['newbie', false, false],
    ]);
    expect((await get('helene.garnier', `homework/${whole}/handins`)).statusCode).toBe(200);
    for (const login of ['tina.roux', 'alice.martin', 'remi.martin', 'carl.blanc']) expect((await get(login, `homework/${whole}/handins`)).statusCode, login).toBe(403);
    expect((await get('tina.roux', `homework/${whole}/handins.zip`)).statusCode).toBe(403);

    const zip = await get('theo.petit', `homework/${whole}/handins.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['Durand Bob (en retard)/bob.pdf', 'Martin Alice/copie-v2.pdf']);
    expect(Buffer.from(files['Martin Alice/copie-v2.pdf'] as Uint8Array).toString()).toBe('v2');

    const fileId = handins[1]?.files[0]?.id as string;
    expect((await get('alice.martin', `homework/${whole}/handin-files/${fileId}`)).statusCode).toBe(200);
    expect((await get('bob.durand', `homework/${whole}/handin-files/${fileId}`)).statusCode).toBe(404);
  });

  it('returns individual and common corrections to the right students only, notifies them, and locks the hand-in', async () => {
    setClock('2026-11-25T12:00:00.000Z');
    const individual = await form('theo.petit', 'POST', `homework/${bobsOwn}/returns`, [{ name: 'studentId', value: 'bob' }, { name: 'comment', value: 'Bien, revoir la question 2.' }, file('corrige-bob.pdf', 'corr')]);
    expect(individual.statusCode, individual.body).toBe(201);
    expect((await handIn('bob.durand', bobsOwn, [file('v2.pdf', 'v2')])).json().error.code).toBe('homework.handin_locked');

    const forAlice = await form('theo.petit', 'POST', `homework/${whole}/returns`, [{ name: 'studentId', value: 'alice' }, { name: 'comment', value: 'Très bien.' }]);
    expect(forAlice.statusCode).toBe(201);
    const common = await form('theo.petit', 'POST', `homework/${whole}/returns`, [{ name: 'comment', value: 'Corrigé commun' }, file('corrige.pdf', 'common')]);
    expect(common.statusCode).toBe(201);
    for (const login of ['tina.roux', 'helene.garnier']) expect((await form(login, 'POST', `homework/${whole}/returns`, [{ name: 'comment', value: 'x' }])).statusCode, login).toBe(403);
    expect((await form('theo.petit', 'POST', `homework/${whole}/returns`, [{ name: 'studentId', value: 'chloe' }, { name: 'comment', value: 'x' }])).json().error.code).toBe(
      'homework.invalid_students',
    );

    const alice = (await get('alice.martin', `homework/${whole}/handin`)).json<MyHandin>();
    expect(alice.returns.map((r) => r.comment)).toEqual(['Corrigé commun', 'Très bien.']);
    const bob = (await get('bob.durand', `homework/${whole}/handin`)).json<MyHandin>();
    expect(bob.returns.map((r) => r.comment)).toEqual(['Corrigé commun']);
    const bobsReturn = (await get('bob.durand', `homework/${bobsOwn}/handin`)).json<MyHandin>().returns[0];
    expect(bobsReturn?.file?.name).toBe('corrige-bob.pdf');
    expect((await get('bob.durand', `homework/${bobsOwn}/returns/${bobsReturn?.id}`)).statusCode).toBe(200);
    // Alice is not concerned by Bob's individual work: neither its status nor its correction.
    expect((await get('alice.martin', `homework/${bobsOwn}/handin`)).statusCode).toBe(404);
    expect((await get('alice.martin', `homework/${bobsOwn}/returns/${bobsReturn?.id}`)).statusCode).toBe(404);
    const commonId = alice.returns[0]?.id as string;
    expect((await get('bob.durand', `homework/${whole}/returns/${commonId}`)).statusCode).toBe(200);
    expect((await get('remi.martin', `homework/${whole}/returns/${commonId}`)).statusCode).toBe(200);
    // A common correction of Bob's individual work stays Bob's: Alice, in the same class, does not get it.
    const bobsCommon = await form('theo.petit', 'POST', `homework/${bobsOwn}/returns`, [{ name: 'comment', value: 'Pour Bob' }, file('commun-bob.pdf', 'c')]);
    const bobsCommonId = bobsCommon.json<HandinList>().commonReturns[0]?.id as string;
    expect((await get('bob.durand', `homework/${bobsOwn}/returns/${bobsCommonId}`)).statusCode).toBe(200);
    expect((await get('alice.martin', `homework/${bobsOwn}/returns/${bobsCommonId}`)).statusCode).toBe(404);

    const events = await database()
      .db.selectFrom('outbox_events as o')
      .innerJoin('event_recipients as r', 'r.event_id', 'o.id')
      .select(['o.resource_id', 'r.person_id'])
      .where('o.type', '=', 'homework.handin_returned')
      .execute();
    const to = (id: string) => events.filter((e) => e.resource_id === id).map((e) => e.person_id).sort();
    expect(to(bobsOwn)).toEqual(['bob', 'bob']);
    expect(to(whole)).toEqual(['alice', 'alice', 'bob', 'newbie', 'remi', 'remi']);
  });
});
