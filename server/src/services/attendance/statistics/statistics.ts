import type { AttendanceFigures } from '@preau/contracts';
import type { Db } from '../../../kernel/db/database.js';
import { addDays, lessonsOf, parisInstant } from '../../timetable/index.js';
import { absenceHalfDays } from '../half-days.js';

/**
 * Attendance figures over a period (Paris dates, inclusive), for many students at once: one query
 * for their groups, one expansion of those groups' timetables, one query for their events; the
 * half-days are counted by the attendance module's rule (a half-day counts once; unjustified if
 * any absence in it is not justified; boundary from the establishment's settings, 12:30 by
 * default). The rate is absent half-days over the half-days on which the student had lessons.
 */
export async function figuresOf(db: Db, establishmentId: string, studentIds: string[], from: string, to: string): Promise<Map<string, AttendanceFigures>> {
  const result = new Map<string, AttendanceFigures>();
  if (studentIds.length === 0) return result;
  const [settings, memberships, events] = await Promise.all([
    db.selectFrom('attendance_settings').select('half_day_boundary').where('establishment_id', '=', establishmentId).executeTakeFirst(),
    db
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['m.person_id', 'm.group_id'])
      .where('m.role', '=', 'student')
      .where('g.establishment_id', '=', establishmentId)
      .where('m.person_id', 'in', studentIds)
      .execute(),
    db
      .selectFrom('attendance_events')
      .select(['student_id', 'kind', 'starts_at', 'ends_at', 'minutes', 'justification', 'source'])
      .where('establishment_id', '=', establishmentId)
      .where('student_id', 'in', studentIds)
      .where('starts_at', '<', parisInstant(addDays(to, 1), '00:00').toISOString())
      .where('ends_at', '>', parisInstant(from, '00:00').toISOString())
      .execute(),
  ]);
  const boundary = settings?.half_day_boundary ?? '12:30';
  const groupIds = [...new Set(memberships.map((m) => m.group_id))];
  const lessons = groupIds.length ? (await lessonsOf(db, establishmentId, { kind: 'groups', groupIds }, from, to)).filter((l) => !l.cancelled) : [];
  const groupsOf = new Map<string, Set<string>>();
  for (const m of memberships) groupsOf.set(m.person_id, (groupsOf.get(m.person_id) ?? new Set()).add(m.group_id));
  const fromInstant = parisInstant(from, '00:00').toISOString();
  const toInstant = parisInstant(addDays(to, 1), '00:00').toISOString();
  for (const studentId of studentIds) {
    const groups = groupsOf.get(studentId) ?? new Set<string>();
    const own = lessons.filter((l) => groups.has(l.group.id));
    const mine = events.filter((e) => e.student_id === studentId);
    const halves = absenceHalfDays(
      mine.map((e) => ({ kind: e.kind, startsAt: e.starts_at, endsAt: e.ends_at, justification: e.justification, source: e.source })),
      own.map((l) => ({ startsAt: l.startsAt, endsAt: l.endsAt })),
      boundary,
    ).filter((h) => h.date >= from && h.date <= to);
    const lessonHalfDays = new Set(own.map((l) => `${l.date}|${l.start < boundary ? 'am' : 'pm'}`)).size;
    const late = mine.filter((e) => e.kind === 'late' && e.starts_at >= fromInstant && e.starts_at < toInstant);
    const justified = halves.filter((h) => h.justified).length;
    result.set(studentId, {
      absentHalfDays: halves.length,
      justifiedHalfDays: justified,
      unjustifiedHalfDays: halves.length - justified,
      lessonHalfDays,
      absenceRate: lessonHalfDays > 0 ? Math.round((halves.length * 1000) / lessonHalfDays) / 10 : null,
      lateCount: late.length,
      lateMinutes: late.reduce((sum, e) => sum + (e.minutes ?? 0), 0),
    });
  }
  return result;
}

/** The class's totals: sums of its students' figures; the rate over all their lesson half-days. */
export function totalOf(figures: AttendanceFigures[]): AttendanceFigures {
  const sum = (pick: (f: AttendanceFigures) => number) => figures.reduce((s, f) => s + pick(f), 0);
  const absent = sum((f) => f.absentHalfDays);
  const lessons = sum((f) => f.lessonHalfDays);
  return {
    absentHalfDays: absent,
    justifiedHalfDays: sum((f) => f.justifiedHalfDays),
    unjustifiedHalfDays: sum((f) => f.unjustifiedHalfDays),
    lessonHalfDays: lessons,
    absenceRate: lessons > 0 ? Math.round((absent * 1000) / lessons) / 10 : null,
    lateCount: sum((f) => f.lateCount),
    lateMinutes: sum((f) => f.lateMinutes),
  };
}
