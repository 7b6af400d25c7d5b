import type { Insertable } from 'kysely';
import type { Database } from '../kernel/db/schema.js';

/** Tables the generator fills, in foreign-key order (parents first). */
export const SEED_TABLES = [
  'establishments',
  'people',
  'memberships',
  'person_functions',
  'subjects',
  'groups',
  'group_classes',
  'group_members',
  'teachings',
  'relatives',
] as const;
export type SeedTable = (typeof SEED_TABLES)[number];

/** Rows of one establishment, built in memory then inserted in one transaction. */
export type SeedRows = { [T in SeedTable]: Insertable<Database[T]>[] };

export type PersonRow = Insertable<Database['people']>;
export type EstablishmentRow = Insertable<Database['establishments']>;

export function emptyRows(): SeedRows {
  return {
    establishments: [],
    people: [],
    memberships: [],
    person_functions: [],
    subjects: [],
    groups: [],
    group_classes: [],
    group_members: [],
    teachings: [],
    relatives: [],
  };
}

export type TableCounts = Record<SeedTable, number>;

export function emptyCounts(): TableCounts {
  return Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as TableCounts;
}

export function addCounts(into: TableCounts, rows: SeedRows): void {
  for (const t of SEED_TABLES) into[t] += rows[t].length;
}
