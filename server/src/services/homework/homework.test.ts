import type { Agenda, EntryResult, Textbook } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { enterTimetable } from '../timetable/timetable.testing.js';
import { publishDueEntries } from './textbook/publication.js';

const base = '/api/homework/establishments';

describeEachDatabase('cahier de textes and agenda', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ids: Awaited<ReturnType<typeof enterTimetable>>;
  let lesson: EntryResult;
  const sessions = new Map<string, LoggedIn>();
  // Sessions expire when the clock jumps a day: log in again after each change.
  const setClock = (at: string) => {
    env.clock.set(at);
    sessions.clear();
  };
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const get = async (login: string, url: string, establishment = 'etab-a') => env.app.inject({ method: 'GET', url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers });
  const send = async (login: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    env.app.inject({ method, url: `${base}/etab-a/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const events = () => database().db.selectFrom('outbox_events as o').innerJoin('event_recipients as r', 'r.event_id', 'o.id').select(['o.resource_id', 'o.type', 'r.person_id']).execute();
  const recipientsOf = async (homeworkId: string) => (await events()).filter((e) => e.resource_id === homeworkId).map((e) => e.person_id).sort();

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    ids = await enterTimetable(env.app, await loginAs(env.app, 'ada.morel'));
    // Monday 23 November 2026 (week A): the lesson, a whole-class exercise and Bob's own catch-up work.
    const res = await send('theo.petit', 'POST', 'entries', {
      groupId: 'a-5b',
      subjectId: 'a-maths',
      slotId: ids.slots.monday,
      date: '2026-11-23',
      start: '08:00',
      end: '09:00',
      title: 'Fractions : addition',
      contentHtml: '<p>Addition de fractions <strong>de même dénominateur</strong>.</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
      links: [{ name: 'Exercices en ligne', url: 'https://example.org/fractions' }],
      homework: [
        { kind: 'exercise', instructionsHtml: '<p>Exercices 12 et 13 p. 48</p>', estimatedMinutes: 30 },
        { kind: 'exercise', instructionsHtml: '<p>Rattrapage : fiche 2</p>', dueOn: '2026-11-30', studentIds: ['bob'], handIn: 'paper' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    lesson = res.json<EntryResult>();
  });

  it('stores sanitised rich text, due by default for the next lesson, and tells the students concerned and their relatives', async () => {
    const { entry } = lesson;
    expect(entry.contentHtml).toBe('<p>Addition de fractions <strong>de même dénominateur</strong>.</p><a target="_blank" rel="noopener noreferrer">x</a>');
    const [whole, bobs] = entry.homework;
    // The next maths lesson after Monday 23 is Thursday 26 (a week A lesson).
    expect(whole).toMatchObject({ dueOn: '2026-11-26', setOn: '2026-11-23', students: null, estimatedMinutes: 30 });
    expect(bobs).toMatchObject({ dueOn: '2026-11-30', students: [{ id: 'bob' }], handIn: 'paper' });
    expect(await recipientsOf(whole?.id as string)).toEqual(['alice', 'bob', 'newbie', 'remi']);
    expect(await recipientsOf(bobs?.id as string)).toEqual(['bob']);
    expect((await events()).every((e) => e.type === 'homework.assigned')).toBe(true);
  });

  it('shows the cahier de textes to its readers only; individual work to its students (and relatives) and the staff only', async () => {
    const cases: [string, number, number | null][] = [
      ['alice.martin', 200, 1],
      ['bob.durand', 200, 2],
      ['remi.martin', 200, 1],
      ['theo.petit', 200, 2],
      ['helene.garnier', 200, 2],
      ['ines.faure', 200, 2],
      ['chloe.lefevre', 403, null],
      ['rose.lefevre', 403, null],
      ['tina.roux', 403, null],
      ['carl.blanc', 403, null],
      ['ada.morel', 403, null],
      ['gaston.henry', 403, null],
      ['tom.girard', 403, null],
      ['sarah.admin', 403, null],
    ];
    for (const [login, status, items] of cases) {
      const res = await get(login, 'textbook?groupId=a-5b');
      expect(res.statusCode, login).toBe(status);
      if (items !== null) expect(res.json<Textbook>().entries[0]?.homework, login).toHaveLength(items);
    }
    // Collège B's teacher through his own establishment's address: the class is not there.
    expect((await get('tom.girard', 'textbook?groupId=a-5b', 'etab-b')).statusCode).toBe(404);
    const bobs = (await get('bob.durand', 'textbook?groupId=a-5b')).json<Textbook>().entries[0]?.homework[1];
    expect(bobs?.students).toEqual([{ id: 'bob', displayName: 'Bob DURAND' }]);
  });

  it('lets only the subject’s teachers in that class write; inspectors read only', async () => {
    const entry = { groupId: 'a-5b', subjectId: 'a-maths', date: '2026-11-24', title: 'Intrusion', homework: [] };
    const before = await database().db.selectFrom('textbook_entries').select('id').execute();
    for (const login of ['ines.faure', 'helene.garnier', 'alice.martin', 'remi.martin']) expect((await send(login, 'POST', 'entries', entry)).statusCode, login).toBe(403);
    const tina = await send('tina.roux', 'POST', 'entries', entry);
    expect(tina.json().error.code).toBe('homework.not_writer');
    expect((await send('theo.petit', 'POST', 'entries', { ...entry, groupId: 'a-4a' })).json().error.code).toBe('homework.not_writer');
    expect((await send('theo.petit', 'POST', 'entries', { ...entry, subjectId: 'a-fr' })).statusCode).toBe(403);
    expect((await send('theo.petit', 'PUT', `entries/${lesson.entry.id}`, { ...entry, title: '' })).statusCode).toBe(400);
    const wrongStudent = await send('theo.petit', 'POST', 'entries', { ...entry, homework: [{ kind: 'exercise', instructionsHtml: 'x', dueOn: '2026-11-26', studentIds: ['chloe'] }] });
    expect(wrongStudent.json().error).toMatchObject({ code: 'homework.invalid_students', details: [{ field: 'body.homework.0.studentIds.0' }] });
    expect((await send('ines.faure', 'DELETE', `entries/${lesson.entry.id}`)).statusCode).toBe(403);
    expect((await send('ines.faure', 'POST', 'visas', { groupId: 'a-5b', date: '2026-11-24' })).statusCode).toBe(403);
    expect(await database().db.selectFrom('textbook_entries').select('id').execute()).toEqual(before);
  });

  it('hides an entry prepared in advance until its publication date, then announces it', async () => {
    const res = await send('theo.petit', 'POST', 'entries', {
      groupId: 'a-5b',
      subjectId: 'a-maths',
      date: '2026-11-26',
      title: 'Fractions : contrôle',
      publishAt: '2026-11-26T07:00:00.000Z',
      homework: [{ kind: 'test', instructionsHtml: 'Contrôle sur les fractions', dueOn: '2026-12-03' }],
    });
    const prepared = res.json<EntryResult>().entry;
    expect(prepared.published).toBe(false);
    const titles = async (login: string) => (await get(login, 'textbook?groupId=a-5b')).json<Textbook>().entries.map((e) => e.title);
    expect(await titles('alice.martin')).not.toContain('Fractions : contrôle');
    expect(await titles('remi.martin')).not.toContain('Fractions : contrôle');
    expect(await titles('helene.garnier')).not.toContain('Fractions : contrôle');
    expect(await titles('theo.petit')).toContain('Fractions : contrôle');
    const agendaIds = async () => (await get('alice.martin', 'agenda?studentId=alice&from=2026-11-25&to=2026-12-10')).json<Agenda>().items.map((i) => i.id);
    expect(await agendaIds()).not.toContain(prepared.homework[0]?.id);
    expect(await recipientsOf(prepared.homework[0]?.id as string)).toEqual([]);
    expect(await publishDueEntries(env.ctx)).toBe(0);

    setClock('2026-11-26T07:30:00.000Z');
    expect(await publishDueEntries(env.ctx)).toBe(1);
    expect(await publishDueEntries(env.ctx)).toBe(0);
    expect(await recipientsOf(prepared.homework[0]?.id as string)).toEqual(['alice', 'bob', 'newbie', 'remi']);
    expect(await titles('alice.martin')).toContain('Fractions : contrôle');
    expect(await agendaIds()).toContain(prepared.homework[0]?.id);
    setClock('2026-11-26T08:00:00.000Z');
  });

  it('keeps the agenda by due date, done marks private to the student, overdue work, and each child for a relative', async () => {
    const [whole, bobs] = lesson.entry.homework;
    const alice = (await get('alice.martin', 'agenda?studentId=alice')).json<Agenda>();
    expect(alice.items.map((i) => [i.dueOn, i.done])).toEqual([
      ['2026-11-26', false],
      ['2026-12-03', false],
    ]);
    expect(alice.canMarkDone).toBe(true);
    expect((await send('alice.martin', 'PUT', `agenda/${whole?.id}/done`, { done: true })).statusCode).toBe(204);
    expect((await get('alice.martin', 'agenda?studentId=alice')).json<Agenda>().items[0]?.done).toBe(true);
    // Bob's own work is not Alice's to tick; a relative ticks nothing.
    expect((await send('alice.martin', 'PUT', `agenda/${bobs?.id}/done`, { done: true })).statusCode).toBe(404);
    expect((await send('remi.martin', 'PUT', `agenda/${whole?.id}/done`, { done: true })).statusCode).toBe(404);
    const remi = (await get('remi.martin', 'agenda?studentId=alice')).json<Agenda>();
    expect(remi.items.map((i) => i.done)).toEqual([null, null]);
    expect(remi.canMarkDone).toBe(false);
    const bob = (await get('bob.durand', 'agenda?studentId=bob')).json<Agenda>();
    expect(bob.items.map((i) => i.dueOn)).toEqual(['2026-11-26', '2026-11-30', '2026-12-03']);
    for (const [login, student] of [['chloe.lefevre', 'alice'], ['rose.lefevre', 'alice'], ['theo.petit', 'alice'], ['remi.martin', 'bob']]) {
      expect((await get(login as string, `agenda?studentId=${student}`)).statusCode, `${login} ${student}`).toBe(403);
    }
    // A week later, Bob has not done anything: both items are overdue for him, Alice's ticked one is not.
    setClock('2026-12-02T10:00:00.000Z');
    expect((await get('bob.durand', 'agenda?studentId=bob')).json<Agenda>().overdue.map((i) => i.dueOn)).toEqual(['2026-11-26', '2026-11-30']);
    expect((await get('alice.martin', 'agenda?studentId=alice')).json<Agenda>().overdue).toEqual([]);
    setClock('2026-11-26T08:00:00.000Z');
  });

  it('warns a teacher setting a third test on a day and shows the workload per day and week', async () => {
    const test = (title: string) =>
      send('theo.petit', 'POST', 'entries', { groupId: 'a-5b', subjectId: 'a-maths', date: '2026-11-27', title, homework: [{ kind: 'test', instructionsHtml: title, dueOn: '2026-12-03', estimatedMinutes: 60 }] });
    expect((await test('Deuxième contrôle')).json<EntryResult>().warnings).toEqual([]);
    expect((await test('Troisième contrôle')).json<EntryResult>().warnings).toEqual([{ code: 'homework.busy_day', date: '2026-12-03', tests: 2 }]);
    const load = (await get('alice.martin', 'workload?groupId=a-5b&from=2026-11-23&to=2026-12-06')).json();
    expect(load.days).toEqual([
      { date: '2026-11-26', count: 1, minutes: 30, tests: 0 },
      { date: '2026-12-03', count: 3, minutes: 120, tests: 3 },
    ]);
    expect(load.weeks.map((w: { monday: string; count: number }) => [w.monday, w.count])).toEqual([
      ['2026-11-23', 1],
      ['2026-11-30', 3],
    ]);
    expect((await get('chloe.lefevre', 'workload?groupId=a-5b&from=2026-11-23&to=2026-12-06')).statusCode).toBe(403);
  });

  it('lets the head set a dated visa with a comment, which locks the sessions up to that date', async () => {
    expect((await send('theo.petit', 'POST', 'visas', { groupId: 'a-5b', date: '2026-11-24' })).statusCode).toBe(403);
    const res = await send('helene.garnier', 'POST', 'visas', { groupId: 'a-5b', subjectId: 'a-maths', date: '2026-11-24', comment: 'Progression conforme.' });
    expect(res.statusCode).toBe(201);
    const book = (await get('alice.martin', 'textbook?groupId=a-5b')).json<Textbook>();
    expect(book.visas).toMatchObject([{ date: '2026-11-24', comment: 'Progression conforme.', by: { displayName: 'Hélène GARNIER' }, subject: { id: 'a-maths' } }]);
    expect(book.entries.find((e) => e.id === lesson.entry.id)?.visaed).toBe(true);
    const edit = await send('theo.petit', 'PUT', `entries/${lesson.entry.id}`, { groupId: 'a-5b', subjectId: 'a-maths', date: '2026-11-23', title: 'Modifié', homework: [] });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('homework.entry_visaed');
    expect((await send('theo.petit', 'DELETE', `entries/${lesson.entry.id}`)).statusCode).toBe(409);
  });

  it('edits a session keeping the done marks of the items it keeps, and announces only new items', async () => {
    const created = await send('theo.petit', 'POST', 'entries', { groupId: 'a-5b', subjectId: 'a-maths', date: '2026-11-26', title: 'Fractions : multiplication', homework: [{ kind: 'lesson', instructionsHtml: 'Apprendre la règle', dueOn: '2026-11-30' }] });
    const entry = created.json<EntryResult>().entry;
    const kept = entry.homework[0]?.id as string;
    await send('alice.martin', 'PUT', `agenda/${kept}/done`, { done: true });
    const edited = await send('theo.petit', 'PUT', `entries/${entry.id}`, {
      groupId: 'a-5b',
      subjectId: 'a-maths',
      date: '2026-11-26',
      title: 'Fractions : multiplication et division',
      homework: [
        { id: kept, kind: 'lesson', instructionsHtml: 'Apprendre les deux règles', dueOn: '2026-11-30' },
        { kind: 'exercise', instructionsHtml: 'Exercice 20', dueOn: '2026-11-30' },
      ],
    });
    expect(edited.statusCode).toBe(200);
    const items = edited.json<EntryResult>().entry.homework;
    expect(items.map((h) => h.id)[0]).toBe(kept);
    expect(await recipientsOf(kept)).toHaveLength(4);
    expect(await recipientsOf(items[1]?.id as string)).toHaveLength(4);
    const agenda = (await get('alice.martin', 'agenda?studentId=alice')).json<Agenda>();
    expect(agenda.items.find((i) => i.id === kept)?.done).toBe(true);
  });

  it('shows work set for one student to that student and their relatives only, and tells only them', async () => {
    const res = await send('theo.petit', 'POST', 'entries', {
      groupId: 'a-5b',
      subjectId: 'a-maths',
      date: '2026-11-26',
      title: 'Soutien',
      homework: [{ kind: 'exercise', instructionsHtml: 'Fiche de soutien n° 3', dueOn: '2026-11-30', studentIds: ['alice'] }],
    });
    const item = res.json<EntryResult>().entry.homework[0]?.id as string;
    expect(await recipientsOf(item)).toEqual(['alice', 'remi']);
    const seen = async (login: string, student: string) => (await get(login, `agenda?studentId=${student}&from=2026-11-26&to=2026-12-05`)).json<Agenda>().items.some((i) => i.id === item);
    expect(await seen('alice.martin', 'alice')).toBe(true);
    expect(await seen('remi.martin', 'alice')).toBe(true);
    expect(await seen('bob.durand', 'bob')).toBe(false);
    const inBook = async (login: string) => (await get(login, 'textbook?groupId=a-5b')).json<Textbook>().entries.find((e) => e.title === 'Soutien')?.homework.length;
    expect(await inBook('remi.martin')).toBe(1);
    expect(await inBook('bob.durand')).toBe(0);
    expect(await inBook('ines.faure')).toBe(1);
  });

  it('copies a sequence to another class as prepared sessions, dates shifted', async () => {
    await database().db.insertInto('teachings').values({ group_id: 'a-4a', person_id: 'theo', subject_id: 'a-maths' }).execute();
    const res = await send('theo.petit', 'POST', 'copy', { fromGroupId: 'a-5b', subjectId: 'a-maths', from: '2026-11-23', to: '2026-11-27', toGroupId: 'a-4a', toDate: '2026-11-30' });
    expect(res.statusCode).toBe(200);
    const { entries, homework } = res.json();
    expect(entries).toBeGreaterThanOrEqual(4);
    expect(homework).toBeGreaterThanOrEqual(5);
    const copies = await database().db.selectFrom('textbook_entries').select(['date', 'publish_at', 'notified_at']).where('group_id', '=', 'a-4a').orderBy('date').execute();
    expect(copies[0]).toEqual({ date: '2026-11-30', publish_at: '2026-11-30T06:00:00.000Z', notified_at: null });
    const targeted = await database().db.selectFrom('homework_items').select('targeted').where('group_id', '=', 'a-4a').where('targeted', '=', 1).execute();
    expect(targeted).toEqual([]);
    // Chloé (4A) sees nothing before the copies' own dates.
    expect((await get('chloe.lefevre', 'textbook?groupId=a-4a')).json<Textbook>().entries).toEqual([]);
    expect((await send('tina.roux', 'POST', 'copy', { fromGroupId: 'a-5b', subjectId: 'a-maths', from: '2026-11-23', to: '2026-11-27', toGroupId: 'a-4a', toDate: '2026-11-30' })).statusCode).toBe(403);
  });

  it('attaches documents that only the session’s readers can download', async () => {
    const boundary = 'hw-boundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fiche.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fiche\r\n--${boundary}--\r\n`;
    const entryId = (await get('theo.petit', 'textbook?groupId=a-5b')).json<Textbook>().entries.find((e) => !e.visaed)?.id;
    const up = await env.app.inject({ method: 'POST', url: `${base}/etab-a/entries/${entryId}/files`, headers: { ...(await as('theo.petit')).headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json<{ id: string }>();
    const alice = await get('alice.martin', `files/${file.id}`);
    expect(alice.statusCode).toBe(200);
    expect(alice.headers['content-disposition']).toContain('attachment');
    expect(alice.body).toBe('%PDF-1.4 fiche');
    expect((await get('chloe.lefevre', `files/${file.id}`)).statusCode).toBe(403);
    expect((await send('alice.martin', 'DELETE', `files/${file.id}`)).statusCode).toBe(403);
    expect((await send('theo.petit', 'DELETE', `files/${file.id}`)).statusCode).toBe(204);
  });

  it('keeps the cahier de textes when its author’s account is deleted (it is kept five years)', async () => {
    const db = database().db;
    const before = await db.selectFrom('textbook_entries').select('id').where('group_id', '=', 'a-5b').execute();
    await db.deleteFrom('people').where('id', '=', 'theo').execute();
    const book = (await get('alice.martin', 'textbook?groupId=a-5b')).json<Textbook>();
    expect(book.entries).toHaveLength(before.length);
    expect(book.entries.every((e) => e.author === null)).toBe(true);
    expect(book.visas[0]?.by?.id).toBe('helene');
  });
});
