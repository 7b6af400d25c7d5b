import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { emitEvent } from '../../kernel/events/index.js';

/**
 * Announces the assessments whose publication time has come, each audience once: the students of
 * the group when `students_at` passes, their relatives when `relatives_at` (or, without it,
 * `students_at`) passes. Each announcement claims its column where it was still empty and emits
 * `grade.published` in the same transaction, so it exists if and only if the claim commits and
 * two processes never announce twice. Quiet hours are the notification layer's business.
 */
export async function announceDue(trx: Db, clock: Clock, assessmentIds?: string[]): Promise<number> {
  const now = clock.now().toISOString();
  let query = trx
    .selectFrom('grade_assessments as a')
    .innerJoin('subjects as s', 's.id', 'a.subject_id')
    .select(['a.id', 'a.establishment_id', 'a.group_id', 'a.author_id', 'a.title', 'a.students_at', 'a.relatives_at', 'a.notified_at', 'a.relatives_notified_at', 's.name as subject'])
    .where('a.students_at', '<=', now)
    // Only what is due now: an assessment waiting for its relatives' time does not hold a place in the batch.
    .where((eb) =>
      eb.or([
        eb('a.notified_at', 'is', null),
        eb.and([eb('a.relatives_notified_at', 'is', null), eb.or([eb('a.relatives_at', 'is', null), eb('a.relatives_at', '<=', now)])]),
      ]),
    )
    .orderBy('a.students_at')
    .limit(500);
  if (assessmentIds) query = query.where('a.id', 'in', assessmentIds);
  const due = await query.execute();
  let announced = 0;
  for (const a of due) {
    const students = a.notified_at === null;
    const relatives = a.relatives_notified_at === null && (a.relatives_at ?? a.students_at ?? now) <= now;
    for (const [audience, column] of [
      ['student', 'notified_at'],
      ['relative', 'relatives_notified_at'],
    ] as const) {
      if (audience === 'student' ? !students : !relatives) continue;
      const claimed = await trx.updateTable('grade_assessments').set({ [column]: now }).where('id', '=', a.id).where(column, 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      const pupils = trx.selectFrom('group_members').select('person_id').where('group_id', '=', a.group_id).where('role', '=', 'student');
      const rows =
        audience === 'student'
          ? await pupils.execute()
          : await trx.selectFrom('relatives').select('relative_id as person_id').where('student_id', 'in', pupils).execute();
      await emitEvent(
        trx,
        {
          type: 'grade.published',
          establishmentId: a.establishment_id,
          actorId: a.author_id ?? '',
          recipientIds: rows.map((r) => r.person_id),
          resource: { kind: 'assessment', id: a.id },
          summary: { subject: a.subject, title: a.title },
        },
        clock,
      );
      announced++;
    }
  }
  return announced;
}

/** The periodic run: one transaction for the batch of due announcements. */
export async function publishDueAssessments(ctx: AppContext): Promise<number> {
  return ctx.db.transaction().execute((trx) => announceDue(trx, ctx.clock));
}

/** Every minute, whichever process gets there. */
export function scheduleGradePublications(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    publishDueAssessments(ctx).catch(() => {});
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
