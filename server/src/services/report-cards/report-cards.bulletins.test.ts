import type { Council, ReportCard, ReportCardList } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { publishDueReportCards } from './report-cards.councils.js';
import { pdfTexts, reportCardWorld } from './report-cards.testing.js';

describeEachDatabase('report cards: publication, bulletins and their PDF', (database) => {
  let w: Awaited<ReturnType<typeof reportCardWorld>>;
  let councilId: string;
  const list = async (login: string, studentId: string, establishment = 'etab-a') => w.get(login, `students/${studentId}/report-cards`, establishment);
  const card = async (login: string, studentId: string, suffix = '') => w.get(login, `students/${studentId}/report-cards/${councilId}${suffix}`);
  const announced = async () =>
    (await database().db.selectFrom('outbox_events as o').innerJoin('event_recipients as r', 'r.event_id', 'o.id').select(['r.person_id']).where('o.type', '=', 'report_card.published').execute())
      .map((r) => r.person_id)
      .sort();

  beforeAll(async () => {
    w = await reportCardWorld(database());
    const put = async (login: string, url: string, payload: object) => {
      const res = await w.send(login, 'PUT', url, { groupId: 'a-5b', periodId: w.t1, ...payload });
      expect(res.statusCode, res.body).toBe(204);
    };
    await put('theo.petit', 'appreciations', { subjectId: 'a-maths', appreciations: [{ studentId: 'alice', text: 'Bon trimestre en géométrie.' }, { studentId: 'bob', text: 'Travail remarquable de Bob.' }] });
    await put('tina.roux', 'appreciations', { subjectId: 'a-fr', appreciations: [{ studentId: 'alice', text: 'Des progrès en orthographe.' }] });
    await put('theo.petit', 'council/general', { appreciations: [{ studentId: 'alice', text: 'Un trimestre sérieux : il faut garder ce rythme.' }] });
    await put('helene.garnier', 'council/decisions', { decisions: [{ studentId: 'alice', distinction: 'encouragements' }, { studentId: 'bob', distinction: 'congratulations' }] });
    // Alice's attendance in the trimester: two absent half-days (one justified), one late arrival;
    // an absence after the trimester does not count on its bulletin.
    const event = (id: string, kind: string, startsAt: string, endsAt: string, justification = 'unjustified') => ({
      id, establishment_id: 'etab-a', student_id: 'alice', kind, starts_at: startsAt, ends_at: endsAt, minutes: kind === 'late' ? 10 : null,
      justification, source: 'register', created_at: startsAt, updated_at: startsAt,
    });
    await database().db.insertInto('attendance_events').values([
      event('ev-am', 'absence', '2026-10-05T07:00:00.000Z', '2026-10-05T08:00:00.000Z'),
      event('ev-am-2', 'absence', '2026-10-05T08:00:00.000Z', '2026-10-05T09:00:00.000Z'),
      event('ev-pm', 'absence', '2026-10-05T13:00:00.000Z', '2026-10-05T14:00:00.000Z', 'justified'),
      event('ev-late', 'late', '2026-10-06T07:00:00.000Z', '2026-10-06T08:00:00.000Z'),
      event('ev-after', 'absence', '2026-12-07T07:00:00.000Z', '2026-12-07T08:00:00.000Z'),
    ]).execute();
  });

  it('shows staff a preview of an open council; students and relatives see nothing before publication', async () => {
    const staff = (await list('carl.blanc', 'alice')).json<ReportCardList>();
    expect(staff.reportCards).toMatchObject([{ period: { name: 'Trimestre 1' }, group: { name: '5B' }, published: false }]);
    councilId = staff.reportCards[0]?.councilId as string;
    const preview = (await card('helene.garnier', 'alice')).json<ReportCard>();
    expect(preview).toMatchObject({ state: 'open', student: { name: 'Alice MARTIN' }, general: { average: 11.5 } });
    for (const login of ['alice.martin', 'remi.martin']) {
      expect((await list(login, 'alice')).json<ReportCardList>().reportCards, login).toEqual([]);
      expect((await card(login, 'alice')).statusCode, login).toBe(404);
      expect((await card(login, 'alice', '/pdf')).statusCode, login).toBe(404);
    }
  });

  it('publishes a closed council at the chosen time, announced once to the students and their legal guardians', async () => {
    const early = await w.send('helene.garnier', 'POST', 'council/publish', { ...w.council(), publishAt: '2026-11-27T17:00:00.000Z' });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'report_cards.not_closed']);
    expect((await w.send('helene.garnier', 'POST', 'council/close', w.council())).statusCode).toBe(200);
    for (const login of ['theo.petit', 'carl.blanc', 'remi.martin']) expect((await w.send(login, 'POST', 'council/publish', { ...w.council(), publishAt: null })).statusCode, login).toBe(403);
    expect((await w.send('helene.garnier', 'POST', 'council/publish', { ...w.council(), publishAt: 'vendredi' })).statusCode).toBe(400);
    const scheduled = await w.send('helene.garnier', 'POST', 'council/publish', { ...w.council(), publishAt: '2026-11-27T17:00:00.000Z' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json<Council>()).toMatchObject({ state: 'closed', publishAt: '2026-11-27T17:00:00.000Z', published: false });
    expect(await publishDueReportCards(w.env.ctx)).toBe(0);
    expect(await announced()).toEqual([]);
    expect((await list('alice.martin', 'alice')).json<ReportCardList>().reportCards).toEqual([]);

    w.setClock('2026-11-27T17:00:30.000Z');
    expect(await publishDueReportCards(w.env.ctx)).toBe(1);
    expect(await publishDueReportCards(w.env.ctx)).toBe(0);
    // The class's students and Alice's father (legal guardian); Rose, without parental authority, is not told.
    expect(await announced()).toEqual(['alice', 'bob', 'newbie', 'remi']);
    expect((await w.send('helene.garnier', 'POST', 'council/publish', { ...w.council(), publishAt: null })).json().error.code).toBe('report_cards.already_published');
    expect((await w.send('helene.garnier', 'POST', 'council/reopen', w.council())).json().error.code).toBe('report_cards.already_published');
  });

  it('gives the student and their legal guardians the bulletin, and nobody else', async () => {
    for (const login of ['alice.martin', 'remi.martin', 'helene.garnier', 'carl.blanc']) {
      const res = await list(login, 'alice');
      expect(res.statusCode, login).toBe(200);
      expect(res.json<ReportCardList>().reportCards.map((r) => [r.councilId, r.published]), login).toEqual([[councilId, true]]);
    }
    const res = await card('remi.martin', 'alice');
    expect(res.statusCode, res.body).toBe(200);
    const bulletin = res.json<ReportCard>();
    expect(bulletin).toMatchObject({
      establishment: 'Collège Jean Moulin',
      student: { id: 'alice', name: 'Alice MARTIN' },
      group: { name: '5B' },
      period: { name: 'Trimestre 1', startsOn: '2026-09-01', endsOn: '2026-11-30' },
      state: 'closed',
      general: { average: 11.5, classFigures: { average: 11.75, min: 11.5, max: 12 } },
      attendance: { absenceHalfDays: 2, unjustifiedHalfDays: 1, lates: 1 },
      generalAppreciation: 'Un trimestre sérieux : il faut garder ce rythme.',
      headTeachers: ['Théo PETIT'],
      decision: { distinction: 'encouragements', workWarning: false, behaviourWarning: false, orientation: null },
    });
    expect(bulletin.subjects).toEqual([
      { subject: { id: 'a-fr', name: 'Français' }, teachers: ['Tina ROUX'], coefficient: 1, average: 11, classFigures: { average: 9.5, min: 8, max: 11 }, appreciation: 'Des progrès en orthographe.' },
      { subject: { id: 'a-maths', name: 'Mathématiques' }, teachers: ['Théo PETIT'], coefficient: 1, average: 12, classFigures: { average: 14, min: 12, max: 16 }, appreciation: 'Bon trimestre en géométrie.' },
    ]);
    // Another student, a relative without parental authority, another family, teachers: refused.
    for (const login of ['bob.durand', 'rose.lefevre', 'theo.petit', 'tina.roux', 'ada.morel']) {
      expect((await card(login, 'alice')).statusCode, login).toBe(403);
      expect((await list(login, 'alice')).statusCode, login).toBe(403);
    }
    // The wrong student: Alice and her father do not read Bob's bulletin, even with the council's id.
    for (const login of ['alice.martin', 'remi.martin']) expect((await card(login, 'bob', '/pdf')).statusCode, login).toBe(403);
    // Another establishment: a member of B is refused at the door, a student of B does not exist in A.
    expect((await list('tom.girard', 'alice')).statusCode).toBe(403);
    expect((await list('remi.martin', 'sam')).statusCode).toBe(404);
    expect((await list('hugo.bonnet', 'sam', 'etab-b')).statusCode).toBe(403);
    expect((await w.get('alice.martin', 'students/alice/report-cards/nope')).statusCode).toBe(404);
  });

  it('downloads a tagged PDF in French with the student’s bulletin only', async () => {
    const res = await card('alice.martin', 'alice', '/pdf?raw=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bulletin-Trimestre_1-Alice_MARTIN.pdf"');
    const raw = res.rawPayload.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    for (const marker of ['/StructTreeRoot', '/MarkInfo', '/S /Table', '/S /TR', '/S /TH', '/S /TD', '/S /H1']) expect(raw, marker).toContain(marker);
    expect(raw).toMatch(/\/Lang \(fr-FR\)/);
    // The title (shown in the viewer's title bar) is an indirect string object.
    expect(raw).toContain('(Bulletin Trimestre 1 - Alice MARTIN)');
    expect(raw).toContain('/DisplayDocTitle true');
    const text = pdfTexts(res.rawPayload);
    for (const expected of ['Bulletin scolaire - Trimestre 1', 'Alice MARTIN', 'Mathématiques', 'Théo PETIT', '12,00', '14,00 / 12,00 / 16,00', 'Bon trimestre en géométrie.', 'Des progrès en orthographe.', 'Moyenne générale', '11,50', 'Un trimestre sérieux : il faut garder ce rythme.', 'Encouragements']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('Bob');
    expect(text).not.toContain('Félicitations');
    // Bob's own bulletin: his figures and appreciation, not Alice's.
    const bob = await database().db.selectFrom('people').select('id').where('id', '=', 'bob').executeTakeFirstOrThrow();
    const staff = pdfTexts((await card('helene.garnier', bob.id, '/pdf?raw=1')).rawPayload);
    expect(staff).toContain('Bob DURAND');
    expect(staff).toContain('Travail remarquable de Bob.');
    expect(staff).toContain('Félicitations');
    expect(staff).not.toContain('Alice');
    // Compressed by default, still a PDF.
    const compressed = await card('remi.martin', 'alice', '/pdf');
    expect(compressed.headers['content-type']).toBe('application/pdf');
    expect(compressed.rawPayload.length).toBeGreaterThan(1000);
    expect(compressed.rawPayload.length).toBeLessThan(res.rawPayload.length);
  });
});
