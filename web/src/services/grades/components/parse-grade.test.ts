import { describe, expect, it } from 'vitest';
import { parseGrade, parseWhen } from './GradeEntry';

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

  it('reads the codes of special values and an empty cell as “clear”', () => {
    expect(parseGrade('ABS', 20)).toEqual({ value: null, special: 'absent' });
    expect(parseGrade('disp', 20)).toEqual({ value: null, special: 'exempted' });
    expect(parseGrade('nn', 20)).toEqual({ value: null, special: 'not_graded' });
    expect(parseGrade('nr', 20)).toEqual({ value: null, special: 'not_handed_in' });
    expect(parseGrade('  ', 20)).toEqual({ value: null, special: null });
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
});
