import type { EntryResult, NewEntry, NewHomework, Textbook, TextbookGroups } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import { holdsProfile } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { AppError, badRequest, forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { displayName } from '../../directory/index.js';
import { addDays, lessonsOf, parisToday } from '../../timetable/index.js';
import { groupAccess, requireWriter } from '../homework.access.js';
import { readsWholeEstablishment, signsOff } from '../homework.policy.js';
import { announceHomework } from './publication.js';
import { sanitizeRichText } from './rich-text.js';
import { loadEntries, visaDateFor } from './textbook.queries.js';

/** The next lesson of this subject for this group after `date` (within six weeks), from the timetable. */
export async function nextLessonAfter(db: Db, establishmentId: string, groupId: string, subjectId: string, date: string) {
  const lessons = await lessonsOf(db, establishmentId, { kind: 'groups', groupIds: [groupId] }, addDays(date, 1), addDays(date, 42));
  const next = lessons.find((l) => l.subject.id === subjectId && !l.cancelled);
  return { date: next?.date ?? null, start: next?.start ?? null };
}

export async function readTextbook(ctx: AppContext, actor: Actor, establishmentId: string, q: { groupId: string; subjectId?: string; from?: string; to?: string }): Promise<Textbook> {
  const access = await groupAccess(ctx.db, actor, establishmentId, q.groupId);
  const now = ctx.clock.now().toISOString();
  const today = parisToday(ctx.clock.now());
  const from = q.from ?? addDays(today, -60);
  const to = q.to ?? addDays(today, 30);
  if (to < from || addDays(from, 400) < to) throw badRequest('homework.invalid_range', [{ field: 'querystring.to', issue: 'range' }]);
  const [entries, subjects, visas] = await Promise.all([
    loadEntries(ctx.db, {
      establishmentId,
      groupId: q.groupId,
      subjectId: q.subjectId,
      from,
      to,
      now,
      writable: access.writableSubjects,
      audience: access.staffView ? null : access.audience,
      viewerId: actor.personId,
    }),
    ctx.db
      .selectFrom('subjects')
      .select(['subjects.id', 'subjects.name'])
      .where('subjects.id', 'in', (eb) =>
        eb.selectFrom('teachings').select('subject_id').where('group_id', '=', q.groupId).union(eb.selectFrom('timetable_slots').select('subject_id').where('group_id', '=', q.groupId)),
      )
      .orderBy('subjects.name')
      .execute(),
    ctx.db
      .selectFrom('textbook_visas as v')
      .innerJoin('groups as g', 'g.id', 'v.group_id')
      .leftJoin('subjects as s', 's.id', 'v.subject_id')
      .leftJoin('people as p', 'p.id', 'v.visa_by')
      .select(['v.id', 'v.group_id', 'g.name as group_name', 'v.subject_id', 's.name as subject_name', 'v.date', 'v.comment', 'v.visa_by', 'p.first_name', 'p.last_name', 'v.created_at'])
      .where('v.group_id', '=', q.groupId)
      .orderBy('v.date', 'desc')
      .execute(),
  ]);
  return {
    group: { id: access.group.id, name: access.group.name },
    subjects,
    entries,
    visas: visas.map((v) => ({
      id: v.id,
      group: { id: v.group_id, name: v.group_name },
      subject: v.subject_id ? { id: v.subject_id, name: v.subject_name ?? '' } : null,
      date: v.date,
      comment: v.comment,
      by: v.visa_by ? { id: v.visa_by, displayName: displayName(v.first_name ?? '', v.last_name ?? '') } : null,
      at: v.created_at,
    })),
    canWriteSubjects: access.writableSubjects,
    canVisa: signsOff(actor, establishmentId),
  };
}

/** Classes and groups whose cahier de textes the viewer opens, with what they may fill in. */
export async function textbookGroups(ctx: AppContext, actor: Actor, establishmentId: string): Promise<TextbookGroups> {
  const db = ctx.db;
  let q = db.selectFrom('groups').select(['groups.id', 'groups.name', 'groups.kind']).where('groups.establishment_id', '=', establishmentId).where('groups.kind', 'in', ['class', 'teaching_group']);
  if (!readsWholeEstablishment(actor, establishmentId)) {
    const me = actor.personId;
    q = q.where((eb) =>
      eb.or([
        eb('groups.id', 'in', eb.selectFrom('teachings').select('group_id').where('person_id', '=', me)),
        eb('groups.id', 'in', eb.selectFrom('group_members').select('group_id').where('person_id', '=', me)),
        eb('groups.id', 'in', eb.selectFrom('group_members').select('group_id').where('role', '=', 'student').where('person_id', 'in', eb.selectFrom('relatives').select('student_id').where('relative_id', '=', me))),
      ]),
    );
  }
  const [groups, teachings] = await Promise.all([
    q.orderBy('groups.name').execute(),
    holdsProfile(actor, establishmentId, 'teacher')
      ? db.selectFrom('teachings').innerJoin('subjects', 'subjects.id', 'teachings.subject_id').select(['teachings.group_id', 'subjects.id', 'subjects.name']).where('teachings.person_id', '=', actor.personId).execute()
      : [],
  ]);
  return {
    items: groups.map((g) => ({ ...g, writableSubjects: teachings.filter((t) => t.group_id === g.id).map((t) => ({ id: t.id, name: t.name })) })),
  };
}

/** Students of the group among these ids: individual work is for the group's own students only. */
async function checkTargets(db: Db, groupId: string, homework: NewHomework[]) {
  const ids = [...new Set(homework.flatMap((h) => h.studentIds ?? []))];
  if (ids.length === 0) return;
  const found = await db.selectFrom('group_members').select('person_id').where('group_id', '=', groupId).where('role', '=', 'student').where('person_id', 'in', ids).execute();
  const known = new Set(found.map((r) => r.person_id));
  const wrong = homework.flatMap((h, i) => (h.studentIds ?? []).flatMap((id, j) => (known.has(id) ? [] : [{ field: `body.homework.${i}.studentIds.${j}`, issue: 'not_in_group' }])));
  if (wrong.length) throw badRequest('homework.invalid_students', wrong);
}

/** Days where some students of the group already have two tests when a third one is set. */
async function busyDays(db: Db, groupId: string, dates: string[], excludeEntry: string | null) {
  if (dates.length === 0) return [];
  let q = db
    .selectFrom('homework_items as h')
    .select(['h.due_on', (eb) => eb.fn.countAll<number>().as('tests')])
    .where('h.kind', '=', 'test')
    .where('h.due_on', 'in', dates)
    .where('h.group_id', 'in', (eb) =>
      eb
        .selectFrom('group_members as mine')
        .innerJoin('group_members as other', 'other.person_id', 'mine.person_id')
        .select('other.group_id')
        .where('mine.group_id', '=', groupId)
        .where('mine.role', '=', 'student')
        .where('other.role', '=', 'student'),
    );
  if (excludeEntry) q = q.where('h.entry_id', '!=', excludeEntry);
  const rows = await q.groupBy('h.due_on').execute();
  return rows.filter((r) => Number(r.tests) >= 2).map((r) => ({ code: 'homework.busy_day' as const, date: r.due_on, tests: Number(r.tests) }));
}

interface Prepared {
  body: NewEntry;
  publishAt: string;
  content: string;
  homework: (NewHomework & { dueOn: string; html: string })[];
}

async function prepare(ctx: AppContext, actor: Actor, establishmentId: string, body: NewEntry): Promise<Prepared> {
  await requireWriter(ctx.db, actor, establishmentId, body.groupId, body.subjectId);
  if (body.slotId) {
    const slot = await ctx.db.selectFrom('timetable_slots').select('id').where('id', '=', body.slotId).where('group_id', '=', body.groupId).executeTakeFirst();
    if (!slot) throw badRequest('timetable.slot_not_found', [{ field: 'body.slotId', issue: 'not_this_group' }]);
  }
  await checkTargets(ctx.db, body.groupId, body.homework);
  const visa = await visaDateFor(ctx.db, body.groupId, body.subjectId);
  if (visa && body.date <= visa) throw new AppError('homework.entry_visaed', 409);
  const homework = [];
  let next: string | null | undefined;
  for (const [i, h] of body.homework.entries()) {
    let dueOn = h.dueOn;
    if (!dueOn) {
      next ??= (await nextLessonAfter(ctx.db, establishmentId, body.groupId, body.subjectId, body.date)).date;
      if (!next) throw badRequest('homework.no_next_lesson', [{ field: `body.homework.${i}.dueOn`, issue: 'required' }]);
      dueOn = next;
    }
    if (dueOn < body.date) throw badRequest('homework.due_before_set', [{ field: `body.homework.${i}.dueOn`, issue: 'before_session' }]);
    const html = sanitizeRichText(h.instructionsHtml);
    if (!html) throw badRequest('validation.failed', [{ field: `body.homework.${i}.instructionsHtml`, issue: 'empty' }]);
    homework.push({ ...h, dueOn, html });
  }
  const publishAt = body.publishAt ? new Date(body.publishAt).toISOString() : ctx.clock.now().toISOString();
  return { body, publishAt, content: sanitizeRichText(body.contentHtml), homework };
}

async function writeHomework(trx: Db, entryId: string, establishmentId: string, p: Prepared, now: string, keep: Set<string>): Promise<string[]> {
  const created: string[] = [];
  for (const [position, h] of p.homework.entries()) {
    const targeted = (h.studentIds?.length ?? 0) > 0;
    const values = {
      kind: h.kind,
      instructions_html: h.html,
      set_on: p.body.date,
      due_on: h.dueOn,
      estimated_minutes: h.estimatedMinutes ?? null,
      hand_in: h.handIn,
      targeted: targeted ? 1 : 0,
      publish_at: p.publishAt,
      position,
      group_id: p.body.groupId,
      subject_id: p.body.subjectId,
    };
    let id = h.id && keep.has(h.id) ? h.id : null;
    if (id) {
      await trx.updateTable('homework_items').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('homework_targets').where('homework_id', '=', id).execute();
    } else {
      id = newId();
      await trx.insertInto('homework_items').values({ id, entry_id: entryId, establishment_id: establishmentId, created_at: now, ...values }).execute();
      created.push(id);
    }
    const homeworkId = id;
    if (targeted) await trx.insertInto('homework_targets').values([...new Set(h.studentIds)].map((student_id) => ({ homework_id: homeworkId, student_id }))).execute();
  }
  return created;
}

async function writeLinks(trx: Db, entryId: string, p: Prepared, now: string) {
  await trx.deleteFrom('textbook_attachments').where('entry_id', '=', entryId).where('kind', '=', 'link').execute();
  if (p.body.links.length === 0) return;
  await trx
    .insertInto('textbook_attachments')
    .values(p.body.links.map((l, position) => ({ id: newId(), entry_id: entryId, kind: 'link', name: l.name, url: l.url, media_type: null, size: null, blob_id: null, position, created_at: now })))
    .execute();
}

async function result(ctx: AppContext, actor: Actor, establishmentId: string, entryId: string, p: Prepared): Promise<EntryResult> {
  const [entry] = await loadEntries(ctx.db, {
    establishmentId,
    entryIds: [entryId],
    now: ctx.clock.now().toISOString(),
    writable: [p.body.subjectId],
    audience: null,
    viewerId: actor.personId,
  });
  if (!entry) throw notFound('homework.entry_not_found');
  const testDays = [...new Set(p.homework.filter((h) => h.kind === 'test').map((h) => h.dueOn))];
  return { entry, warnings: await busyDays(ctx.db, p.body.groupId, testDays, entryId) };
}

/**
 * A session and its homework, in one transaction. Published now (no date, or a date passed), its
 * homework is announced in the same transaction; prepared for later, it is announced then.
 */
export async function createEntry(ctx: AppContext, actor: Actor, establishmentId: string, body: NewEntry): Promise<EntryResult> {
  const p = await prepare(ctx, actor, establishmentId, body);
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now().getTime());
  const published = p.publishAt <= now;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('textbook_entries')
      .values({
        id,
        establishment_id: establishmentId,
        group_id: body.groupId,
        subject_id: body.subjectId,
        author_id: actor.personId,
        slot_id: body.slotId ?? null,
        date: body.date,
        start_time: body.start ?? null,
        end_time: body.end ?? null,
        title: body.title,
        content_html: p.content,
        publish_at: p.publishAt,
        notified_at: published ? now : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const created = await writeHomework(trx, id, establishmentId, p, now, new Set());
    await writeLinks(trx, id, p, now);
    if (published) await announceHomework(trx, ctx.clock, actor.personId, establishmentId, created);
  });
  return result(ctx, actor, establishmentId, id, p);
}

