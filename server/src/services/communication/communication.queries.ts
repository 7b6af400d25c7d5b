import type { CommunicationRules, CommunicationTarget, Profile } from '@preau/contracts';
import { PROFILES } from '@preau/contracts';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { DEFAULT_RULES, normaliseRules } from './communication.rules.js';

export interface StoredRules {
  customised: boolean;
  updatedAt: string | null;
  rules: CommunicationRules;
}

/** The establishment's rules, or the defaults while it never changed them. */
export async function loadRules(db: Db, establishmentId: string): Promise<StoredRules> {
  const [set, rows] = await Promise.all([
    db.selectFrom('communication_rule_sets').select('updated_at').where('establishment_id', '=', establishmentId).executeTakeFirst(),
    db.selectFrom('communication_rules').select(['sender_profile', 'target']).where('establishment_id', '=', establishmentId).execute(),
  ]);
  if (!set) return { customised: false, updatedAt: null, rules: DEFAULT_RULES };
  const rules = Object.fromEntries(PROFILES.map((p) => [p, [] as CommunicationTarget[]])) as CommunicationRules;
  for (const r of rows) rules[r.sender_profile as Profile]?.push(r.target as CommunicationTarget);
  return { customised: true, updatedAt: set.updated_at, rules: normaliseRules(rules) };
}

/** Replaces the whole matrix in one transaction (a multi-row insert, not one statement per rule). */
export async function saveRules(db: Db, clock: Clock, establishmentId: string, rules: CommunicationRules, by: string): Promise<void> {
  const now = clock.now().toISOString();
  const rows = PROFILES.flatMap((p) => rules[p].map((target) => ({ establishment_id: establishmentId, sender_profile: p, target })));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('communication_rules').where('establishment_id', '=', establishmentId).execute();
    if (rows.length > 0) await trx.insertInto('communication_rules').values(rows).execute();
    await trx
      .insertInto('communication_rule_sets')
      .values({ establishment_id: establishmentId, updated_at: now, updated_by: by })
      .onConflict((oc) => oc.column('establishment_id').doUpdateSet({ updated_at: now, updated_by: by }))
      .execute();
  });
}

export async function resetRules(db: Db, establishmentId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('communication_rules').where('establishment_id', '=', establishmentId).execute();
    await trx.deleteFrom('communication_rule_sets').where('establishment_id', '=', establishmentId).execute();
  });
}
