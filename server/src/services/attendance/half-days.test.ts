import { describe, expect, it } from 'vitest';
import { absenceHalfDays, type CountedEvent, countHalfDays } from './half-days.js';

// Winter time in Paris (UTC+1): 8:00 local is 07:00Z. Monday 23 November 2026.
const lesson = (date: string, start: string, end: string) => ({ startsAt: `${date}T${start}:00.000Z`, endsAt: `${date}T${end}:00.000Z` });
const monday = [lesson('2026-11-23', '07:00', '08:00'), lesson('2026-11-23', '08:00', '09:00'), lesson('2026-11-23', '13:00', '14:00')];
// Wednesday: mornings only.
const wednesday = [lesson('2026-11-25', '07:00', '08:00'), lesson('2026-11-25', '09:00', '10:00')];
const lessons = [...monday, ...wednesday];

const registerAbsence = (l: { startsAt: string; endsAt: string }, justification = 'unjustified'): CountedEvent => ({ kind: 'absence', source: 'register', justification, ...l });

describe('half-day counting', () => {
  it('counts a half-day once however many of its lessons were missed', () => {
    const events = [registerAbsence(monday[0] as never), registerAbsence(monday[1] as never)];
    expect(countHalfDays(events, lessons, '12:30')).toEqual({ total: 1, justified: 0, unjustified: 1, lateness: 0 });
  });

  it('splits morning and afternoon at the boundary, Paris time', () => {
    const events = [registerAbsence(monday[1] as never), registerAbsence(monday[2] as never)];
    expect(absenceHalfDays(events, lessons, '12:30').map((h) => `${h.date} ${h.part}`)).toEqual(['2026-11-23 am', '2026-11-23 pm']);
    // With a 15:00 boundary the 14:00 (local) lesson belongs to the morning.
    expect(absenceHalfDays(events, lessons, '15:00').map((h) => `${h.date} ${h.part}`)).toEqual(['2026-11-23 am']);
  });

  it('does not count lateness or early departures as absences', () => {
    const events: CountedEvent[] = [
      { kind: 'late', source: 'register', justification: 'unjustified', startsAt: '2026-11-23T07:00:00.000Z', endsAt: '2026-11-23T07:10:00.000Z' },
      { kind: 'left_early', source: 'register', justification: 'unjustified', startsAt: '2026-11-23T07:50:00.000Z', endsAt: '2026-11-23T08:00:00.000Z' },
    ];
    expect(countHalfDays(events, lessons, '12:30')).toEqual({ total: 0, justified: 0, unjustified: 0, lateness: 1 });
  });

  it('makes a half-day unjustified when any of its absences is not justified (pending and refused included)', () => {
    expect(countHalfDays([registerAbsence(monday[0] as never, 'justified'), registerAbsence(monday[1] as never, 'pending')], lessons, '12:30')).toMatchObject({ justified: 0, unjustified: 1 });
    expect(countHalfDays([registerAbsence(monday[0] as never, 'justified'), registerAbsence(monday[1] as never, 'refused')], lessons, '12:30')).toMatchObject({ justified: 0, unjustified: 1 });
    expect(countHalfDays([registerAbsence(monday[0] as never, 'justified'), registerAbsence(monday[1] as never, 'justified')], lessons, '12:30')).toMatchObject({ justified: 1, unjustified: 0 });
  });

  it('counts a whole-day staff absence only on half-days with lessons', () => {
    // Phone call: absent from Monday 23 to Wednesday 25 included (local midnights).
    const staff: CountedEvent = { kind: 'absence', source: 'staff', justification: 'justified', startsAt: '2026-11-22T23:00:00.000Z', endsAt: '2026-11-25T23:00:00.000Z' };
    // Monday am + pm, no lesson on Tuesday in this timetable, Wednesday am only.
    expect(absenceHalfDays([staff], lessons, '12:30').map((h) => `${h.date} ${h.part}`)).toEqual(['2026-11-23 am', '2026-11-23 pm', '2026-11-25 am']);
    expect(countHalfDays([staff], [], '12:30').total).toBe(0);
  });

  it('ignores collective absences (a class trip is school time)', () => {
    const trip: CountedEvent = { kind: 'absence', source: 'collective', justification: 'justified', ...lesson('2026-11-23', '07:00', '16:00') };
    expect(countHalfDays([trip], lessons, '12:30').total).toBe(0);
  });

  it('follows the change to summer time (8:00 local is 06:00Z in April)', () => {
    const april = { startsAt: '2027-04-05T06:00:00.000Z', endsAt: '2027-04-05T07:00:00.000Z' };
    const afternoon = { startsAt: '2027-04-05T10:45:00.000Z', endsAt: '2027-04-05T11:45:00.000Z' }; // 12:45 local
    expect(absenceHalfDays([registerAbsence(april), registerAbsence(afternoon)], [april, afternoon], '12:30').map((h) => h.part)).toEqual(['am', 'pm']);
  });
});
