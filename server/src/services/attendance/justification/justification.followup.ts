import type { AppContext } from '../../../kernel/context.js';
import { emitEvent } from '../../../kernel/events/index.js';
import { parisToday } from '../../timetable/index.js';
import { evaluateThresholds } from '../statistics/thresholds.js';
import { familyRecipients } from './justification.policy.js';
import { addStep } from './justification.queries.js';
import { linkCovered } from './justification.usecases.js';

/** Events older than this when first seen (an import of last year's registers) notify nobody. */
const FRESH_DAYS = 14;
const BATCH = 200;

/**
 * Handles each new attendance event once, whoever created it (a register, vie scolaire): an event
 * inside a declaration the family made in advance is linked to it (and takes its state); an
 * unjustified one is announced to the legal guardians (and the student of age) — the notify
 * kernel holds e-mail and push during quiet hours. The follow-up row is the claim: inserted in the
 * same transaction as the announcement, so a second process finds it and skips the event. Then
 * the alert thresholds of the students concerned are looked at.
 */
export async function followUpNewEvents(ctx: AppContext): Promise<{ handled: number; notified: number; linked: number }> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - FRESH_DAYS * 86_400_000).toISOString();
  const fresh = await ctx.db
    .selectFrom('attendance_events as e')
    .leftJoin('attendance_event_followups as f', 'f.event_id', 'e.id')
    .innerJoin('people as p', 'p.id', 'e.student_id')
    .select(['e.id', 'e.establishment_id', 'e.student_id', 'e.kind', 'e.starts_at', 'e.ends_at', 'e.justification', 'e.source', 'e.created_by', 'p.first_name', 'p.last_name'])
    .where('f.event_id', 'is', null)
    .where('e.created_at', '>=', since)
    .orderBy('e.created_at')
    .limit(BATCH)
    .execute();
  const result = { handled: 0, notified: 0, linked: 0 };
  if (fresh.length === 0) return result;
  const families = await familyRecipients(ctx.db, [...new Set(fresh.map((e) => e.student_id))], now);
  const touched = new Map<string, Set<string>>();
  for (const e of fresh) {
    await ctx.db.transaction().execute(async (trx) => {
      const claim = await trx
        .insertInto('attendance_event_followups')
        .values({ event_id: e.id, establishment_id: e.establishment_id, notified_at: null, handled_at: now.toISOString() })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('event_id')
        .executeTakeFirst();
      if (!claim) return;
      result.handled++;
      if (e.justification !== 'unjustified' || e.source === 'collective' || e.source === 'declaration') return;
      const declaration = await trx
        .selectFrom('attendance_justifications')
        .select(['id', 'student_id', 'starts_at', 'ends_at', 'state', 'reason_id'])
        .where('student_id', '=', e.student_id)
        .where('establishment_id', '=', e.establishment_id)
        .where('kind', '=', 'declaration')
        .where('state', 'in', ['pending', 'justified'])
        .where('starts_at', '<', e.ends_at)
        .where('ends_at', '>', e.starts_at)
        .orderBy('submitted_at', 'desc')
        .executeTakeFirst();
      if (declaration && (await linkCovered(trx, now, e.establishment_id, declaration, [e.id])).length > 0) {
        result.linked++;
        return;
      }
      const recipients = families.get(e.student_id) ?? [];
      await emitEvent(
        trx,
        {
          type: 'attendance.to_justify',
          establishmentId: e.establishment_id,
          actorId: e.created_by ?? e.student_id,
          recipientIds: recipients,
          resource: { kind: 'attendance_event', id: e.id },
          summary: { studentName: `${e.first_name} ${e.last_name}`, kind: e.kind, date: parisToday(new Date(e.starts_at)) },
        },
        ctx.clock,
      );
      await trx.updateTable('attendance_event_followups').set({ notified_at: now.toISOString() }).where('event_id', '=', e.id).execute();
      await addStep(trx, now, { establishmentId: e.establishment_id, justificationId: null, eventId: e.id, actorId: null, action: 'notified' });
      if (recipients.length > 0) result.notified++;
    });
    const set = touched.get(e.establishment_id) ?? new Set<string>();
    set.add(e.student_id);
    touched.set(e.establishment_id, set);
  }
  for (const [establishmentId, students] of touched) await evaluateThresholds(ctx.db, ctx.clock, establishmentId, [...students]);
  return result;
}

/** Every minute, whichever process gets there (the follow-up rows keep it once per event). */
export function scheduleJustificationFollowUp(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    followUpNewEvents(ctx).catch(() => {});
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
