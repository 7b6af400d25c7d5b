import { COMMUNICATION_TARGETS, type CommunicationRules, type CommunicationTarget, PROFILES, type Profile } from '@preau/contracts';

const everyone: CommunicationTarget[] = PROFILES.map((p) => `all.${p}` as const);

/**
 * Préau's defaults, close to those of the French ENTs: a student writes to their teachers, the
 * staff, their classmates and their own parents; a relative to their children, their children's
 * teachers (the head teacher among them) and the staff, not to other parents; teachers and staff
 * to everyone in their establishment; an inspector to teachers and staff; other adults to the
 * staff and teachers. An establishment's administrator may change them.
 */
export const DEFAULT_RULES: CommunicationRules = {
  student: ['all.personnel', 'own_teachers', 'classmates', 'own_relatives'],
  relative: ['all.personnel', 'own_teachers', 'children'],
  teacher: [...everyone],
  personnel: [...everyone],
  agent: ['all.personnel', 'all.teacher', 'all.agent'],
  tutor: ['all.personnel', 'all.teacher'],
  inspector: ['all.personnel', 'all.teacher', 'all.inspector'],
  guest: ['all.personnel'],
};

/** Sorted, without duplicates or unknown targets: what is stored and compared. */
export function normaliseRules(rules: CommunicationRules): CommunicationRules {
  const order = new Map<string, number>(COMMUNICATION_TARGETS.map((t, i) => [t, i]));
  const out = {} as CommunicationRules;
  for (const profile of PROFILES) {
    out[profile] = [...new Set(rules[profile] ?? [])].filter((t) => order.has(t)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
  return out;
}

/** What one sender may reach: the union of the rules of every profile they hold there. */
export interface Reach {
  /** Whole profiles of the establishment. */
  profiles: Profile[];
  relations: Set<CommunicationTarget>;
  /** Every member of the establishment (a shortcut: one membership lookup instead of a union). */
  everyone: boolean;
}

export function reachOf(rules: CommunicationRules, senderProfiles: readonly Profile[], platformAdmin = false): Reach {
  const targets = new Set<CommunicationTarget>();
  if (platformAdmin) for (const t of everyone) targets.add(t);
  for (const profile of senderProfiles) for (const t of rules[profile] ?? []) targets.add(t);
  const profiles = PROFILES.filter((p) => targets.has(`all.${p}`));
  const relations = new Set([...targets].filter((t) => !t.startsWith('all.')));
  return { profiles, relations, everyone: profiles.length === PROFILES.length };
}
