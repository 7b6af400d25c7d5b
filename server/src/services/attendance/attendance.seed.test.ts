import type { RegisterLessons, StudentAttendance } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { school } from '../../kernel/testing/school.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { enterTimetable } from '../timetable/timetable.testing.js';
import { seedAttendance } from './attendance.seed.js';

// The test app's clock: Wednesday 25 November 2026, 11:00 in Paris; Théo has no lesson on Wednesdays.
const NOW = new Date('2026-11-25T10:00:00.000Z');

describeEachDatabase('demo attendance', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    await enterTimetable(env.app, await loginAs(env.app, 'ada.morel'));
  });

  const snapshot = () =>
    database().db.selectFrom('attendance_events').select(['student_id', 'kind', 'starts_at', 'minutes', 'justification', 'source']).orderBy('starts_at').orderBy('student_id').execute();

  it('takes 5B’s past registers with demo absences and leaves the teacher a register to take today', async () => {
    const { db } = database();
    await seedAttendance(db, { seed: 5, now: NOW, teacherLogin: 'theo.petit', studentLogin: 'alice.martin' });
    const registers = await db.selectFrom('attendance_registers').select(['date', 'state']).execute();
    expect(registers.length).toBeGreaterThanOrEqual(3);
    expect(registers.every((r) => r.state === 'done' && r.date < '2026-11-25' && r.date >= '2026-10-28')).toBe(true);
    const alice = (await snapshot()).filter((e) => e.student_id === 'alice');
    expect(alice.map((e) => [e.kind, e.justification])).toEqual([
      ['absence', 'justified'],
      ['absence', 'unjustified'],
      ['late', 'unjustified'],
    ]);

    const theo = await loginAs(env.app, 'theo.petit');
    const today = (await env.app.inject({ method: 'GET', url: '/api/attendance/establishments/etab-a/lessons', headers: theo.headers })).json<RegisterLessons>();
    expect(today.lessons.map((l) => [l.group.name, l.start, l.state])).toEqual([['5B', '13:30', 'todo']]);

    const own = await env.app.inject({ method: 'GET', url: '/api/attendance/establishments/etab-a/students/alice', headers: (await loginAs(env.app, 'alice.martin')).headers });
    expect(own.json<StudentAttendance>().halfDays).toEqual({ total: 2, justified: 1, unjustified: 1, lateness: 1 });

    // Again from scratch: the same story.
    const first = await snapshot();
    await db.deleteFrom('attendance_events').execute();
    await db.deleteFrom('attendance_marks').execute();
    await db.deleteFrom('attendance_registers').execute();
    await seedAttendance(db, { seed: 5, now: NOW, teacherLogin: 'theo.petit', studentLogin: 'alice.martin' });
    expect(await snapshot()).toEqual(first);
  });
});
