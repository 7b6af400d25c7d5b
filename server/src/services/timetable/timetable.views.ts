import type { Lesson, Timetable, TimetableChoices, TimetableQuery } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import { holdsProfile } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { forbidden, notFound } from '../../kernel/errors/app-error.js';
import { displayName, isRelativeOf } from '../directory/index.js';
import { type LoadedCalendar, loadCalendar } from './calendar/calendar.js';
import { addDays, mondayOf } from './calendar/dates.js';
import { expand, type Occurrence, weekType } from './calendar/occurrences.js';
import { managesTimetable, seesEveryTimetable } from './timetable.policy.js';
import {
  belongsToGroup,
  childrenOf,
  exceptionRows,
  groupRow,
  roomRow,
  roomRows,
  type SlotSource,
  slotRows,
  studentsIn,
  teacherRow,
} from './timetable.queries.js';

const person = (id: string | null, first: string | null, last: string | null) => (id ? { id, displayName: displayName(first ?? '', last ?? '') } : null);
const room = (id: string | null, code: string | null, name: string | null) => (id ? { id, code: code ?? '', name: name ?? '' } : null);

/** One occurrence as the reader sees it: the replacement teacher and the new room, the usual ones beside. */
export function toLesson(o: Occurrence): Lesson {
  const { slot, exception: e } = o;
  const usualTeacher = person(slot.teacher_id, slot.teacher_first, slot.teacher_last);
  const usualRoom = room(slot.room_id, slot.room_code, slot.room_name);
  const replaced = !!e?.teacher_id && e.teacher_id !== slot.teacher_id;
  const moved = !!e?.room_id && e.room_id !== slot.room_id;
  return {
    slotId: slot.id,
    date: o.date,
    start: slot.start_time,
    end: slot.end_time,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    subject: { id: slot.subject_id, name: slot.subject_name },
    group: { id: slot.group_id, name: slot.group_name },
    teacher: replaced && e ? person(e.teacher_id, e.teacher_first, e.teacher_last) : usualTeacher,
    room: moved && e ? room(e.room_id, e.room_code, e.room_name) : usualRoom,
    weeks: slot.weeks as Lesson['weeks'],
    cancelled: e?.cancelled === 1,
    usualRoom: moved ? usualRoom : null,
    usualTeacher: replaced ? usualTeacher : null,
    note: e?.note ?? null,
  };
}

/** The lessons of a source between two dates, holidays and exceptions applied. */
export async function lessonsOf(db: Db, establishmentId: string, source: SlotSource, from: string, to: string, loaded?: LoadedCalendar): Promise<Lesson[]> {
  const [slots, calendar] = await Promise.all([slotRows(db, establishmentId, source), loaded ?? loadCalendar(db, establishmentId, from)]);
  const exceptions = await exceptionRows(db, slots.map((s) => s.id), from, to);
  let lessons = expand(slots, exceptions, calendar.frame, from, to).map(toLesson);
  // A teacher's (a room's) view keeps the lessons they give (host) that day, and those taken from them.
  if (source.kind === 'teacher') lessons = lessons.filter((l) => l.teacher?.id === source.teacherId || l.usualTeacher?.id === source.teacherId);
  if (source.kind === 'room') lessons = lessons.filter((l) => l.room?.id === source.roomId || l.usualRoom?.id === source.roomId);
  return lessons;
}

