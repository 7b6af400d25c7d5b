import type { LessonException, NewSlot, Slot, SlotPatch } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError, badRequest, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { displayName } from '../directory/index.js';
import { loadCalendar } from './calendar/calendar.js';
import { isoWeekday, minutesOf } from './calendar/dates.js';
import { expand, type SlotRow } from './calendar/occurrences.js';
import { roomRows, slotRows } from './timetable.queries.js';

export function presentSlot(r: SlotRow & { source?: string }): Slot {
  return {
    id: r.id,
    group: { id: r.group_id, name: r.group_name },
    subject: { id: r.subject_id, name: r.subject_name },
    teacher: r.teacher_id ? { id: r.teacher_id, displayName: displayName(r.teacher_first ?? '', r.teacher_last ?? '') } : null,
    room: r.room_id ? { id: r.room_id, code: r.room_code ?? '', name: r.room_name ?? '' } : null,
    weekday: r.weekday,
    start: r.start_time,
    end: r.end_time,
    weeks: r.weeks as Slot['weeks'],
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source ?? 'manual',
  };
}

export async function listSlots(ctx: AppContext, establishmentId: string, filter: { groupId?: string; teacherId?: string; roomId?: string }): Promise<Slot[]> {
  let q = ctx.db.selectFrom('timetable_slots').select(['id', 'source']).where('establishment_id', '=', establishmentId);
  if (filter.groupId) q = q.where('group_id', '=', filter.groupId);
  if (filter.teacherId) q = q.where('teacher_id', '=', filter.teacherId);
  if (filter.roomId) q = q.where('room_id', '=', filter.roomId);
  const ids = await q.limit(2000).execute();
  const sources = new Map(ids.map((r) => [r.id, r.source]));
  const rows = await slotRows(ctx.db, establishmentId, { kind: 'slots', slotIds: ids.map((r) => r.id) });
  return rows
    .map((r) => presentSlot({ ...r, source: sources.get(r.id) }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start) || a.group.name.localeCompare(b.group.name));
}

/** Every id named belongs to this establishment (the teacher as a teacher): one statement per kind named. */
async function checkReferences(db: Db, establishmentId: string, refs: { groupId?: string; subjectId?: string; teacherId?: string | null; roomId?: string | null }) {
  const wrong: string[] = [];
  const checks: Promise<void>[] = [];
  const check = (field: string, found: Promise<unknown>) => checks.push(found.then((row) => void (row ? null : wrong.push(field))));
  if (refs.groupId) check('groupId', db.selectFrom('groups').select('id').where('id', '=', refs.groupId).where('establishment_id', '=', establishmentId).executeTakeFirst());
  if (refs.subjectId) check('subjectId', db.selectFrom('subjects').select('id').where('id', '=', refs.subjectId).where('establishment_id', '=', establishmentId).executeTakeFirst());
  if (refs.teacherId)
    check('teacherId', db.selectFrom('memberships').select('person_id').where('person_id', '=', refs.teacherId).where('establishment_id', '=', establishmentId).where('profile', '=', 'teacher').executeTakeFirst());
  if (refs.roomId) check('roomId', db.selectFrom('rooms').select('id').where('id', '=', refs.roomId).where('establishment_id', '=', establishmentId).executeTakeFirst());
  await Promise.all(checks);
  if (wrong.length) throw badRequest('timetable.invalid_reference', wrong.map((field) => ({ field: `body.${field}`, issue: 'not_in_establishment' })));
}

function checkTimes(start: string, end: string, validFrom?: string | null, validTo?: string | null) {
  if (minutesOf(end) <= minutesOf(start)) throw badRequest('timetable.invalid_times', [{ field: 'body.end', issue: 'before_start' }]);
  if (validFrom && validTo && validTo < validFrom) throw badRequest('validation.failed', [{ field: 'body.validTo', issue: 'before_from' }]);
}

