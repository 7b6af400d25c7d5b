import type { AttendanceEvent, AttendanceEvents, NewStaffEvent, StudentAttendance } from '@preau/contracts';
import { type Actor, holdsProfile } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { badRequest, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { displayName, isRelativeOf } from '../directory/index.js';
import { addDays, lessonsOf, parisInstant, parisToday, schoolYearOf } from '../timetable/index.js';
import { followsAttendance } from './attendance.policy.js';
import { readSettings, requireReason } from './attendance.reasons.js';
import { countHalfDays } from './half-days.js';

type EventFilter = { studentId?: string; from: string; to: string; eventId?: string };

/** Events of the establishment (a student's, a period's), with names, in two queries. */
export async function eventViews(db: Db, establishmentId: string, filter: EventFilter): Promise<AttendanceEvent[]> {
  let q = db
    .selectFrom('attendance_events as e')
    .innerJoin('people as p', 'p.id', 'e.student_id')
    .leftJoin('attendance_reasons as r', 'r.id', 'e.reason_id')
    .select([
      'e.id',
      'e.student_id',
      'p.first_name',
      'p.last_name',
      'e.kind',
      'e.starts_at',
      'e.ends_at',
      'e.minutes',
      'e.reason_id',
      'r.label as reason_label',
      'e.justification',
      'e.source',
      'e.register_id',
      'e.comment',
      'e.flag',
    ])
    .where('e.establishment_id', '=', establishmentId)
    .where('e.starts_at', '<', filter.to)
    .where('e.ends_at', '>', filter.from)
    .orderBy('e.starts_at')
    .orderBy('p.sort_key');
  if (filter.studentId) q = q.where('e.student_id', '=', filter.studentId);
  if (filter.eventId) q = q.where('e.id', '=', filter.eventId);
  const rows = await q.limit(2000).execute();
  const students = [...new Set(rows.map((r) => r.student_id))];
  const classes = students.length
    ? await db
        .selectFrom('group_members as m')
        .innerJoin('groups as g', 'g.id', 'm.group_id')
        .select(['m.person_id', 'g.id', 'g.name'])
        .where('m.person_id', 'in', students)
        .where('m.role', '=', 'student')
        .where('g.kind', '=', 'class')
        .where('g.establishment_id', '=', establishmentId)
        .execute()
    : [];
  const classOf = new Map(classes.map((c) => [c.person_id, { id: c.id, name: c.name }]));
  return rows.map((r) => ({
    id: r.id,
    student: { id: r.student_id, name: displayName(r.first_name, r.last_name) },
    group: classOf.get(r.student_id) ?? null,
    kind: r.kind as AttendanceEvent['kind'],
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    minutes: r.minutes,
    reason: r.reason_id ? { id: r.reason_id, name: r.reason_label ?? '' } : null,
    justification: r.justification as AttendanceEvent['justification'],
    source: r.source as AttendanceEvent['source'],
    registerId: r.register_id,
    comment: r.comment,
    flagged: r.flag === 'unmarked',
  }));
}

/** The events of one Paris day, for vie scolaire ("today's absences"). */
export async function eventsOfDay(ctx: AppContext, establishmentId: string, date: string | undefined): Promise<AttendanceEvents> {
  const day = date ?? parisToday(ctx.clock.now());
  const from = parisInstant(day, '00:00').toISOString();
  const to = parisInstant(addDays(day, 1), '00:00').toISOString();
  return { events: await eventViews(ctx.db, establishmentId, { from, to }) };
}

async function requireStudent(db: Db, establishmentId: string, studentId: string) {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name'])
    .where('m.person_id', '=', studentId)
    .where('m.establishment_id', '=', establishmentId)
    .where('m.profile', '=', 'student')
    .executeTakeFirst();
  if (!row) throw notFound('attendance.student_not_found');
  return row;
}

/** Vie scolaire records an absence (a phone call in the morning), lateness or early departure directly. */
export async function recordStaffEvent(ctx: AppContext, actor: Actor, establishmentId: string, input: NewStaffEvent): Promise<AttendanceEvent> {
  await requireStudent(ctx.db, establishmentId, input.studentId);
  const reason = input.reasonId ? await requireReason(ctx.db, establishmentId, input.reasonId) : null;
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  await ctx.db
    .insertInto('attendance_events')
    .values({
      id,
      establishment_id: establishmentId,
      student_id: input.studentId,
      kind: input.kind ?? 'absence',
      starts_at: startsAt,
      ends_at: endsAt,
      minutes: input.minutes ?? null,
      reason_id: reason?.id ?? null,
      justification: reason?.counts_as_justified === 1 ? 'justified' : 'unjustified',
      source: 'staff',
      register_id: null,
      collective_id: null,
      comment: input.comment ?? null,
      flag: null,
      created_by: actor.personId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  const [view] = await eventViews(ctx.db, establishmentId, { eventId: id, from: startsAt, to: endsAt });
  if (!view) throw notFound('attendance.event_not_found');
  return view;
}

/** Removes an event vie scolaire entered by mistake; register events follow their register, collective ones their collective. */
export async function deleteStaffEvent(ctx: AppContext, establishmentId: string, eventId: string): Promise<void> {
  const row = await ctx.db.selectFrom('attendance_events').select(['id', 'source']).where('id', '=', eventId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!row) throw notFound('attendance.event_not_found');
  if (row.source !== 'staff') throw badRequest('attendance.event_not_found');
  await ctx.db.deleteFrom('attendance_events').where('id', '=', eventId).execute();
}

/**
 * A student's events and absence half-days over a period (default: the school year so far). Read
 * by the student, their relatives and vie scolaire; teachers and other families are refused.
 */
export async function studentAttendance(ctx: AppContext, actor: Actor, establishmentId: string, studentId: string, range: { from?: string; to?: string }): Promise<StudentAttendance> {
  const student = await requireStudent(ctx.db, establishmentId, studentId);
  const allowed =
    followsAttendance(actor, establishmentId) ||
    (studentId === actor.personId && holdsProfile(actor, establishmentId, 'student')) ||
    (holdsProfile(actor, establishmentId, 'relative') && (await isRelativeOf(ctx.db, actor.personId, studentId)));
  if (!allowed) throw forbidden('attendance.not_visible');
  const today = parisToday(ctx.clock.now());
  const to = range.to ?? today;
  const from = range.from ?? `${schoolYearOf(to)}-09-01`;
  if (to < from || addDays(from, 366) < to) throw badRequest('validation.failed', [{ field: 'from', issue: 'range' }]);
  const [events, settings, lessons] = await Promise.all([
    eventViews(ctx.db, establishmentId, { studentId, from: parisInstant(from, '00:00').toISOString(), to: parisInstant(addDays(to, 1), '00:00').toISOString() }),
    readSettings(ctx, establishmentId),
    lessonsOf(ctx.db, establishmentId, { kind: 'student', studentId }, from, to),
  ]);
  const halfDays = countHalfDays(
    events,
    lessons.filter((l) => !l.cancelled),
    settings.halfDayBoundary,
  );
  return { student: { id: student.id, name: displayName(student.first_name, student.last_name) }, events, halfDays };
}
