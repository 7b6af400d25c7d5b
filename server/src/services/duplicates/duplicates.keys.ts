import { type RawBuilder, sql } from 'kysely';

/**
 * The normalised name two accounts are compared on, computed in SQL from `sort_key` (already lower
 * case and accent-free, see directory's `fold`): hyphens, spaces, apostrophes and dots removed, so
 * "Jean-Baptiste D'Almeida" and "JEAN BAPTISTE DALMEIDA" meet. It must stay textually identical to
 * the `people_match_name` index of migration 0007 (name, birth date, lower(email)), or SQLite stops
 * using that index.
 */
export function matchName(alias: 'p' | 'o'): RawBuilder<string> {
  return sql<string>`replace(replace(replace(replace(replace(${sql.ref(`${alias}.sort_key`)}, '-', ''), ' ', ''), '''', ''), '’', ''), '.', '')`;
}

/** Accounts that can still be proposed: closed (left) and retired (merged) accounts are not. */
export const RETIRED_STATES = ['left', 'merged'] as const;

/**
 * Sources whose ids name a person beyond one establishment. STS-web's INDIVIDU ids of type "epp"
 * come from the national HR base (the imports keep them unprefixed; local ids carry a "type-"
 * prefix), so a teacher in two schools has the same id in both exports. SIECLE's ELEVE_ID and
 * PERSONNE_ID are numbered by each establishment's base and say nothing across establishments.
 */
export const SHARED_ID_SOURCES = ['sts'] as const;
