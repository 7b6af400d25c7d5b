import type { Agenda, AgendaItem, Workload } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { badRequest, forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { displayName, isRelativeOf } from '../../directory/index.js';
import { addDays, mondayOf, parisToday } from '../../timetable/index.js';
import { groupAccess } from '../homework.access.js';
import { plainText } from '../textbook/rich-text.js';
import { presentHomework } from '../textbook/textbook.queries.js';

const OVERDUE_DAYS = 14;

/**
 * A student's published homework due between two dates, in one statement: the items of their
 * classes and groups set for everyone, and those set for them alone.
 */
function studentHomework(db: Db, establishmentId: string, studentId: string, now: string, from: string, to: string) {
  return db
    .selectFrom('homework_items as h')
    .innerJoin('textbook_entries as e', 'e.id', 'h.entry_id')
    .innerJoin('groups as g', 'g.id', 'h.group_id')
    .innerJoin('subjects as s', 's.id', 'h.subject_id')
    .leftJoin('homework_done as d', (j) => j.onRef('d.homework_id', '=', 'h.id').on('d.student_id', '=', studentId))
    .select([
      'h.id',
      'h.entry_id',
      'h.kind',
      'h.instructions_html',
      'h.set_on',
      'h.due_on',
      'h.estimated_minutes',
      'h.hand_in',
      'h.targeted',
      'h.group_id',
      'g.name as group_name',
      'h.subject_id',
      's.name as subject_name',
      'e.title as entry_title',
      'd.done_at',
    ])
    .where('h.establishment_id', '=', establishmentId)
    .where('h.publish_at', '<=', now)
    .where('h.due_on', '>=', from)
    .where('h.due_on', '<=', to)
    .where('h.group_id', 'in', (eb) => eb.selectFrom('group_members').select('group_id').where('person_id', '=', studentId).where('role', '=', 'student'))
    .where((eb) => eb.or([eb('h.targeted', '=', 0), eb.exists(eb.selectFrom('homework_targets as t').select('t.student_id').whereRef('t.homework_id', '=', 'h.id').where('t.student_id', '=', studentId))]))
    .orderBy('h.due_on')
    .orderBy('s.name')
    .orderBy('h.position')
    .execute();
}

/** The student themselves, or one of their relatives; nobody else opens an agenda. */
async function requireAgendaReader(db: Db, actor: Actor, establishmentId: string, studentId: string) {
  const self = actor.personId === studentId;
  const [student, relative] = await Promise.all([
    db
      .selectFrom('people')
      .innerJoin('memberships as m', 'm.person_id', 'people.id')
      .select(['people.id', 'people.first_name', 'people.last_name'])
      .where('people.id', '=', studentId)
      .where('m.establishment_id', '=', establishmentId)
      .where('m.profile', '=', 'student')
      .executeTakeFirst(),
    self ? false : isRelativeOf(db, actor.personId, studentId),
  ]);
  if (!student || !(self || relative)) throw forbidden('homework.not_visible');
  return { student, self };
}

export async function agenda(ctx: AppContext, actor: Actor, establishmentId: string, q: { studentId: string; from?: string; to?: string }): Promise<Agenda> {
  const { student, self } = await requireAgendaReader(ctx.db, actor, establishmentId, q.studentId);
  const today = parisToday(ctx.clock.now());
  const from = q.from ?? today;
  const to = q.to ?? addDays(from, 27);
  if (to < from || addDays(from, 92) < to) throw badRequest('homework.invalid_range', [{ field: 'querystring.to', issue: 'range' }]);
  const now = ctx.clock.now().toISOString();
  const [upcoming, past] = await Promise.all([
    studentHomework(ctx.db, establishmentId, q.studentId, now, from, to),
    // Done marks are the student's own: relatives see neither them nor an "overdue" list built on them.
    self ? studentHomework(ctx.db, establishmentId, q.studentId, now, addDays(today, -OVERDUE_DAYS), addDays(today, -1)) : [],
  ]);
  const item = (h: (typeof upcoming)[number]): AgendaItem => ({
    ...presentHomework(h, h, null),
    done: self ? h.done_at !== null : null,
    overdue: h.due_on < today && h.done_at === null,
    entryTitle: h.entry_title,
  });
  return {
    student: { id: student.id, displayName: displayName(student.first_name, student.last_name) },
    from,
    to,
    items: upcoming.map(item),
    overdue: past.filter((h) => h.done_at === null).map(item),
    canMarkDone: self,
  };
}

/** Only the student marks their own work; the mark is private to them. */
export async function markDone(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string, done: boolean): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const visible = await ctx.db
    .selectFrom('homework_items as h')
    .select('h.id')
    .where('h.id', '=', homeworkId)
    .where('h.establishment_id', '=', establishmentId)
    .where('h.publish_at', '<=', now)
    .where('h.group_id', 'in', (eb) => eb.selectFrom('group_members').select('group_id').where('person_id', '=', actor.personId).where('role', '=', 'student'))
    .where((eb) => eb.or([eb('h.targeted', '=', 0), eb.exists(eb.selectFrom('homework_targets as t').select('t.student_id').whereRef('t.homework_id', '=', 'h.id').where('t.student_id', '=', actor.personId))]))
    .executeTakeFirst();
  if (!visible) throw notFound('homework.homework_not_found');
  if (done) {
    await ctx.db
      .insertInto('homework_done')
      .values({ homework_id: homeworkId, student_id: actor.personId, done_at: now })
      .onConflict((oc) => oc.columns(['student_id', 'homework_id']).doNothing())
      .execute();
  } else {
    await ctx.db.deleteFrom('homework_done').where('homework_id', '=', homeworkId).where('student_id', '=', actor.personId).execute();
  }
}

