import type { Insertable } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Database } from '../../kernel/db/schema.js';
import { Rng } from '../../seed/prng.js';
import { addDays, isoWeekday, lessonsOf, parisToday } from '../timetable/index.js';
import { ensureAttendanceSetup } from './attendance.reasons.js';

const PAST_DAYS = 28;

/**
 * Demo attendance for the demo student's class (5B): the registers of the past four weeks taken,
 * with the odd absence and late arrival among its students — demo.student was ill one morning
 * (justified), missed one lesson without a reason, and came 5 minutes late once — while today's
 * registers are still to take. When demo.teacher has no lesson today on a school day (the
 * timetable leaves Wednesday afternoons and weekends free), a one-day support lesson with 5B is
 * added so the roll call always has something to show. Same seed and `now` ⇒ same rows.
 */
export async function seedAttendance(db: Db, options: { seed: number; now: Date; teacherLogin: string; studentLogin: string }): Promise<void> {
  const found = await db
    .selectFrom('people')
    .innerJoin('group_members as gm', 'gm.person_id', 'people.id')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['people.id as student_id', 'g.id as class_id', 'g.establishment_id'])
    .where('people.login', '=', options.studentLogin)
    .where('g.kind', '=', 'class')
    .executeTakeFirst();
  const teacher = await db.selectFrom('people').select('id').where('login', '=', options.teacherLogin).executeTakeFirst();
  if (!found || !teacher) return;
  const { establishment_id: establishmentId, class_id: classId, student_id: demoStudent } = found;
  const rng = new Rng(options.seed, 90_021);
  const nowIso = options.now.toISOString();
  const today = parisToday(options.now);
  await ensureAttendanceSetup(db, establishmentId, options.now);

  const teacherToday = await lessonsOf(db, establishmentId, { kind: 'teacher', teacherId: teacher.id, from: today, to: today }, today, today);
  if (teacherToday.length === 0) {
    const maths = await db
      .selectFrom('teachings')
      .select('subject_id')
      .where('group_id', '=', classId)
      .where('person_id', '=', teacher.id)
      .executeTakeFirst();
    if (maths) {
      await db
        .insertInto('timetable_slots')
        .values({
          // Its own stream: whether it is needed does not change the registers drawn below.
          id: new Rng(options.seed, 90_022).id(),
          establishment_id: establishmentId,
          group_id: classId,
          subject_id: maths.subject_id,
          teacher_id: teacher.id,
          room_id: null,
          weekday: isoWeekday(today),
          start_time: '13:30',
          end_time: '14:25',
          weeks: 'all',
          valid_from: today,
          valid_to: today,
          source: 'manual',
          created_at: nowIso,
          updated_at: nowIso,
        })
        .execute();
    }
  }

  const linked = await db.selectFrom('group_classes').select('group_id').where('class_id', '=', classId).execute();
  const groupIds = [classId, ...linked.map((l) => l.group_id)];
  const [lessons, members, reasons] = await Promise.all([
    lessonsOf(db, establishmentId, { kind: 'groups', groupIds }, addDays(today, -PAST_DAYS), addDays(today, -1)),
    db.selectFrom('group_members').select(['group_id', 'person_id']).where('group_id', 'in', groupIds).where('role', '=', 'student').orderBy('person_id').execute(),
    db.selectFrom('attendance_reasons').select(['id', 'code']).where('establishment_id', '=', establishmentId).execute(),
  ]);
  const reasonId = (code: string) => reasons.find((r) => r.code === code)?.id ?? null;
  const pupils = new Map<string, string[]>();
  for (const m of members) pupils.set(m.group_id, [...(pupils.get(m.group_id) ?? []), m.person_id]);

  const registers: Insertable<Database['attendance_registers']>[] = [];
  const marks: Insertable<Database['attendance_marks']>[] = [];
  const events: Insertable<Database['attendance_events']>[] = [];
  const taken = lessons.filter((l) => !l.cancelled);
  // demo.student's own story: ill the first morning with lessons, absent once later, late once.
  const illDay = taken.find((l) => l.start < '12:00')?.date;
  const skipped = taken.filter((l) => l.date !== illDay).at(-4);
  const lateOnce = taken.filter((l) => l.date !== illDay && l !== skipped).at(-2);
  for (const lesson of taken) {
    const id = rng.id();
    const submittedAt = lesson.endsAt;
    registers.push({
      id,
      establishment_id: establishmentId,
      slot_id: lesson.slotId,
      group_id: lesson.group.id,
      subject_id: lesson.subject.id,
      teacher_id: lesson.teacher?.id ?? null,
      date: lesson.date,
      starts_at: lesson.startsAt,
      ends_at: lesson.endsAt,
      state: 'done',
      submitted_at: submittedAt,
      submitted_by: lesson.teacher?.id ?? null,
      forgotten_notified_at: null,
      created_at: lesson.startsAt,
      updated_at: submittedAt,
    });
    for (const studentId of pupils.get(lesson.group.id) ?? []) {
      // One draw per student and lesson: 2 % absent, 2 % late.
      const roll = rng.next();
      let status: 'present' | 'absent' | 'late' = 'present';
      let minutes: number | null = null;
      let reason: string | null = null;
      if (studentId === demoStudent) {
        if ((lesson.date === illDay && lesson.start < '12:00') || lesson === skipped) status = 'absent';
        if (lesson.date === illDay) reason = reasonId('maladie');
        if (lesson === lateOnce) [status, minutes] = ['late', 5];
      } else if (roll < 0.02) status = 'absent';
      else if (roll < 0.04) [status, minutes] = ['late', rng.int(2, 15)];
      if (status === 'present') continue;
      marks.push({ register_id: id, student_id: studentId, status, minutes, reason_id: reason, comment: null, updated_at: submittedAt });
      const start = new Date(lesson.startsAt);
      events.push({
        id: rng.id(),
        establishment_id: establishmentId,
        student_id: studentId,
        kind: status === 'absent' ? 'absence' : 'late',
        starts_at: lesson.startsAt,
        ends_at: status === 'absent' ? lesson.endsAt : new Date(start.getTime() + (minutes ?? 0) * 60_000).toISOString(),
        minutes,
        reason_id: reason,
        justification: reason ? 'justified' : 'unjustified',
        source: 'register',
        register_id: id,
        collective_id: null,
        comment: null,
        flag: null,
        created_by: lesson.teacher?.id ?? null,
        created_at: submittedAt,
        updated_at: submittedAt,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const [table, rows] of [
      ['attendance_registers', registers],
      ['attendance_marks', marks],
      ['attendance_events', events],
    ] as const) {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
    }
  });
}