async function requireSlot(db: Db, establishmentId: string, slotId: string) {
  const row = await db.selectFrom('timetable_slots').selectAll().where('id', '=', slotId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('timetable.slot_not_found');
  return row;
}

async function slotById(ctx: AppContext, establishmentId: string, slotId: string, source: string): Promise<Slot> {
  const [row] = await slotRows(ctx.db, establishmentId, { kind: 'slots', slotIds: [slotId] });
  if (!row) throw notFound('timetable.slot_not_found');
  return presentSlot({ ...row, source });
}

export async function createSlot(ctx: AppContext, establishmentId: string, body: NewSlot): Promise<Slot> {
  checkTimes(body.start, body.end, body.validFrom, body.validTo);
  await checkReferences(ctx.db, establishmentId, body);
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now().getTime());
  await ctx.db
    .insertInto('timetable_slots')
    .values({
      id,
      establishment_id: establishmentId,
      group_id: body.groupId,
      subject_id: body.subjectId,
      teacher_id: body.teacherId ?? null,
      room_id: body.roomId ?? null,
      weekday: body.weekday,
      start_time: body.start,
      end_time: body.end,
      weeks: body.weeks,
      valid_from: body.validFrom ?? null,
      valid_to: body.validTo ?? null,
      source: 'manual',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return slotById(ctx, establishmentId, id, 'manual');
}

/** A slot edited by hand becomes manual: the next import of its source leaves it alone. */
export async function updateSlot(ctx: AppContext, establishmentId: string, slotId: string, patch: SlotPatch): Promise<Slot> {
  const row = await requireSlot(ctx.db, establishmentId, slotId);
  checkTimes(patch.start ?? row.start_time, patch.end ?? row.end_time, patch.validFrom === undefined ? row.valid_from : patch.validFrom, patch.validTo === undefined ? row.valid_to : patch.validTo);
  await checkReferences(ctx.db, establishmentId, patch);
  const set: Record<string, string | number | null> = { updated_at: ctx.clock.now().toISOString(), source: 'manual' };
  if (patch.groupId) set.group_id = patch.groupId;
  if (patch.subjectId) set.subject_id = patch.subjectId;
  if (patch.teacherId !== undefined) set.teacher_id = patch.teacherId;
  if (patch.roomId !== undefined) set.room_id = patch.roomId;
  if (patch.weekday) set.weekday = patch.weekday;
  if (patch.start) set.start_time = patch.start;
  if (patch.end) set.end_time = patch.end;
  if (patch.weeks) set.weeks = patch.weeks;
  if (patch.validFrom !== undefined) set.valid_from = patch.validFrom;
  if (patch.validTo !== undefined) set.valid_to = patch.validTo;
  await ctx.db.updateTable('timetable_slots').set(set).where('id', '=', slotId).execute();
  return slotById(ctx, establishmentId, slotId, 'manual');
}

export async function deleteSlot(ctx: AppContext, establishmentId: string, slotId: string): Promise<void> {
  await requireSlot(ctx.db, establishmentId, slotId);
  await ctx.db.deleteFrom('timetable_slots').where('id', '=', slotId).execute();
}

/** Cancels a lesson on one day, moves it to another room or gives it to a replacement teacher. */
export async function setException(ctx: AppContext, actor: Actor, establishmentId: string, slotId: string, date: string, body: LessonException) {
  const slot = await requireSlot(ctx.db, establishmentId, slotId);
  if (slot.weekday !== isoWeekday(date)) throw badRequest('timetable.no_lesson_that_day', [{ field: 'params.date', issue: 'other_weekday' }]);
  const calendar = await loadCalendar(ctx.db, establishmentId, date);
  const [row] = await slotRows(ctx.db, establishmentId, { kind: 'slots', slotIds: [slotId] });
  if (!row || expand([row], [], calendar.frame, date, date).length === 0) throw badRequest('timetable.no_lesson_that_day', [{ field: 'params.date', issue: 'no_lesson' }]);
  await checkReferences(ctx.db, establishmentId, { teacherId: body.teacherId, roomId: body.roomId });
  const values = {
    cancelled: body.cancelled ? 1 : 0,
    room_id: body.roomId ?? null,
    teacher_id: body.teacherId ?? null,
    note: body.note ?? null,
    updated_by: actor.personId,
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db
    .insertInto('timetable_exceptions')
    .values({ slot_id: slotId, date, establishment_id: establishmentId, ...values })
    .onConflict((oc) => oc.columns(['slot_id', 'date']).doUpdateSet(values))
    .execute();
}

export async function clearException(ctx: AppContext, establishmentId: string, slotId: string, date: string): Promise<void> {
  await requireSlot(ctx.db, establishmentId, slotId);
  await ctx.db.deleteFrom('timetable_exceptions').where('slot_id', '=', slotId).where('date', '=', date).execute();
}

export async function createRoom(ctx: AppContext, establishmentId: string, body: { code: string; name: string }) {
  const taken = await ctx.db.selectFrom('rooms').select('id').where('establishment_id', '=', establishmentId).where('code', '=', body.code).executeTakeFirst();
  if (taken) throw new AppError('timetable.room_exists', 409, [{ field: 'body.code', issue: 'taken' }]);
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.insertInto('rooms').values({ id, establishment_id: establishmentId, code: body.code, name: body.name, created_at: ctx.clock.now().toISOString() }).execute();
  return { id, code: body.code, name: body.name };
}

export { roomRows };
