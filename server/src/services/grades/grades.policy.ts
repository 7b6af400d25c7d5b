import { type Actor, membershipIn } from '../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Grades are read by students (their own), relatives (their children's), teachers (their classes
 * and subjects) and the head and deputies (everything in the establishment). Teachers enter them
 * for the subjects they teach in a class or group; the head and deputies set the periods and the
 * subject coefficients.
 */
export const gradesGrants: ServiceGrants = {
  establishment: {
    'grades.read': (m) => m.profiles.some((p) => p === 'student' || p === 'relative' || p === 'teacher') || m.functions.some((f) => f === 'head' || f === 'deputy'),
    'grades.write': (m) => m.profiles.includes('teacher'),
    'grades.manage': (m) => m.functions.some((f) => f === 'head' || f === 'deputy'),
  },
};

/** The head and deputies see every grade of their establishment. */
export function seesWholeEstablishment(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.functions.some((f) => f === 'head' || f === 'deputy');
}