/** Whom the view shows, after checking the viewer may see it (a wrong id is a 404 for those who see everything). */
async function resolve(ctx: AppContext, actor: Actor, establishmentId: string, q: TimetableQuery, from: string, to: string): Promise<{ source: SlotSource; title: string }> {
  const all = seesEveryTimetable(actor, establishmentId);
  switch (q.view) {
    case 'student': {
      const [[student], relative] = await Promise.all([
        studentsIn(ctx.db, establishmentId, [q.id]),
        all || q.id === actor.personId ? false : isRelativeOf(ctx.db, actor.personId, q.id),
      ]);
      const allowed = all || (student && (q.id === actor.personId || relative));
      if (!allowed) throw all ? notFound('directory.person_not_found') : forbidden('timetable.not_visible');
      if (!student) throw notFound('directory.person_not_found');
      return { source: { kind: 'student', studentId: q.id }, title: displayName(student.first_name, student.last_name) };
    }
    case 'class': {
      const group = await groupRow(ctx.db, establishmentId, q.id);
      if (!all && !(group && (await belongsToGroup(ctx.db, actor.personId, q.id)))) throw forbidden('timetable.not_visible');
      if (!group) throw notFound('directory.group_not_found');
      return { source: { kind: 'groups', groupIds: [q.id] }, title: group.name };
    }
    case 'teacher': {
      if (!all && q.id !== actor.personId) throw forbidden('timetable.not_visible');
      const teacher = await teacherRow(ctx.db, establishmentId, q.id);
      if (!teacher) throw notFound('directory.person_not_found');
      return { source: { kind: 'teacher', teacherId: q.id, from, to }, title: displayName(teacher.first_name, teacher.last_name) };
    }
    case 'room': {
      if (!all) throw forbidden('timetable.not_visible');
      const found = await roomRow(ctx.db, establishmentId, q.id);
      if (!found) throw notFound('timetable.room_not_found');
      return { source: { kind: 'room', roomId: q.id, from, to }, title: `${found.code} — ${found.name}` };
    }
  }
}

export async function timetableView(ctx: AppContext, actor: Actor, establishmentId: string, q: TimetableQuery): Promise<Timetable> {
  const from = q.days === 7 ? mondayOf(q.date) : q.date;
  const to = addDays(from, q.days - 1);
  const [{ source, title }, calendar] = await Promise.all([resolve(ctx, actor, establishmentId, q, from, to), loadCalendar(ctx.db, establishmentId, from)]);
  const lessons = await lessonsOf(ctx.db, establishmentId, source, from, to, calendar);
  return {
    view: q.view,
    title,
    from,
    to,
    week: weekType(calendar.frame, from),
    lessons,
    holidays: calendar.holidays.filter((h) => h.from <= to && h.to >= from),
    canManage: managesTimetable(actor, establishmentId),
  };
}

/** The timetables this viewer may open, for the page's chooser. */
export async function timetableChoices(ctx: AppContext, actor: Actor, establishmentId: string): Promise<TimetableChoices> {
  const all = seesEveryTimetable(actor, establishmentId);
  const own = holdsProfile(actor, establishmentId, 'student')
    ? { view: 'student' as const, id: actor.personId }
    : holdsProfile(actor, establishmentId, 'teacher')
      ? { view: 'teacher' as const, id: actor.personId }
      : null;
  const [children, me] = await Promise.all([
    holdsProfile(actor, establishmentId, 'relative') ? childrenOf(ctx.db, establishmentId, actor.personId) : [],
    ctx.db.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', actor.personId).executeTakeFirst(),
  ]);
  const base = {
    own: own && me ? { ...own, name: displayName(me.first_name, me.last_name) } : null,
    children: children.map((c) => ({ id: c.id, name: displayName(c.first_name, c.last_name) })),
  };
  if (!all) return { ...base, groups: [], teachers: [], rooms: [], subjects: [] };
  const [groups, teachers, rooms, subjects] = await Promise.all([
    ctx.db.selectFrom('groups').select(['id', 'name', 'kind']).where('establishment_id', '=', establishmentId).where('kind', 'in', ['class', 'teaching_group']).orderBy('name').execute(),
    ctx.db
      .selectFrom('people')
      .innerJoin('memberships as m', 'm.person_id', 'people.id')
      .select(['people.id', 'people.first_name', 'people.last_name'])
      .where('m.establishment_id', '=', establishmentId)
      .where('m.profile', '=', 'teacher')
      .orderBy('people.sort_key')
      .execute(),
    roomRows(ctx.db, establishmentId),
    ctx.db.selectFrom('subjects').select(['id', 'name']).where('establishment_id', '=', establishmentId).orderBy('name').execute(),
  ]);
  return {
    ...base,
    groups,
    teachers: teachers.map((t) => ({ id: t.id, displayName: displayName(t.first_name, t.last_name) })),
    rooms,
    subjects,
  };
}
