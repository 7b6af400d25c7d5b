import type { Clock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { emitEvent } from '../../kernel/events/index.js';
import { dueAudiences, recipientsOf } from '../grades/index.js';

/**
 * Announces the skills assessed alone whose publication time has come, each audience once, as
 * grades do (grades' `dueAudiences` and `recipientsOf`): each announcement claims its column
 * where it was still empty and emits `skills.published` in the same transaction, so two processes
 * never announce twice. Skills assessed beside a graded assessment are not announced here: the
 * grade's `grade.published` already tells the same people at the same time.
 */
export async function announceDueSkills(trx: Db, clock: Clock, assessmentIds?: string[]): Promise<number> {
  const now = clock.now().toISOString();
  let query = trx
    .selectFrom('skill_assessments as a')
    .innerJoin('subjects as s', 's.id', 'a.subject_id')
    .select(['a.id', 'a.establishment_id', 'a.group_id', 'a.author_id', 'a.title', 'a.students_at', 'a.relatives_at', 'a.notified_at', 'a.relatives_notified_at', 's.name as subject'])
    .where('a.grade_assessment_id', 'is', null)
    .where('a.students_at', '<=', now)
    // Only what is due now (the rule of dueAudiences): one waiting for its relatives' time holds no place in the batch.
    .where((eb) =>
      eb.or([
        eb('a.notified_at', 'is', null),
        eb.and([eb('a.relatives_notified_at', 'is', null), eb.or([eb('a.relatives_at', 'is', null), eb('a.relatives_at', '<=', now)])]),
      ]),
    )
    .orderBy('a.students_at')
    .limit(500);
  if (assessmentIds) query = query.where('a.id', 'in', assessmentIds);
  let announced = 0;
  for (const a of await query.execute()) {
    for (const [audience, column] of dueAudiences(a, now)) {
      const claimed = await trx.updateTable('skill_assessments').set({ [column]: now }).where('id', '=', a.id).where(column, 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) continue;
      await emitEvent(
        trx,
        {
          type: 'skills.published',
          establishmentId: a.establishment_id,
          actorId: a.author_id ?? '',
          recipientIds: await recipientsOf(trx, a.group_id, audience),
          resource: { kind: 'skill_assessment', id: a.id },
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
export async function publishDueSkillAssessments(ctx: AppContext): Promise<number> {
  return ctx.db.transaction().execute((trx) => announceDueSkills(trx, ctx.clock));
}

/** Every minute, whichever process gets there. */
export function scheduleSkillPublications(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    publishDueSkillAssessments(ctx).catch(() => {});
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
