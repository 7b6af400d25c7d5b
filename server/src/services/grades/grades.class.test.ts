import type { Assessment, ClassAverages, ClassCoefficients, GradeClasses, GradeSheet } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

const base = '/api/grades/establishments';

/**
 * The class as a whole: subject coefficients, the conseil de classe's table (students × subjects,
 * general averages, class figures), per period and over the year, and who may read it.
 */
describeEachDatabase('grades: class averages and subject coefficients', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, establishment = 'etab-a') =>
    env.app.inject({ method, url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const assess = async (login: string, body: object) => {
    const res = await call(login, 'POST', 'assessments', { groupId: 'a-5b', subjectId: 'a-maths', date: '2026-11-18', scale: 20, coefficient: 1, studentsAt: '2026-11-25T09:00:00.000Z', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Assessment>().id;
  };
  const grade = async (login: string, id: string, grades: object[]) => expect((await call(login, 'PUT', `assessments/${id}/grades`, { grades })).statusCode).toBe(204);
  const periods: string[] = [];

  beforeAll(async () => {
    const { db } = database();
    await insertWorld(db, school);
    await db.insertInto('subjects').values([
      { id: 'a-hist', establishment_id: 'etab-a', code: 'HIGEO', name: 'Histoire-géographie' },
      { id: 'a-all', establishment_id: 'etab-a', code: 'ALL2', name: 'Allemand' },
    ]).execute();
    // 5B's German group (Alice and Bob): a group of the class's students, not the class itself.
    await db.insertInto('groups').values({ id: 'a-5b-all', establishment_id: 'etab-a', external_id: null, kind: 'group', name: '5B Allemand', level: '5e' }).execute();
    await db.insertInto('group_members').values(['alice', 'bob'].map((person_id) => ({ group_id: 'a-5b-all', person_id, role: 'student', head_teacher: 0, source: null }))).execute();
    await db.insertInto('teachings').values([
      { group_id: 'a-5b', person_id: 'theo', subject_id: 'a-fr', source: null },
      { group_id: 'a-5b', person_id: 'tina', subject_id: 'a-hist', source: null },
      { group_id: 'a-5b-all', person_id: 'tina', subject_id: 'a-all', source: null },
    ]).execute();
    env = await testApp(database());
    const saved = await call('helene.garnier', 'PUT', 'periods', { periods: [{ name: 'T1', startsOn: '2026-09-01', endsOn: '2026-11-30' }, { name: 'T2', startsOn: '2026-12-01', endsOn: '2027-03-15' }] });
    periods.push(...saved.json<{ periods: { id: string }[] }>().periods.map((p) => p.id));
    // Clock: 25 November 2026, 10:00 UTC.
    const m1 = await assess('theo.petit', { title: 'M1', coefficient: 2 });
    const m2 = await assess('theo.petit', { title: 'M2 facultatif', scale: 10, kind: 'optional' });
    const m3 = await assess('theo.petit', { title: 'M3 (trimestre 2)', date: '2026-12-10' });
    const f1 = await assess('theo.petit', { title: 'F1', subjectId: 'a-fr' });
    const h1 = await assess('tina.roux', { title: 'H1 non publié', subjectId: 'a-hist', studentsAt: null });
    const g1 = await assess('tina.roux', { title: 'G1', groupId: 'a-5b-all', subjectId: 'a-all' });
    await grade('theo.petit', m1, [{ studentId: 'alice', value: 12 }, { studentId: 'bob', value: 16 }, { studentId: 'newbie', special: 'absent' }]);
    await grade('theo.petit', m2, [{ studentId: 'alice', value: 9 }, { studentId: 'bob', value: 4 }]);
    await grade('theo.petit', m3, [{ studentId: 'alice', value: 20 }]);
    await grade('theo.petit', f1, [{ studentId: 'alice', value: 11 }, { studentId: 'bob', value: 8 }, { studentId: 'newbie', special: 'not_handed_in' }]);
    await grade('tina.roux', h1, [{ studentId: 'alice', value: 15 }, { studentId: 'bob', value: 5 }]);
    await grade('tina.roux', g1, [{ studentId: 'alice', value: 14 }, { studentId: 'bob', value: 10 }]);
  });

  it('lists the class’s subjects with their coefficients; the head sets them, nobody else', async () => {
    const read = async () => (await call('helene.garnier', 'GET', 'coefficients?groupId=a-5b')).json<ClassCoefficients>();
    expect((await read()).subjects.map((s) => `${s.subject.id}:${s.coefficient}:${s.isSet}`)).toEqual(['a-all:1:false', 'a-fr:1:false', 'a-hist:1:false', 'a-maths:1:false']);
    const body = { groupId: 'a-5b', coefficients: [{ subjectId: 'a-maths', coefficient: 3 }, { subjectId: 'a-fr', coefficient: 1 }] };
    for (const login of ['theo.petit', 'tina.roux', 'alice.martin', 'remi.martin', 'carl.blanc']) {
      expect((await call(login, 'PUT', 'coefficients', body)).statusCode, login).toBe(403);
      expect((await call(login, 'GET', 'coefficients?groupId=a-5b')).statusCode, login).toBe(403);
    }
    // Another establishment: not hers (403), its class not found through hers (404).
    expect((await call('helene.garnier', 'GET', 'coefficients?groupId=b-6a', undefined, 'etab-b')).statusCode).toBe(403);
    expect((await call('helene.garnier', 'GET', 'coefficients?groupId=b-6a')).statusCode).toBe(404);
    expect((await call('helene.garnier', 'PUT', 'coefficients', { ...body, groupId: 'b-6a' })).statusCode).toBe(404);
    const group = await call('helene.garnier', 'PUT', 'coefficients', { ...body, groupId: 'a-5b-all' });
    expect([group.statusCode, group.json().error.code]).toEqual([400, 'grades.class_only']);
    const duplicate = await call('helene.garnier', 'PUT', 'coefficients', { groupId: 'a-5b', coefficients: [{ subjectId: 'a-fr', coefficient: 2 }, { subjectId: 'a-fr', coefficient: 3 }] });
    expect(duplicate.statusCode).toBe(400);
    expect(await database().db.selectFrom('grade_subject_coefficients').selectAll().execute()).toEqual([]);
    expect((await call('helene.garnier', 'PUT', 'coefficients', body)).statusCode).toBe(204);
    expect((await read()).subjects.map((s) => `${s.subject.id}:${s.coefficient}:${s.isSet}`)).toEqual(['a-all:1:false', 'a-fr:1:true', 'a-hist:1:false', 'a-maths:3:true']);
  });

  it('gives the head every student × subject average, general averages and class figures, exactly', async () => {
    const res = await call('helene.garnier', 'GET', `class-averages?groupId=a-5b&periodId=${periods[0]}`);
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json<ClassAverages>();
    expect(table.subjects.map((s) => [s.subject.name, s.coefficient, s.figures])).toEqual([
      ['Allemand', 1, { average: 12, min: 10, max: 14 }],
      ['Français', 1, { average: 6.33, min: 0, max: 11 }],
      ['Histoire-géographie', 1, { average: 10, min: 5, max: 15 }],
      ['Mathématiques', 3, { average: 15, min: 14, max: 16 }],
    ]);
    // Alice: maths (12×2 + optional 18) / 3 = 14, French 11, history 15, German 14:
    // (14×3 + 11 + 15 + 14) / 6 = 82/6 = 13.666… → 13.67. Bob: 16 (his optional 8 left out), 8, 5, 10:
    // 71/6 = 11.83. Nina: absent in maths (not counted), "not handed in" French (0): general 0.
    const row = (id: string) => table.students.find((s) => s.id === id);
    expect(row('alice')).toMatchObject({ averages: { 'a-maths': 14, 'a-fr': 11, 'a-hist': 15, 'a-all': 14 }, general: 13.67 });
    expect(row('bob')).toMatchObject({ averages: { 'a-maths': 16, 'a-fr': 8, 'a-hist': 5, 'a-all': 10 }, general: 11.83 });
    expect(row('newbie')).toMatchObject({ averages: { 'a-maths': null, 'a-fr': 0, 'a-hist': null, 'a-all': null }, general: 0 });
    // Class: (82/6 + 71/6 + 0) / 3 = 8.5.
    expect(table.general).toEqual({ average: 8.5, min: 0, max: 13.67 });
    expect(table.students.map((s) => s.id)).toEqual(['bob', 'alice', 'newbie']);
  });

  it('adds up the whole year without a period: the second trimester’s 20 counts', async () => {
    const year = (await call('helene.garnier', 'GET', 'class-averages?groupId=a-5b')).json<ClassAverages>();
    // Alice's maths over the year: (24 + 20) / 3 = 14.67, the optional 18 raises it: 62/4 = 15.5.
    expect(year.period).toBeNull();
    expect(year.students.find((s) => s.id === 'alice')?.averages['a-maths']).toBe(15.5);
    const t2 = (await call('helene.garnier', 'GET', `class-averages?groupId=a-5b&periodId=${periods[1]}`)).json<ClassAverages>();
    expect(t2.students.find((s) => s.id === 'alice')).toMatchObject({ averages: { 'a-maths': 20, 'a-fr': null }, general: 20 });
    expect(t2.general).toEqual({ average: 20, min: 20, max: 20 });
  });

  it('lets the head teacher read their class with what is published (and their own subjects); refuses everyone else', async () => {
    const res = await call('theo.petit', 'GET', `class-averages?groupId=a-5b&periodId=${periods[0]}`);
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json<ClassAverages>();
    // Tina's history is not published yet: left out. Alice (42 + 11 + 14) / 5 = 13.4, Bob (48 + 8 + 10) / 5 = 13.2.
    expect(table.students.map((s) => [s.id, s.averages['a-hist'], s.general])).toEqual([
      ['bob', null, 13.2],
      ['alice', null, 13.4],
      ['newbie', null, 0],
    ]);
    expect(table.general).toEqual({ average: 8.87, min: 0, max: 13.4 });
    for (const [login, status] of [
      ['tina.roux', 403],
      ['alice.martin', 403],
      ['remi.martin', 403],
      ['carl.blanc', 403],
      ['gaston.henry', 403],
    ] as const)
      expect((await call(login, 'GET', 'class-averages?groupId=a-5b')).statusCode, login).toBe(status);
    expect((await call('theo.petit', 'GET', 'class-averages?groupId=a-4a')).statusCode).toBe(403);
    // Another establishment's class: not found through this one, and this head has no rights in the other.
    expect((await call('helene.garnier', 'GET', 'class-averages?groupId=b-6a')).statusCode).toBe(404);
    expect((await call('helene.garnier', 'GET', 'class-averages?groupId=b-6a', undefined, 'etab-b')).statusCode).toBe(403);
    expect((await call('tom.girard', 'GET', 'class-averages?groupId=a-5b', undefined, 'etab-b')).statusCode).toBe(404);
    expect((await call('helene.garnier', 'GET', 'class-averages?groupId=a-5b-all')).json().error.code).toBe('grades.class_only');
    expect((await call('helene.garnier', 'GET', 'class-averages?groupId=a-5b&periodId=nope')).statusCode).toBe(404);
    // Which classes each one opens.
    const classes = async (login: string) => (await call(login, 'GET', 'classes')).json<GradeClasses>().classes.map((c) => c.id);
    expect(await classes('helene.garnier')).toEqual(['a-4a', 'a-5b']);
    expect(await classes('theo.petit')).toEqual(['a-5b']);
    expect(await classes('tina.roux')).toEqual([]);
    expect(await classes('alice.martin')).toEqual([]);
    expect((await call('helene.garnier', 'GET', 'classes', undefined, 'etab-b')).statusCode).toBe(403);
    expect((await call('tom.girard', 'GET', 'classes')).statusCode).toBe(403);
    expect((await call('gaston.henry', 'GET', 'classes')).statusCode).toBe(403);
  });

  it('edits an assessment (title, date, scale, coefficient, kind, publication) for its teacher only, refusing bad input unchanged', async () => {
    const id = await assess('theo.petit', { title: 'À corriger', studentsAt: null });
    await grade('theo.petit', id, [{ studentId: 'alice', value: 15 }]);
    const body = { groupId: 'a-5b', subjectId: 'a-maths', title: 'Corrigé', date: '2026-11-21', scale: 40, coefficient: 0.5, kind: 'optional', studentsAt: '2026-11-30T17:00:00.000Z', relativesAt: '2026-12-01T17:00:00.000Z' };
    const row = () => database().db.selectFrom('grade_assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const before = await row();
    const refused: [string, object, number, string][] = [
      ['tina.roux', body, 403, 'grades.not_teacher'],
      ['helene.garnier', body, 403, 'access.forbidden'],
      ['alice.martin', body, 403, 'access.forbidden'],
      ['theo.petit', { ...body, scale: 10 }, 400, 'grades.value_above_scale'],
      ['theo.petit', { ...body, groupId: 'a-4a' }, 400, 'validation.failed'],
      ['theo.petit', { ...body, coefficient: 101 }, 400, 'validation.failed'],
      ['theo.petit', { ...body, kind: 'double' }, 400, 'validation.failed'],
      ['theo.petit', { ...body, relativesAt: '2026-11-29T17:00:00.000Z' }, 400, 'validation.failed'],
    ];
    for (const [login, payload, status, code] of refused) {
      const res = await call(login, 'PUT', `assessments/${id}`, payload);
      expect([res.statusCode, res.json().error.code], `${login} ${JSON.stringify(payload)}`).toEqual([status, code]);
    }
    expect((await call('tom.girard', 'PUT', `assessments/${id}`, body, 'etab-b')).statusCode).toBe(404);
    expect((await call('theo.petit', 'PUT', 'assessments/unknown', body)).statusCode).toBe(404);
    expect(await row()).toEqual(before);
    const res = await call('theo.petit', 'PUT', `assessments/${id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Assessment>()).toMatchObject({ title: 'Corrigé', date: '2026-11-21', scale: 40, coefficient: 0.5, kind: 'optional', studentsAt: '2026-11-30T17:00:00.000Z', relativesAt: '2026-12-01T17:00:00.000Z' });
    // The grade keeps its points on the new scale: 15/40.
    const sheet = (await call('theo.petit', 'GET', 'sheet?groupId=a-5b&subjectId=a-maths')).json<GradeSheet>();
    expect(sheet.assessments.find((a) => a.id === id)?.grades.alice?.value).toBe(15);
  });

  it('counts a special value as 0 when the teacher says so, whatever its kind, and leaves it out otherwise', async () => {
    const id = await assess('theo.petit', { title: 'F2', subjectId: 'a-fr' });
    await grade('theo.petit', id, [
      { studentId: 'alice', special: 'absent', countsAsZero: true },
      { studentId: 'bob', special: 'not_handed_in', countsAsZero: false },
      { studentId: 'newbie', value: 15 },
    ]);
    const sheet = (await call('theo.petit', 'GET', 'sheet?groupId=a-5b&subjectId=a-fr')).json<GradeSheet>();
    const f2 = sheet.assessments.find((a) => a.id === id);
    expect([f2?.grades.alice?.countsAsZero, f2?.grades.bob?.countsAsZero]).toEqual([true, false]);
    // Alice (11 + 0) / 2 = 5.5; Bob's "not handed in" left out: 8; Nina (0 from F1 + 15) / 2 = 7.5.
    expect(sheet.students.map((s) => [s.id, s.average])).toEqual([
      ['bob', 8],
      ['alice', 5.5],
      ['newbie', 7.5],
    ]);
    // A value never "counts as zero".
    await grade('theo.petit', id, [{ studentId: 'newbie', value: 15, countsAsZero: true }]);
    const row = await database().db.selectFrom('grade_entries').select('counts_as_zero').where('assessment_id', '=', id).where('student_id', '=', 'newbie').executeTakeFirstOrThrow();
    expect(row.counts_as_zero).toBe(0);
    expect((await call('theo.petit', 'DELETE', `assessments/${id}?withGrades=true`)).statusCode).toBe(204);
  });

  it('deletes an assessment with its grades only when confirmed; its teacher only', async () => {
    const id = await assess('theo.petit', { title: 'Doublon' });
    await grade('theo.petit', id, [{ studentId: 'alice', value: 3 }, { studentId: 'bob', value: 4 }]);
    const entries = () => database().db.selectFrom('grade_entries').select('student_id').where('assessment_id', '=', id).execute();
    for (const [login, status] of [
      ['tina.roux', 403],
      ['helene.garnier', 403],
      ['alice.martin', 403],
    ] as const)
      expect((await call(login, 'DELETE', `assessments/${id}?withGrades=true`)).statusCode, login).toBe(status);
    expect((await call('tom.girard', 'DELETE', `assessments/${id}?withGrades=true`, undefined, 'etab-b')).statusCode).toBe(404);
    expect((await call('theo.petit', 'DELETE', `assessments/${id}?withGrades=yes`)).statusCode).toBe(400);
    const unconfirmed = await call('theo.petit', 'DELETE', `assessments/${id}`);
    expect([unconfirmed.statusCode, unconfirmed.json().error.code]).toEqual([409, 'grades.assessment_has_grades']);
    expect(await entries()).toHaveLength(2);
    expect((await call('theo.petit', 'DELETE', `assessments/${id}?withGrades=true`)).statusCode).toBe(204);
    expect(await entries()).toEqual([]);
    expect(await database().db.selectFrom('grade_assessments').select('id').where('id', '=', id).execute()).toEqual([]);
    expect((await call('theo.petit', 'DELETE', `assessments/${id}`)).statusCode).toBe(404);
    // Without grades, no confirmation needed.
    const empty = await assess('theo.petit', { title: 'Vide' });
    expect((await call('theo.petit', 'DELETE', `assessments/${empty}`)).statusCode).toBe(204);
  });
});
