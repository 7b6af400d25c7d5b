import { type MeasureKind, SANCTION_KINDS } from '@preau/contracts';
import { type Actor, membershipIn } from '../../kernel/auth/actor.js';
import type { ServiceGrants } from '../../kernel/auth/rights.js';

/**
 * Discipline is read by the students and relatives concerned (published records only), teachers
 * (what they recorded or gave, and what concerns the students of their classes) and vie scolaire
 * (head, deputies, CPE: everything in the establishment). Teachers and vie scolaire record
 * incidents and give punitions scolaires; only the head and deputies pronounce sanctions (the
 * heaviest on behalf of the conseil de discipline). Vie scolaire keeps the list of incident types.
 */
export const disciplineGrants: ServiceGrants = {
  establishment: {
    'discipline.read': (m) => m.profiles.some((p) => p === 'student' || p === 'relative' || p === 'teacher') || m.functions.some((f) => f === 'head' || f === 'deputy' || f === 'cpe'),
    'discipline.write': (m) => m.profiles.includes('teacher') || m.functions.some((f) => f === 'head' || f === 'deputy' || f === 'cpe'),
    'discipline.manage': (m) => m.functions.some((f) => f === 'head' || f === 'deputy' || f === 'cpe'),
  },
};

/** Head, deputies and CPE: every incident and measure of the establishment, and publication. */
export function isVieScolaire(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.functions.some((f) => f === 'head' || f === 'deputy' || f === 'cpe');
}

/** The head and deputies (by delegation) pronounce sanctions. */
export function pronouncesSanctions(actor: Actor, establishmentId: string): boolean {
  const m = membershipIn(actor, establishmentId);
  return !!m && m.functions.some((f) => f === 'head' || f === 'deputy');
}

export const isSanction = (kind: MeasureKind | string) => (SANCTION_KINDS as readonly string[]).includes(kind);

/** Kinds that need the conseil de discipline (the head alone cannot pronounce them). */
export const COUNCIL_ONLY: readonly string[] = ['permanent_exclusion'];

/** What the reader may do with an incident. */
export function incidentPolicies(actor: Actor, establishmentId: string, incident: { reported_by: string | null; published_at: string | null }) {
  const staff = isVieScolaire(actor, establishmentId);
  // The teacher who recorded it corrects it until vie scolaire publishes it.
  const edit = staff || (incident.reported_by === actor.personId && incident.published_at === null);
  return { edit, publish: staff && incident.published_at === null };
}

/** What the reader may do with a measure: punishments by their author or vie scolaire, sanctions by the head. */
export function measurePolicies(actor: Actor, establishmentId: string, measure: { category: string; decided_by: string | null; published_at: string | null; cancelled_at: string | null }) {
  const owner = measure.category === 'sanction' ? pronouncesSanctions(actor, establishmentId) : isVieScolaire(actor, establishmentId) || measure.decided_by === actor.personId;
  const open = measure.cancelled_at === null;
  return { edit: owner && open, publish: owner && open && measure.published_at === null, cancel: owner && open };
}
