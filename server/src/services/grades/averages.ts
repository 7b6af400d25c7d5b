/**
 * Averages, exactly. Every value is a fraction of big integers (grades and coefficients arrive as
 * hundredths), so no float ever rounds an intermediate result: the same grades always give the
 * same average on any database and machine. Rounding happens once, for display: half-up to two
 * decimals (13.335 → 13.34, 13.3349… → 13.33).
 *
 * Rules (those of the usual French tools):
 * - every grade is brought to /20 (value × 20 / scale), then weighted by its assessment's coefficient;
 * - an optional assessment counts only if it raises the subject average: optional grades are tried
 *   from the best down and kept while each is above the average so far (this keeps the best subset);
 * - a bonus assessment adds only its points above 10/20, times its coefficient, to the points, and
 *   nothing to the weights; the subject average is capped at 20;
 * - a special value (absent, exempted, not graded, not handed in) counts as 0 when the teacher says
 *   so, otherwise it is left out;
 * - the general average is the mean of the subject averages weighted by the subject coefficients;
 *   the class average of a subject is the plain mean of its students' averages.
 */

export interface Fraction {
  n: bigint;
  d: bigint;
}

export type AssessmentKind = 'normal' | 'optional' | 'bonus';

export interface GradeInput {
  assessmentId: string;
  subjectId: string;
  kind: AssessmentKind;
  /** The scale in hundredths (2000 for /20). */
  scaleCenti: number;
  coefficientCenti: number;
  /** Hundredths of a point; null for a special value. */
  valueCenti: number | null;
  /** A special value that the teacher counts as 0. */
  countsAsZero: boolean;
}

const TWENTY: Fraction = { n: 20n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  // A temporary rather than [x, y] = [y, x % y]: no array per step (this runs for every fraction).
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x || 1n;
}

export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new Error('division by zero');
  if (d === 1n) return { n, d };
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}
const add = (a: Fraction, b: Fraction) => (a.d === b.d ? fraction(a.n + b.n, a.d) : fraction(a.n * b.d + b.n * a.d, a.d * b.d));
const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);
export const compare = (a: Fraction, b: Fraction) => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};

/** Half-up to two decimals, for display and the API (never for further computation). */
export function toDisplay(value: Fraction | null): number | null {
  if (!value) return null;
  const scaled = value.n * 100n;
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const rounded = (abs * 2n + value.d) / (2n * value.d);
  return Number(negative ? -rounded : rounded) / 100;
}

/** The grade brought to /20, or null when it does not count. */
export function onTwenty(g: Pick<GradeInput, 'scaleCenti' | 'valueCenti' | 'countsAsZero'>): Fraction | null {
  if (g.valueCenti === null) return g.countsAsZero ? fraction(0n) : null;
  return fraction(BigInt(g.valueCenti) * 20n, BigInt(g.scaleCenti));
}

/**
 * One subject's average (on /20) from one student's grades in it; null when nothing counts.
 * Computed in integers over a common denominator (the scales' least common multiple), with one
 * reduction at the end: the same exact result as fraction arithmetic, without a gcd per grade.
 */
