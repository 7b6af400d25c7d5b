import type { AppreciationGrid, Council, CouncilSheet, ReportCardClasses } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { reportCardWorld } from './report-cards.testing.js';

describeEachDatabase('report cards: appreciations and the class council', (database) => {
  let w: Awaited<ReturnType<typeof reportCardWorld>>;
  const appreciations = async (subjectId: string) =>
    (await database().db.selectFrom('report_card_appreciations').select(['student_id', 'text']).where('subject_id', '=', subjectId).orderBy('student_id').execute()).map((r) => `${r.student_id}:${r.text}`);
  const studentRows = async () => database().db.selectFrom('report_card_students').selectAll().orderBy('student_id').execute();

  beforeAll(async () => {
    w = await reportCardWorld(database());
  });

  it('lists the classes each person works on, with the periods', async () => {
    const theo = (await w.get('theo.petit', 'classes')).json<ReportCardClasses>();
    expect(theo.periods.map((p) => p.name)).toEqual(['Trimestre 1', 'Trimestre 2']);
    expect(theo.classes).toEqual([{ group: { id: 'a-5b', name: '5B' }, headTeacher: true, manages: false, subjects: [{ id: 'a-maths', name: 'Mathématiques' }] }]);
    const tina = (await w.get('tina.roux', 'classes')).json<ReportCardClasses>();
    expect(tina.classes.map((c) => `${c.group.name}:${c.subjects.map((s) => s.name).join()}:${c.headTeacher}`)).toEqual(['4A:Français:false', '5B:Français:false']);
    for (const login of ['helene.garnier', 'carl.blanc']) {
      const all = (await w.get(login, 'classes')).json<ReportCardClasses>();
      expect(all.classes.map((c) => c.group.name), login).toEqual(['4A', '5B']);
      expect(all.classes[0]?.manages, login).toBe(login === 'helene.garnier');
    }
    expect((await w.get('alice.martin', 'classes')).json<ReportCardClasses>().classes).toEqual([]);
    expect((await w.get('ada.morel', 'classes')).statusCode).toBe(403);
    expect((await w.get('tom.girard', 'classes')).statusCode).toBe(403);
  });

  it('gives a subject teacher the grid of their students with the published averages and class figures', async () => {
    const res = await w.get('theo.petit', `appreciations?groupId=a-5b&periodId=${w.t1}&subjectId=a-maths`);
    expect(res.statusCode, res.body).toBe(200);
    const grid = res.json<AppreciationGrid>();
    // Nobody wrote yet: the council exists only as a default.
    expect(grid.council).toMatchObject({ id: null, state: 'open', published: false, period: { name: 'Trimestre 1', last: false } });
    expect(grid.editable).toBe(true);
    // The draft (Alice 0) is not published: it does not count.
    expect(grid.students.map((s) => [s.name, s.average])).toEqual([
      ['Bob DURAND', 16],
      ['Alice MARTIN', 12],
      ['Nina NOUVELLE', null],
    ]);
    expect(grid.classFigures).toEqual({ average: 14, min: 12, max: 16 });
    // The head and vie scolaire read it; nobody else does.
    for (const login of ['helene.garnier', 'carl.blanc']) {
      const read = await w.get(login, `appreciations?groupId=a-5b&periodId=${w.t1}&subjectId=a-maths`);
      expect(read.statusCode, login).toBe(200);
      expect(read.json<AppreciationGrid>().editable, login).toBe(false);
    }
    for (const login of ['tina.roux', 'alice.martin', 'remi.martin']) expect((await w.get(login, `appreciations?groupId=a-5b&periodId=${w.t1}&subjectId=a-maths`)).statusCode, login).toBe(403);
    expect((await w.get('theo.petit', `appreciations?groupId=a-5b&periodId=nope&subjectId=a-maths`)).statusCode).toBe(404);
    expect((await w.get('theo.petit', `appreciations?groupId=b-6a&periodId=${w.t1}&subjectId=a-maths`)).statusCode).toBe(404);
    expect((await w.get('tom.girard', `appreciations?groupId=b-6a&periodId=${w.t1}&subjectId=a-maths`, 'etab-a')).statusCode).toBe(403);
  });

  it('lets subject teachers write appreciations for their subject and students only; bad input changes nothing', async () => {
    const body = (subjectId: string, items: object[]) => ({ groupId: 'a-5b', periodId: w.t1, subjectId, appreciations: items });
    const ok = await w.send('theo.petit', 'PUT', 'appreciations', body('a-maths', [{ studentId: 'alice', text: 'Bon trimestre, continuez.' }, { studentId: 'bob', text: 'Excellent travail.' }]));
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await w.send('tina.roux', 'PUT', 'appreciations', body('a-fr', [{ studentId: 'alice', text: 'Des progrès en orthographe.' }]))).statusCode).toBe(204);
    const before = await appreciations('a-maths');
    expect(before).toEqual(['alice:Bon trimestre, continuez.', 'bob:Excellent travail.']);

    const refused = [
      ['tina.roux', body('a-maths', [{ studentId: 'alice', text: 'Pas mon cours' }]), 403, 'report_cards.not_teacher'],
      ['helene.garnier', body('a-maths', [{ studentId: 'alice', text: 'La direction' }]), 403, 'report_cards.not_teacher'],
      ['alice.martin', body('a-maths', [{ studentId: 'alice', text: 'Moi' }]), 403, 'access.forbidden'],
      ['theo.petit', body('a-maths', [{ studentId: 'chloe', text: 'Autre classe' }]), 400, 'report_cards.invalid_students'],
      ['theo.petit', body('a-maths', [{ studentId: 'alice', text: 'x'.repeat(501) }]), 400, 'validation.failed'],
      ['theo.petit', body('a-maths', [{ studentId: 'alice', text: 'a' }, { studentId: 'alice', text: 'b' }]), 400, 'validation.failed'],
      ['theo.petit', body('a-maths', []), 400, 'validation.failed'],
      ['theo.petit', { ...body('a-maths', [{ studentId: 'alice', text: 'ok' }]), groupId: 'a-4a' }, 403, 'report_cards.not_teacher'],
    ] as const;
    for (const [login, payload, status, code] of refused) {
      const res = await w.send(login, 'PUT', 'appreciations', payload);
      expect(res.statusCode, `${login} ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect((await w.send('tom.girard', 'PUT', 'appreciations', body('a-maths', [{ studentId: 'alice', text: 'x' }]))).json().error.code).toBe('access.not_member');
    expect(await appreciations('a-maths')).toEqual(before);
    // An empty text clears one.
    expect((await w.send('theo.petit', 'PUT', 'appreciations', body('a-maths', [{ studentId: 'bob', text: '  ' }]))).statusCode).toBe(204);
    expect(await appreciations('a-maths')).toEqual(['alice:Bon trimestre, continuez.']);
    expect((await w.send('theo.petit', 'PUT', 'appreciations', body('a-maths', [{ studentId: 'bob', text: 'Excellent travail.' }]))).statusCode).toBe(204);
  });

  it('lets the head teacher (or the management) write the general appreciation, and the head or deputies decide', async () => {
    const general = (items: object[]) => ({ groupId: 'a-5b', periodId: w.t1, appreciations: items });
    expect((await w.send('theo.petit', 'PUT', 'council/general', general([{ studentId: 'alice', text: 'Trimestre sérieux et régulier.' }]))).statusCode).toBe(204);
    expect((await w.send('helene.garnier', 'PUT', 'council/general', general([{ studentId: 'bob', text: 'Très bon trimestre.' }]))).statusCode).toBe(204);
    const tina = await w.send('tina.roux', 'PUT', 'council/general', general([{ studentId: 'alice', text: 'Pas professeure principale' }]));
    expect([tina.statusCode, tina.json().error.code]).toEqual([403, 'report_cards.not_head_teacher']);
    expect((await w.send('theo.petit', 'PUT', 'council/general', general([{ studentId: 'alice', text: 'x'.repeat(801) }]))).statusCode).toBe(400);
    expect((await w.send('carl.blanc', 'PUT', 'council/general', general([{ studentId: 'alice', text: 'CPE' }]))).statusCode).toBe(403);

    const decisions = (items: object[], periodId = w.t1) => ({ groupId: 'a-5b', periodId, decisions: items });
    const ok = await w.send('helene.garnier', 'PUT', 'council/decisions', decisions([{ studentId: 'bob', distinction: 'congratulations' }, { studentId: 'alice', workWarning: true }]));
    expect(ok.statusCode, ok.body).toBe(204);
    const before = await studentRows();
    const refused = [
      ['theo.petit', decisions([{ studentId: 'alice', distinction: 'encouragements' }]), 403, 'access.forbidden'],
      ['carl.blanc', decisions([{ studentId: 'alice', distinction: 'encouragements' }]), 403, 'access.forbidden'],
      ['helene.garnier', decisions([{ studentId: 'alice', distinction: 'compliments', behaviourWarning: true }]), 400, 'validation.failed'],
      ['helene.garnier', decisions([{ studentId: 'alice', distinction: 'bravo' }]), 400, 'validation.failed'],
      ['helene.garnier', decisions([{ studentId: 'alice', orientation: 'Passage en 4e' }]), 400, 'report_cards.orientation_last_period'],
      ['helene.garnier', decisions([{ studentId: 'sam' }]), 400, 'report_cards.invalid_students'],
    ] as const;
    for (const [login, payload, status, code] of refused) {
      const res = await w.send(login, 'PUT', 'council/decisions', payload);
      expect(res.statusCode, `${login} ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await studentRows()).toEqual(before);
    // At the last period, the orientation decision is recorded.
    expect((await w.send('helene.garnier', 'PUT', 'council/decisions', decisions([{ studentId: 'alice', orientation: 'Passage en 4e' }], w.t2))).statusCode).toBe(204);
  });

  it('shows the council its table: general averages, appreciations, decisions, what is missing', async () => {
    const res = await w.get('theo.petit', `council?groupId=a-5b&periodId=${w.t1}`);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json<CouncilSheet>();
    expect([sheet.canWriteGeneral, sheet.canDecide]).toEqual([true, false]);
    expect(sheet.generalFigures).toEqual({ average: 11.75, min: 11.5, max: 12 });
    const alice = sheet.students.find((s) => s.id === 'alice');
    expect(alice).toEqual({
      id: 'alice',
      name: 'Alice MARTIN',
      general: 11.5,
      generalAppreciation: 'Trimestre sérieux et régulier.',
      decision: { distinction: null, workWarning: true, behaviourWarning: false, orientation: null },
      missingAppreciations: 0,
    });
    // Bob has no French appreciation yet; Nina none at all.
    expect(sheet.students.map((s) => [s.id, s.missingAppreciations])).toEqual([
      ['bob', 1],
      ['alice', 0],
      ['newbie', 2],
    ]);
    const head = (await w.get('helene.garnier', `council?groupId=a-5b&periodId=${w.t1}`)).json<CouncilSheet>();
    expect([head.canWriteGeneral, head.canDecide]).toEqual([true, true]);
    expect((await w.get('carl.blanc', `council?groupId=a-5b&periodId=${w.t1}`)).json<CouncilSheet>().canDecide).toBe(false);
    for (const login of ['tina.roux', 'alice.martin', 'remi.martin']) expect((await w.get(login, `council?groupId=a-5b&periodId=${w.t1}`)).statusCode, login).toBe(403);
    expect((await w.get('tom.girard', `council?groupId=a-5b&periodId=${w.t1}`)).statusCode).toBe(403);
  });

  it('closes the council (head or deputies): figures frozen, nothing changes until it is reopened', async () => {
    for (const login of ['theo.petit', 'carl.blanc', 'alice.martin']) expect((await w.send(login, 'POST', 'council/close', w.council())).statusCode, login).toBe(403);
    const closed = await w.send('helene.garnier', 'POST', 'council/close', w.council());
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Council>()).toMatchObject({ id: expect.any(String), state: 'closed', published: false, publishAt: null });
    expect((await w.send('helene.garnier', 'POST', 'council/close', w.council())).statusCode).toBe(409);
    // A grade published after the council does not change what was decided on.
    await w.assess('theo.petit', { subjectId: 'a-maths', title: 'Rattrapage', date: '2026-11-24', studentsAt: '2026-11-25T08:00:00.000Z' }, [{ studentId: 'newbie', value: 20 }]);
    const grid = (await w.get('theo.petit', `appreciations?groupId=a-5b&periodId=${w.t1}&subjectId=a-maths`)).json<AppreciationGrid>();
    expect(grid.editable).toBe(false);
    expect(grid.students.find((s) => s.id === 'newbie')?.average).toBeNull();
    const late = [
      ['theo.petit', 'appreciations', { groupId: 'a-5b', periodId: w.t1, subjectId: 'a-maths', appreciations: [{ studentId: 'alice', text: 'Trop tard' }] }],
      ['theo.petit', 'council/general', { groupId: 'a-5b', periodId: w.t1, appreciations: [{ studentId: 'alice', text: 'Trop tard' }] }],
      ['helene.garnier', 'council/decisions', { groupId: 'a-5b', periodId: w.t1, decisions: [{ studentId: 'alice' }] }],
    ] as const;
    for (const [login, url, payload] of late) expect((await w.send(login, 'PUT', url, payload)).json().error.code, url).toBe('report_cards.council_closed');
    // Reopened, it computes live again (the new grade counts); closed again for the bulletins.
    expect((await w.send('helene.garnier', 'POST', 'council/reopen', w.council())).json<Council>().state).toBe('open');
    const live = (await w.get('theo.petit', `appreciations?groupId=a-5b&periodId=${w.t1}&subjectId=a-maths`)).json<AppreciationGrid>();
    expect(live.students.find((s) => s.id === 'newbie')?.average).toBe(20);
    expect((await w.send('helene.garnier', 'POST', 'council/close', w.council())).statusCode).toBe(200);
    expect((await w.send('helene.garnier', 'POST', 'council/reopen', { groupId: 'a-5b', periodId: w.t2 })).statusCode).toBe(409);
  });

  it('finds the council again when the head saves the periods (new ids, same dates)', async () => {
    const saved = await w.grades('helene.garnier', 'PUT', 'periods', {
      periods: [
        { name: 'Premier trimestre', startsOn: '2026-09-01', endsOn: '2026-11-30' },
        { name: 'Trimestre 2', startsOn: '2026-12-01', endsOn: '2027-03-15' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const t1 = (await w.get('theo.petit', 'classes')).json<ReportCardClasses>().periods[0]?.id as string;
    expect(t1).not.toBe(w.t1);
    const grid = (await w.get('theo.petit', `appreciations?groupId=a-5b&periodId=${t1}&subjectId=a-maths`)).json<AppreciationGrid>();
    expect(grid.council).toMatchObject({ state: 'closed', period: { id: t1, name: 'Trimestre 1' } });
    expect(grid.students.find((s) => s.id === 'alice')?.appreciation).toBe('Bon trimestre, continuez.');
    // Reopened and written under the new id, it is still one council, now under the new id and name.
    expect((await w.send('helene.garnier', 'POST', 'council/reopen', { groupId: 'a-5b', periodId: t1 })).statusCode).toBe(200);
    expect((await w.send('theo.petit', 'PUT', 'appreciations', { groupId: 'a-5b', periodId: t1, subjectId: 'a-maths', appreciations: [{ studentId: 'bob', text: 'Très bien.' }] })).statusCode).toBe(204);
    const councils = await database().db.selectFrom('report_card_councils').select(['period_id', 'period_name']).where('group_id', '=', 'a-5b').where('period_starts_on', '=', '2026-09-01').execute();
    expect(councils).toEqual([{ period_id: t1, period_name: 'Premier trimestre' }]);
  });
});
