import { type Actor, membershipIn } from '../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Bulletins are read by students (their own, once published), their legal guardians (likewise),
 * and the head, deputies and vie scolaire (every one of the establishment, at any state). Subject
 * teachers write the appreciations of their subjects, the head teacher the general appreciation;
 * the head and deputies chair the council: decisions, closing, publication.
 */
export const reportCardsGrants: ServiceGrants = {
  establishment: {
    'report_cards.read': (m) => m.profiles.some((p) => p === 'student' || p === 'relative' || p === 'teacher') || m.functions.some((f) => f === 'head' || f === 'deputy' || f === 'cpe'),
    'report_cards.write': (m) => m.profiles.includes('teacher') || m.functions.some((f) => f === 'head' || f === 'deputy'),
    'report_cards.manage': (m) => m.functions.some((f) => f === 'head' || f === 'deputy'),
  },
};

/** The head and deputies: they chair the councils. */
export function chairsCouncils(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.functions.some((f) => f === 'head' || f === 'deputy');
}

/** The head, deputies and vie scolaire (CPE) read every bulletin and council of the establishment. */
export function readsEveryBulletin(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.functions.some((f) => f === 'head' || f === 'deputy' || f === 'cpe');
}
