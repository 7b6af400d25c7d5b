import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { emitEvent } from '../../../kernel/events/index.js';
import type { Clock } from '../../../kernel/clock.js';
import { plainText } from './rich-text.js';
import { homeworkAudience } from './textbook.queries.js';

/**
 * Tells the students concerned and their relatives about these homework items (one
 * `homework.assigned` event each), in the caller's transaction: the notification exists if and
 * only if the publication commits.
 */
export async function announceHomework(trx: Db, clock: Clock, actorId: string | null, establishmentId: string, homeworkIds: string[]): Promise<void> {
  if (homeworkIds.length === 0) return;
  const items = await trx
    .selectFrom('homework_items as h')
    .innerJoin('subjects as s', 's.id', 'h.subject_id')
    .select(['h.id', 'h.group_id', 'h.targeted', 'h.due_on', 'h.instructions_html', 's.name as subject'])
    .where('h.id', 'in', homeworkIds)
    .execute();
  for (const h of items) {
    const recipients = await homeworkAudience(trx, h.id, h.group_id, h.targeted === 1);
    const text = plainText(h.instructions_html);
    await emitEvent(
      trx,
      {
        type: 'homework.assigned',
        establishmentId,
        // An author whose account is gone: the timeline shows the event without a name.
        actorId: actorId ?? '',
        recipientIds: recipients,
        resource: { kind: 'homework', id: h.id },
        summary: { subject: h.subject, title: text.length > 120 ? `${text.slice(0, 117)}…` : text, dueDate: h.due_on },
      },
      clock,
    );
  }
}

/**
 * Entries prepared in advance whose publication time has come: each is claimed by setting
 * `notified_at` where it was still empty (so two processes never announce it twice), then its
 * homework is announced in the same transaction.
 */
export async function publishDueEntries(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const due = await ctx.db
    .selectFrom('textbook_entries')
    .select(['id', 'establishment_id', 'author_id'])
    .where('notified_at', 'is', null)
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .limit(500)
    .execute();
  let published = 0;
  for (const entry of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('textbook_entries').set({ notified_at: now }).where('id', '=', entry.id).where('notified_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      const items = await trx.selectFrom('homework_items').select('id').where('entry_id', '=', entry.id).execute();
      await announceHomework(trx, ctx.clock, entry.author_id, entry.establishment_id, items.map((i) => i.id));
      published++;
    });
  }
  return published;
}

/** Every minute, whichever process gets there: prepared entries are announced when they go out. */
export function schedulePublications(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    publishDueEntries(ctx).catch(() => {});
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
