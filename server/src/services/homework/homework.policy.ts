import { type Actor, membershipIn } from '../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * The cahier de textes is read by the students of the class or group, their relatives, the
 * teachers of the class, the head and deputies, and inspectors (read-only); nobody else. Teachers
 * fill it for the subjects they teach there; the head and deputies sign it off (visa). The agenda
 * is the students' (and, per child, the relatives').
 */
export const homeworkGrants: ServiceGrants = {
  establishment: {
    'homework.read': (m) => m.profiles.some((p) => p === 'student' || p === 'relative' || p === 'teacher' || p === 'inspector') || m.functions.some((f) => f === 'head' || f === 'deputy'),
    'homework.agenda': (m) => m.profiles.some((p) => p === 'student' || p === 'relative'),
    'homework.write': (m) => m.profiles.includes('teacher'),
    'homework.visa': (m) => m.functions.some((f) => f === 'head' || f === 'deputy'),
    // Handing work in online is the student's own act; relatives follow it through homework.read.
    'homework.handin': (m) => m.profiles.includes('student'),
    // The end-of-year archive is for inspection: management, inspectors, and teachers for their classes.
    'homework.archive': (m) => m.profiles.some((p) => p === 'teacher' || p === 'inspector') || m.functions.some((f) => f === 'head' || f === 'deputy'),
  },
};

/** The head, deputies and inspectors read every class's cahier de textes, with every individual target. */
export function readsWholeEstablishment(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && (m.profiles.includes('inspector') || m.functions.some((f) => f === 'head' || f === 'deputy'));
}

export function signsOff(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.functions.some((f) => f === 'head' || f === 'deputy');
}
