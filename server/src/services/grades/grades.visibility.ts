import type { Audience } from './grades.access.js';

/** When an assessment shows: to students from `studentsAt`, to relatives from `relativesAt` (or with the students). */
export interface PublicationTimes {
  studentsAt: string | null;
  relativesAt: string | null;
}

/**
 * The publication rule of grades, shared with the skills assessed alone or beside a grade: a
 * student sees an assessment once `studentsAt` has passed, a relative once `relativesAt` (or,
 * without it, `studentsAt`) has passed too; teachers and the management see it at once. Times are
 * ISO instants, compared as instants.
 */
export function publishedFor(audience: Audience, times: PublicationTimes, now: Date): boolean {
  if (audience === 'teacher' || audience === 'staff') return true;
  const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  const students = at(times.studentsAt);
  if (students === null || students > now.getTime()) return false;
  if (audience === 'student') return true;
  const relatives = at(times.relativesAt);
  return relatives === null || relatives <= now.getTime();
}
