import type { Register, RegisterLessons, RegisterMarks, RegisterStudent } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { badRequest, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { displayName } from '../directory/index.js';
import { parisToday } from '../timetable/index.js';
import { ensureRegister, findLesson, lessonsOfDay, type RegisterRow, registerRow, toRegisterLesson, withRegisters } from './attendance.lessons.js';
import { editsRegister, followsAttendance } from './attendance.policy.js';
import { listReasons } from './attendance.reasons.js';
import { planSync, type SubmittedMark } from './register-sync.js';

/** A teacher's lessons of the day (default today), or every lesson for vie scolaire, with their registers' states. */
export async function registerLessons(ctx: AppContext, actor: Actor, establishmentId: string, date: string | undefined): Promise<RegisterLessons> {
  const day = date ?? parisToday(ctx.clock.now());
  const lessons = await lessonsOfDay(ctx.db, establishmentId, day, followsAttendance(actor, establishmentId) ? null : actor.personId);
  return { date: day, lessons: await withRegisters(ctx.db, establishmentId, day, lessons) };
}

/** Opens (creates on first use) the register of a lesson the reader may take. */
export async function openRegister(ctx: AppContext, actor: Actor, establishmentId: string, slotId: string, date: string): Promise<Register> {
  const lesson = await findLesson(ctx.db, establishmentId, slotId, date);
  if (!followsAttendance(actor, establishmentId) && lesson.teacher?.id !== actor.personId) throw forbidden('attendance.not_your_lesson');
  const row = await ensureRegister(ctx.db, establishmentId, lesson, ctx.clock.now());
  return registerView(ctx, actor, establishmentId, row);
}

/** The register as its teacher and vie scolaire read it (404 in another establishment, 403 for another teacher). */
export async function readRegister(ctx: AppContext, actor: Actor, establishmentId: string, registerId: string): Promise<Register> {
  return registerView(ctx, actor, establishmentId, await readableRegister(ctx.db, actor, establishmentId, registerId));
}

async function readableRegister(db: Db, actor: Actor, establishmentId: string, registerId: string): Promise<RegisterRow> {
  const row = await registerRow(db, establishmentId, registerId);
  if (!row) throw notFound('attendance.register_not_found');
  if (!followsAttendance(actor, establishmentId) && row.teacher_id !== actor.personId) throw forbidden('attendance.not_your_lesson');
  return row;
}

function studentsOf(db: Db, groupId: string) {
  return db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name'])
    .where('m.group_id', '=', groupId)
    .where('m.role', '=', 'student')
    .orderBy('p.sort_key')
    .execute();
}

/** Per student: the collective activity covering the lesson, if any (the group of any of their classes or groups). */
async function awayStudents(db: Db, studentIds: string[], startsAt: string, endsAt: string): Promise<Map<string, string>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('attendance_collectives as c')
    .innerJoin('group_members as m', 'm.group_id', 'c.group_id')
    .select(['m.person_id', 'c.label'])
    .where('m.person_id', 'in', studentIds)
    .where('m.role', '=', 'student')
    .where('c.starts_at', '<', endsAt)
    .where('c.ends_at', '>', startsAt)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.label]));
}

