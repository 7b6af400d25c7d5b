import type { AttendanceEvent, AttendanceEvents, AttendanceReason, AttendanceReasons, AttendanceSettings, ForgottenRegisters, Register, StudentAttendance } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { school } from '../../kernel/testing/school.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { enterTimetable } from '../timetable/timetable.testing.js';
import { notifyForgottenRegisters } from './attendance.forgotten.js';
import { DEFAULT_REASONS } from './attendance.reasons.js';

const base = '/api/attendance/establishments';

describeEachDatabase('attendance: vie scolaire, reasons, a student’s absences', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let slots: Awaited<ReturnType<typeof enterTimetable>>['slots'];
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, establishment = 'etab-a') =>
    env.app.inject({ method, url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const at = (instant: string) => {
    env.clock.set(instant);
    sessions.clear();
  };

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    slots = (await enterTimetable(env.app, await loginAs(env.app, 'ada.morel'))).slots;
  });

  it('gives each establishment the usual reasons, edited by vie scolaire and local administrators only', async () => {
    const list = await call('carl.blanc', 'GET', 'reasons');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<AttendanceReasons>().reasons.map((r) => r.code)).toEqual(DEFAULT_REASONS.map((r) => r.code));
    // Teachers read them; students and relatives do not; another establishment's administrator is refused.
    expect((await call('theo.petit', 'GET', 'reasons')).statusCode).toBe(200);
    for (const login of ['alice.martin', 'remi.martin', 'hugo.bonnet']) expect((await call(login, 'GET', 'reasons')).statusCode, login).toBe(403);

    const created = await call('ada.morel', 'POST', 'reasons', { code: 'stage', label: 'Stage en entreprise', countsAsJustified: true });
    expect(created.statusCode, created.body).toBe(201);
    const reason = created.json<AttendanceReason>();
    expect(reason).toMatchObject({ code: 'stage', active: true, position: DEFAULT_REASONS.length * 10 + 10 });
    for (const login of ['theo.petit', 'alice.martin', 'hugo.bonnet']) {
      expect((await call(login, 'POST', 'reasons', { code: 'autre', label: 'Autre', countsAsJustified: false })).statusCode, login).toBe(403);
    }
    const taken = await call('carl.blanc', 'POST', 'reasons', { code: 'stage', label: 'Doublon', countsAsJustified: false });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('attendance.reason_code_taken');
    expect((await call('carl.blanc', 'POST', 'reasons', { code: 'Pas Bon', label: 'x', countsAsJustified: false })).statusCode).toBe(400);
    const updated = await call('carl.blanc', 'PUT', `reasons/${reason.id}`, { code: 'stage', label: 'Stage', countsAsJustified: false, active: false });
    expect(updated.json<AttendanceReason>()).toMatchObject({ label: 'Stage', countsAsJustified: false, active: false });
    expect((await call('hugo.bonnet', 'PUT', `reasons/${reason.id}`, { code: 'stage', label: 'x', countsAsJustified: true }, 'etab-b')).statusCode).toBe(404);
    expect((await call('carl.blanc', 'DELETE', `reasons/${reason.id}`)).statusCode).toBe(204);
    expect((await call('carl.blanc', 'GET', 'reasons')).json<AttendanceReasons>().reasons).toHaveLength(DEFAULT_REASONS.length);
  });

  it('keeps the half-day boundary and the forgotten-register delay per establishment', async () => {
    expect((await call('carl.blanc', 'GET', 'settings')).json<AttendanceSettings>()).toEqual({ halfDayBoundary: '12:30', forgottenAfterMinutes: 15 });
    expect((await call('carl.blanc', 'PUT', 'settings', { halfDayBoundary: '25:00', forgottenAfterMinutes: 15 })).statusCode).toBe(400);
    expect((await call('theo.petit', 'PUT', 'settings', { halfDayBoundary: '12:00', forgottenAfterMinutes: 10 })).statusCode).toBe(403);
    expect((await call('ada.morel', 'PUT', 'settings', { halfDayBoundary: '12:00', forgottenAfterMinutes: 10 })).statusCode).toBe(200);
    expect((await call('carl.blanc', 'GET', 'settings')).json<AttendanceSettings>()).toEqual({ halfDayBoundary: '12:00', forgottenAfterMinutes: 10 });
    // Another establishment keeps the defaults.
    expect((await call('hugo.bonnet', 'GET', 'settings', undefined, 'etab-b')).json<AttendanceSettings>()).toEqual({ halfDayBoundary: '12:30', forgottenAfterMinutes: 15 });
  });

  it('lists the registers not taken past the delay and tells vie scolaire once', async () => {
    at('2026-11-23T08:05:00.000Z'); // Monday 9:05 in Paris: the 8:00–9:00 lesson ended 5 minutes ago (delay 10).
    expect((await call('carl.blanc', 'GET', 'forgotten')).json<ForgottenRegisters>().registers).toEqual([]);
    expect(await notifyForgottenRegisters(env.ctx)).toBe(0);
    // 4A has French at the same time on Mondays.
    await database()
      .db.insertInto('timetable_slots')
      .values({ id: 'slot-4a-monday', establishment_id: 'etab-a', group_id: 'a-4a', subject_id: 'a-fr', teacher_id: 'tina', room_id: null, weekday: 1, start_time: '08:00', end_time: '09:00', weeks: 'all', valid_from: null, valid_to: null, source: 'manual', created_at: '2026-09-01T00:00:00.000Z', updated_at: '2026-09-01T00:00:00.000Z' })
      .execute();
    at('2026-11-23T08:12:00.000Z');
    const forgotten = (await call('carl.blanc', 'GET', 'forgotten')).json<ForgottenRegisters>();
    expect(forgotten.registers.map((r) => [r.group.name, r.subject.name, r.minutesLate, r.state])).toEqual([
      ['4A', 'Français', 12, 'todo'],
      ['5B', 'Mathématiques', 12, 'todo'],
    ]);
    for (const login of ['theo.petit', 'alice.martin', 'ada.morel']) expect((await call(login, 'GET', 'forgotten')).statusCode, login).toBe(403);
    expect((await call('hugo.bonnet', 'GET', 'forgotten')).statusCode).toBe(403);

    // Both in one notification, once.
    expect(await notifyForgottenRegisters(env.ctx)).toBe(2);
    expect(await notifyForgottenRegisters(env.ctx)).toBe(0);
    const sent = await database()
      .db.selectFrom('outbox_events as o')
      .innerJoin('event_recipients as r', 'r.event_id', 'o.id')
      .select(['o.type', 'o.actor_id', 'r.person_id', 'o.summary'])
      .where('o.type', '=', 'attendance.register_forgotten')
      .execute();
    expect(sent.map((s) => [s.type, s.actor_id, s.person_id, JSON.parse(s.summary)])).toEqual([
      ['attendance.register_forgotten', 'carl', 'carl', { date: '2026-11-23', count: '2', lessons: '4A, Français, 08:00 ; 5B, Mathématiques, 08:00' }],
    ]);

    // Taken late: no longer listed (4A's still is).
    const register = (await call('theo.petit', 'POST', 'registers', { slotId: slots.monday, date: '2026-11-23' })).json<Register>();
    expect((await call('theo.petit', 'POST', `registers/${register.id}/submit`, { marks: [{ studentId: 'alice', status: 'absent' }] })).statusCode).toBe(200);
    expect((await call('carl.blanc', 'GET', 'forgotten')).json<ForgottenRegisters>().registers.map((r) => r.group.name)).toEqual(['4A']);
  });

  it('lets vie scolaire record an absence directly, listed in the day’s absences', async () => {
    at('2026-11-23T08:30:00.000Z');
    const illness = (await call('carl.blanc', 'GET', 'reasons')).json<AttendanceReasons>().reasons.find((r) => r.code === 'maladie')?.id;
    // Bob's mother called: absent all Monday.
    const whole = { studentId: 'bob', startsAt: '2026-11-22T23:00:00.000Z', endsAt: '2026-11-23T23:00:00.000Z', reasonId: illness, comment: 'Appel de la mère' };
    const res = await call('carl.blanc', 'POST', 'events', whole);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<AttendanceEvent>()).toMatchObject({ kind: 'absence', source: 'staff', justification: 'justified', reason: { id: illness, name: 'Maladie' }, group: { id: 'a-5b', name: '5B' } });
    for (const login of ['theo.petit', 'alice.martin', 'remi.martin']) expect((await call(login, 'POST', 'events', whole)).statusCode, login).toBe(403);
    expect((await call('carl.blanc', 'POST', 'events', { ...whole, studentId: 'sam' })).statusCode).toBe(404);
    expect((await call('carl.blanc', 'POST', 'events', { ...whole, endsAt: whole.startsAt })).statusCode).toBe(400);
    expect((await call('carl.blanc', 'POST', 'events', { ...whole, kind: 'late' })).statusCode).toBe(400);

    const day = (await call('carl.blanc', 'GET', 'events?date=2026-11-23')).json<AttendanceEvents>().events;
    expect(day.map((e) => [e.student.id, e.kind, e.source])).toEqual([
      ['bob', 'absence', 'staff'],
      ['alice', 'absence', 'register'],
    ]);
    // The register shows Bob as already reported absent.
    const register = (await call('theo.petit', 'POST', 'registers', { slotId: slots.monday, date: '2026-11-23' })).json<Register>();
    expect(register.students.find((s) => s.id === 'bob')?.reportedAbsent).toBe(true);
    // A register event is not deleted through the staff route.
    const aliceEvent = day.find((e) => e.student.id === 'alice')?.id as string;
    expect((await call('carl.blanc', 'DELETE', `events/${aliceEvent}`)).statusCode).toBe(400);
    expect((await call('hugo.bonnet', 'DELETE', `events/${res.json<AttendanceEvent>().id}`, undefined, 'etab-b')).statusCode).toBe(403);
    // A reason some absence uses is deactivated, not deleted.
    const inUse = await call('carl.blanc', 'DELETE', `reasons/${illness}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('attendance.reason_in_use');
  });

  it('shows a student their own absences and half-days, relatives their children’s only', async () => {
    at('2026-11-25T10:00:00.000Z');
    const own = await call('alice.martin', 'GET', 'students/alice?from=2026-11-01');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<StudentAttendance>()).toMatchObject({ student: { id: 'alice' }, halfDays: { total: 1, justified: 0, unjustified: 1, lateness: 0 } });
    expect((await call('remi.martin', 'GET', 'students/alice')).statusCode).toBe(200);
    // Bob's whole-day staff absence: one half-day (Monday morning's lesson only), justified.
    expect((await call('carl.blanc', 'GET', 'students/bob')).json<StudentAttendance>().halfDays).toEqual({ total: 1, justified: 1, unjustified: 0, lateness: 0 });
    for (const login of ['alice.martin', 'remi.martin', 'rose.lefevre', 'theo.petit']) expect((await call(login, 'GET', 'students/bob')).statusCode, login).toBe(403);
    expect((await call('remi.martin', 'GET', 'students/sam')).statusCode).toBe(404);
    expect((await call('alice.martin', 'GET', 'students/alice?from=2026-12-01&to=2026-11-01')).statusCode).toBe(400);
  });
});
