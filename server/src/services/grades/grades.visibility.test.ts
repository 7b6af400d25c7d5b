import { describe, expect, it } from 'vitest';
import { publishedFor } from './grades.visibility.js';

const now = new Date('2026-11-25T10:00:00.000Z');

describe('publishedFor', () => {
  it('shows an assessment to students after their time, to relatives after theirs, to teachers and staff at once', () => {
    const cases: [Parameters<typeof publishedFor>[0], string | null, string | null, boolean][] = [
      ['student', null, null, false],
      ['student', '2026-11-25T09:59:59.000Z', null, true],
      ['student', '2026-11-25T10:00:01.000Z', null, false],
      ['student', '2026-11-25T09:00:00.000Z', '2026-11-27T17:00:00.000Z', true],
      ['relative', '2026-11-25T09:00:00.000Z', '2026-11-27T17:00:00.000Z', false],
      ['relative', '2026-11-25T09:00:00.000Z', null, true],
      ['relative', '2026-11-25T09:00:00.000Z', '2026-11-25T10:00:00.000Z', true],
      ['relative', null, null, false],
      // An offset is an instant too: 11:30 in Paris is 10:30 UTC, still to come.
      ['student', '2026-11-25T11:30:00+01:00', null, false],
      ['teacher', null, null, true],
      ['staff', null, null, true],
    ];
    for (const [audience, studentsAt, relativesAt, expected] of cases)
      expect(publishedFor(audience, { studentsAt, relativesAt }, now), `${audience} ${studentsAt} ${relativesAt}`).toBe(expected);
  });
});

describe('dueAudiences', () => {
  it('tells the students once their time has passed, the relatives once theirs has too, each once', async () => {
    const { dueAudiences } = await import('./grades.publication.js');
    const at = '2026-11-25T10:00:00.000Z';
    const state = (students_at: string | null, relatives_at: string | null, notified_at: string | null = null, relatives_notified_at: string | null = null) => ({ students_at, relatives_at, notified_at, relatives_notified_at });
    const audiences = (s: ReturnType<typeof state>) => dueAudiences(s, at).map(([audience]) => audience);
    expect(audiences(state(null, null))).toEqual([]);
    expect(audiences(state('2026-11-25T10:00:01.000Z', null))).toEqual([]);
    expect(audiences(state('2026-11-25T09:00:00.000Z', null))).toEqual(['student', 'relative']);
    expect(audiences(state('2026-11-25T09:00:00.000Z', '2026-11-27T17:00:00.000Z'))).toEqual(['student']);
    expect(audiences(state('2026-11-25T09:00:00.000Z', '2026-11-27T17:00:00.000Z', at))).toEqual([]);
    expect(audiences(state('2026-11-25T09:00:00.000Z', '2026-11-25T09:30:00.000Z', at))).toEqual(['relative']);
    expect(audiences(state('2026-11-25T09:00:00.000Z', null, at, at))).toEqual([]);
  });
});