/** For the calendar feed: what a student has to do, as plain text. */
export async function dueHomeworkFor(db: Db, now: Date, establishmentId: string, studentId: string, from: string, to: string) {
  const rows = await studentHomework(db, establishmentId, studentId, now.toISOString(), from, to);
  return rows.map((h) => ({ id: h.id, dueOn: h.due_on, subjectName: h.subject_name, kind: h.kind, instructionsText: plainText(h.instructions_html) }));
}

/**
 * How much work the students of a class have per day and per week: the homework due in every
 * group that shares students with it (its options and language groups included), published or not
 * — a teacher planning a test must see the ones colleagues prepared.
 */
export async function workload(ctx: AppContext, actor: Actor, establishmentId: string, q: { groupId: string; from: string; to: string }): Promise<Workload> {
  const access = await groupAccess(ctx.db, actor, establishmentId, q.groupId);
  if (q.to < q.from || addDays(q.from, 92) < q.to) throw badRequest('homework.invalid_range', [{ field: 'querystring.to', issue: 'range' }]);
  const now = ctx.clock.now().toISOString();
  let query = ctx.db
    .selectFrom('homework_items as h')
    .select(['h.due_on', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.sum<number>('h.estimated_minutes').as('minutes'), (eb) => eb.fn.sum<number>(eb.case().when('h.kind', '=', 'test').then(1).else(0).end()).as('tests')])
    .where('h.due_on', '>=', q.from)
    .where('h.due_on', '<=', q.to)
    .where('h.group_id', 'in', (eb) =>
      eb
        .selectFrom('group_members as mine')
        .innerJoin('group_members as other', 'other.person_id', 'mine.person_id')
        .select('other.group_id')
        .where('mine.group_id', '=', q.groupId)
        .where('mine.role', '=', 'student')
        .where('other.role', '=', 'student')
        .union(eb.selectFrom('groups').select('id as group_id').where('id', '=', q.groupId)),
    );
  // Students and relatives count what is published; teachers also what colleagues prepared.
  if (!access.staffView) query = query.where('h.publish_at', '<=', now).where('h.targeted', '=', 0);
  const rows = await query.groupBy('h.due_on').orderBy('h.due_on').execute();
  const days = rows.map((r) => ({ date: r.due_on, count: Number(r.count), minutes: Number(r.minutes ?? 0), tests: Number(r.tests ?? 0) }));
  const weeks = new Map<string, { monday: string; count: number; minutes: number; tests: number }>();
  for (const d of days) {
    const monday = mondayOf(d.date);
    const w = weeks.get(monday) ?? { monday, count: 0, minutes: 0, tests: 0 };
    w.count += d.count;
    w.minutes += d.minutes;
    w.tests += d.tests;
    weeks.set(monday, w);
  }
  return { group: { id: access.group.id, name: access.group.name }, days, weeks: [...weeks.values()] };
}
