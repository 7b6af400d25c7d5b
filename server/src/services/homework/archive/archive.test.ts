import type { ArchivedGroup, ArchiveSummary } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { enterTimetable } from '../../timetable/timetable.testing.js';
import { purgeExpiredArchives } from './archive.usecases.js';

const base = '/api/homework/establishments';

/** Text shown by an uncompressed pdfkit file: built-in fonts write hex strings in TJ arrays. */
function pdfTexts(pdf: Buffer): string {
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) => [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join(''))
    .join('\n');
}

describeEachDatabase('cahier de textes: end-of-year archive', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let entryId: string;
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
  const archive = async (login: string, schoolYear: number) =>
    env.app.inject({ method: 'POST', url: `${base}/etab-a/archives`, headers: (await as(login)).headers, payload: { schoolYear } });

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
        title: 'Fractions : addition',
        contentHtml: '<p>Addition de fractions de même dénominateur.</p>',
        homework: [{ kind: 'exercise', instructionsHtml: '<p>Exercices 12 et 13 p. 48</p>' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    entryId = res.json<{ entry: { id: string } }>().entry.id;
    const visa = await env.app.inject({ method: 'POST', url: `${base}/etab-a/visas`, headers: (await as('helene.garnier')).headers, payload: { groupId: 'a-5b', date: '2026-11-24', comment: 'Vu, conforme.' } });
    expect(visa.statusCode, visa.body).toBe(201);
  });

  it('is created once, by the management, after the year is over', async () => {
    expect((await archive('helene.garnier', 2026)).json().error.code).toBe('homework.archive_year_open');
    setClock('2027-07-05T09:00:00.000Z');
    for (const login of ['theo.petit', 'ines.faure', 'alice.martin', 'ada.morel']) expect((await archive(login, 2026)).statusCode, login).toBe(403);
    const created = await archive('helene.garnier', 2026);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<ArchiveSummary>()).toMatchObject({ schoolYear: 2026, expiresOn: '2032-08-31', groups: [{ id: 'a-5b', sessions: 1 }] });
    expect((await archive('helene.garnier', 2026)).json().error.code).toBe('homework.archive_exists');
    expect((await env.app.inject({ method: 'POST', url: `${base}/etab-a/archives`, headers: (await as('helene.garnier')).headers, payload: { schoolYear: 'x' } })).statusCode).toBe(400);
  });

  it('is read-only: no route changes it, and later changes to the live cahier de textes do not reach it', async () => {
    const headers = (await as('helene.garnier')).headers;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await env.app.inject({ method, url: `${base}/etab-a/archives/2026/groups/a-5b`, headers, payload: {} });
      expect([404, 405], method).toContain(res.statusCode);
    }
    await database().db.updateTable('textbook_entries').set({ title: 'Changé après coup' }).where('id', '=', entryId).execute();
    const read = await get('ines.faure', 'archives/2026/groups/a-5b');
    expect(read.json<ArchivedGroup>().sessions[0]).toMatchObject({ title: 'Fractions : addition', subject: 'Mathématiques', teacher: 'Théo Petit' });
  });

  it('is read by the head, inspectors and the teachers of the class only', async () => {
    for (const login of ['helene.garnier', 'ines.faure', 'theo.petit']) {
      const res = await get(login, 'archives/2026/groups/a-5b');
      expect(res.statusCode, login).toBe(200);
      expect(res.json<ArchivedGroup>()).toMatchObject({ group: { name: '5B' }, visas: [{ comment: 'Vu, conforme.', by: 'Hélène Garnier' }] });
    }
    expect((await get('tina.roux', 'archives/2026/groups/a-5b')).statusCode).toBe(403);
    expect((await get('tina.roux', 'archives')).json().archives[0].groups).toEqual([]);
    for (const login of ['alice.martin', 'remi.martin', 'carl.blanc']) expect((await get(login, 'archives/2026/groups/a-5b')).statusCode, login).toBe(403);
    expect((await get('tom.girard', 'archives/2026/groups/a-5b', 'etab-b')).statusCode).toBe(404);
    expect((await get('helene.garnier', 'archives/2025/groups/a-5b')).statusCode).toBe(404);
  });

  it('downloads as a tagged PDF in French with the sessions, homework and visas', async () => {
    const res = await get('ines.faure', 'archives/2026/groups/a-5b/pdf?raw=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/MarkInfo');
    expect(raw).toMatch(/\/Lang \(fr-FR\)/);
    const text = pdfTexts(pdf);
    expect(text).toContain('Fractions : addition');
    expect(text).toContain('Exercices pour le 26/11/2026 : Exercices 12 et 13 p. 48');
    expect(text).toContain('Vu, conforme.');
    expect((await get('tina.roux', 'archives/2026/groups/a-5b/pdf')).statusCode).toBe(403);
  });

  it('is kept five years after the end of its school year, then purged', async () => {
    expect(await purgeExpiredArchives(database().db, new Date('2032-08-31T12:00:00.000Z'))).toBe(0);
    expect(await purgeExpiredArchives(database().db, new Date('2032-09-01T08:00:00.000Z'))).toBe(1);
    expect((await get('helene.garnier', 'archives')).json().archives).toEqual([]);
    expect(await database().db.selectFrom('textbook_archive_groups').select('group_id').execute()).toEqual([]);
  });
});
