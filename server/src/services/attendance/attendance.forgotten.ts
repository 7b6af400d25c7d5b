import type { AttendanceSettings, ForgottenRegister, ForgottenRegisters, Lesson } from '@preau/contracts';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { emitEvent } from '../../kernel/events/index.js';
import { isoWeekday, parisToday } from '../timetable/index.js';
import { ensureRegister, lessonsOfDay, withRegisters } from './attendance.lessons.js';
import { NOTIFIED_FIRST, NOTIFIED_OTHERWISE } from './attendance.policy.js';
import { DEFAULT_SETTINGS, readSettings } from './attendance.reasons.js';

const MINUTE = 60_000;

/** The lessons of the day whose register is not done `forgottenAfterMinutes` after their end, with the day's lessons. */
async function forgottenOf(db: Db, establishmentId: string, date: string, now: Date, settings: AttendanceSettings): Promise<{ forgotten: ForgottenRegister[]; lessons: Lesson[] }> {
  const lessons = await lessonsOfDay(db, establishmentId, date, null);
  const limit = now.getTime() - settings.forgottenAfterMinutes * MINUTE;
  const forgotten = (await withRegisters(db, establishmentId, date, lessons))
    .filter((l) => !l.cancelled && l.state !== 'done' && Date.parse(l.endsAt) <= limit)
    .map((l) => ({ ...l, minutesLate: Math.floor((now.getTime() - Date.parse(l.endsAt)) / MINUTE) }));
  return { forgotten, lessons };
}

/** "Appels non faits": vie scolaire's list for a day (default today). */
export async function forgottenRegisters(ctx: AppContext, establishmentId: string, date: string | undefined): Promise<ForgottenRegisters> {
  const now = ctx.clock.now();
  const day = date ?? parisToday(now);
  return { date: day, registers: (await forgottenOf(ctx.db, establishmentId, day, now, await readSettings(ctx, establishmentId))).forgotten };
}

async function vieScolaireOf(db: Db, establishmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_functions')
    .select(['person_id', 'function'])
    .where('establishment_id', '=', establishmentId)
    .where('function', 'in', [...NOTIFIED_FIRST, ...NOTIFIED_OTHERWISE])
    .execute();
  const first = rows.filter((r) => (NOTIFIED_FIRST as string[]).includes(r.function));
  return (first.length > 0 ? first : rows).map((r) => r.person_id);
}

/**
 * Tells vie scolaire once about each register of today still not done past the delay, in one
 * notification per establishment and run (a morning's forgotten registers are one message, not
 * twenty): the register rows are created if the teachers never opened them, claimed
 * (`forgotten_notified_at`) and the event written in the same transaction, so two processes never
 * notify twice. Quiet hours and each person's channels are the notification layer's business.
 * Returns the number of registers reported.
 */
export async function notifyForgottenRegisters(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = parisToday(now);
  // Only establishments with lessons on this weekday; each one's list is computed from its timetable.
  const establishments = await ctx.db.selectFrom('timetable_slots').select('establishment_id').distinct().where('weekday', '=', isoWeekday(today)).execute();
  let reported = 0;
  for (const { establishment_id: establishmentId } of establishments) {
    const row = await ctx.db.selectFrom('attendance_settings').select(['half_day_boundary', 'forgotten_after_minutes']).where('establishment_id', '=', establishmentId).executeTakeFirst();
    const settings = row ? { halfDayBoundary: row.half_day_boundary, forgottenAfterMinutes: row.forgotten_after_minutes } : DEFAULT_SETTINGS;
    const { forgotten, lessons } = await forgottenOf(ctx.db, establishmentId, today, now, settings);
    if (forgotten.length === 0) continue;
    const recipients = await vieScolaireOf(ctx.db, establishmentId);
    if (recipients.length === 0) continue;
    const bySlot = new Map(lessons.map((l) => [l.slotId, l]));
    reported += await ctx.db.transaction().execute(async (trx) => {
      const registers: { id: string; lesson: Lesson }[] = [];
      for (const f of forgotten) {
        const lesson = bySlot.get(f.slotId);
        if (lesson) registers.push({ id: (await ensureRegister(trx, establishmentId, lesson, now)).id, lesson });
      }
      if (registers.length === 0) return 0;
      const claimed = new Set(
        (
          await trx
            .updateTable('attendance_registers')
            .set({ forgotten_notified_at: now.toISOString() })
            .where('id', 'in', registers.map((r) => r.id))
            .where('forgotten_notified_at', 'is', null)
            .where('state', '!=', 'done')
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
      const fresh = registers.filter((r) => claimed.has(r.id));
      const first = fresh[0];
      if (!first) return 0;
      const named = fresh.slice(0, 3).map((r) => `${r.lesson.group.name}, ${r.lesson.subject.name}, ${r.lesson.start}`);
      await emitEvent(
        trx,
        {
          type: 'attendance.register_forgotten',
          establishmentId,
          // The event names a person as its actor: the teacher when one register is late, else vie scolaire itself.
          actorId: (fresh.length === 1 ? first.lesson.teacher?.id : undefined) ?? (recipients[0] as string),
          recipientIds: recipients,
          resource: { kind: 'attendance_register', id: first.id },
          summary: { date: today, count: String(fresh.length), lessons: `${named.join(' ; ')}${fresh.length > named.length ? ' …' : ''}` },
        },
        ctx.clock,
      );
      return fresh.length;
    });
  }
  return reported;
}

/** Every five minutes, whichever process gets there (the claim keeps it to one notification). */
export function scheduleForgottenRegisters(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    notifyForgottenRegisters(ctx).catch(() => {});
  }, 5 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
