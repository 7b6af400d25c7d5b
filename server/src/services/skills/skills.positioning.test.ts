import { describe, expect, it } from 'vitest';
import { byComponent, countLevels, cycleOfLevel, positioning } from './skills.positioning.js';

describe('positioning (rounded mean of the levels, half up)', () => {
  it('matches hand-computed cases', () => {
    const cases: [number[], number | null][] = [
      [[], null],
      [[1], 1],
      [[4], 4],
      [[1, 2], 2], // 1.5 → 2 (half up)
      [[2, 3], 3], // 2.5 → 3
      [[3, 4], 4], // 3.5 → 4
      [[1, 1, 4], 2], // 2
      [[3, 4, 4], 4], // 3.67 → 4
      [[1, 2, 2], 2], // 1.67 → 2
      [[1, 1, 2], 1], // 1.33 → 1
      [[2, 2, 3, 3, 3, 4], 3], // 17 / 6 = 2.83 → 3
      [[1, 4], 3], // 2.5 → 3
      [[1, 1, 1, 4], 2], // 1.75 → 2
      [[1, 1, 1, 1, 1, 1, 1, 4], 1], // 11 / 8 = 1.375 → 1
    ];
    for (const [levels, expected] of cases) expect(positioning(countLevels(levels)), levels.join(',')).toBe(expected);
  });

  it('counts levels and leaves absences out', () => {
    expect(countLevels([1, 3, 3, null, 4])).toEqual([1, 0, 2, 1]);
    expect(positioning(countLevels([null, null]))).toBeNull();
  });

  it('gives all eight components in the socle’s order', () => {
    const rows = byComponent([
      { component: 'D1.3', level: 2 },
      { component: 'D1.3', level: 3 },
      { component: 'D4', level: 1 },
      { component: 'D4', level: null },
    ]);
    expect(rows.map((r) => r.component)).toEqual(['D1.1', 'D1.2', 'D1.3', 'D1.4', 'D2', 'D3', 'D4', 'D5']);
    expect(rows.find((r) => r.component === 'D1.3')).toEqual({ component: 'D1.3', counts: [0, 1, 1, 0], positioning: 3 });
    expect(rows.find((r) => r.component === 'D4')).toEqual({ component: 'D4', counts: [1, 0, 0, 0], positioning: 1 });
    expect(rows.find((r) => r.component === 'D2')?.positioning).toBeNull();
  });
});

describe('cycleOfLevel', () => {
  it('maps class levels to cycles and their year in it', () => {
    const cases: [string | null, { cycle: number; year: number } | null][] = [
      ['CP', { cycle: 2, year: 0 }],
      ['CE1', { cycle: 2, year: 1 }],
      ['ce2', { cycle: 2, year: 2 }],
      ['CM1', { cycle: 3, year: 0 }],
      ['CM2', { cycle: 3, year: 1 }],
      ['6e', { cycle: 3, year: 2 }],
      ['6EME', { cycle: 3, year: 2 }],
      ['6EME SEGPA', { cycle: 3, year: 2 }],
      ['Sixième', { cycle: 3, year: 2 }],
      ['5e', { cycle: 4, year: 0 }],
      ['4EME', { cycle: 4, year: 1 }],
      ['3e', { cycle: 4, year: 2 }],
      ['troisième', { cycle: 4, year: 2 }],
      ['2nde', null],
      ['1re', null],
      ['GS', null],
      ['', null],
      [null, null],
      ['36', null],
    ];
    for (const [level, expected] of cases) expect(cycleOfLevel(level), String(level)).toEqual(expected);
  });
});