async function registerView(ctx: AppContext, actor: Actor, establishmentId: string, row: RegisterRow): Promise<Register> {
  const db = ctx.db;
  const [lesson, students, marks, flagged, canSetReasons] = await Promise.all([
    findLesson(db, establishmentId, row.slot_id, row.date).catch(() => null),
    studentsOf(db, row.group_id),
    db.selectFrom('attendance_marks').select(['student_id', 'status', 'minutes', 'reason_id', 'comment']).where('register_id', '=', row.id).execute(),
    db.selectFrom('attendance_events').select('student_id').where('register_id', '=', row.id).where('flag', '=', 'unmarked').execute(),
    followsAttendance(actor, establishmentId),
  ]);
  const ids = students.map((s) => s.id);
  const [away, exemptions, reported, reasons] = await Promise.all([
    awayStudents(db, ids, row.starts_at, row.ends_at),
    ids.length === 0 || !row.subject_id
      ? []
      : db
          .selectFrom('attendance_exemptions')
          .select(['student_id', 'must_attend', 'comment'])
          .where('student_id', 'in', ids)
          .where('subject_id', '=', row.subject_id)
          .where('starts_on', '<=', row.date)
          .where('ends_on', '>=', row.date)
          .execute(),
    ids.length === 0
      ? []
      : db
          .selectFrom('attendance_events')
          .select('student_id')
          .where('student_id', 'in', ids)
          .where('kind', '=', 'absence')
          .where('source', 'in', ['staff', 'declaration'])
          .where('starts_at', '<', row.ends_at)
          .where('ends_at', '>', row.starts_at)
          .execute(),
    canSetReasons ? listReasons(ctx, establishmentId, true) : [],
  ]);
  const markOf = new Map(marks.map((m) => [m.student_id, m]));
  const exemptionOf = new Map(exemptions.map((e) => [e.student_id, e]));
  const reportedSet = new Set(reported.map((r) => r.student_id));
  const flaggedSet = new Set(flagged.map((f) => f.student_id));
  const today = parisToday(ctx.clock.now());
  const registerLesson = lesson
    ? toRegisterLesson(lesson, row)
    : // The slot left the timetable after the register was taken: the register keeps its own times.
      await frozenLesson(db, row);
  return {
    id: row.id,
    lesson: registerLesson,
    state: row.state as Register['state'],
    submittedAt: row.submitted_at,
    students: students.map((s): RegisterStudent => {
      const mark = markOf.get(s.id);
      const exemption = exemptionOf.get(s.id);
      return {
        id: s.id,
        displayName: displayName(s.first_name, s.last_name),
        status: (mark?.status ?? 'present') as RegisterStudent['status'],
        minutes: mark?.minutes ?? null,
        reasonId: mark?.reason_id ?? null,
        comment: mark?.comment ?? null,
        collective: away.get(s.id) ?? null,
        exemption: exemption ? { mustAttend: exemption.must_attend === 1, comment: exemption.comment } : null,
        reportedAbsent: reportedSet.has(s.id),
        flagged: flaggedSet.has(s.id),
      };
    }),
    canEdit: editsRegister(actor, establishmentId, { teacherId: row.teacher_id, date: row.date, state: row.state }, today),
    canSetReasons,
    reasons,
  };
}

