import type { ComponentCode, Cycle, MasteryLevel } from '@preau/contracts';
import { COMPONENT_CODES } from '@preau/contracts';

export type LevelCounts = [number, number, number, number];

/** How many results at levels 1, 2, 3 and 4 (absences and anything else left out). */
export function countLevels(levels: readonly (number | null)[]): LevelCounts {
  const counts: LevelCounts = [0, 0, 0, 0];
  for (const level of levels) if (level !== null && level >= 1 && level <= 4) counts[level - 1] += 1;
  return counts;
}

/**
 * The positioning of a component: the mean of the levels obtained, rounded to the nearest level,
 * a half rounded up (1, 2 → 1.5 → 2; 2, 3 → 2.5 → 3; 1, 1, 4 → 2; 3, 4, 4 → 3.67 → 4). Computed
 * in integers (round(sum / n) half up = floor((2·sum + n) / 2n)), so it never depends on floats.
 * Null without any level: no positioning rather than a guess.
 */
export function positioning(counts: LevelCounts): MasteryLevel | null {
  const n = counts[0] + counts[1] + counts[2] + counts[3];
  if (n === 0) return null;
  const sum = counts[0] + 2 * counts[1] + 3 * counts[2] + 4 * counts[3];
  return Math.floor((2 * sum + n) / (2 * n)) as MasteryLevel;
}

/** Counts and positioning for each of the eight components, in the socle's order. */
export function byComponent(results: readonly { component: string; level: number | null }[]): { component: ComponentCode; counts: LevelCounts; positioning: MasteryLevel | null }[] {
  return COMPONENT_CODES.map((component) => {
    const counts = countLevels(results.filter((r) => r.component === component).map((r) => r.level));
    return { component, counts, positioning: positioning(counts) };
  });
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
const WORDS: Record<string, number> = { sixieme: 6, cinquieme: 5, quatrieme: 4, troisieme: 3 };

/**
 * The cycle of a class level and the level's place in it (0 for its first year): CP, CE1, CE2 in
 * cycle 2; CM1, CM2, 6e in cycle 3; 5e, 4e, 3e in cycle 4. Levels come in several spellings
 * (the seed's "6e", a MEF label "6EME" or "6EME SEGPA" from STS, "sixième"); anything else (lycée,
 * maternelle, unknown) has no cycle.
 */
export function cycleOfLevel(level: string | null): { cycle: Cycle; year: number } | null {
  if (!level) return null;
  const s = fold(level);
  const primary = /^(cp|ce1|ce2|cm1|cm2)\b/.exec(s)?.[1];
  if (primary) return { cp: { cycle: 2, year: 0 }, ce1: { cycle: 2, year: 1 }, ce2: { cycle: 2, year: 2 }, cm1: { cycle: 3, year: 0 }, cm2: { cycle: 3, year: 1 } }[primary] as { cycle: Cycle; year: number };
  const digit = /^([3-6])\s*(e|eme|ieme)?(\b|$)/.exec(s)?.[1];
  const grade = digit ? Number(digit) : WORDS[s.split(/\s/)[0] ?? ''];
  if (grade === undefined) return null;
  return grade === 6 ? { cycle: 3, year: 2 } : { cycle: 4, year: 5 - grade };
}
