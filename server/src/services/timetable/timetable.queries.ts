import type { Db } from '../../kernel/db/database.js';
import type { ExceptionRow, SlotRow } from './calendar/occurrences.js';

/** What a list of slots is drawn from: groups, a teacher, a room, or given slots. */
export type SlotSource =
  | { kind: 'groups'; groupIds: string[] }
  | { kind: 'student'; studentId: string }
  | { kind: 'teacher'; teacherId: string; from: string; to: string }
  | { kind: 'room'; roomId: string; from: string; to: string }
  | { kind: 'slots'; slotIds: string[] };

function slotsBase(db: Db, establishmentId: string) {
  return db
    .selectFrom('timetable_slots as s')
    .innerJoin('groups as g', 'g.id', 's.group_id')
    .innerJoin('subjects as sub', 'sub.id', 's.subject_id')
    .leftJoin('people as t', 't.id', 's.teacher_id')
    .leftJoin('rooms as r', 'r.id', 's.room_id')
    .select([
      's.id',
      's.group_id',
      'g.name as group_name',
      's.subject_id',
      'sub.name as subject_name',
      's.teacher_id',
      't.first_name as teacher_first',
      't.last_name as teacher_last',
      's.room_id',
      'r.code as room_code',
      'r.name as room_name',
      's.weekday',
      's.start_time',
      's.end_time',
      's.weeks',
      's.valid_from',
      's.valid_to',
    ])
    .where('s.establishment_id', '=', establishmentId);
}

/**
 * Slots of one source in one statement: a student's come from their classes and groups; a teacher's
 * and a room's include the slots they take over on some day of the period through an exception.
 */
export function slotRows(db: Db, establishmentId: string, source: SlotSource): Promise<SlotRow[]> {
  const q = slotsBase(db, establishmentId);
  switch (source.kind) {
    case 'groups':
      if (source.groupIds.length === 0) return Promise.resolve([]);
      return q.where('s.group_id', 'in', source.groupIds).execute();
    case 'slots':
      if (source.slotIds.length === 0) return Promise.resolve([]);
      return q.where('s.id', 'in', source.slotIds).execute();
    case 'student':
      return q
        .where('s.group_id', 'in', (eb) =>
          eb.selectFrom('group_members').select('group_id').where('person_id', '=', source.studentId).where('role', '=', 'student'),
        )
        .execute();
    case 'teacher':
      return q
        .where((eb) =>
          eb.or([
            eb('s.teacher_id', '=', source.teacherId),
            eb('s.id', 'in', eb.selectFrom('timetable_exceptions').select('slot_id').where('teacher_id', '=', source.teacherId).where('date', '>=', source.from).where('date', '<=', source.to)),
          ]),
        )
        .execute();
    case 'room':
      return q
        .where((eb) =>
          eb.or([
            eb('s.room_id', '=', source.roomId),
            eb('s.id', 'in', eb.selectFrom('timetable_exceptions').select('slot_id').where('room_id', '=', source.roomId).where('date', '>=', source.from).where('date', '<=', source.to)),
          ]),
        )
        .execute();
  }
}

export async function exceptionRows(db: Db, slotIds: string[], from: string, to: string): Promise<ExceptionRow[]> {
  if (slotIds.length === 0) return [];
  return db
    .selectFrom('timetable_exceptions as e')
    .leftJoin('rooms as r', 'r.id', 'e.room_id')
    .leftJoin('people as t', 't.id', 'e.teacher_id')
    .select([
      'e.slot_id',
      'e.date',
      'e.cancelled',
      'e.room_id',
      'r.code as room_code',
      'r.name as room_name',
      'e.teacher_id',
      't.first_name as teacher_first',
      't.last_name as teacher_last',
      'e.note',
    ])
    .where('e.slot_id', 'in', slotIds)
    .where('e.date', '>=', from)
    .where('e.date', '<=', to)
    .execute();
}

export function calendarRow(db: Db, establishmentId: string) {
  return db.selectFrom('school_calendars').selectAll().where('establishment_id', '=', establishmentId).executeTakeFirst();
}

export function holidayRows(db: Db, establishmentId: string) {
  return db.selectFrom('calendar_holidays').selectAll().where('establishment_id', '=', establishmentId).orderBy('first_day').execute();
}

export function establishmentRow(db: Db, establishmentId: string) {
  return db.selectFrom('establishments').select(['id', 'name', 'academy']).where('id', '=', establishmentId).executeTakeFirst();
}

export function roomRows(db: Db, establishmentId: string) {
  return db.selectFrom('rooms').select(['id', 'code', 'name']).where('establishment_id', '=', establishmentId).orderBy('code').execute();
}

/** Students of the establishment among these ids, with their names (one statement). */
export function studentsIn(db: Db, establishmentId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .innerJoin('memberships as m', 'm.person_id', 'people.id')
    .select(['people.id', 'people.first_name', 'people.last_name'])
    .where('m.establishment_id', '=', establishmentId)
    .where('m.profile', '=', 'student')
    .where('people.id', 'in', ids)
    .execute();
}

export function childrenOf(db: Db, establishmentId: string, relativeId: string) {
  return db
    .selectFrom('relatives')
    .innerJoin('people', 'people.id', 'relatives.student_id')
    .innerJoin('memberships as m', 'm.person_id', 'people.id')
    .select(['people.id', 'people.first_name', 'people.last_name'])
    .where('relatives.relative_id', '=', relativeId)
    .where('m.establishment_id', '=', establishmentId)
    .where('m.profile', '=', 'student')
    .orderBy('people.first_name')
    .execute();
}

export function groupRow(db: Db, establishmentId: string, groupId: string) {
  return db.selectFrom('groups').select(['id', 'name', 'kind']).where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
}

/** Is this person a student of this group, or a relative of one? One statement. */
export async function belongsToGroup(db: Db, personId: string, groupId: string): Promise<boolean> {
  const row = await db
    .selectFrom('group_members as gm')
    .select('gm.person_id')
    .where('gm.group_id', '=', groupId)
    .where('gm.role', '=', 'student')
    .where((eb) => eb.or([eb('gm.person_id', '=', personId), eb('gm.person_id', 'in', eb.selectFrom('relatives').select('student_id').where('relative_id', '=', personId))]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function teacherRow(db: Db, establishmentId: string, personId: string) {
  return db
    .selectFrom('people')
    .innerJoin('memberships as m', 'm.person_id', 'people.id')
    .select(['people.id', 'people.first_name', 'people.last_name'])
    .where('m.establishment_id', '=', establishmentId)
    .where('m.profile', '=', 'teacher')
    .where('people.id', '=', personId)
    .executeTakeFirst();
}

export function roomRow(db: Db, establishmentId: string, roomId: string) {
  return db.selectFrom('rooms').select(['id', 'code', 'name']).where('establishment_id', '=', establishmentId).where('id', '=', roomId).executeTakeFirst();
}
