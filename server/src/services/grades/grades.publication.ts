import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { emitEvent } from '../../kernel/events/index.js';

/** What an announcement records: when each audience was told (null: not yet). */
export interface AnnouncementState {
  students_at: string | null;
  relatives_at: string | null;
  notified_at: string | null;
  relatives_notified_at: string | null;
}

/**
 * The audiences to tell now, each with the column that records it: the students once
 * `students_at` has passed, their relatives once `relatives_at` (or, without it, `students_at`)
 * has passed. Shared with skills assessed alone, which are announced the same way.
 */
export function dueAudiences(a: AnnouncementState, now: string): (readonly ['student', 'notified_at'] | readonly ['relative', 'relatives_notified_at'])[] {
  if (a.students_at === null || a.students_at > now) return [];
  const due: (readonly ['student', 'notified_at'] | readonly ['relative', 'relatives_notified_at'])[] = [];
  if (a.notified_at === null) due.push(['student', 'notified_at'] as const);
  if (a.relatives_notified_at === null && (a.relatives_at ?? a.students_at) <= now) due.push(['relative', 'relatives_notified_at'] as const);
  return due;
}

/** Who an assessment of this group is announced to: its students, or their relatives. */
export async function recipientsOf(trx: Db, groupId: string, audience: 'student' | 'relative'): Promise<string[]> {
  const pupils = trx.selectFrom('group_members').select('person_id').where('group_id', '=', groupId).where('role', '=', 'student');
  const rows = audience === 'student' ? await pupils.execute() : await trx.selectFrom('relatives').select('relative_id as person_id').where('student_id', 'in', pupils).execute();
  return rows.map((r) => r.person_id);
}

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
    for (const [audience, column] of dueAudiences(a, now)) {
      const claimed = await trx.updateTable('grade_assessments').set({ [column]: now }).where('id', '=', a.id).where(column, 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      const recipientIds = await recipientsOf(trx, a.group_id, audience);
      await emitEvent(
        trx,
        {
          type: 'grade.published',
          establishmentId: a.establishment_id,
          actorId: a.author_id ?? '',
          recipientIds,
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
