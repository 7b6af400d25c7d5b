import { describe, expect, it } from 'vitest';
import { type ExistingEvent, planSync, type SubmittedMark } from './register-sync.js';

const lesson = { startsAt: '2026-11-23T07:00:00.000Z', endsAt: '2026-11-23T08:00:00.000Z' };
const mark = (studentId: string, status: SubmittedMark['status'], extra: Partial<SubmittedMark> = {}): SubmittedMark => ({ studentId, status, minutes: null, reasonId: null, comment: null, ...extra });
const existing = (studentId: string, extra: Partial<ExistingEvent> = {}): ExistingEvent => ({
  id: `e-${studentId}`,
  student_id: studentId,
  kind: 'absence',
  starts_at: lesson.startsAt,
  ends_at: lesson.endsAt,
  minutes: null,
  reason_id: null,
  justification: 'unjustified',
  comment: null,
  flag: null,
  ...extra,
});
const justifying = (id: string) => id === 'illness';

describe('register submission plan', () => {
  it('inserts one event per absent, late or early student, nothing for those present', () => {
    const plan = planSync([mark('a', 'absent'), mark('b', 'late', { minutes: 10 }), mark('c', 'left_early', { minutes: 5 }), mark('d', 'present')], [], lesson, justifying, new Set());
    expect(plan.insert.map((e) => [e.student_id, e.kind, e.starts_at, e.ends_at, e.minutes])).toEqual([
      ['a', 'absence', lesson.startsAt, lesson.endsAt, null],
      ['b', 'late', lesson.startsAt, '2026-11-23T07:10:00.000Z', 10],
      ['c', 'left_early', '2026-11-23T07:55:00.000Z', lesson.endsAt, 5],
    ]);
    expect(plan).toMatchObject({ update: [], remove: [], flag: [] });
  });

  it('changes nothing when the same marks are submitted again', () => {
    expect(planSync([mark('a', 'absent')], [existing('a')], lesson, justifying, new Set())).toEqual({ insert: [], update: [], remove: [], flag: [] });
  });

  it('removes an unjustified event of a student no longer marked, flags one under justification once', () => {
    const events = [existing('a'), existing('b', { justification: 'pending' }), existing('c', { justification: 'justified', flag: 'unmarked' })];
    expect(planSync([], events, lesson, justifying, new Set())).toEqual({ insert: [], update: [], remove: ['e-a'], flag: ['e-b'] });
  });

  it('derives the justification from vie scolaire’s reason unless the workflow decides it', () => {
    const plan = planSync([mark('a', 'absent', { reasonId: 'illness' }), mark('b', 'absent', { reasonId: 'illness' }), mark('c', 'absent')], [existing('b', { justification: 'refused' }), existing('c', { reason_id: 'illness', justification: 'justified' })], lesson, justifying, new Set());
    expect(plan.insert.map((e) => [e.student_id, e.justification])).toEqual([['a', 'justified']]);
    // b: the workflow refused it; the reason is recorded but the decision stays. c: unchanged (no reason in the mark).
    expect(plan.update.map((e) => [e.id, e.reason_id, e.justification])).toEqual([['e-b', 'illness', 'refused']]);
  });

  it('records no absence for a student away in a collective activity', () => {
    expect(planSync([mark('a', 'absent')], [existing('a')], lesson, justifying, new Set(['a']))).toEqual({ insert: [], update: [], remove: ['e-a'], flag: [] });
  });
});
