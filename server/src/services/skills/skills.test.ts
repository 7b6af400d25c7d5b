import type { CycleSummary, SkillAssessment, SkillClassView, SkillItem, SkillItems, SkillSheet, SkillSummary } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { publishDueSkillAssessments } from './skills.publication.js';

const base = '/api/skills/establishments';
type Row = { component: string; counts: number[]; positioning: number | null };

describeEachDatabase('skills', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const ids: Record<string, string> = {};
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const get = async (login: string, url: string, establishment = 'etab-a') => env.app.inject({ method: 'GET', url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers });
  const send = async (login: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    env.app.inject({ method, url: `${base}/etab-a/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const assess = async (body: object, login = 'theo.petit') => {
    const res = await send(login, 'POST', 'assessments', { groupId: 'a-5b', subjectId: 'a-maths', title: 'Compétences', date: '2026-11-20', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SkillAssessment>();
  };
  const enter = async (assessmentId: string, results: object[], login = 'theo.petit') => send(login, 'PUT', `assessments/${assessmentId}/results`, { results });
  const components = (rows: Row[]) => Object.fromEntries(rows.filter((r) => r.positioning !== null).map((r) => [r.component, r.positioning]));
  const recipients = async (assessmentId: string) =>
    (await database().db.selectFrom('outbox_events as o').innerJoin('event_recipients as r', 'r.event_id', 'o.id').select(['r.person_id', 'o.type']).where('o.resource_id', '=', assessmentId).execute())
      .map((r) => `${r.type}:${r.person_id}`)
      .sort();
  const snapshot = async () => database().db.selectFrom('skill_results').selectAll().orderBy('skill_id').orderBy('student_id').execute();

  beforeAll(async () => {
    const { db } = database();
    await insertWorld(db, school);
    // Tina teaches history in 5B besides French in 4A: a teacher of the class, of another subject.
    await db.insertInto('subjects').values({ id: 'a-hist', establishment_id: 'etab-a', code: 'HIGEO', name: 'Histoire-géographie' }).execute();
    await db.insertInto('teachings').values({ group_id: 'a-5b', person_id: 'tina', subject_id: 'a-hist', source: null }).execute();
    await db
      .insertInto('grade_periods')
      .values([
        { id: 't1', establishment_id: 'etab-a', name: 'Trimestre 1', starts_on: '2026-09-01', ends_on: '2026-11-30', created_at: '2026-09-01T00:00:00.000Z' },
        { id: 't2', establishment_id: 'etab-a', name: 'Trimestre 2', starts_on: '2026-12-01', ends_on: '2027-03-15', created_at: '2026-09-01T00:00:00.000Z' },
      ])
      .execute();
    const graded = { establishment_id: 'etab-a', author_id: 'theo', kind: 'normal', scale_centi: 2000, coefficient_centi: 100, notified_at: null, relatives_notified_at: null, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z' };
    await db
      .insertInto('grade_assessments')
      .values([
        // Published to students and relatives alike at 9:00 (the clock says 10:00).
        { ...graded, id: 'g-control', group_id: 'a-5b', subject_id: 'a-maths', title: 'Contrôle équations', date: '2026-11-18', students_at: '2026-11-25T09:00:00.000Z', relatives_at: null },
        { ...graded, id: 'g-french', group_id: 'a-4a', subject_id: 'a-fr', title: 'Dictée', date: '2026-11-18', students_at: null, relatives_at: null },
      ])
      .execute();
    env = await testApp(database());
  });

  it('lets teachers add skills for their subjects and the head shared ones; refuses the others and bad input', async () => {
    const created = await send('theo.petit', 'POST', 'items', { component: 'D1.3', subjectId: 'a-maths', label: 'Résoudre une équation' });
    expect(created.statusCode, created.body).toBe(201);
    ids.equation = created.json<SkillItem>().id;
    expect(created.json<SkillItem>()).toMatchObject({ component: 'D1.3', subject: { id: 'a-maths', name: 'Mathématiques' }, label: 'Résoudre une équation', active: true });
    const shared = await send('helene.garnier', 'POST', 'items', { component: 'D2', subjectId: null, label: 'Organiser son travail' });
    expect(shared.statusCode, shared.body).toBe(201);
    ids.organise = shared.json<SkillItem>().id;
    ids.unused = (await send('theo.petit', 'POST', 'items', { component: 'D4', subjectId: 'a-maths', label: 'Modéliser' })).json<SkillItem>().id;
    const before = await database().db.selectFrom('skill_items').selectAll().orderBy('id').execute();
    const refused: [string, object, number, string][] = [
      ['tina.roux', { component: 'D1.3', subjectId: 'a-maths', label: 'x' }, 403, 'skills.not_teacher'],
      ['theo.petit', { component: 'D2', subjectId: null, label: 'x' }, 403, 'skills.not_teacher'],
      ['alice.martin', { component: 'D2', subjectId: 'a-maths', label: 'x' }, 403, 'access.forbidden'],
      ['theo.petit', { component: 'D6', subjectId: 'a-maths', label: 'x' }, 400, 'validation.failed'],
      ['theo.petit', { component: 'D1.3', subjectId: 'a-maths', label: '  ' }, 400, 'validation.failed'],
      ['theo.petit', { component: 'D1.3', subjectId: 'nope', label: 'x' }, 404, 'structures.subject_not_found'],
    ];
    for (const [login, body, status, code] of refused) {
      const res = await send(login, 'POST', 'items', body);
      expect(res.statusCode, `${login} ${JSON.stringify(body)}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect((await send('tina.roux', 'PUT', `items/${ids.equation}`, { label: 'x', active: false })).statusCode).toBe(403);
    expect((await get('tom.girard', 'items')).statusCode).toBe(403);
    expect((await get('tom.girard', `items`, 'etab-b')).json<SkillItems>().items).toEqual([]);
    expect(await database().db.selectFrom('skill_items').selectAll().orderBy('id').execute()).toEqual(before);
    // A subject's list: its own skills and the shared ones, not another subject's.
    const labels = async (subjectId: string) => (await get('theo.petit', `items?subjectId=${subjectId}`)).json<SkillItems>().items.map((i) => i.label);
    expect(await labels('a-maths')).toEqual(['Résoudre une équation', 'Organiser son travail', 'Modéliser']);
    expect(await labels('a-fr')).toEqual(['Organiser son travail']);
  });

  it('lets only the subject’s teacher create skill assessments, alone or beside a graded one; refuses bad input unchanged', async () => {
    // A: alone, published to students at 9:00 and to relatives on the 27th.
    const a = await assess({
      title: 'Équations',
      studentsAt: '2026-11-25T09:00:00.000Z',
      relativesAt: '2026-11-27T17:00:00.000Z',
      skills: [{ component: 'D1.3', itemId: ids.equation }, { component: 'D2' }],
    });
    expect(a.skills.map((s) => [s.component, s.item?.label ?? null])).toEqual([
      ['D1.3', 'Résoudre une équation'],
      ['D2', null],
    ]);
    // B: not published yet.
    const b = await assess({ title: 'Brouillon', date: '2026-11-21', skills: [{ component: 'D1.3' }, { component: 'D1.3', itemId: ids.equation }] });
    // C: beside the graded assessment, whose title, date and publication apply.
    const c = await assess({ title: null, date: null, gradeAssessmentId: 'g-control', skills: [{ component: 'D1.3' }] });
    expect(c).toMatchObject({ title: 'Contrôle équations', date: '2026-11-18', gradeAssessmentId: 'g-control', studentsAt: '2026-11-25T09:00:00.000Z', relativesAt: null });
    Object.assign(ids, { a: a.id, aItem: a.skills[0]?.id, aD2: a.skills[1]?.id, b: b.id, bBare: b.skills[0]?.id, bItem: b.skills[1]?.id, c: c.id, cBare: c.skills[0]?.id });

    const count = async () => Number((await database().db.selectFrom('skill_assessments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const body = { groupId: 'a-5b', subjectId: 'a-maths', title: 'x', date: '2026-11-24', skills: [{ component: 'D1.3' }] };
    const refused: [string, object, number, string][] = [
      ['tina.roux', body, 403, 'skills.not_teacher'],
      ['helene.garnier', body, 403, 'skills.not_teacher'],
      ['alice.martin', body, 403, 'access.forbidden'],
      ['theo.petit', { ...body, title: null }, 400, 'validation.failed'],
      ['theo.petit', { ...body, date: '2026-02-30' }, 400, 'validation.failed'],
      ['theo.petit', { ...body, skills: [] }, 400, 'validation.failed'],
      ['theo.petit', { ...body, skills: [{ component: 'D1.3' }, { component: 'D1.3' }] }, 400, 'validation.failed'],
      ['theo.petit', { ...body, studentsAt: '2026-11-25T09:00:00Z', relativesAt: '2026-11-24T09:00:00Z' }, 400, 'validation.failed'],
      ['theo.petit', { ...body, skills: [{ component: 'D4', itemId: ids.equation }] }, 400, 'skills.item_component_mismatch'],
      ['theo.petit', { ...body, skills: [{ component: 'D1.3', itemId: 'nope' }] }, 400, 'skills.item_not_found'],
      ['theo.petit', { ...body, gradeAssessmentId: 'g-french' }, 400, 'skills.grade_assessment_mismatch'],
      ['theo.petit', { ...body, gradeAssessmentId: 'nope' }, 404, 'grades.assessment_not_found'],
      ['theo.petit', { ...body, groupId: 'b-6a' }, 404, 'directory.group_not_found'],
    ];
    for (const [login, payload, status, code] of refused) {
      const res = await send(login, 'POST', 'assessments', payload);
      expect(res.statusCode, `${login} ${JSON.stringify(payload)}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await count()).toBe(before);
  });

  it('enters results for the class at once; refuses other teachers, other students and bad levels without changing anything', async () => {
    const entries: [string, object[]][] = [
      [ids.a as string, [
        { skillId: ids.aItem, studentId: 'alice', value: 2 },
        { skillId: ids.aD2, studentId: 'alice', value: 4 },
        { skillId: ids.aItem, studentId: 'bob', value: 'absent' },
        { skillId: ids.aD2, studentId: 'bob', value: 3 },
      ]],
      [ids.b as string, [
        { skillId: ids.bBare, studentId: 'alice', value: 4 },
        { skillId: ids.bItem, studentId: 'alice', value: 4 },
      ]],
      [ids.c as string, [
        { skillId: ids.cBare, studentId: 'alice', value: 1 },
        { skillId: ids.cBare, studentId: 'bob', value: 3 },
      ]],
    ];
    for (const [id, results] of entries) {
      const res = await enter(id, results);
      expect(res.statusCode, res.body).toBe(204);
    }
    const before = await snapshot();
    const refused: [object[], number, string][] = [
      [[{ skillId: ids.aItem, studentId: 'chloe', value: 2 }], 400, 'skills.invalid_students'],
      [[{ skillId: ids.bBare, studentId: 'alice', value: 2 }], 400, 'skills.invalid_skills'],
      [[{ skillId: ids.aItem, studentId: 'alice', value: 5 }], 400, 'validation.failed'],
      [[{ skillId: ids.aItem, studentId: 'alice', value: 0 }], 400, 'validation.failed'],
      [[{ skillId: ids.aItem, studentId: 'alice', value: 2.5 }], 400, 'validation.failed'],
      [[{ skillId: ids.aItem, studentId: 'alice', value: 'excused' }], 400, 'validation.failed'],
      [[{ skillId: ids.aItem, studentId: 'alice', value: 1 }, { skillId: ids.aItem, studentId: 'alice', value: 2 }], 400, 'validation.failed'],
    ];
    for (const [results, status, code] of refused) {
      const res = await enter(ids.a as string, results);
      expect(res.statusCode, JSON.stringify(results)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    for (const login of ['tina.roux', 'helene.garnier']) expect((await enter(ids.a as string, [{ skillId: ids.aItem, studentId: 'alice', value: 1 }], login)).statusCode, login).toBe(403);
    expect((await enter('nope', [{ skillId: ids.aItem, studentId: 'alice', value: 1 }])).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    // The grid: the teacher enters, the head reads, nobody else.
    const sheet = (await get('theo.petit', 'sheet?groupId=a-5b&subjectId=a-maths')).json<SkillSheet>();
    expect(sheet.canEnter).toBe(true);
    expect(sheet.students.map((s) => s.id)).toEqual(['bob', 'alice', 'newbie']);
    expect(sheet.assessments.map((a) => a.title)).toEqual(['Contrôle équations', 'Équations', 'Brouillon']);
    expect(sheet.assessments.find((a) => a.id === ids.a)?.results).toEqual({ [ids.aItem as string]: { alice: 2, bob: 'absent' }, [ids.aD2 as string]: { alice: 4, bob: 3 } });
    expect(sheet.gradeAssessments).toEqual([{ id: 'g-control', title: 'Contrôle équations', date: '2026-11-18' }]);
    expect((await get('helene.garnier', 'sheet?groupId=a-5b&subjectId=a-maths')).json<SkillSheet>().canEnter).toBe(false);
    for (const login of ['tina.roux', 'alice.martin', 'remi.martin']) expect((await get(login, 'sheet?groupId=a-5b&subjectId=a-maths')).statusCode, login).toBe(403);
    expect((await get('theo.petit', 'sheet?groupId=a-5b&subjectId=a-maths&periodId=t2')).json<SkillSheet>().assessments).toEqual([]);
  });

  it('summarises a student’s skills per component with the rounded mean, from what each reader may see', async () => {
    const summary = async (login: string, studentId = 'alice', extra = '') => (await get(login, `summary?studentId=${studentId}${extra}`)).json<SkillSummary>();
    // Alice sees A (D1.3: 2, D2: 4) and C (D1.3: 1), not the unpublished B: D1.3 = (2 + 1) / 2 = 1.5 → 2 (half up).
    const alice = await summary('alice.martin');
    expect(components(alice.components)).toEqual({ 'D1.3': 2, D2: 4 });
    expect(alice.components.find((c) => c.component === 'D1.3')?.counts).toEqual([1, 1, 0, 0]);
    expect(alice.components.find((c) => c.component === 'D1.3')?.results).toEqual([
      { date: '2026-11-18', subject: 'Mathématiques', assessment: 'Contrôle équations', skill: null, value: 1 },
      { date: '2026-11-20', subject: 'Mathématiques', assessment: 'Équations', skill: 'Résoudre une équation', value: 2 },
    ]);
    // The head and the teacher see B too: D1.3 = (2 + 4 + 4 + 1) / 4 = 2.75 → 3.
    expect(components((await summary('helene.garnier')).components)).toEqual({ 'D1.3': 3, D2: 4 });
    expect(components((await summary('theo.petit')).components)).toEqual({ 'D1.3': 3, D2: 4 });
    // Rémi, before the relatives' time of A: only C (beside a grade published for everyone).
    expect(components((await summary('remi.martin')).components)).toEqual({ 'D1.3': 1 });
    // Tina teaches 5B history only: none of its maths.
    expect(components((await summary('tina.roux')).components)).toEqual({});
    // Bob was absent on A's D1.3: the absence shows but does not count; C gives 3.
    const bob = (await summary('bob.durand', 'bob')).components.find((c) => c.component === 'D1.3');
    expect(bob?.results.map((r) => r.value)).toEqual([3, 'absent']);
    expect(bob?.positioning).toBe(3);
    // Periods: everything is in the first trimester, nothing in the second; an unknown period is 404.
    expect(components((await summary('alice.martin', 'alice', '&periodId=t1')).components)).toEqual({ 'D1.3': 2, D2: 4 });
    expect(components((await summary('alice.martin', 'alice', '&periodId=t2')).components)).toEqual({});
    expect((await get('alice.martin', 'summary?studentId=alice&periodId=nope')).statusCode).toBe(404);

    const cases: [string, string, number][] = [
      ['alice.martin', 'bob', 403],
      ['bob.durand', 'alice', 403],
      ['remi.martin', 'bob', 403],
      ['rose.lefevre', 'alice', 403],
      ['theo.petit', 'chloe', 403],
      ['carl.blanc', 'alice', 403],
      ['ines.faure', 'alice', 403],
      ['gaston.henry', 'alice', 403],
      ['alice.martin', 'sam', 404],
    ];
    for (const [login, student, status] of cases) {
      for (const route of ['summary', 'cycle']) expect((await get(login, `${route}?studentId=${student}`)).statusCode, `${route} ${login} → ${student}`).toBe(status);
    }
    expect((await get('alice.martin', 'summary?studentId=bob')).json().error.code).toBe('skills.not_visible');
    // Another establishment: Alice does not exist in B, and B's teacher is not a member of A.
    expect((await get('tom.girard', 'summary?studentId=alice', 'etab-b')).statusCode).toBe(404);
    expect((await get('tom.girard', 'summary?studentId=alice')).statusCode).toBe(403);
    // Announced like grades: A to the students at once, B (unpublished) and C (announced by its grade) not by skills.
    expect(await recipients(ids.a as string)).toEqual(['skills.published:alice', 'skills.published:bob', 'skills.published:newbie']);
    expect(await recipients(ids.b as string)).toEqual([]);
    expect(await recipients(ids.c as string)).toEqual([]);
    expect(await publishDueSkillAssessments(env.ctx)).toBe(0);
    // The relatives' time comes: Rémi is told once and sees A too.
    env.clock.set('2026-11-27T17:30:00.000Z');
    sessions.clear(); // the sessions of two days ago have expired
    expect(await publishDueSkillAssessments(env.ctx)).toBe(1);
    expect(await publishDueSkillAssessments(env.ctx)).toBe(0);
    expect(await recipients(ids.a as string)).toEqual(['skills.published:alice', 'skills.published:bob', 'skills.published:newbie', 'skills.published:remi']);
    expect(components((await summary('remi.martin')).components)).toEqual({ 'D1.3': 2, D2: 4 });
    env.clock.set('2026-11-25T10:00:00.000Z');
    sessions.clear();
  });

  it('summarises the cycle over its years in the establishment, and shows teachers the class students × components', async () => {
    const { db } = database();
    // Chloé is in 4A (4e, second year of cycle 4): last year's 5e counts, the year before does not.
    const at = '2024-01-01T00:00:00.000Z';
    await db
      .insertInto('skill_assessments')
      .values([
        { id: 's-last-year', establishment_id: 'etab-a', group_id: 'a-4a', subject_id: 'a-fr', grade_assessment_id: null, author_id: 'tina', title: 'Oral', date: '2026-03-10', students_at: at, relatives_at: null, notified_at: at, relatives_notified_at: at, created_at: at, updated_at: at },
        { id: 's-cycle-3', establishment_id: 'etab-a', group_id: 'a-4a', subject_id: 'a-fr', grade_assessment_id: null, author_id: 'tina', title: 'Ancien', date: '2025-05-10', students_at: at, relatives_at: null, notified_at: at, relatives_notified_at: at, created_at: at, updated_at: at },
      ])
      .execute();
    await db
      .insertInto('skill_assessment_skills')
      .values([
        { id: 'k-last-year', assessment_id: 's-last-year', component: 'D1.1', item_id: null, position: 0 },
        { id: 'k-cycle-3', assessment_id: 's-cycle-3', component: 'D1.1', item_id: null, position: 0 },
      ])
      .execute();
    await db
      .insertInto('skill_results')
      .values([
        { skill_id: 'k-last-year', student_id: 'chloe', level: 2, absent: 0, updated_at: at },
        { skill_id: 'k-cycle-3', student_id: 'chloe', level: 1, absent: 0, updated_at: at },
      ])
      .execute();
    const now = await send('tina.roux', 'POST', 'assessments', { groupId: 'a-4a', subjectId: 'a-fr', title: 'Récit', date: '2026-11-10', studentsAt: '2026-11-20T08:00:00.000Z', skills: [{ component: 'D1.1' }] });
    expect(now.statusCode, now.body).toBe(201);
    expect((await enter(now.json<SkillAssessment>().id, [{ skillId: now.json<SkillAssessment>().skills[0]?.id, studentId: 'chloe', value: 4 }], 'tina.roux')).statusCode).toBe(204);

    const chloe = (await get('rose.lefevre', 'cycle?studentId=chloe')).json<CycleSummary>();
    expect(chloe.cycle).toBe(4);
    expect(chloe.years).toEqual([2025, 2026]);
    // D1.1 over the cycle: 2 (2025–2026) and 4 (2026–2027) → 3; the 1 of cycle 3 is left out.
    expect(chloe.components.find((c) => c.component === 'D1.1')).toEqual({
      component: 'D1.1',
      counts: [0, 1, 0, 1],
      positioning: 3,
      byYear: [
        { year: 2025, counts: [0, 1, 0, 0], positioning: 2 },
        { year: 2026, counts: [0, 0, 0, 1], positioning: 4 },
      ],
    });
    // Alice is in 5e, the first year of cycle 4: this year only, the same as her year so far.
    const alice = (await get('alice.martin', 'cycle?studentId=alice')).json<CycleSummary>();
    expect([alice.cycle, alice.years]).toEqual([4, [2026]]);
    expect(components(alice.components)).toEqual({ 'D1.3': 2, D2: 4 });

    // The class view: Théo sees his maths for 5B, Tina (history in 5B) nothing of it, the head everything.
    const view = async (login: string, groupId = 'a-5b') => (await get(login, `class?groupId=${groupId}`)).json<SkillClassView>();
    expect((await view('theo.petit')).students.map((s) => [s.id, s.positionings])).toEqual([
      ['bob', { 'D1.3': 3, D2: 3 }],
      ['alice', { 'D1.3': 3, D2: 4 }],
      ['newbie', {}],
    ]);
    expect((await view('tina.roux')).students.map((s) => s.positionings)).toEqual([{}, {}, {}]);
    expect((await view('helene.garnier', 'a-4a')).students).toEqual([{ id: 'chloe', displayName: 'Chloé LEFÈVRE', positionings: { 'D1.1': 4 } }]);
    for (const [login, groupId, status] of [
      ['theo.petit', 'a-4a', 403],
      ['alice.martin', 'a-5b', 403],
      ['remi.martin', 'a-5b', 403],
      ['carl.blanc', 'a-5b', 403],
      ['helene.garnier', 'b-6a', 404],
    ] as const)
      expect((await get(login, `class?groupId=${groupId}`)).statusCode, `${login} ${groupId}`).toBe(status);
  });

  it('keeps the results of the skills kept when an assessment changes, deletes its own only, and protects assessed skills', async () => {
    const body = { groupId: 'a-5b', subjectId: 'a-maths', title: 'Équations (revu)', date: '2026-11-20', studentsAt: '2026-11-25T09:00:00.000Z', skills: [{ component: 'D2' }, { component: 'D1.4' }] };
    expect((await send('tina.roux', 'PUT', `assessments/${ids.a}`, body)).statusCode).toBe(403);
    expect((await send('theo.petit', 'PUT', `assessments/${ids.a}`, { ...body, subjectId: 'a-fr' })).statusCode).toBe(400);
    const res = await send('theo.petit', 'PUT', `assessments/${ids.a}`, body);
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json<SkillAssessment>();
    expect(updated.skills.map((s) => s.component)).toEqual(['D2', 'D1.4']);
    expect(updated.skills[0]?.id).toBe(ids.aD2);
    const sheet = (await get('theo.petit', 'sheet?groupId=a-5b&subjectId=a-maths')).json<SkillSheet>();
    expect(sheet.assessments.find((a) => a.id === ids.a)?.results).toEqual({ [ids.aD2 as string]: { alice: 4, bob: 3 }, [updated.skills[1]?.id as string]: {} });
    // The equation skill is still assessed in B: it cannot be deleted, only deactivated, and then not chosen again.
    expect((await send('theo.petit', 'DELETE', `items/${ids.equation}`)).statusCode).toBe(409);
    expect((await send('theo.petit', 'PUT', `items/${ids.equation}`, { label: 'Résoudre une équation', active: false })).json<SkillItem>().active).toBe(false);
    expect((await send('theo.petit', 'POST', 'assessments', { ...body, skills: [{ component: 'D1.3', itemId: ids.equation }] })).json().error.code).toBe('skills.item_component_mismatch');
    expect((await send('theo.petit', 'DELETE', `items/${ids.unused}`)).statusCode).toBe(204);
    // Deleting: the teacher only; its results go with it; deleting the graded assessment takes C with it.
    expect((await send('tina.roux', 'DELETE', `assessments/${ids.b}`)).statusCode).toBe(403);
    expect((await send('theo.petit', 'DELETE', `assessments/${ids.b}`)).statusCode).toBe(204);
    expect(await database().db.selectFrom('skill_results').select('skill_id').where('skill_id', 'in', [ids.bBare as string, ids.bItem as string]).execute()).toEqual([]);
    await database().db.deleteFrom('grade_assessments').where('id', '=', 'g-control').execute();
    expect((await get('theo.petit', 'sheet?groupId=a-5b&subjectId=a-maths')).json<SkillSheet>().assessments.map((a) => a.id)).toEqual([ids.a]);
  });
});
