import type { PersonnelFunction, Profile } from '@preau/contracts';
import type { Db } from '../db/database.js';
import type { ActorMembership } from './actor.js';

/** Profiles and functions of a person, grouped by establishment, in one round trip. */
export async function loadMemberships(db: Db, personId: string): Promise<ActorMembership[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['establishment_id', 'profile as value'])
    .select((eb) => eb.val('p').as('kind'))
    .where('person_id', '=', personId)
    .unionAll(
      db
        .selectFrom('person_functions')
        .select(['establishment_id', 'function as value'])
        .select((eb) => eb.val('f').as('kind'))
        .where('person_id', '=', personId),
    )
    .execute();
  const byEstablishment = new Map<string, ActorMembership>();
  for (const row of rows) {
    let m = byEstablishment.get(row.establishment_id);
    if (!m) {
      m = { establishmentId: row.establishment_id, profiles: [], functions: [] };
      byEstablishment.set(row.establishment_id, m);
    }
    if (row.kind === 'p') m.profiles.push(row.value as Profile);
    else m.functions.push(row.value as PersonnelFunction);
  }
  return [...byEstablishment.values()];
}
