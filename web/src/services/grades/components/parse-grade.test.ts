import { describe, expect, it } from 'vitest';
import { currentPeriodId, formatWhen, gradeText, parseGrade, parseWhen } from './grade-input';

describe('what the teacher types in a grade cell', () => {
  it('reads numbers with a comma or a point, up to two decimals, within the scale', () => {
    expect(parseGrade('12,5', 20)).toEqual({ value: 12.5, special: null });
    expect(parseGrade(' 7.25 ', 10)).toEqual({ value: 7.25, special: null });
    expect(parseGrade('20', 20)).toEqual({ value: 20, special: null });
    expect(parseGrade('21', 20)).toBeUndefined();
    expect(parseGrade('12,345', 20)).toBeUndefined();
    expect(parseGrade('-1', 20)).toBeUndefined();
    expect(parseGrade('douze', 20)).toBeUndefined();
  });

  it('reads the codes of special values, with 0 when they count as zero, and an empty cell as “clear”', () => {
    expect(parseGrade('ABS', 20)).toEqual({ value: null, special: 'absent', countsAsZero: false });
    expect(parseGrade('abs0', 20)).toEqual({ value: null, special: 'absent', countsAsZero: true });
    expect(parseGrade('disp', 20)).toEqual({ value: null, special: 'exempted', countsAsZero: false });
    expect(parseGrade('nn', 20)).toEqual({ value: null, special: 'not_graded', countsAsZero: false });
    expect(parseGrade('nr', 20)).toEqual({ value: null, special: 'not_handed_in', countsAsZero: false });
    expect(parseGrade('NR0', 20)).toEqual({ value: null, special: 'not_handed_in', countsAsZero: true });
    expect(parseGrade('nr00', 20)).toBeUndefined();
    expect(parseGrade('xyz0', 20)).toBeUndefined();
    expect(parseGrade('  ', 20)).toEqual({ value: null, special: null });
  });

  it('shows a saved grade as the text that saves it again unchanged', () => {
    for (const g of [
      { value: 12.5, special: null, countsAsZero: false, comment: null },
      { value: null, special: 'absent' as const, countsAsZero: true, comment: null },
      { value: null, special: 'not_handed_in' as const, countsAsZero: false, comment: null },
    ]) {
      const parsed = parseGrade(gradeText(g), 20);
      expect(parsed?.value ?? null).toBe(g.value);
      expect(parsed?.special ?? null).toBe(g.special);
      if (g.special) expect(parsed?.countsAsZero).toBe(g.countsAsZero);
    }
    expect(gradeText(undefined)).toBe('');
  });
});

describe('publication times typed by the teacher', () => {
  it('reads a local date and time, a date alone, or nothing', () => {
    expect(parseWhen('2026-12-01 18:00')).toBe(new Date('2026-12-01T18:00:00').toISOString());
    expect(parseWhen('2026-12-01')).toBe(new Date('2026-12-01T00:00:00').toISOString());
    expect(parseWhen('')).toBeNull();
    expect(parseWhen('demain')).toBeUndefined();
    expect(parseWhen('2026-13-45 10:00')).toBeUndefined();
  });

  it('writes a saved time back in the same form', () => {
    const iso = new Date('2026-12-01T18:05:00').toISOString();
    expect(formatWhen(iso)).toBe('2026-12-01 18:05');
    expect(parseWhen(formatWhen(iso))).toBe(iso);
    expect(formatWhen(null)).toBe('');
  });
});

describe('the period the page opens on', () => {
  it('is the one containing today, or none (the year)', () => {
    const periods = [
      { id: 't1', startsOn: '2026-09-01', endsOn: '2026-11-30' },
      { id: 't2', startsOn: '2026-12-01', endsOn: '2027-03-08' },
    ];
    expect(currentPeriodId(periods, '2026-11-30')).toBe('t1');
    expect(currentPeriodId(periods, '2026-12-01')).toBe('t2');
    expect(currentPeriodId(periods, '2027-07-14')).toBeNull();
  });
});
