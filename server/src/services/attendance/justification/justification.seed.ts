import type { Db } from '../../../kernel/db/database.js';

/**
 * The demo's attendance events are history, as the grades seed's assessments are: each is marked
 * as already followed up, so starting the demo announces nothing; demo.parent finds demo.student's
 * unjustified absence on the Absences page and justifies it there. Idempotent.
 */
export async function seedJustification(db: Db, options: { now: Date }): Promise<number> {
  const pending = await db
    .selectFrom('attendance_events as e')
    .leftJoin('attendance_event_followups as f', 'f.event_id', 'e.id')
    .select(['e.id', 'e.establishment_id', 'e.created_at'])
    .where('f.event_id', 'is', null)
    .execute();
  const handledAt = options.now.toISOString();
  for (let i = 0; i < pending.length; i += 500) {
    await db
      .insertInto('attendance_event_followups')
      .values(pending.slice(i, i + 500).map((e) => ({ event_id: e.id, establishment_id: e.establishment_id, notified_at: e.created_at, handled_at: handledAt })))
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
  }
  return pending.length;
}