export function subjectAverage(grades: GradeInput[]): Fraction | null {
  const counted = grades.filter((g) => (g.valueCenti !== null || g.countsAsZero) && (g.coefficientCenti !== 0 || g.kind === 'bonus'));
  if (counted.length === 0) return null;
  // Every grade on /20 is n / D with D the lcm of the scales (in hundredths): n = value × 20 × D / scale.
  let D = 1n;
  for (const g of counted) {
    const scale = BigInt(g.scaleCenti);
    D = (D / gcd(D, scale)) * scale;
  }
  const TEN = 10n * D;
  let points = 0n; // Σ n × coefficient (coefficients in hundredths)
  let weights = 0n; // Σ coefficient
  let bonus = 0n; // Σ (n − 10·D) × coefficient, for bonus grades above 10/20
  const optional: { n: bigint; weight: bigint; id: string }[] = [];
  for (const g of counted) {
    const n = g.valueCenti === null ? 0n : (BigInt(g.valueCenti) * 20n * D) / BigInt(g.scaleCenti);
    const weight = BigInt(g.coefficientCenti);
    if (g.kind === 'normal') {
      points += n * weight;
      weights += weight;
    } else if (g.kind === 'optional') optional.push({ n, weight, id: g.assessmentId });
    else if (n > TEN) bonus += (n - TEN) * weight;
  }
  // Best first (ties by assessment id, so the result never depends on the order grades arrive in).
  optional.sort((a, b) => (a.n > b.n ? -1 : a.n < b.n ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const o of optional) {
    // Kept only while above the average so far: n / D > points / (D × weights) ⟺ n × weights > points.
    if (weights !== 0n && o.n * weights <= points) break;
    points += o.n * o.weight;
    weights += o.weight;
  }
  if (weights === 0n) return null;
  // points / (D × weights) + bonus / (D × 100), capped at 20.
  const average = fraction(points * 100n + bonus * weights, D * weights * 100n);
  return compare(average, TWENTY) > 0 ? TWENTY : average;
}

/** The general average: subject averages weighted by subject coefficients (hundredths; default 1). */
export function generalAverage(subjects: { average: Fraction | null; coefficientCenti: number }[]): Fraction | null {
  let points = fraction(0n);
  let weights = fraction(0n);
  for (const s of subjects) {
    if (!s.average || s.coefficientCenti <= 0) continue;
    const weight = fraction(BigInt(s.coefficientCenti), 100n);
    points = add(points, mul(s.average, weight));
    weights = add(weights, weight);
  }
  return weights.n === 0n ? null : div(points, weights);
}

/** Mean, lowest and highest of values (students without a value are left out). */
export function spread(values: (Fraction | null)[]): { average: Fraction | null; min: Fraction | null; max: Fraction | null } {
  const present = values.filter((v): v is Fraction => v !== null);
  if (present.length === 0) return { average: null, min: null, max: null };
  let sum = fraction(0n);
  let min = present[0] as Fraction;
  let max = min;
  for (const v of present) {
    sum = add(sum, v);
    if (compare(v, min) < 0) min = v;
    if (compare(v, max) > 0) max = v;
  }
  return { average: div(sum, fraction(BigInt(present.length))), min, max };
}

/**
 * Every student's subject averages and general average, and the class figures per subject and
 * overall, from all the grades of a class over a period (or the year).
 */
export function classAverages(
  grades: (GradeInput & { studentId: string })[],
  studentIds: string[],
  subjectCoefficients: Map<string, number>,
): {
  students: Map<string, { subjects: Map<string, Fraction | null>; general: Fraction | null }>;
  subjects: Map<string, { average: Fraction | null; min: Fraction | null; max: Fraction | null }>;
  general: { average: Fraction | null; min: Fraction | null; max: Fraction | null };
} {
  const subjectIds = [...new Set(grades.map((g) => g.subjectId))].sort();
  const byStudent = new Map<string, Map<string, GradeInput[]>>();
  for (const g of grades) {
    let own = byStudent.get(g.studentId);
    if (!own) byStudent.set(g.studentId, (own = new Map()));
    const list = own.get(g.subjectId);
    if (list) list.push(g);
    else own.set(g.subjectId, [g]);
  }
  const students = new Map<string, { subjects: Map<string, Fraction | null>; general: Fraction | null }>();
  for (const id of studentIds) {
    const subjects = new Map<string, Fraction | null>();
    for (const s of subjectIds) subjects.set(s, subjectAverage(byStudent.get(id)?.get(s) ?? []));
    const general = generalAverage(subjectIds.map((s) => ({ average: subjects.get(s) ?? null, coefficientCenti: subjectCoefficients.get(s) ?? 100 })));
    students.set(id, { subjects, general });
  }
  const subjects = new Map(subjectIds.map((s) => [s, spread(studentIds.map((id) => students.get(id)?.subjects.get(s) ?? null))]));
  return { students, subjects, general: spread(studentIds.map((id) => students.get(id)?.general ?? null)) };
}
