import type { Profile } from '@preau/contracts';
import { type Actor, membershipIn } from '../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../kernel/auth/rights.js';

const READERS: Profile[] = ['student', 'relative', 'teacher', 'personnel', 'inspector'];

/**
 * Everyone of the school community reads timetables (what they may open is narrowed below);
 * the management, the vie scolaire and the local administrators edit them.
 */
export const timetableGrants: ServiceGrants = {
  establishment: {
    'timetable.read': (m, actor) => actor.platformAdmin || m.profiles.some((p) => READERS.includes(p)),
    'timetable.manage': (m, actor) => actor.platformAdmin || m.functions.some((f) => f === 'head' || f === 'deputy' || f === 'admin_local' || f === 'cpe'),
  },
};

/**
 * Teachers, staff and inspectors open any timetable of the establishment (a class, a colleague,
 * a room); students and relatives only their own and their children's, and those classes'.
 */
export function seesEveryTimetable(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return actor.platformAdmin || !!m?.profiles.some((p) => p === 'teacher' || p === 'personnel' || p === 'inspector');
}

export function managesTimetable(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return actor.platformAdmin || !!m?.functions.some((f) => f === 'head' || f === 'deputy' || f === 'admin_local' || f === 'cpe');
}
