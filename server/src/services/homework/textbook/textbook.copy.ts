import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import { badRequest } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { addDays, schoolYearOf } from '../../timetable/index.js';
import { requireWriter, writableSubjects } from '../homework.access.js';

const DAY_MS = 86_400_000;

/**
 * Copies a sequence (the sessions of one subject between two dates) to another class, or to the
 * next year's class, every date shifted by the same number of days. The copies are prepared, not
 * published: they go out on their new session date unless the teacher changes it. Individual
 * targets are not copied (other students), nor the done marks; links and homework are.
 */
export async function copySequence(
  ctx: AppContext,
  actor: Actor,
  establishmentId: string,
  body: { fromGroupId: string; subjectId: string; from: string; to: string; toGroupId: string; toDate: string },
): Promise<{ entries: number; homework: number }> {
  if (body.to < body.from || addDays(body.from, 400) < body.to) throw badRequest('homework.invalid_range', [{ field: 'body.to', issue: 'range' }]);
  await requireWriter(ctx.db, actor, establishmentId, body.toGroupId, body.subjectId);
  // One's own sessions always; a colleague's only where one teaches that subject to that group too.
  const teachesSource = (await writableSubjects(ctx.db, actor.personId, body.fromGroupId)).includes(body.subjectId);
  let q = ctx.db
    .selectFrom('textbook_entries')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('group_id', '=', body.fromGroupId)
    .where('subject_id', '=', body.subjectId)
    .where('date', '>=', body.from)
    .where('date', '<=', body.to);
  if (!teachesSource) q = q.where('author_id', '=', actor.personId);
  const entries = await q.orderBy('date').execute();
  if (entries.length === 0) return { entries: 0, homework: 0 };
  const shift = Math.round((Date.parse(`${body.toDate}T00:00:00Z`) - Date.parse(`${entries[0]?.date}T00:00:00Z`)) / DAY_MS);
  const ids = entries.map((e) => e.id);
  const [homework, links] = await Promise.all([
    ctx.db.selectFrom('homework_items').selectAll().where('entry_id', 'in', ids).execute(),
    ctx.db.selectFrom('textbook_attachments').selectAll().where('entry_id', 'in', ids).where('kind', '=', 'link').execute(),
  ]);
  const now = ctx.clock.now().toISOString();
  const newIds = new Map(entries.map((e) => [e.id, newId()]));
  // The copies go out on their session's morning (never in the past: then at once).
  const publishOf = (date: string) => [`${date}T06:00:00.000Z`, now].sort()[1] as string;
  const entryRows = entries.map((e) => {
    const date = addDays(e.date, shift);
    return {
      ...e,
      id: newIds.get(e.id) as string,
      group_id: body.toGroupId,
      author_id: actor.personId,
      // A slot belongs to the source group's timetable; the copy is on a free date until linked again.
      slot_id: body.toGroupId === body.fromGroupId && schoolYearOf(date) === schoolYearOf(e.date) ? e.slot_id : null,
      date,
      publish_at: publishOf(date),
      notified_at: null,
      created_at: now,
      updated_at: now,
    };
  });
  const homeworkRows = homework.map((h) => ({
    ...h,
    id: newId(),
    entry_id: newIds.get(h.entry_id) as string,
    group_id: body.toGroupId,
    set_on: addDays(h.set_on, shift),
    due_on: addDays(h.due_on, shift),
    targeted: 0,
    publish_at: entryRows.find((e) => e.id === newIds.get(h.entry_id))?.publish_at ?? now,
    created_at: now,
  }));
  const linkRows = links.map((l) => ({ ...l, id: newId(), entry_id: newIds.get(l.entry_id) as string, created_at: now }));
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < entryRows.length; i += 200) await trx.insertInto('textbook_entries').values(entryRows.slice(i, i + 200)).execute();
    for (let i = 0; i < homeworkRows.length; i += 200) await trx.insertInto('homework_items').values(homeworkRows.slice(i, i + 200)).execute();
    for (let i = 0; i < linkRows.length; i += 200) await trx.insertInto('textbook_attachments').values(linkRows.slice(i, i + 200)).execute();
  });
  return { entries: entryRows.length, homework: homeworkRows.length };
}
