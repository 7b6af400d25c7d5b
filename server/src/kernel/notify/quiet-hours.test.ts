import type { QuietHours } from '@preau/contracts';
import { describe, expect, it } from 'vitest';
import { emailDue, inQuietHours, lastDigestTime } from './quiet-hours.js';
import { instantAt, localTime } from './zoned-time.js';

const PARIS = 'Europe/Paris';
const family: QuietHours = { enabled: true, start: '20:00', end: '07:00', days: [0] };
const at = (iso: string) => new Date(iso);

describe('quiet hours in Europe/Paris', () => {
  it.each([
    ['winter, Wednesday 19:59', '2026-11-25T18:59:00Z', false],
    ['winter, Wednesday 20:00', '2026-11-25T19:00:00Z', true],
    ['winter, Thursday 06:59', '2026-11-26T05:59:00Z', true],
    ['winter, Thursday 07:00', '2026-11-26T06:00:00Z', false],
    ['summer, Wednesday 19:59', '2026-06-10T17:59:00Z', false],
    ['summer, Wednesday 20:00', '2026-06-10T18:00:00Z', true],
    ['summer, Thursday 06:59', '2026-06-11T04:59:00Z', true],
    ['summer, Thursday 07:00', '2026-06-11T05:00:00Z', false],
    ['Saturday noon', '2026-11-28T11:00:00Z', false],
    ['Sunday noon', '2026-11-29T11:00:00Z', true],
    ['Sunday 00:00', '2026-11-28T23:00:00Z', true],
    ['Monday 06:59 after Sunday', '2026-11-30T05:59:00Z', true],
    ['Monday 07:00 after Sunday', '2026-11-30T06:00:00Z', false],
    ['Saturday 20:30 before spring-forward (CET)', '2026-03-28T19:30:00Z', true],
    ['Sunday of spring-forward, 03:30 CEST', '2026-03-29T01:30:00Z', true],
    ['Monday after spring-forward, 06:59 CEST', '2026-03-30T04:59:00Z', true],
    ['Monday after spring-forward, 07:00 CEST', '2026-03-30T05:00:00Z', false],
    ['Monday after fall-back, 06:59 CET', '2026-10-26T05:59:00Z', true],
    ['Monday after fall-back, 07:00 CET', '2026-10-26T06:00:00Z', false],
  ])('%s → quiet %s', (_label, iso, quiet) => {
    expect(inQuietHours(at(iso), family, PARIS)).toBe(quiet);
  });

  it('never holds back when disabled, and a daytime window does not wrap', () => {
    expect(inQuietHours(at('2026-11-29T11:00:00Z'), { ...family, enabled: false }, PARIS)).toBe(false);
    const lunch: QuietHours = { enabled: true, start: '12:00', end: '14:00', days: [] };
    expect(inQuietHours(at('2026-11-25T11:30:00Z'), lunch, PARIS)).toBe(true);
    expect(inQuietHours(at('2026-11-25T13:00:00Z'), lunch, PARIS)).toBe(false);
    expect(inQuietHours(at('2026-11-25T10:59:00Z'), lunch, PARIS)).toBe(false);
  });
});

describe('digest times', () => {
  it('daily at 17:00 local time, in winter and in summer', () => {
    expect(lastDigestTime(at('2026-11-25T16:30:00Z'), 'daily', PARIS).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(lastDigestTime(at('2026-11-25T15:59:00Z'), 'daily', PARIS).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(lastDigestTime(at('2026-06-10T15:00:00Z'), 'daily', PARIS).toISOString()).toBe('2026-06-10T15:00:00.000Z');
  });

  it('weekly on Friday at 17:00, across the autumn change of time', () => {
    expect(lastDigestTime(at('2026-11-25T12:00:00Z'), 'weekly', PARIS).toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(lastDigestTime(at('2026-10-30T15:30:00Z'), 'weekly', PARIS).toISOString()).toBe('2026-10-23T15:00:00.000Z');
    expect(lastDigestTime(at('2026-10-30T16:00:00Z'), 'weekly', PARIS).toISOString()).toBe('2026-10-30T16:00:00.000Z');
  });

  it('a daily digest waits until the digest time, then leaves', () => {
    const created = at('2026-11-25T10:00:00Z');
    expect(emailDue(at('2026-11-25T15:59:00Z'), created, 'daily', family, PARIS)).toBe(false);
    expect(emailDue(at('2026-11-25T16:00:00Z'), created, 'daily', family, PARIS)).toBe(true);
  });

  it('an immediate e-mail caught by quiet hours leaves when they end', () => {
    const created = at('2026-11-25T20:00:00Z'); // 21:00 in Paris
    expect(emailDue(at('2026-11-25T20:00:00Z'), created, 'immediate', family, PARIS)).toBe(false);
    expect(emailDue(at('2026-11-26T05:59:00Z'), created, 'immediate', family, PARIS)).toBe(false);
    expect(emailDue(at('2026-11-26T06:00:00Z'), created, 'immediate', family, PARIS)).toBe(true);
  });

  it("Sunday's daily digest of a family waits for Monday 07:00", () => {
    const created = at('2026-11-29T09:00:00Z');
    expect(emailDue(at('2026-11-29T16:30:00Z'), created, 'daily', family, PARIS)).toBe(false);
    expect(emailDue(at('2026-11-30T06:00:00Z'), created, 'daily', family, PARIS)).toBe(true);
  });
});

describe('zoned time', () => {
  it('reads the wall clock and finds the instant of a wall time', () => {
    expect(localTime(at('2026-03-29T01:30:00Z'), PARIS)).toMatchObject({ day: 29, hour: 3, minute: 30, weekday: 0 });
    expect(instantAt(2026, 3, 29, 17, 0, PARIS).toISOString()).toBe('2026-03-29T15:00:00.000Z');
    expect(instantAt(2026, 3, 28, 17, 0, PARIS).toISOString()).toBe('2026-03-28T16:00:00.000Z');
  });
});
