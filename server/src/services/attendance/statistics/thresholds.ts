import type { AlertSettings } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Db } from '../../../kernel/db/database.js';
import { emitEvent } from '../../../kernel/events/index.js';
import { parisToday } from '../../timetable/index.js';
import { figuresOf } from './statistics.js';

export const DEFAULT_ALERT: AlertSettings = { unjustifiedHalfDays: 4 };

export async function alertSettings(db: Db, establishmentId: string): Promise<AlertSettings> {
  const row = await db.selectFrom('attendance_alert_settings').select('unjustified_half_days').where('establishment_id', '=', establishmentId).executeTakeFirst();
  return row ? { unjustifiedHalfDays: row.unjustified_half_days } : DEFAULT_ALERT;
}

export async function saveAlertSettings(db: Db, clock: Clock, actor: Actor, establishmentId: string, settings: AlertSettings): Promise<AlertSettings> {
  const now = clock.now().toISOString();
  await db
    .insertInto('attendance_alert_settings')
    .values({ establishment_id: establishmentId, unjustified_half_days: settings.unjustifiedHalfDays, updated_at: now, updated_by: actor.personId })
    .onConflict((oc) => oc.column('establishment_id').doUpdateSet({ unjustified_half_days: settings.unjustifiedHalfDays, updated_at: now, updated_by: actor.personId }))
    .execute();
  return alertSettings(db, establishmentId);
}

/** Whom alerts reach: the CPE, or the head and deputies where there is no CPE. */
async function vieScolaire(db: Db, establishmentId: string): Promise<string[]> {
  const rows = await db.selectFrom('person_functions').select(['person_id', 'function']).where('establishment_id', '=', establishmentId).where('function', 'in', ['cpe', 'head', 'deputy']).execute();
  const cpe = rows.filter((r) => r.function === 'cpe');
  return (cpe.length ? cpe : rows).map((r) => r.person_id);
}

/**
 * Looks at the students' unjustified half-days of the current month (Paris) against the
 * establishment's threshold, and tells vie scolaire once per crossing: the state row remembers that
 * the student is above; it is cleared when justifications bring them below, so a later crossing
 * alerts again, but a fifth, sixth… absence above the threshold does not.
 */
export async function evaluateThresholds(db: Db, clock: Clock, establishmentId: string, studentIds: string[]): Promise<string[]> {
  if (studentIds.length === 0) return [];
  const now = clock.now();
  const today = parisToday(now);
  const month = today.slice(0, 7);
  const [settings, figures, states] = await Promise.all([
    alertSettings(db, establishmentId),
    figuresOf(db, establishmentId, studentIds, `${month}-01`, today),
    db.selectFrom('attendance_alert_states').select(['student_id']).where('month', '=', month).where('student_id', 'in', studentIds).execute(),
  ]);
  const known = new Set(states.map((s) => s.student_id));
  const raised: string[] = [];
  const at = now.toISOString();
  for (const studentId of studentIds) {
    const count = figures.get(studentId)?.unjustifiedHalfDays ?? 0;
    const above = count >= settings.unjustifiedHalfDays;
    if (!above && !known.has(studentId)) continue;
    await db.transaction().execute(async (trx) => {
      // The crossing is claimed by the row change itself, so two processes never alert twice.
      let crossing = false;
      if (above) {
        const inserted = await trx
          .insertInto('attendance_alert_states')
          .values({ student_id: studentId, month, establishment_id: establishmentId, above: 1, count, raised_at: at, updated_at: at })
          .onConflict((oc) => oc.columns(['student_id', 'month']).doNothing())
          .returning('student_id')
          .executeTakeFirst();
        crossing = inserted !== undefined;
        if (!crossing) {
          const flipped = await trx.updateTable('attendance_alert_states').set({ above: 1, count, raised_at: at, updated_at: at }).where('student_id', '=', studentId).where('month', '=', month).where('above', '=', 0).executeTakeFirst();
          crossing = Number(flipped.numUpdatedRows) === 1;
        }
      }
      if (!crossing) await trx.updateTable('attendance_alert_states').set({ above: above ? 1 : 0, count, updated_at: at }).where('student_id', '=', studentId).where('month', '=', month).execute();
      if (!crossing) return;
      raised.push(studentId);
      const person = await trx.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', studentId).executeTakeFirstOrThrow();
      await emitEvent(
        trx,
        {
          type: 'attendance.threshold_reached',
          establishmentId,
          // The student the alert is about (the timeline shows who it concerns).
          actorId: studentId,
          recipientIds: await vieScolaire(trx, establishmentId),
          resource: { kind: 'attendance_student', id: studentId },
          summary: { studentName: `${person.first_name} ${person.last_name}`, count: String(count), month },
        },
        clock,
      );
    });
  }
  return raised;
}
