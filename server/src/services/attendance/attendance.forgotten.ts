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
 * Tells vie scolaire once about each register of today still not done past the delay: the register
 * row is created if the teacher never opened it, then claimed (`forgotten_notified_at`) and the
 * event written in the same transaction, so two processes never notify twice. Quiet hours and each
 * person's channels are the notification layer's business. Returns the number of notifications.
 */
export async function notifyForgottenRegisters(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = parisToday(now);
  // Only establishments with lessons on this weekday; each one's list is computed from its timetable.
  const establishments = await ctx.db.selectFrom('timetable_slots').select('establishment_id').distinct().where('weekday', '=', isoWeekday(today)).execute();
  let notified = 0;
  for (const { establishment_id: establishmentId } of establishments) {
    const row = await ctx.db.selectFrom('attendance_settings').select(['half_day_boundary', 'forgotten_after_minutes']).where('establishment_id', '=', establishmentId).executeTakeFirst();
    const settings = row ? { halfDayBoundary: row.half_day_boundary, forgottenAfterMinutes: row.forgotten_after_minutes } : DEFAULT_SETTINGS;
    const { forgotten, lessons } = await forgottenOf(ctx.db, establishmentId, today, now, settings);
    if (forgotten.length === 0) continue;
    const recipients = await vieScolaireOf(ctx.db, establishmentId);
    if (recipients.length === 0) continue;
    for (const f of forgotten) {
      const lesson = lessons.find((l) => l.slotId === f.slotId);
      // The event names the teacher as its actor; a lesson without a teacher stays on the page only.
      const teacherId = lesson?.teacher?.id;
      if (!lesson || !teacherId) continue;
      notified += await ctx.db.transaction().execute(async (trx) => {
        const register = await ensureRegister(trx, establishmentId, lesson, now);
        const claimed = await trx
          .updateTable('attendance_registers')
          .set({ forgotten_notified_at: now.toISOString() })
          .where('id', '=', register.id)
          .where('forgotten_notified_at', 'is', null)
          .where('state', '!=', 'done')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return 0;
        await emitEvent(
          trx,
          {
            type: 'attendance.register_forgotten',
            establishmentId,
            actorId: teacherId,
            recipientIds: recipients,
            resource: { kind: 'attendance_register', id: register.id },
            summary: { group: lesson.group.name, subject: lesson.subject.name, date: lesson.date, start: lesson.start },
          },
          ctx.clock,
        );
        return 1;
      });
    }
  }
  return notified;
}

/** Every five minutes, whichever process gets there (the claim keeps it to one notification). */
export function scheduleForgottenRegisters(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    notifyForgottenRegisters(ctx).catch(() => {});
  }, 5 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
