import type { ClassStatistics, StatisticsClasses, StudentStatistics } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import { badRequest, forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { displayName } from '../../directory/index.js';
import { addDays, parisToday, schoolYearOf } from '../../timetable/index.js';
import { familyAccess, followsAttendance, requireStudent } from '../justification/justification.policy.js';
import { figuresOf, totalOf } from './statistics.js';

/** Default: the school year so far; at most a year (a longer period is refused, not truncated). */
function period(now: Date, q: { from?: string; to?: string }): { from: string; to: string } {
  const today = parisToday(now);
  const to = q.to ?? today;
  const from = q.from ?? `${schoolYearOf(to)}-09-01`;
  if (from > to || addDays(from, 366) < to) throw badRequest('statistics.invalid_range', [{ field: 'querystring.from', issue: 'one year at most, before to' }]);
  return { from, to };
}

/** A class's (or group's) figures per student and in total, for vie scolaire. */
export async function classStatistics(ctx: AppContext, actor: Actor, establishmentId: string, q: { groupId?: string; from?: string; to?: string }): Promise<ClassStatistics> {
  if (!followsAttendance(actor, establishmentId)) throw forbidden('attendance.not_visible');
  if (!q.groupId) throw badRequest('validation.failed', [{ field: 'querystring.groupId', issue: 'required' }]);
  const { from, to } = period(ctx.clock.now(), q);
  const group = await ctx.db.selectFrom('groups').select(['id', 'name']).where('id', '=', q.groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!group) throw notFound('directory.group_not_found');
  const students = await ctx.db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name'])
    .where('m.group_id', '=', group.id)
    .where('m.role', '=', 'student')
    .orderBy('p.sort_key')
    .execute();
  const [figures] = await Promise.all([
    figuresOf(
      ctx.db,
      establishmentId,
      students.map((s) => s.id),
      from,
      to,
    ),
  ]);
  // "Above the threshold" is about the current month, whatever the period shown.
  const month = parisToday(ctx.clock.now()).slice(0, 7);
  const above = new Set(
    students.length
      ? (
          await ctx.db
            .selectFrom('attendance_alert_states')
            .select('student_id')
            .where('month', '=', month)
            .where('above', '=', 1)
            .where(
              'student_id',
              'in',
              students.map((s) => s.id),
            )
            .execute()
        ).map((r) => r.student_id)
      : [],
  );
  const rows = students.map((s) => ({ student: { id: s.id, name: displayName(s.first_name, s.last_name) }, figures: figures.get(s.id) as StudentStatistics['figures'], aboveThreshold: above.has(s.id) }));
  const settings = await ctx.db.selectFrom('attendance_settings').select('half_day_boundary').where('establishment_id', '=', establishmentId).executeTakeFirst();
  return { group, from, to, halfDayBoundary: settings?.half_day_boundary ?? '12:30', total: totalOf(rows.map((r) => r.figures)), students: rows };
}

/** One student's figures: for vie scolaire, the student and their relatives. */
export async function studentStatistics(ctx: AppContext, actor: Actor, establishmentId: string, q: { studentId?: string; from?: string; to?: string }): Promise<StudentStatistics & { from: string; to: string }> {
  const student = await requireStudent(ctx.db, establishmentId, q.studentId ?? actor.personId);
  if (!(await familyAccess(ctx.db, actor, establishmentId, student, ctx.clock.now())).read) throw forbidden('attendance.not_visible');
  const { from, to } = period(ctx.clock.now(), q);
  const figures = (await figuresOf(ctx.db, establishmentId, [student.id], from, to)).get(student.id) as StudentStatistics['figures'];
  const state = await ctx.db.selectFrom('attendance_alert_states').select('above').where('student_id', '=', student.id).where('month', '=', parisToday(ctx.clock.now()).slice(0, 7)).executeTakeFirst();
  return { student: { id: student.id, name: student.name }, figures, aboveThreshold: Number(state?.above ?? 0) === 1, from, to };
}

/** The establishment's classes, for vie scolaire's statistics page. */
export async function statisticsClasses(ctx: AppContext, actor: Actor, establishmentId: string): Promise<StatisticsClasses> {
  if (!followsAttendance(actor, establishmentId)) throw forbidden('attendance.not_visible');
  const rows = await ctx.db.selectFrom('groups').select(['id', 'name']).where('establishment_id', '=', establishmentId).where('kind', '=', 'class').orderBy('name').execute();
  return { classes: rows };
}
