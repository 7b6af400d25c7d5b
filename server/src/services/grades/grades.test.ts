import type { Assessment, GradePeriods, GradeReport, GradeSheet, GradeTeachings } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { publishDueAssessments } from './grades.publication.js';

const base = '/api/grades/establishments';

describeEachDatabase('grades and averages', (database) => {
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
  const report = async (login: string, studentId: string, extra = '') => get(login, `report?studentId=${studentId}${extra}`);
  const recipients = async (assessmentId: string) =>
    (await database().db.selectFrom('outbox_events as o').innerJoin('event_recipients as r', 'r.event_id', 'o.id').select(['r.person_id', 'o.type']).where('o.resource_id', '=', assessmentId).execute())
      .map((r) => `${r.type}:${r.person_id}`)
      .sort();
  const assess = async (body: object) => {
    const res = await send('theo.petit', 'POST', 'assessments', { groupId: 'a-5b', subjectId: 'a-maths', date: '2026-11-20', scale: 20, coefficient: 1, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Assessment>().id;
  };
  const grade = async (assessmentId: string, grades: object[], login = 'theo.petit') => send(login, 'PUT', `assessments/${assessmentId}/grades`, { grades });

  beforeAll(async () => {
    await insertWorld(database().db, school);
    // Théo also teaches French in 5B, so the class has two subjects.
    await database().db.insertInto('teachings').values({ group_id: 'a-5b', person_id: 'theo', subject_id: 'a-fr', source: null }).execute();
    // Tina teaches history in 5B besides French in 4A: a teacher of the class, of another subject.
    await database().db.insertInto('subjects').values({ id: 'a-hist', establishment_id: 'etab-a', code: 'HIGEO', name: 'Histoire-géographie' }).execute();
    await database().db.insertInto('teachings').values({ group_id: 'a-5b', person_id: 'tina', subject_id: 'a-hist', source: null }).execute();
    env = await testApp(database());
    // Clock: Wednesday 25 November 2026, 10:00 UTC.
    ids.control = await assess({ title: 'Contrôle fractions', date: '2026-11-18', coefficient: 2, studentsAt: '2026-11-25T09:00:00.000Z', relativesAt: '2026-11-27T17:00:00.000Z' });
    ids.quiz = await assess({ title: 'Interrogation', scale: 10, kind: 'optional', studentsAt: '2026-11-25T09:00:00.000Z' });
    ids.hidden = await assess({ title: 'Pas encore publié', studentsAt: null });
    ids.french = await assess({ subjectId: 'a-fr', title: 'Dictée', studentsAt: '2026-11-25T09:00:00.000Z' });
    for (const [id, grades] of [
      [ids.control, [{ studentId: 'alice', value: 12 }, { studentId: 'bob', value: 16 }, { studentId: 'newbie', special: 'absent' }]],
      [ids.quiz, [{ studentId: 'alice', value: 9 }, { studentId: 'bob', value: 4 }]],
      [ids.hidden, [{ studentId: 'alice', value: 0 }]],
      [ids.french, [{ studentId: 'alice', value: 11 }, { studentId: 'bob', value: 8 }]],
    ] as const) {
      const res = await grade(id, [...grades]);
      expect(res.statusCode, res.body).toBe(204);
    }
  });

  it('lets the head define the periods; refuses overlaps and other profiles', async () => {
    const periods = { periods: [{ name: 'Trimestre 1', startsOn: '2026-09-01', endsOn: '2026-11-30' }, { name: 'Trimestre 2', startsOn: '2026-12-01', endsOn: '2027-03-15' }] };
    const res = await send('helene.garnier', 'PUT', 'periods', periods);
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<GradePeriods>().periods;
    [ids.t1, ids.t2] = saved.map((p) => p.id) as [string, string];
    expect(saved.map((p) => p.name)).toEqual(['Trimestre 1', 'Trimestre 2']);
    const overlap = await send('helene.garnier', 'PUT', 'periods', { periods: [periods.periods[0], { name: 'T2', startsOn: '2026-11-15', endsOn: '2027-03-15' }] });
    expect(overlap.statusCode).toBe(400);
    for (const login of ['theo.petit', 'alice.martin', 'remi.martin', 'ada.morel']) expect((await send(login, 'PUT', 'periods', periods)).statusCode, login).toBe(403);
    expect((await get('alice.martin', 'periods')).json<GradePeriods>().periods).toHaveLength(2);
    // Subject coefficients: the head only, subjects of this establishment only, classes of this establishment only.
    const coefficients = { groupId: 'a-5b', coefficients: [{ subjectId: 'a-maths', coefficient: 3 }] };
    for (const login of ['theo.petit', 'alice.martin']) expect((await send(login, 'PUT', 'coefficients', coefficients)).statusCode, login).toBe(403);
    expect((await send('helene.garnier', 'PUT', 'coefficients', { groupId: 'a-5b', coefficients: [{ subjectId: 'nope', coefficient: 3 }] })).statusCode).toBe(400);
    expect((await send('helene.garnier', 'PUT', 'coefficients', { groupId: 'b-6a', coefficients: [] })).statusCode).toBe(404);
    expect((await send('helene.garnier', 'PUT', 'coefficients', { groupId: 'a-5b', coefficients: [{ subjectId: 'a-maths', coefficient: -2 }] })).statusCode).toBe(400);
    expect(await database().db.selectFrom('grade_subject_coefficients').selectAll().execute()).toEqual([]);
  });

  it('computes the student’s averages exactly: coefficients, scales, optional grades, special values, subject coefficients', async () => {
    const res = await send('helene.garnier', 'PUT', 'coefficients', { groupId: 'a-5b', coefficients: [{ subjectId: 'a-maths', coefficient: 3 }, { subjectId: 'a-fr', coefficient: 1 }] });
    expect(res.statusCode, res.body).toBe(204);
    const alice = (await report('alice.martin', 'alice')).json<GradeReport>();
    const maths = alice.subjects.find((s) => s.subject.id === 'a-maths');
    // Alice: 12 (coef 2) and the optional 9/10 = 18, which raises her average: (24 + 18) / 3 = 14.
    // Bob: 16; his optional 4/10 = 8 would lower it, so it is left out. Nina, absent, has none.
    expect(maths?.average).toBe(14);
    expect(maths?.classFigures).toEqual({ average: 15, min: 14, max: 16 });
    expect(maths?.assessments.map((a) => a.title)).toEqual(['Contrôle fractions', 'Interrogation']);
    expect(maths?.assessments[0]?.figures).toEqual({ average: 14, min: 12, max: 16 });
    // General: Alice (14 × 3 + 11) / 4 = 13.25; Bob (16 × 3 + 8) / 4 = 14; class 13.625 → 13.63 (half-up).
    expect(alice.general).toEqual({ average: 13.25, classFigures: { average: 13.63, min: 13.25, max: 14 } });
    // The same over the first trimester; nothing yet in the second.
    expect((await report('alice.martin', 'alice', `&periodId=${ids.t1}`)).json<GradeReport>().general.average).toBe(13.25);
    expect((await report('alice.martin', 'alice', `&periodId=${ids.t2}`)).json<GradeReport>().subjects).toEqual([]);
    // The teacher's grid counts the unpublished 0 too: (24 + 0 + 18) / 4 = 10.5 (18 > 8, so it raises).
    const sheet = (await get('theo.petit', 'sheet?groupId=a-5b&subjectId=a-maths')).json<GradeSheet>();
    expect(sheet.students.map((s) => [s.id, s.average])).toEqual([
      ['bob', 16],
      ['alice', 10.5],
      ['newbie', null],
    ]);
    expect(sheet.assessments[0]?.grades.newbie).toEqual({ value: null, special: 'absent', countsAsZero: false, comment: null });
  });

  it('shows each student their own grades only, relatives their children’s, teachers their classes, the head everything', async () => {
    const cases: [string, string, number][] = [
      ['alice.martin', 'alice', 200],
      ['alice.martin', 'bob', 403],
      ['bob.durand', 'alice', 403],
      ['remi.martin', 'alice', 200],
      ['remi.martin', 'bob', 403],
      ['rose.lefevre', 'alice', 403],
      ['theo.petit', 'alice', 200],
      ['tina.roux', 'alice', 200],
      ['theo.petit', 'chloe', 403],
      ['helene.garnier', 'alice', 200],
      ['carl.blanc', 'alice', 403],
      ['gaston.henry', 'alice', 403],
      ['chloe.lefevre', 'alice', 403],
      ['tom.girard', 'alice', 403],
      ['alice.martin', 'sam', 404],
    ];
    for (const [login, student, status] of cases) expect((await report(login, student)).statusCode, `${login} → ${student}`).toBe(status);
    // Collège B's teacher through his own establishment: Alice is not there.
    expect((await get('tom.girard', 'report?studentId=alice', 'etab-b')).statusCode).toBe(404);
    // The unpublished assessment: the head sees it, Alice does not.
    const titles = async (login: string) => (await report(login, 'alice')).json<GradeReport>().subjects.flatMap((s) => s.assessments.map((a) => a.title));
    expect(await titles('helene.garnier')).toContain('Pas encore publié');
    expect(await titles('theo.petit')).toContain('Pas encore publié');
    expect(await titles('alice.martin')).not.toContain('Pas encore publié');
    // Tina teaches 5B history only: none of its maths or French grades.
    expect(await titles('tina.roux')).toEqual([]);
    // The teachers' grid: the subject's teacher and the head only.
    for (const [login, status] of [
      ['theo.petit', 200],
      ['helene.garnier', 200],
      ['tina.roux', 403],
      ['alice.martin', 403],
      ['remi.martin', 403],
    ] as const)
      expect((await get(login, 'sheet?groupId=a-5b&subjectId=a-maths')).statusCode, login).toBe(status);
    expect((await get('tina.roux', 'sheet?groupId=a-4a&subjectId=a-maths')).statusCode).toBe(403);
    // The grids each one opens: a teacher's own (to enter), every one for the head (to read).
    const grids = async (login: string) => (await get(login, 'teachings')).json<GradeTeachings>().teachings.map((x) => `${x.group.id}/${x.subject.id}/${x.canEnter}`);
    expect(await grids('tina.roux')).toEqual(['a-4a/a-fr/true', 'a-5b/a-hist/true']);
    expect(await grids('helene.garnier')).toEqual(['a-4a/a-fr/false', 'a-5b/a-fr/false', 'a-5b/a-hist/false', 'a-5b/a-maths/false']);
    expect(await grids('alice.martin')).toEqual([]);
    expect((await get('tom.girard', 'sheet?groupId=a-5b&subjectId=a-maths', 'etab-b')).statusCode).toBe(404);
  });

  it('publishes to students first and to relatives later, telling each audience once', async () => {
    expect(await recipients(ids.control as string)).toEqual(['grade.published:alice', 'grade.published:bob', 'grade.published:newbie']);
    expect(await recipients(ids.hidden as string)).toEqual([]);
    const relativeSees = async () => (await report('remi.martin', 'alice')).json<GradeReport>().subjects.flatMap((s) => s.assessments.map((a) => a.title));
    expect(await relativeSees()).toEqual(['Dictée', 'Interrogation']);
    expect(await publishDueAssessments(env.ctx)).toBe(0);
    env.clock.set('2026-11-27T17:30:00.000Z');
    sessions.clear();
    expect(await publishDueAssessments(env.ctx)).toBe(1);
    expect(await publishDueAssessments(env.ctx)).toBe(0);
    expect(await recipients(ids.control as string)).toEqual(['grade.published:alice', 'grade.published:bob', 'grade.published:newbie', 'grade.published:remi']);
    expect(await relativeSees()).toEqual(['Dictée', 'Contrôle fractions', 'Interrogation']);
    // Published later by editing the time: announced in the same request.
    const res = await send('theo.petit', 'PUT', `assessments/${ids.hidden}`, { groupId: 'a-5b', subjectId: 'a-maths', title: 'Pas encore publié', date: '2026-11-20', scale: 20, coefficient: 1, studentsAt: '2026-11-27T17:00:00.000Z' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await recipients(ids.hidden as string)).toEqual(['grade.published:alice', 'grade.published:bob', 'grade.published:newbie', 'grade.published:remi']);
  });

  it('lets only the subject’s teacher in that class enter grades; refuses bad input without changing anything', async () => {
    const before = await database().db.selectFrom('grade_entries').selectAll().orderBy('assessment_id').orderBy('student_id').execute();
    const body = { groupId: 'a-5b', subjectId: 'a-maths', title: 'Intrusion', date: '2026-11-24', scale: 20, coefficient: 1 };
    for (const login of ['tina.roux', 'helene.garnier', 'alice.martin']) expect((await send(login, 'POST', 'assessments', body)).statusCode, login).toBe(403);
    expect((await send('tina.roux', 'POST', 'assessments', body)).json().error.code).toBe('grades.not_teacher');
    expect((await grade(ids.control as string, [{ studentId: 'alice', value: 20 }], 'tina.roux')).statusCode).toBe(403);
    const badInputs: [object, number, string][] = [
      [[{ studentId: 'chloe', value: 10 }], 400, 'grades.invalid_students'],
      [[{ studentId: 'alice', value: 21 }], 400, 'grades.value_above_scale'],
      [[{ studentId: 'alice', value: 12, special: 'absent' }], 400, 'validation.failed'],
      [[{ studentId: 'alice', value: 12.345 }], 400, 'validation.failed'],
      [[{ studentId: 'alice', value: -1 }], 400, 'validation.failed'],
      [[{ studentId: 'alice', value: 10 }, { studentId: 'alice', value: 11 }], 400, 'validation.failed'],
    ];
    for (const [grades, status, code] of badInputs) {
      const res = await grade(ids.control as string, grades as object[]);
      expect(res.statusCode, JSON.stringify(grades)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    for (const bad of [{ scale: 0 }, { coefficient: -1 }, { title: '' }, { date: '2026-13-01' }, { kind: 'extra' }, { studentsAt: '2026-11-25T09:00:00Z', relativesAt: '2026-11-24T09:00:00Z' }])
      expect((await send('theo.petit', 'POST', 'assessments', { ...body, ...bad })).statusCode, JSON.stringify(bad)).toBe(400);
    expect((await send('theo.petit', 'POST', 'assessments', { ...body, groupId: 'b-6a' })).statusCode).toBe(404);
    expect((await send('theo.petit', 'PUT', 'assessments/unknown/grades', { grades: [{ studentId: 'alice', value: 1 }] })).statusCode).toBe(404);
    expect((await report('alice.martin', 'alice', '&periodId=unknown')).statusCode).toBe(404);
    expect(await database().db.selectFrom('grade_entries').selectAll().orderBy('assessment_id').orderBy('student_id').execute()).toEqual(before);
  });

  it('enters a whole class at once, counts “not handed in” as 0 by default, and clears a grade', async () => {
    const id = await assess({ title: 'DM', date: '2026-11-26', studentsAt: '2026-11-27T17:00:00.000Z' });
    const res = await grade(id, [
      { studentId: 'alice', special: 'not_handed_in' },
      { studentId: 'bob', value: 14.5, comment: 'Bien' },
      { studentId: 'newbie', special: 'exempted' },
    ]);
    expect(res.statusCode, res.body).toBe(204);
    const sheet = (await get('theo.petit', 'sheet?groupId=a-5b&subjectId=a-maths')).json<GradeSheet>();
    const dm = sheet.assessments.find((a) => a.id === id);
    expect(dm?.grades.alice).toMatchObject({ special: 'not_handed_in', countsAsZero: true });
    expect(dm?.grades.bob).toMatchObject({ value: 14.5, comment: 'Bien' });
    // Alice: 12 × 2, 0 (hidden one, now published) × 1, 0 (not handed in) × 1, optional 18 raises it:
    // (24 + 0 + 0) / 4 = 6, then 18 > 6 → (24 + 18) / 5 = 8.4.
    expect(sheet.students.find((s) => s.id === 'alice')?.average).toBe(8.4);
    expect((await grade(id, [{ studentId: 'alice' }])).statusCode).toBe(204);
    const after = (await get('theo.petit', 'sheet?groupId=a-5b&subjectId=a-maths')).json<GradeSheet>();
    expect(after.assessments.find((a) => a.id === id)?.grades.alice).toBeUndefined();
    // Without the 0: (24 + 0) / 3 = 8, 18 > 8 → (24 + 18) / 4 = 10.5.
    expect(after.students.find((s) => s.id === 'alice')?.average).toBe(10.5);
  });
});
