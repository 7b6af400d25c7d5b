import type { IncidentTypes, NewIncidentTypes } from '@preau/contracts';
import { NewIncidentTypes as NewIncidentTypesSchema } from '@preau/contracts';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';

/** The usual kinds of incident in a French collège or lycée; each establishment edits its list. */
export const DEFAULT_INCIDENT_TYPES: { code: string; label: string }[] = [
  { code: 'disruption', label: 'Perturbation du cours' },
  { code: 'insolence', label: 'Insolence, manque de respect' },
  { code: 'verbal_violence', label: 'Violence verbale' },
  { code: 'physical_violence', label: 'Violence physique' },
  { code: 'harassment', label: 'Harcèlement' },
  { code: 'damage', label: 'Dégradation' },
  { code: 'theft', label: 'Vol' },
  { code: 'phone', label: 'Usage du téléphone' },
  { code: 'cheating', label: 'Fraude' },
  { code: 'other', label: 'Autre' },
];

/**
 * Gives an establishment the default list the first time it is needed (idempotent: the unique
 * code per establishment makes a second, concurrent run insert nothing).
 */
export async function ensureIncidentTypes(db: Db, establishmentId: string, now: Date): Promise<void> {
  const any = await db.selectFrom('discipline_incident_types').select('id').where('establishment_id', '=', establishmentId).limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('discipline_incident_types')
    .values(DEFAULT_INCIDENT_TYPES.map((t, position) => ({ id: newId(now.getTime()), establishment_id: establishmentId, code: t.code, label: t.label, active: 1, position })))
    .onConflict((oc) => oc.columns(['establishment_id', 'code']).doNothing())
    .execute();
}

export async function listIncidentTypes(ctx: AppContext, establishmentId: string): Promise<IncidentTypes> {
  await ensureIncidentTypes(ctx.db, establishmentId, ctx.clock.now());
  const rows = await ctx.db.selectFrom('discipline_incident_types').select(['id', 'code', 'label', 'active']).where('establishment_id', '=', establishmentId).orderBy('position').orderBy('code').execute();
  return { types: rows.map((r) => ({ id: r.id, code: r.code, label: r.label, active: Number(r.active) === 1 })) };
}

/**
 * Replaces the list: codes kept keep their id (incidents refer to it), new codes are added, codes
 * left out are deactivated, never deleted, so past incidents keep their type.
 */
export async function replaceIncidentTypes(ctx: AppContext, establishmentId: string, body: NewIncidentTypes): Promise<IncidentTypes> {
  const input = NewIncidentTypesSchema.parse(body);
  const now = ctx.clock.now();
  await ensureIncidentTypes(ctx.db, establishmentId, now);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('discipline_incident_types').select(['id', 'code']).where('establishment_id', '=', establishmentId).execute();
    const byCode = new Map(existing.map((t) => [t.code, t.id]));
    for (const [position, t] of input.types.entries()) {
      const id = byCode.get(t.code);
      if (id) await trx.updateTable('discipline_incident_types').set({ label: t.label, active: t.active ? 1 : 0, position }).where('id', '=', id).execute();
      else await trx.insertInto('discipline_incident_types').values({ id: newId(now.getTime()), establishment_id: establishmentId, code: t.code, label: t.label, active: t.active ? 1 : 0, position }).execute();
    }
    const kept = new Set(input.types.map((t) => t.code));
    const dropped = existing.filter((t) => !kept.has(t.code)).map((t) => t.id);
    if (dropped.length) await trx.updateTable('discipline_incident_types').set({ active: 0, position: 1000 }).where('id', 'in', dropped).execute();
  });
  return listIncidentTypes(ctx, establishmentId);
}
