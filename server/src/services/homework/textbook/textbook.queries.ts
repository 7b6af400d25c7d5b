import type { Entry, HomeworkItem } from '@preau/contracts';
import type { Db } from '../../../kernel/db/database.js';
import { displayName } from '../../directory/index.js';

export interface EntryFilter {
  establishmentId: string;
  groupId?: string;
  entryIds?: string[];
  subjectId?: string;
  from?: string;
  to?: string;
  now: string;
  /** Subjects whose unpublished entries the reader prepares (and so sees). */
  writable: string[];
  /** Null: every item and target (staff view); else the students whose individual work is shown. */
  audience: string[] | null;
  viewerId: string;
}

const person = (id: string, first: string | null, last: string | null) => ({ id, displayName: displayName(first ?? '', last ?? '') });

/** Entries with their homework, targets, attachments and visa state: five statements whatever the count. */
export async function loadEntries(db: Db, f: EntryFilter): Promise<Entry[]> {
  let q = db
    .selectFrom('textbook_entries as e')
    .innerJoin('groups as g', 'g.id', 'e.group_id')
    .innerJoin('subjects as s', 's.id', 'e.subject_id')
    .leftJoin('people as a', 'a.id', 'e.author_id')
    .select([
      'e.id',
      'e.group_id',
      'g.name as group_name',
      'e.subject_id',
      's.name as subject_name',
      'e.author_id',
      'a.first_name as author_first',
      'a.last_name as author_last',
      'e.slot_id',
      'e.date',
      'e.start_time',
      'e.end_time',
      'e.title',
      'e.content_html',
      'e.publish_at',
    ])
    .where('e.establishment_id', '=', f.establishmentId);
  if (f.groupId) q = q.where('e.group_id', '=', f.groupId);
  if (f.entryIds) q = q.where('e.id', 'in', f.entryIds.length ? f.entryIds : ['']);
  if (f.subjectId) q = q.where('e.subject_id', '=', f.subjectId);
  if (f.from) q = q.where('e.date', '>=', f.from);
  if (f.to) q = q.where('e.date', '<=', f.to);
  q = q.where((eb) => (f.writable.length ? eb.or([eb('e.publish_at', '<=', f.now), eb('e.subject_id', 'in', f.writable)]) : eb('e.publish_at', '<=', f.now)));
  const entries = await q.orderBy('e.date').orderBy('e.start_time').orderBy('e.id').execute();
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.id);

  let hq = db.selectFrom('homework_items as h').selectAll('h').where('h.entry_id', 'in', ids);
  const audience = f.audience;
  if (audience !== null) {
    hq = hq.where((eb) =>
      eb.or([eb('h.targeted', '=', 0), eb.exists(eb.selectFrom('homework_targets as t').select('t.student_id').whereRef('t.homework_id', '=', 'h.id').where('t.student_id', 'in', audience.length ? audience : ['']))]),
    );
  }
  const [homework, attachments, visas] = await Promise.all([
    hq.orderBy('h.position').execute(),
    db.selectFrom('textbook_attachments').select(['id', 'entry_id', 'kind', 'name', 'url', 'media_type', 'size']).where('entry_id', 'in', ids).orderBy('position').execute(),
    db
      .selectFrom('textbook_visas')
      .select(['group_id', 'subject_id', (eb) => eb.fn.max('date').as('date')])
      .where('group_id', 'in', [...new Set(entries.map((e) => e.group_id))])
      .groupBy(['group_id', 'subject_id'])
      .execute(),
  ]);
  const targeted = homework.filter((h) => h.targeted === 1).map((h) => h.id);
  let tq = db
    .selectFrom('homework_targets as t')
    .innerJoin('people as p', 'p.id', 't.student_id')
    .select(['t.homework_id', 't.student_id', 'p.first_name', 'p.last_name'])
    .where('t.homework_id', 'in', targeted.length ? targeted : ['']);
  if (audience !== null) tq = tq.where('t.student_id', 'in', audience.length ? audience : ['']);
  const targets = targeted.length ? await tq.orderBy('p.sort_key').execute() : [];

  const entryById = new Map(entries.map((e) => [e.id, e]));
  const studentsOf = new Map<string, { id: string; displayName: string }[]>();
  for (const t of targets) studentsOf.set(t.homework_id, [...(studentsOf.get(t.homework_id) ?? []), person(t.student_id, t.first_name, t.last_name)]);
  const homeworkOf = new Map<string, HomeworkItem[]>();
  for (const h of homework) {
    const e = entryById.get(h.entry_id);
    if (!e) continue;
    homeworkOf.set(h.entry_id, [...(homeworkOf.get(h.entry_id) ?? []), presentHomework(h, e, h.targeted === 1 ? (studentsOf.get(h.id) ?? []) : null)]);
  }
  const visaDate = (groupId: string, subjectId: string) =>
    visas.filter((v) => v.group_id === groupId && (v.subject_id === null || v.subject_id === subjectId)).reduce<string | null>((max, v) => (max === null || String(v.date) > max ? String(v.date) : max), null);
  return entries.map((e) => {
    const signed = visaDate(e.group_id, e.subject_id);
    const visaed = signed !== null && e.date <= signed;
    return {
      id: e.id,
      group: { id: e.group_id, name: e.group_name },
      subject: { id: e.subject_id, name: e.subject_name },
      author: e.author_id ? person(e.author_id, e.author_first, e.author_last) : null,
      slotId: e.slot_id,
      date: e.date,
      start: e.start_time,
      end: e.end_time,
      title: e.title,
      contentHtml: e.content_html,
      publishAt: e.publish_at,
      published: e.publish_at <= f.now,
      visaed,
      attachments: attachments
        .filter((a) => a.entry_id === e.id)
        .map((a) => ({ id: a.id, kind: a.kind as 'link' | 'file', name: a.name, url: a.url, mediaType: a.media_type, size: a.size })),
      homework: homeworkOf.get(e.id) ?? [],
      canEdit: !visaed && f.writable.includes(e.subject_id),
    };
  });
}

