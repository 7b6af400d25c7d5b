import type { AlertSettings, ClassStatistics, StudentStatisticsReport } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { school } from '../../../kernel/testing/school.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { followUpNewEvents } from '../justification/justification.followup.js';
import { insertEvent } from '../justification/justification.testing.js';
import { evaluateThresholds } from './thresholds.js';

const base = '/api/attendance/establishments';
/** Paris is UTC+1 in November: 8:00 → 07:00Z, 14:00 → 13:00Z. */
const am = (date: string) => ({ startsAt: `${date}T07:00:00.000Z`, endsAt: `${date}T08:00:00.000Z` });
const pm = (date: string) => ({ startsAt: `${date}T13:00:00.000Z`, endsAt: `${date}T14:00:00.000Z` });

describeEachDatabase('attendance statistics and alert thresholds', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const call = async (login: string, method: 'GET' | 'PUT', url: string, payload?: object, establishment = 'etab-a') =>
    env.app.inject({ method, url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const alerts = async () =>
    (await database().db.selectFrom('outbox_events as o').innerJoin('event_recipients as r', 'r.event_id', 'o.id').select(['r.person_id', 'o.summary']).where('o.type', '=', 'attendance.threshold_reached').execute()).map(
      (r) => `${r.person_id}:${JSON.parse(r.summary).count}`,
    );
  const absent = (studentId: string, when: { startsAt: string; endsAt: string }, extra: object = {}) => insertEvent(database().db, { studentId, ...when, ...extra });

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    // 5B: a lesson every weekday at 8:00, and at 14:00 except on Wednesday.
    const ada = await loginAs(env.app, 'ada.morel');
    for (const [weekday, start, end] of [
      [1, '08:00', '09:00'],
      [1, '14:00', '15:00'],
      [2, '08:00', '09:00'],
      [2, '14:00', '15:00'],
      [3, '08:00', '09:00'],
      [4, '08:00', '09:00'],
      [4, '14:00', '15:00'],
      [5, '08:00', '09:00'],
    ] as const) {
      const res = await env.app.inject({ method: 'POST', url: '/api/timetable/establishments/etab-a/slots', headers: ada.headers, payload: { groupId: 'a-5b', subjectId: 'a-maths', teacherId: 'theo', weekday, start, end } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('alerts vie scolaire once when a student crosses the threshold of unjustified half-days this month, again only after falling below', async () => {
    // Two absences on Monday morning count one half-day; lateness never counts.
    await absent('alice', am('2026-11-23'));
    await absent('alice', { startsAt: '2026-11-23T07:00:00.000Z', endsAt: '2026-11-23T10:00:00.000Z' }, { source: 'staff' });
    await absent('alice', pm('2026-11-23'));
    await absent('alice', am('2026-11-24'), { kind: 'late', minutes: 5 });
    await absent('alice', am('2026-11-24'));
    await followUpNewEvents(env.ctx);
    expect(await alerts()).toEqual([]);
    // Last month's absences do not count in November.
    await absent('alice', am('2026-10-12'), { createdAt: '2026-11-25T09:00:00.000Z' });
    await followUpNewEvents(env.ctx);
    expect(await alerts()).toEqual([]);
    const fourth = await absent('alice', pm('2026-11-24'));
    await followUpNewEvents(env.ctx);
    expect(await alerts()).toEqual(['carl:4']);
    // A fifth half-day above the threshold: no second alert.
    await absent('alice', am('2026-11-25'));
    await followUpNewEvents(env.ctx);
    expect(await alerts()).toEqual(['carl:4']);
    // Justifications bring her back to 3; a new crossing alerts again.
    await database().db.updateTable('attendance_events').set({ justification: 'justified' }).where('id', '=', fourth).execute();
    await database().db.updateTable('attendance_events').set({ justification: 'justified' }).where('student_id', '=', 'alice').where('starts_at', '=', am('2026-11-25').startsAt).execute();
    expect(await evaluateThresholds(database().db, env.clock, 'etab-a', ['alice'])).toEqual([]);
    await absent('alice', pm('2026-11-20'));
    await followUpNewEvents(env.ctx);
    expect(await alerts()).toEqual(['carl:4', 'carl:4']);
  });

  it('lets the establishment set its threshold; refuses bad values and other profiles', async () => {
    expect((await call('carl.blanc', 'GET', 'alert-settings')).json<AlertSettings>()).toEqual({ unjustifiedHalfDays: 4 });
    expect((await call('carl.blanc', 'PUT', 'alert-settings', { unjustifiedHalfDays: 0 })).statusCode).toBe(400);
    for (const login of ['theo.petit', 'remi.martin', 'alice.martin']) expect((await call(login, 'PUT', 'alert-settings', { unjustifiedHalfDays: 2 })).statusCode, login).toBe(403);
    expect((await call('hugo.bonnet', 'PUT', 'alert-settings', { unjustifiedHalfDays: 2 })).statusCode).toBe(403);
    expect((await call('carl.blanc', 'PUT', 'alert-settings', { unjustifiedHalfDays: 2 })).json<AlertSettings>()).toEqual({ unjustifiedHalfDays: 2 });
    // Bob: one unjustified half-day, then a second one reaches the new threshold of 2.
    await absent('bob', am('2026-11-23'));
    await followUpNewEvents(env.ctx);
    expect(await alerts()).toHaveLength(2);
    await absent('bob', am('2026-11-24'));
    await followUpNewEvents(env.ctx);
    expect((await alerts()).sort()).toEqual(['carl:2', 'carl:4', 'carl:4']);
  });

  it('counts half-days, justified or not, lateness and the absence rate per student and for the class', async () => {
    const res = await call('carl.blanc', 'GET', 'statistics/class?groupId=a-5b&from=2026-11-23&to=2026-11-25');
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json<ClassStatistics>();
    expect(stats.halfDayBoundary).toBe('12:30');
    const alice = stats.students.find((s) => s.student.id === 'alice');
    // Lessons: Monday am/pm, Tuesday am/pm, Wednesday am = 5 half-days. Alice: Monday am, pm, Tuesday am, pm,
    // Wednesday am absent (Tuesday pm and Wednesday justified) → 5 half-days, 2 justified, 3 unjustified, 100 %.
    expect(alice?.figures).toEqual({ absentHalfDays: 5, justifiedHalfDays: 2, unjustifiedHalfDays: 3, lessonHalfDays: 5, absenceRate: 100, lateCount: 1, lateMinutes: 5 });
    const bob = stats.students.find((s) => s.student.id === 'bob');
    expect([bob?.figures.absentHalfDays, bob?.figures.absenceRate, bob?.aboveThreshold]).toEqual([2, 40, true]);
    expect(stats.total).toMatchObject({ absentHalfDays: 7, lessonHalfDays: 15, absenceRate: 46.7, lateCount: 1 });
    // The same student over the whole month, seen by her father.
    const own = await call('remi.martin', 'GET', 'statistics/student?studentId=alice&from=2026-11-01&to=2026-11-30');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<StudentStatisticsReport>().figures).toMatchObject({ absentHalfDays: 6, unjustifiedHalfDays: 4 });
    expect((await call('carl.blanc', 'GET', 'statistics/classes')).json()).toEqual({ classes: [{ id: 'a-4a', name: '4A' }, { id: 'a-5b', name: '5B' }] });
    expect((await call('theo.petit', 'GET', 'statistics/classes')).statusCode).toBe(403);
    // Refused: a teacher or a relative on class figures, another child, another establishment, bad periods.
    for (const login of ['theo.petit', 'remi.martin', 'alice.martin']) expect((await call(login, 'GET', 'statistics/class?groupId=a-5b')).statusCode, login).toBe(403);
    expect((await call('rose.lefevre', 'GET', 'statistics/student?studentId=alice')).statusCode).toBe(403);
    expect((await call('carl.blanc', 'GET', 'statistics/class?groupId=b-6a')).statusCode).toBe(404);
    expect((await call('carl.blanc', 'GET', 'statistics/class?groupId=a-5b&from=2025-01-01&to=2026-11-25')).json().error.code).toBe('statistics.invalid_range');
    expect((await call('carl.blanc', 'GET', 'statistics/class?groupId=a-5b&from=2026-11-25&to=2026-11-01')).statusCode).toBe(400);
  });
});