async function frozenLesson(db: Db, row: RegisterRow) {
  const [group, subject, teacher] = await Promise.all([
    db.selectFrom('groups').select(['id', 'name']).where('id', '=', row.group_id).executeTakeFirst(),
    row.subject_id ? db.selectFrom('subjects').select(['id', 'name']).where('id', '=', row.subject_id).executeTakeFirst() : undefined,
    row.teacher_id ? db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', '=', row.teacher_id).executeTakeFirst() : undefined,
  ]);
  const local = (iso: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  return {
    slotId: row.slot_id,
    date: row.date,
    start: local(row.starts_at),
    end: local(row.ends_at),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    subject: subject ?? { id: '', name: '' },
    group: group ?? { id: row.group_id, name: '' },
    teacher: teacher ? { id: teacher.id, name: displayName(teacher.first_name, teacher.last_name) } : null,
    room: null,
    cancelled: false,
    registerId: row.id,
    state: row.state as Register['state'],
  };
}

/**
 * Saves the marks (state 'in_progress'), or submits them (state 'done'): submission, and any save of
 * a register already done, brings `attendance_events` in line with the marks in the same transaction.
 * Students left out of `marks` are present. Reasons are vie scolaire's: a teacher's marks keep the
 * reasons vie scolaire entered.
 */
export async function saveRegister(ctx: AppContext, actor: Actor, establishmentId: string, registerId: string, body: RegisterMarks, submit: boolean): Promise<Register> {
  const row = await readableRegister(ctx.db, actor, establishmentId, registerId);
  const now = ctx.clock.now();
  if (!editsRegister(actor, establishmentId, { teacherId: row.teacher_id, date: row.date, state: row.state }, parisToday(now))) throw forbidden('attendance.register_locked');
  const staff = followsAttendance(actor, establishmentId);
  const marks = (body.marks as SubmittedMark[]).map((m) => ({ ...m, minutes: m.minutes ?? null, reasonId: m.reasonId ?? null, comment: m.comment ?? null }));
  if (!staff && marks.some((m) => m.reasonId)) throw forbidden('attendance.reason_not_allowed');
  const students = await studentsOf(ctx.db, row.group_id);
  const inGroup = new Set(students.map((s) => s.id));
  if (marks.some((m) => !inGroup.has(m.studentId))) throw badRequest('attendance.invalid_students');
  // Every reason of the establishment (a short list): the marks' own, and those kept from vie scolaire.
  const reasons = await ctx.db.selectFrom('attendance_reasons').select(['id', 'counts_as_justified']).where('establishment_id', '=', establishmentId).execute();
  const justifying = new Map(reasons.map((r) => [r.id, r.counts_as_justified === 1]));
  if (marks.some((m) => m.reasonId && !justifying.has(m.reasonId))) throw badRequest('attendance.reason_not_found');
  const at = now.toISOString();
  const done = submit || row.state === 'done';

  await ctx.db.transaction().execute(async (trx) => {
    // Two saves of one register at once (a double tap, two devices) take turns, so the second plans
    // from the first's marks and events instead of inserting them a second time. SQLite has one
    // writer at a time already.
    if (ctx.databaseKind === 'postgres') await trx.selectFrom('attendance_registers').select('id').where('id', '=', row.id).forUpdate().execute();
    const previous = await trx.selectFrom('attendance_marks').select(['student_id', 'reason_id']).where('register_id', '=', row.id).execute();
    const keptReason = new Map(previous.map((p) => [p.student_id, p.reason_id]));
    const rows = marks.map((m) => ({
      register_id: row.id,
      student_id: m.studentId,
      status: m.status,
      minutes: m.minutes,
      reason_id: staff ? m.reasonId : (keptReason.get(m.studentId) ?? null),
      comment: m.comment,
      updated_at: at,
    }));
    await trx.deleteFrom('attendance_marks').where('register_id', '=', row.id).execute();
    if (rows.length > 0) await trx.insertInto('attendance_marks').values(rows).execute();
    await trx
      .updateTable('attendance_registers')
      .set(done ? { state: 'done', submitted_at: at, submitted_by: actor.personId, updated_at: at } : { state: 'in_progress', updated_at: at })
      .where('id', '=', row.id)
      .execute();
    if (!done) return;
    const existing = await trx
      .selectFrom('attendance_events')
      .select(['id', 'student_id', 'kind', 'starts_at', 'ends_at', 'minutes', 'reason_id', 'justification', 'comment', 'flag'])
      .where('register_id', '=', row.id)
      .execute();
    const away = await awayStudents(trx, [...inGroup], row.starts_at, row.ends_at);
    const submitted = rows.map((r) => ({ studentId: r.student_id, status: r.status as SubmittedMark['status'], minutes: r.minutes, reasonId: r.reason_id, comment: r.comment }));
    const plan = planSync(submitted, existing, { startsAt: row.starts_at, endsAt: row.ends_at }, (id) => justifying.get(id) ?? false, new Set(away.keys()));
    if (plan.remove.length > 0) await trx.deleteFrom('attendance_events').where('id', 'in', plan.remove).execute();
    if (plan.flag.length > 0) await trx.updateTable('attendance_events').set({ flag: 'unmarked', updated_at: at }).where('id', 'in', plan.flag).execute();
    for (const { id, ...values } of plan.update) await trx.updateTable('attendance_events').set({ ...values, updated_at: at }).where('id', '=', id).execute();
    if (plan.insert.length > 0) {
      await trx
        .insertInto('attendance_events')
        .values(
          plan.insert.map((e) => ({
            ...e,
            id: newId(now.getTime()),
            establishment_id: establishmentId,
            source: 'register',
            register_id: row.id,
            collective_id: null,
            created_by: actor.personId,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  });
  const updated = await registerRow(ctx.db, establishmentId, row.id);
  return registerView(ctx, actor, establishmentId, updated ?? row);
}
