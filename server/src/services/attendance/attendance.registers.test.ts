import type { AttendanceReasons, Register, RegisterLessons } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { school } from '../../kernel/testing/school.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { enterTimetable } from '../timetable/timetable.testing.js';

const base = '/api/attendance/establishments';

describeEachDatabase('attendance registers', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let slots: Awaited<ReturnType<typeof enterTimetable>>['slots'];
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, establishment = 'etab-a') =>
    env.app.inject({ method, url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const events = async (registerId: string) =>
    (await database().db.selectFrom('attendance_events').select(['id', 'student_id', 'kind', 'starts_at', 'ends_at', 'minutes', 'reason_id', 'justification', 'source', 'flag']).where('register_id', '=', registerId).orderBy('student_id').execute());
  /** Moves the clock; sessions are opened again (a jump of days would expire them). */
  const at = (instant: string) => {
    env.clock.set(instant);
    sessions.clear();
  };
  const open = async (login: string, date: string, slotId = slots.monday) => call(login, 'POST', 'registers', { slotId, date });

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    slots = (await enterTimetable(env.app, await loginAs(env.app, 'ada.morel'))).slots;
  });

  it('lists a teacher’s own lessons of a day, every lesson for vie scolaire, nothing for students, relatives or another establishment', async () => {
    const theo = await call('theo.petit', 'GET', 'lessons?date=2026-11-23');
    expect(theo.statusCode, theo.body).toBe(200);
    expect(theo.json<RegisterLessons>().lessons.map((l) => [l.group.name, l.start, l.state, l.registerId])).toEqual([['5B', '08:00', 'todo', null]]);
    expect((await call('tina.roux', 'GET', 'lessons?date=2026-11-23')).json<RegisterLessons>().lessons).toEqual([]);
    expect((await call('carl.blanc', 'GET', 'lessons?date=2026-11-24')).json<RegisterLessons>().lessons.map((l) => l.group.name)).toEqual(['4A']);
    // Default: today (Wednesday 25 November in the test clock), no lesson that day.
    expect((await call('theo.petit', 'GET', 'lessons')).json<RegisterLessons>()).toEqual({ date: '2026-11-25', lessons: [] });
    for (const login of ['alice.martin', 'remi.martin', 'ada.morel', 'ines.faure']) expect((await call(login, 'GET', 'lessons'))?.statusCode, login).toBe(403);
    expect((await call('tom.girard', 'GET', 'lessons')).statusCode).toBe(403);
    expect((await call('theo.petit', 'GET', 'lessons?date=23/11/2026')).statusCode).toBe(400);
  });

  it('opens a register for the lesson’s teacher and vie scolaire only, once per lesson', async () => {
    const res = await open('theo.petit', '2026-11-23');
    expect(res.statusCode, res.body).toBe(200);
    const register = res.json<Register>();
    expect(register.state).toBe('todo');
    expect(register.students.map((s) => [s.displayName, s.status])).toEqual([
      ['Bob DURAND', 'present'],
      ['Alice MARTIN', 'present'],
      ['Nina NOUVELLE', 'present'],
    ]);
    expect(register).toMatchObject({ canEdit: true, canSetReasons: false, reasons: [] });
    expect((await open('carl.blanc', '2026-11-23')).json<Register>().id).toBe(register.id);
    expect((await open('tina.roux', '2026-11-23')).statusCode).toBe(403);
    expect((await call('tina.roux', 'GET', `registers/${register.id}`)).statusCode).toBe(403);
    expect((await open('alice.martin', '2026-11-23')).statusCode).toBe(403);
    // Another establishment's staff: refused on etab-a, and the register does not exist in etab-b.
    expect((await open('hugo.bonnet', '2026-11-23')).statusCode).toBe(403);
    expect((await call('tom.girard', 'GET', `registers/${register.id}`, undefined, 'etab-b')).statusCode).toBe(404);
    // No lesson that day, bad input.
    expect((await open('theo.petit', '2026-11-24')).statusCode).toBe(404);
    expect((await call('theo.petit', 'POST', 'registers', { slotId: slots.monday, date: 'lundi' })).statusCode).toBe(400);
    expect(await database().db.selectFrom('attendance_registers').select('id').execute()).toHaveLength(1);
  });

  it('saves marks in progress without events, then submits: one event per absent, late or early student, idempotent', async () => {
    at('2026-11-23T07:20:00.000Z'); // Monday 8:20 in Paris, during the lesson.
    const { id } = (await open('theo.petit', '2026-11-23')).json<Register>();
    const marks = { marks: [{ studentId: 'alice', status: 'absent' }, { studentId: 'bob', status: 'late', minutes: 10 }] };
    const saved = await call('theo.petit', 'PUT', `registers/${id}/marks`, marks);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<Register>().state).toBe('in_progress');
    expect(await events(id)).toEqual([]);

    // Bad input changes nothing: late without minutes, a student of another class, a teacher choosing a reason.
    expect((await call('theo.petit', 'POST', `registers/${id}/submit`, { marks: [{ studentId: 'bob', status: 'late' }] })).statusCode).toBe(400);
    expect((await call('theo.petit', 'POST', `registers/${id}/submit`, { marks: [{ studentId: 'chloe', status: 'absent' }] })).json().error.code).toBe('attendance.invalid_students');
    const reasons = (await call('carl.blanc', 'GET', 'reasons')).json<AttendanceReasons>().reasons;
    const illness = reasons.find((r) => r.code === 'maladie')?.id as string;
    const refused = await call('theo.petit', 'POST', `registers/${id}/submit`, { marks: [{ studentId: 'alice', status: 'absent', reasonId: illness }] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('attendance.reason_not_allowed');
    expect((await call('theo.petit', 'GET', `registers/${id}`)).json<Register>().state).toBe('in_progress');

    const submitted = await call('theo.petit', 'POST', `registers/${id}/submit`, marks);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<Register>().students.map((s) => [s.id, s.status, s.minutes])).toEqual([
      ['bob', 'late', 10],
      ['alice', 'absent', null],
      ['newbie', 'present', null],
    ]);
    const first = await events(id);
    expect(first.map(({ id: _, ...e }) => e)).toEqual([
      { student_id: 'alice', kind: 'absence', starts_at: '2026-11-23T07:00:00.000Z', ends_at: '2026-11-23T08:00:00.000Z', minutes: null, reason_id: null, justification: 'unjustified', source: 'register', flag: null },
      { student_id: 'bob', kind: 'late', starts_at: '2026-11-23T07:00:00.000Z', ends_at: '2026-11-23T07:10:00.000Z', minutes: 10, reason_id: null, justification: 'unjustified', source: 'register', flag: null },
    ]);
    // Twice: the same rows, ids included.
    expect((await call('theo.petit', 'POST', `registers/${id}/submit`, marks)).statusCode).toBe(200);
    expect(await events(id)).toEqual(first);
    const register = await database().db.selectFrom('attendance_registers').select(['state', 'submitted_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(register).toEqual({ state: 'done', submitted_by: 'theo' });

    // Same day: the teacher corrects (Bob was 15 minutes late, Nina left 20 minutes early).
    const corrected = await call('theo.petit', 'POST', `registers/${id}/submit`, {
      marks: [{ studentId: 'alice', status: 'absent' }, { studentId: 'bob', status: 'late', minutes: 15 }, { studentId: 'newbie', status: 'left_early', minutes: 20 }],
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const second = await events(id);
    expect(second.map((e) => [e.student_id, e.kind, e.starts_at, e.ends_at])).toEqual([
      ['alice', 'absence', '2026-11-23T07:00:00.000Z', '2026-11-23T08:00:00.000Z'],
      ['bob', 'late', '2026-11-23T07:00:00.000Z', '2026-11-23T07:15:00.000Z'],
      ['newbie', 'left_early', '2026-11-23T07:40:00.000Z', '2026-11-23T08:00:00.000Z'],
    ]);
    expect(second.find((e) => e.student_id === 'bob')?.id).toBe(first.find((e) => e.student_id === 'bob')?.id);
  });

  it('locks a submitted register for its teacher after the day; vie scolaire corrects it, sets reasons, and keeps events under justification', async () => {
    at('2026-11-25T10:00:00.000Z');
    const { id } = (await open('theo.petit', '2026-11-23')).json<Register>();
    expect((await call('theo.petit', 'GET', `registers/${id}`)).json<Register>().canEdit).toBe(false);
    const locked = await call('theo.petit', 'POST', `registers/${id}/submit`, { marks: [] });
    expect(locked.statusCode).toBe(403);
    expect(locked.json().error.code).toBe('attendance.register_locked');
    expect(await events(id)).toHaveLength(3);

    const carlView = (await call('carl.blanc', 'GET', `registers/${id}`)).json<Register>();
    expect(carlView).toMatchObject({ canEdit: true, canSetReasons: true });
    const illness = carlView.reasons.find((r) => r.code === 'maladie')?.id as string;
    const oversleep = carlView.reasons.find((r) => r.code === 'panne_reveil')?.id as string;
    // Alice's absence is under justification (the relatives' workflow set it to pending).
    await database().db.updateTable('attendance_events').set({ justification: 'pending' }).where('register_id', '=', id).where('student_id', '=', 'alice').execute();
    const res = await call('carl.blanc', 'POST', `registers/${id}/submit`, {
      marks: [{ studentId: 'bob', status: 'late', minutes: 15, reasonId: oversleep }, { studentId: 'newbie', status: 'left_early', minutes: 20, reasonId: illness }],
    });
    expect(res.statusCode, res.body).toBe(200);
    // Alice is no longer marked: her event stays (flagged) because a justification exists.
    expect((await events(id)).map((e) => [e.student_id, e.kind, e.justification, e.flag])).toEqual([
      ['alice', 'absence', 'pending', 'unmarked'],
      ['bob', 'late', 'unjustified', null],
      ['newbie', 'left_early', 'justified', null],
    ]);
    expect(res.json<Register>().students.find((s) => s.id === 'alice')).toMatchObject({ status: 'present', flagged: true });

    // The teacher's later marks (same day) keep the reasons vie scolaire entered.
    at('2026-11-23T09:00:00.000Z');
    const again = await call('theo.petit', 'POST', `registers/${id}/submit`, { marks: [{ studentId: 'bob', status: 'late', minutes: 15 }, { studentId: 'newbie', status: 'left_early', minutes: 20 }] });
    expect(again.statusCode, again.body).toBe(200);
    expect((await events(id)).map((e) => [e.student_id, e.reason_id, e.justification])).toEqual([
      ['alice', null, 'pending'],
      ['bob', oversleep, 'unjustified'],
      ['newbie', illness, 'justified'],
    ]);
    // An unjustified event of a student un-marked is removed.
    await call('theo.petit', 'POST', `registers/${id}/submit`, { marks: [{ studentId: 'newbie', status: 'left_early', minutes: 20 }] });
    expect((await events(id)).map((e) => e.student_id)).toEqual(['alice', 'newbie']);
  });

  it('shows collective activities and exemptions in the register and records no absence for a student away with the school', async () => {
    at('2026-11-30T07:05:00.000Z'); // Monday 30 November, 8:05 in Paris.
    const trip = await call('carl.blanc', 'POST', 'collectives', { groupId: 'a-5b', startsAt: '2026-11-30T07:00:00.000Z', endsAt: '2026-11-30T11:00:00.000Z', label: 'Sortie au musée' });
    expect(trip.statusCode, trip.body).toBe(201);
    expect((await call('theo.petit', 'POST', 'collectives', { groupId: 'a-5b', startsAt: '2026-11-30T07:00:00.000Z', endsAt: '2026-11-30T11:00:00.000Z', label: 'x' })).statusCode).toBe(403);
    const exemption = await call('carl.blanc', 'POST', 'exemptions', { studentId: 'bob', subjectId: 'a-maths', startsOn: '2026-11-01', endsOn: '2026-12-31', mustAttend: true, comment: 'Certificat' });
    expect(exemption.statusCode, exemption.body).toBe(201);
    expect((await call('carl.blanc', 'POST', 'exemptions', { studentId: 'bob', subjectId: 'a-maths', startsOn: '2026-12-31', endsOn: '2026-11-01', mustAttend: true })).statusCode).toBe(400);
    expect((await call('carl.blanc', 'POST', 'exemptions', { studentId: 'sam', subjectId: 'a-maths', startsOn: '2026-11-01', endsOn: '2026-12-31', mustAttend: true })).statusCode).toBe(400);
    // Teachers, families and another establishment's staff neither declare nor read them.
    for (const login of ['theo.petit', 'remi.martin', 'hugo.bonnet']) {
      expect((await call(login, 'POST', 'exemptions', { studentId: 'bob', subjectId: 'a-maths', startsOn: '2026-11-01', endsOn: '2026-12-31', mustAttend: false })).statusCode, login).toBe(403);
      expect((await call(login, 'GET', 'exemptions?studentId=bob')).statusCode, login).toBe(403);
      expect((await call(login, 'GET', 'collectives')).statusCode, login).toBe(403);
    }
    expect((await call('hugo.bonnet', 'DELETE', `exemptions/${exemption.json<{ id: string }>().id}`, undefined, 'etab-b')).statusCode).toBe(403);
    expect((await call('carl.blanc', 'GET', 'exemptions?studentId=bob')).json<{ exemptions: unknown[] }>().exemptions).toHaveLength(1);

    const register = (await open('theo.petit', '2026-11-30')).json<Register>();
    expect(register.students.find((s) => s.id === 'alice')).toMatchObject({ collective: 'Sortie au musée', exemption: null });
    expect(register.students.find((s) => s.id === 'bob')?.exemption).toEqual({ mustAttend: true, comment: 'Certificat' });
    const res = await call('theo.petit', 'POST', `registers/${register.id}/submit`, { marks: [{ studentId: 'alice', status: 'absent' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(await events(register.id)).toEqual([]);
    const collective = await database().db.selectFrom('attendance_events').select(['student_id', 'source', 'justification']).where('source', '=', 'collective').orderBy('student_id').execute();
    expect(collective).toEqual(['alice', 'bob', 'newbie'].map((s) => ({ student_id: s, source: 'collective', justification: 'justified' })));
    // Deleting the collective deletes its events.
    const collectiveId = trip.json<{ id: string }>().id;
    expect((await call('carl.blanc', 'DELETE', `collectives/${collectiveId}`)).statusCode).toBe(204);
    expect(await database().db.selectFrom('attendance_events').select('id').where('source', '=', 'collective').execute()).toEqual([]);
  });

  it('gives the same marks and events when one register is submitted several times at once', async () => {
    at('2026-12-07T07:05:00.000Z'); // Monday 7 December, 8:05 in Paris.
    const register = (await open('theo.petit', '2026-12-07')).json<Register>();
    const marks = { marks: [{ studentId: 'alice', status: 'absent' }, { studentId: 'bob', status: 'late', minutes: 5 }] };
    const results = await Promise.all(Array.from({ length: 6 }, () => call('theo.petit', 'POST', `registers/${register.id}/submit`, marks)));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await events(register.id)).map((e) => [e.student_id, e.kind])).toEqual([
      ['alice', 'absence'],
      ['bob', 'late'],
    ]);
    const saved = await database().db.selectFrom('attendance_marks').select('student_id').where('register_id', '=', register.id).orderBy('student_id').execute();
    expect(saved.map((m) => m.student_id)).toEqual(['alice', 'bob']);
  });
});
