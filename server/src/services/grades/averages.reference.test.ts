import { describe, expect, it } from 'vitest';
import { type Fraction, type GradeInput, compare, fraction, subjectAverage } from './averages.js';

/**
 * The subject average written the plain way, one reduced fraction per step, exactly as the rules
 * read. `subjectAverage` computes in integers over a common denominator for speed; on random
 * grades (odd scales, coefficients, optional and bonus grades, special values) both must agree.
 */
const add = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);
const sub = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);

function reference(grades: GradeInput[]): Fraction | null {
  let points = fraction(0n);
  let weights = fraction(0n);
  let bonus = fraction(0n);
  const optional: { value: Fraction; weight: Fraction; id: string }[] = [];
  for (const g of grades) {
    if (g.valueCenti === null && !g.countsAsZero) continue;
    const value = g.valueCenti === null ? fraction(0n) : fraction(BigInt(g.valueCenti) * 20n, BigInt(g.scaleCenti));
    const weight = fraction(BigInt(g.coefficientCenti), 100n);
    if (weight.n === 0n && g.kind !== 'bonus') continue;
    if (g.kind === 'normal') {
      points = add(points, mul(value, weight));
      weights = add(weights, weight);
    } else if (g.kind === 'optional') optional.push({ value, weight, id: g.assessmentId });
    else if (compare(value, fraction(10n)) > 0) bonus = add(bonus, mul(sub(value, fraction(10n)), weight));
  }
  optional.sort((a, b) => compare(b.value, a.value) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const o of optional) {
    if (weights.n !== 0n && compare(o.value, div(points, weights)) <= 0) break;
    points = add(points, mul(o.value, o.weight));
    weights = add(weights, o.weight);
  }
  if (weights.n === 0n) return null;
  const average = add(div(points, weights), bonus);
  return compare(average, fraction(20n)) > 0 ? fraction(20n) : average;
}

describe('subject average against the plain fraction reference', () => {
  it('agrees exactly on 3,000 random sets of grades', () => {
    let state = 20261125;
    const rnd = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const scales = [2000, 1000, 4000, 700, 1350, 333, 10000];
    for (let round = 0; round < 3000; round++) {
      const grades: GradeInput[] = Array.from({ length: 1 + rnd(9) }, (_, i) => {
        const scaleCenti = scales[rnd(scales.length)] as number;
        const special = rnd(8) === 0;
        return {
          assessmentId: `a${i}`,
          subjectId: 'maths',
          kind: (['normal', 'normal', 'optional', 'bonus'] as const)[rnd(4)] as GradeInput['kind'],
          scaleCenti,
          coefficientCenti: [0, 50, 100, 100, 200, 150, 333][rnd(7)] as number,
          valueCenti: special ? null : rnd(scaleCenti + 1),
          countsAsZero: special && rnd(2) === 0,
        };
      });
      expect(subjectAverage(grades), JSON.stringify(grades)).toEqual(reference(grades));
    }
  });
});