async function requireEntry(ctx: AppContext, establishmentId: string, entryId: string) {
  const row = await ctx.db.selectFrom('textbook_entries').selectAll().where('id', '=', entryId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('homework.entry_not_found');
  return row;
}

/**
 * Replaces a session: homework items sent back with their id keep the students' done marks, the
 * others are removed; new items of an already published session are announced.
 */
export async function updateEntry(ctx: AppContext, actor: Actor, establishmentId: string, entryId: string, body: NewEntry): Promise<EntryResult> {
  const row = await requireEntry(ctx, establishmentId, entryId);
  await requireWriter(ctx.db, actor, establishmentId, row.group_id, row.subject_id);
  const visa = await visaDateFor(ctx.db, row.group_id, row.subject_id);
  if (visa && row.date <= visa) throw new AppError('homework.entry_visaed', 409);
  const p = await prepare(ctx, actor, establishmentId, body);
  const now = ctx.clock.now().toISOString();
  const existing = await ctx.db.selectFrom('homework_items').select('id').where('entry_id', '=', entryId).execute();
  const keep = new Set(existing.map((h) => h.id));
  const sentIds = new Set(body.homework.flatMap((h) => (h.id ? [h.id] : [])));
  const alreadyAnnounced = row.notified_at !== null;
  const publishedNow = p.publishAt <= now;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('textbook_entries')
      .set({
        group_id: body.groupId,
        subject_id: body.subjectId,
        slot_id: body.slotId ?? null,
        date: body.date,
        start_time: body.start ?? null,
        end_time: body.end ?? null,
        title: body.title,
        content_html: p.content,
        publish_at: p.publishAt,
        notified_at: alreadyAnnounced || publishedNow ? (row.notified_at ?? now) : null,
        updated_at: now,
      })
      .where('id', '=', entryId)
      .execute();
    const removed = [...keep].filter((id) => !sentIds.has(id));
    if (removed.length) await trx.deleteFrom('homework_items').where('id', 'in', removed).execute();
    const created = await writeHomework(trx, entryId, establishmentId, p, now, keep);
    await writeLinks(trx, entryId, p, now);
    if (publishedNow) await announceHomework(trx, ctx.clock, actor.personId, establishmentId, alreadyAnnounced ? created : [...created, ...[...sentIds].filter((id) => keep.has(id))]);
  });
  return result(ctx, actor, establishmentId, entryId, p);
}

