import type { Lesson, RegisterLesson, RegisterState } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { lessonsOf } from '../timetable/index.js';

export interface RegisterRow {
  id: string;
  establishment_id: string;
  slot_id: string;
  group_id: string;
  subject_id: string | null;
  teacher_id: string | null;
  date: string;
  starts_at: string;
  ends_at: string;
  state: string;
  submitted_at: string | null;
}

const REGISTER_COLUMNS = ['id', 'establishment_id', 'slot_id', 'group_id', 'subject_id', 'teacher_id', 'date', 'starts_at', 'ends_at', 'state', 'submitted_at'] as const;

/** The lessons of one day: a teacher's own (those they give that day), or every lesson of the establishment. */
export async function lessonsOfDay(db: Db, establishmentId: string, date: string, teacherId: string | null): Promise<Lesson[]> {
  if (teacherId) return lessonsOf(db, establishmentId, { kind: 'teacher', teacherId, from: date, to: date }, date, date);
  const groups = await db.selectFrom('groups').select('id').where('establishment_id', '=', establishmentId).execute();
  return lessonsOf(db, establishmentId, { kind: 'groups', groupIds: groups.map((g) => g.id) }, date, date);
}

/** The occurrence of a slot on a date, holidays and exceptions applied (404 when it does not take place). */
export async function findLesson(db: Db, establishmentId: string, slotId: string, date: string): Promise<Lesson> {
  const [lesson] = await lessonsOf(db, establishmentId, { kind: 'slots', slotIds: [slotId] }, date, date);
  if (!lesson) throw notFound('attendance.lesson_not_found');
  return lesson;
}

export function registersOfDay(db: Db, establishmentId: string, date: string): Promise<RegisterRow[]> {
  return db.selectFrom('attendance_registers').select(REGISTER_COLUMNS).where('establishment_id', '=', establishmentId).where('date', '=', date).execute();
}

export function registerRow(db: Db, establishmentId: string, registerId: string): Promise<RegisterRow | undefined> {
  return db.selectFrom('attendance_registers').select(REGISTER_COLUMNS).where('id', '=', registerId).where('establishment_id', '=', establishmentId).executeTakeFirst();
}

export function toRegisterLesson(lesson: Lesson, register: Pick<RegisterRow, 'id' | 'state'> | undefined): RegisterLesson {
  return {
    slotId: lesson.slotId,
    date: lesson.date,
    start: lesson.start,
    end: lesson.end,
    startsAt: lesson.startsAt,
    endsAt: lesson.endsAt,
    subject: lesson.subject,
    group: lesson.group,
    teacher: lesson.teacher ? { id: lesson.teacher.id, name: lesson.teacher.displayName } : null,
    room: lesson.room ? lesson.room.code : null,
    cancelled: lesson.cancelled,
    registerId: register?.id ?? null,
    state: (register?.state ?? 'todo') as RegisterState,
  };
}

/** The lessons with their registers' states, in one query for the registers. */
export async function withRegisters(db: Db, establishmentId: string, date: string, lessons: Lesson[]): Promise<RegisterLesson[]> {
  const registers = new Map((await registersOfDay(db, establishmentId, date)).map((r) => [r.slot_id, r]));
  return lessons.map((l) => toRegisterLesson(l, registers.get(l.slotId)));
}

/**
 * The register of a lesson, created 'todo' the first time (two openings at once create one row).
 * Its teacher follows the timetable of the day: the replacement teacher when there is one.
 */
export async function ensureRegister(db: Db, establishmentId: string, lesson: Lesson, now: Date): Promise<RegisterRow> {
  if (lesson.cancelled) throw new AppError('attendance.lesson_cancelled', 409);
  const at = now.toISOString();
  await db
    .insertInto('attendance_registers')
    .values({
      id: newId(now.getTime()),
      establishment_id: establishmentId,
      slot_id: lesson.slotId,
      group_id: lesson.group.id,
      subject_id: lesson.subject.id,
      teacher_id: lesson.teacher?.id ?? null,
      date: lesson.date,
      starts_at: lesson.startsAt,
      ends_at: lesson.endsAt,
      state: 'todo',
      submitted_at: null,
      submitted_by: null,
      forgotten_notified_at: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['slot_id', 'date']).doNothing())
    .execute();
  const row = await db.selectFrom('attendance_registers').select(REGISTER_COLUMNS).where('slot_id', '=', lesson.slotId).where('date', '=', lesson.date).executeTakeFirstOrThrow();
  // The timetable may have changed since (a replacement entered later, times moved): follow it until submission.
  if (row.state !== 'done' && (row.teacher_id !== (lesson.teacher?.id ?? null) || row.starts_at !== lesson.startsAt || row.ends_at !== lesson.endsAt)) {
    await db
      .updateTable('attendance_registers')
      .set({ teacher_id: lesson.teacher?.id ?? null, starts_at: lesson.startsAt, ends_at: lesson.endsAt, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    return { ...row, teacher_id: lesson.teacher?.id ?? null, starts_at: lesson.startsAt, ends_at: lesson.endsAt };
  }
  return row;
}
