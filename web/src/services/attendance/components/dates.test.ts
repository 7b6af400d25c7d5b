import { describe, expect, it } from 'vitest';
import { isIsoDate, parisInstant, shiftDate } from './dates';

describe('attendance dates', () => {
  it('turns a Paris wall clock into the instant, in winter and in summer time', () => {
    expect(parisInstant('2026-11-23', '08:00')).toBe('2026-11-23T07:00:00.000Z');
    expect(parisInstant('2027-04-05', '08:00')).toBe('2027-04-05T06:00:00.000Z');
  });
  it('moves between days and checks dates', () => {
    expect(shiftDate('2026-11-01', -1)).toBe('2026-10-31');
    expect(shiftDate('2027-03-28', 1)).toBe('2027-03-29');
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isIsoDate('23/11/2026')).toBe(false);
  });
});