export function presentHomework(
  h: { id: string; entry_id: string; kind: string; instructions_html: string; set_on: string; due_on: string; estimated_minutes: number | null; hand_in: string },
  e: { group_id: string; group_name: string; subject_id: string; subject_name: string },
  students: { id: string; displayName: string }[] | null,
): HomeworkItem {
  return {
    id: h.id,
    entryId: h.entry_id,
    group: { id: e.group_id, name: e.group_name },
    subject: { id: e.subject_id, name: e.subject_name },
    kind: h.kind as HomeworkItem['kind'],
    instructionsHtml: h.instructions_html,
    setOn: h.set_on,
    dueOn: h.due_on,
    estimatedMinutes: h.estimated_minutes,
    handIn: h.hand_in as HomeworkItem['handIn'],
    students,
  };
}

/** The latest visa date covering this group and subject, or null. */
export async function visaDateFor(db: Db, groupId: string, subjectId: string): Promise<string | null> {
  const row = await db
    .selectFrom('textbook_visas')
    .select((eb) => eb.fn.max('date').as('date'))
    .where('group_id', '=', groupId)
    .where((eb) => eb.or([eb('subject_id', '=', subjectId), eb('subject_id', 'is', null)]))
    .executeTakeFirst();
  return row?.date ? String(row.date) : null;
}

/**
 * Students of a group and their relatives who should hear of a homework item: everyone in the
 * group, or only the targeted students, in one statement.
 */
export async function homeworkAudience(db: Db, homeworkId: string, groupId: string, targeted: boolean): Promise<string[]> {
  const students = targeted
    ? db.selectFrom('homework_targets').select('student_id as person_id').where('homework_id', '=', homeworkId)
    : db.selectFrom('group_members').select('person_id').where('group_id', '=', groupId).where('role', '=', 'student');
  const rows = await students
    .union(
      db
        .selectFrom('relatives')
        .select('relative_id as person_id')
        .where(
          'student_id',
          'in',
          targeted
            ? db.selectFrom('homework_targets').select('student_id').where('homework_id', '=', homeworkId)
            : db.selectFrom('group_members').select('person_id').where('group_id', '=', groupId).where('role', '=', 'student'),
        ),
    )
    .execute();
  return rows.map((r) => r.person_id);
}
