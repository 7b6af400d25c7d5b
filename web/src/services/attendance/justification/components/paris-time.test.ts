import { describe, expect, it } from 'vitest';
import { parisFields, parisInstant, parisToday } from './paris-time';

describe('Paris wall-clock times', () => {
  it('reads winter and summer times as Paris times', () => {
    expect(parisInstant('2026-11-26', '08:00')).toBe('2026-11-26T07:00:00.000Z');
    expect(parisInstant('2026-06-15', '08:00')).toBe('2026-06-15T06:00:00.000Z');
    expect(parisInstant('2026-11-26', '17h30')).toBe('2026-11-26T16:30:00.000Z');
  });
  it('handles the days the clocks change', () => {
    // 29 March 2026: 2:00 → 3:00; 10:00 is summer time. 25 October 2026: 3:00 → 2:00; 10:00 is winter time.
    expect(parisInstant('2026-03-29', '10:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(parisInstant('2026-10-25', '10:00')).toBe('2026-10-25T09:00:00.000Z');
  });
  it('refuses what is not a date or a time', () => {
    expect(parisInstant('2026-02-30', '08:00')).toBeNull();
    expect(parisInstant('26/11/2026', '08:00')).toBeNull();
    expect(parisInstant('2026-11-26', '25:00')).toBeNull();
  });
  it('gives today’s Paris date (already tomorrow at 23:30 UTC in winter)', () => {
    expect(parisToday(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(parisToday(new Date('2026-11-26T12:00:00Z'))).toBe('2026-11-26');
  });
  it('turns an instant back into the Paris date and time a form shows', () => {
    expect(parisFields('2026-11-26T07:00:00.000Z')).toEqual({ date: '2026-11-26', time: '08:00' });
    expect(parisFields('2026-06-30T22:30:00.000Z')).toEqual({ date: '2026-07-01', time: '00:30' });
  });
});