export async function deleteEntry(ctx: AppContext, actor: Actor, establishmentId: string, entryId: string): Promise<void> {
  const row = await requireEntry(ctx, establishmentId, entryId);
  await requireWriter(ctx.db, actor, establishmentId, row.group_id, row.subject_id);
  const visa = await visaDateFor(ctx.db, row.group_id, row.subject_id);
  if (visa && row.date <= visa) throw new AppError('homework.entry_visaed', 409);
  await ctx.db.deleteFrom('textbook_entries').where('id', '=', entryId).execute();
}

/** The head's or a deputy's dated visa, with a comment; entries up to that date are then locked. */
export async function addVisa(ctx: AppContext, actor: Actor, establishmentId: string, body: { groupId: string; subjectId?: string | null; date: string; comment: string }) {
  await groupAccess(ctx.db, actor, establishmentId, body.groupId);
  if (!signsOff(actor, establishmentId)) throw forbidden('access.forbidden');
  if (body.subjectId) {
    const subject = await ctx.db.selectFrom('subjects').select('id').where('id', '=', body.subjectId).where('establishment_id', '=', establishmentId).executeTakeFirst();
    if (!subject) throw badRequest('timetable.invalid_reference', [{ field: 'body.subjectId', issue: 'not_in_establishment' }]);
  }
  const id = newId(ctx.clock.now().getTime());
  await ctx.db
    .insertInto('textbook_visas')
    .values({ id, establishment_id: establishmentId, group_id: body.groupId, subject_id: body.subjectId ?? null, date: body.date, comment: body.comment, visa_by: actor.personId, created_at: ctx.clock.now().toISOString() })
    .execute();
  return readTextbook(ctx, actor, establishmentId, { groupId: body.groupId, subjectId: body.subjectId ?? undefined });
}
