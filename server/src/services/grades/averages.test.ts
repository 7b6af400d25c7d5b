import { describe, expect, it } from 'vitest';
import { type GradeInput, classAverages, fraction, generalAverage, spread, subjectAverage, toDisplay } from './averages.js';

let seq = 0;
/** A grade out of `scale` (points, not hundredths) with coefficient `coef`. */
const g = (value: number | null, scale = 20, coef = 1, kind: GradeInput['kind'] = 'normal', countsAsZero = false): GradeInput => ({
  assessmentId: `a${String(++seq).padStart(3, '0')}`,
  subjectId: 'maths',
  kind,
  scaleCenti: Math.round(scale * 100),
  coefficientCenti: Math.round(coef * 100),
  valueCenti: value === null ? null : Math.round(value * 100),
  countsAsZero,
});
const avg = (grades: GradeInput[]) => toDisplay(subjectAverage(grades));

describe('subject average (hand-computed)', () => {
  it('weights by coefficient: 12 (coef 1) and 15 (coef 2) → (12 + 30) / 3 = 14', () => {
    expect(avg([g(12), g(15, 20, 2)])).toBe(14);
  });

  it('brings other scales to /20: 7/10 → 14, 45/50 → 18, 16/20 → 16; mean 16', () => {
    expect(avg([g(7, 10), g(45, 50), g(16)])).toBe(16);
  });

  it('keeps exact fractions until display: 10, 10, 11 → 31/3 = 10.333… → 10.33; 13.335 rounds half-up', () => {
    expect(subjectAverage([g(10), g(10), g(11)])).toEqual(fraction(31n, 3n));
    expect(avg([g(10), g(10), g(11)])).toBe(10.33);
    // 13.33 and 13.34, each coefficient 1: 13.335 exactly → 13.34 (half-up), not 13.33 (float or banker's).
    expect(avg([g(13.33), g(13.34)])).toBe(13.34);
    // 2/3 of 20 = 13.333… → 13.33; 17/3 → 5.666… → 5.67
    expect(avg([g(2, 3)])).toBe(13.33);
    expect(avg([g(17, 60)])).toBe(5.67);
  });

  it('counts an optional grade only if it raises the average', () => {
    // 12 alone; optional 10 would lower it → 12.
    expect(avg([g(12), g(10, 20, 1, 'optional')])).toBe(12);
    // optional 18 raises it: (12 + 18) / 2 = 15.
    expect(avg([g(12), g(18, 20, 1, 'optional')])).toBe(15);
    // optional 16 and 13 over 12: 16 first → 14; 13 < 14 is left out → 14.
    expect(avg([g(12), g(13, 20, 1, 'optional'), g(16, 20, 1, 'optional')])).toBe(14);
    // optional 20 and 15 over 8: 20 → 14; 15 > 14 → (8 + 20 + 15) / 3 = 14.333… → 14.33.
    expect(avg([g(8), g(15, 20, 1, 'optional'), g(20, 20, 1, 'optional')])).toBe(14.33);
    // Only optional grades: the best one counts, then only those that raise it.
    expect(avg([g(9, 20, 1, 'optional'), g(11, 20, 1, 'optional')])).toBe(11);
    // Equal to the average: does not raise it, left out (weights unchanged either way here).
    expect(subjectAverage([g(12), g(6, 10, 3, 'optional')])).toEqual(fraction(12n));
  });

  it('adds only the bonus points above 10/20 to the average, capped at 20', () => {
    // 12 + (16 − 10) × 0.5 = 15
    expect(avg([g(12), g(16, 20, 0.5, 'bonus')])).toBe(15);
    // Bonus below 10 adds nothing (never lowers).
    expect(avg([g(12), g(4, 20, 1, 'bonus')])).toBe(12);
    // 8/10 → 16/20 → +6 on 18 → 24, capped at 20.
    expect(avg([g(18), g(8, 10, 1, 'bonus')])).toBe(20);
    // A bonus alone makes no average.
    expect(subjectAverage([g(18, 20, 1, 'bonus')])).toBeNull();
  });

  it('leaves special values out, or counts them as 0 when the teacher says so', () => {
    expect(avg([g(14), g(null)])).toBe(14);
    // Not handed in, counted as 0 with coefficient 2: (14 + 0) / 3 = 4.666… → 4.67
    expect(avg([g(14), g(null, 20, 2, 'normal', true)])).toBe(4.67);
    expect(subjectAverage([g(null), g(null)])).toBeNull();
    expect(avg([g(null, 20, 1, 'normal', true)])).toBe(0);
  });

  it('ignores a coefficient of 0 (a grade shown but not counted)', () => {
    expect(avg([g(10), g(20, 20, 0)])).toBe(10);
  });

  it('does not depend on the order of the grades', () => {
    const grades = [g(8), g(15, 20, 1, 'optional'), g(20, 40, 2), g(14, 20, 1, 'optional'), g(17, 20, 0.5, 'bonus')];
    const reference = subjectAverage(grades);
    expect(subjectAverage([...grades].reverse())).toEqual(reference);
    // 8 and 10 (20/40, coef 2) → 28/3 = 9.33; optional 15 → 43/4 = 10.75; 14 → 57/5 = 11.4; bonus +3.5 → 14.9
    expect(toDisplay(reference)).toBe(14.9);
  });
});

describe('general and class averages (hand-computed)', () => {
  it('weights subjects by their coefficients and skips subjects without an average', () => {
    // maths 14 (coef 4), French 11 (coef 3), music none → (56 + 33) / 7 = 12.714… → 12.71
    expect(
      toDisplay(
        generalAverage([
          { average: fraction(14n), coefficientCenti: 400 },
          { average: fraction(11n), coefficientCenti: 300 },
          { average: null, coefficientCenti: 100 },
        ]),
      ),
    ).toBe(12.71);
    expect(generalAverage([{ average: null, coefficientCenti: 100 }])).toBeNull();
  });

  it('gives the class mean, lowest and highest, leaving out students without an average', () => {
    const s = spread([fraction(12n), fraction(9n), null, fraction(31n, 2n)]);
    expect([toDisplay(s.average), toDisplay(s.min), toDisplay(s.max)]).toEqual([12.17, 9, 15.5]);
  });

  it('computes each student’s subjects, general average and the class figures together', () => {
    const row = (studentId: string, subjectId: string, value: number | null, coef = 1) => ({ ...g(value, 20, coef), studentId, subjectId });
    const result = classAverages(
      [row('ann', 'maths', 16), row('ann', 'maths', 10, 2), row('ann', 'fr', 9), row('ben', 'maths', 8), row('ben', 'fr', 15), row('ben', 'fr', null)],
      ['ann', 'ben', 'cyd'],
      new Map([['maths', 300]]),
    );
    // Ann: maths (16 + 20) / 3 = 12, French 9 → (36 + 9) / 4 = 11.25. Ben: maths 8, French 15 → (24 + 15) / 4 = 9.75.
    expect(toDisplay(result.students.get('ann')?.general ?? null)).toBe(11.25);
    expect(toDisplay(result.students.get('ben')?.general ?? null)).toBe(9.75);
    expect(result.students.get('cyd')?.general).toBeNull();
    const maths = result.subjects.get('maths');
    expect([toDisplay(maths?.average ?? null), toDisplay(maths?.min ?? null), toDisplay(maths?.max ?? null)]).toEqual([10, 8, 12]);
    expect(toDisplay(result.general.average)).toBe(10.5);
  });
});
