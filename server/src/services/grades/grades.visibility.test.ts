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
