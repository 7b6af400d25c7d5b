import type { ComponentCode, CycleSummary, MasteryLevel, SkillClassView, SkillSummary } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { displayName } from '../directory/index.js';
import { publishedFor, requireGroup } from '../grades/index.js';
import { parisToday, schoolYearOf } from '../timetable/index.js';
import { classViewAccess, type SkillsAccess, studentAccess } from './skills.access.js';
import { byComponent, countLevels, cycleOfLevel, positioning } from './skills.positioning.js';
import { findPeriod, studentsOf } from './skills.views.js';

interface VisibleResult {
  studentId: string;
  component: ComponentCode;
  level: number | null;
  absent: number;
  date: string;
  subject: string;
  assessment: string;
  skill: string | null;
}

/**
 * The results of these students in this establishment between two dates that this reader may see:
 * a student or relative only what is published for them (grades' rule, with the graded
 * assessment's times for skills assessed beside one), a teacher only their (class, subject)
 * pairs, the head everything. One query for all the students.
 */
async function visibleResults(db: Db, establishmentId: string, studentIds: string[], range: { from: string; to: string }, access: SkillsAccess, now: Date): Promise<VisibleResult[]> {
  if (studentIds.length === 0) return [];
  let query = db
    .selectFrom('skill_results as r')
    .innerJoin('skill_assessment_skills as k', 'k.id', 'r.skill_id')
    .innerJoin('skill_assessments as a', 'a.id', 'k.assessment_id')
    .innerJoin('subjects as s', 's.id', 'a.subject_id')
    .leftJoin('skill_items as i', 'i.id', 'k.item_id')
    .leftJoin('grade_assessments as ga', 'ga.id', 'a.grade_assessment_id')
    .select([
      'r.student_id',
      'r.level',
      'r.absent',
      'k.component',
      'i.label as skill',
      'a.group_id',
      'a.subject_id',
      'a.title',
      'a.date',
      'a.grade_assessment_id',
      'a.students_at',
      'a.relatives_at',
      'ga.students_at as graded_students_at',
      'ga.relatives_at as graded_relatives_at',
      's.name as subject',
    ])
    .where('a.establishment_id', '=', establishmentId)
    .where('r.student_id', 'in', studentIds)
    .where('a.date', '>=', range.from)
    .where('a.date', '<=', range.to);
  if (access.teachings) {
    const pairs = access.teachings;
    if (pairs.length === 0) return [];
    query = query.where((eb) => eb.or(pairs.map((t) => eb.and([eb('a.group_id', '=', t.group_id), eb('a.subject_id', '=', t.subject_id)]))));
  }
  const rows = await query.orderBy('a.date').orderBy('a.id').orderBy('k.position').execute();
  return rows
    .filter((r) => {
      const graded = r.grade_assessment_id !== null;
      return publishedFor(access.audience, { studentsAt: graded ? r.graded_students_at : r.students_at, relativesAt: graded ? r.graded_relatives_at : r.relatives_at }, now);
    })
    .map((r) => ({
      studentId: r.student_id,
      component: r.component as ComponentCode,
      level: r.absent === 1 ? null : r.level,
      absent: r.absent,
      date: r.date,
      subject: r.subject,
      assessment: r.title,
      skill: r.skill,
    }));
}

/** The period's dates, or without one the current school year (1 August to 31 July, Paris time). */
function rangeOf(period: { startsOn: string; endsOn: string } | null, now: Date): { from: string; to: string } {
  if (period) return { from: period.startsOn, to: period.endsOn };
  const year = schoolYearOf(parisToday(now));
  return { from: `${year}-08-01`, to: `${year + 1}-07-31` };
}

async function studentRef(db: Db, studentId: string) {
  const p = await db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', '=', studentId).executeTakeFirstOrThrow();
  return { id: p.id, name: displayName(p.first_name, p.last_name) };
}

/** A student's skills over a period (or the current school year): for each component, the levels obtained and the positioning. */
export async function skillSummary(ctx: AppContext, actor: Actor, establishmentId: string, q: { studentId: string; periodId?: string }): Promise<SkillSummary> {
  const access = await studentAccess(ctx.db, actor, establishmentId, q.studentId);
  const period = await findPeriod(ctx.db, establishmentId, q.periodId);
  const results = await visibleResults(ctx.db, establishmentId, [q.studentId], rangeOf(period, ctx.clock.now()), access, ctx.clock.now());
  return {
    student: await studentRef(ctx.db, q.studentId),
    period,
    components: byComponent(results).map((c) => ({
      ...c,
      results: results
        .filter((r) => r.component === c.component)
        .map((r) => ({ date: r.date, subject: r.subject, assessment: r.assessment, skill: r.skill, value: r.level === null ? ('absent' as const) : (r.level as MasteryLevel) })),
    })),
  };
}

/**
 * A student's skills over their current cycle in this establishment: the cycle comes from their
 * class's level and its year in the cycle (a 4e is in its second year of cycle 4, so the cycle
 * began the school year before). Results of the earlier years count wherever the student was
 * then in this establishment. Without a known cycle: the current school year only.
 */
export async function cycleSummary(ctx: AppContext, actor: Actor, establishmentId: string, q: { studentId: string }): Promise<CycleSummary> {
  const access = await studentAccess(ctx.db, actor, establishmentId, q.studentId);
  const now = ctx.clock.now();
  const current = schoolYearOf(parisToday(now));
  const klass = await ctx.db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select('g.level')
    .where('m.person_id', '=', q.studentId)
    .where('m.role', '=', 'student')
    .where('g.kind', '=', 'class')
    .where('g.establishment_id', '=', establishmentId)
    .orderBy('g.name')
    .executeTakeFirst();
  const place = cycleOfLevel(klass?.level ?? null);
  const years = Array.from({ length: (place?.year ?? 0) + 1 }, (_, i) => current - (place?.year ?? 0) + i);
  const first = years[0] as number;
  const results = await visibleResults(ctx.db, establishmentId, [q.studentId], { from: `${first}-08-01`, to: `${current + 1}-07-31` }, access, now);
  return {
    student: await studentRef(ctx.db, q.studentId),
    cycle: place?.cycle ?? null,
    years,
    components: byComponent(results).map((c) => ({
      ...c,
      byYear: years.map((year) => {
        const counts = countLevels(results.filter((r) => r.component === c.component && schoolYearOf(r.date) === year).map((r) => r.level));
        return { year, counts, positioning: positioning(counts) };
      }),
    })),
  };
}

/** The class view: each student of the group × each component, the positioning over the period (or the current school year). */
export async function skillClassView(ctx: AppContext, actor: Actor, establishmentId: string, q: { groupId: string; periodId?: string }): Promise<SkillClassView> {
  const group = await requireGroup(ctx.db, establishmentId, q.groupId);
  const access = await classViewAccess(ctx.db, actor, establishmentId, q.groupId);
  const period = await findPeriod(ctx.db, establishmentId, q.periodId);
  const students = await studentsOf(ctx.db, q.groupId);
  const results = await visibleResults(
    ctx.db,
    establishmentId,
    students.map((s) => s.id),
    rangeOf(period, ctx.clock.now()),
    access,
    ctx.clock.now(),
  );
  return {
    group,
    period,
    students: students.map((s) => {
      const own = results.filter((r) => r.studentId === s.id);
      return { ...s, positionings: Object.fromEntries(byComponent(own).flatMap((c) => (c.positioning === null ? [] : [[c.component, c.positioning]]))) };
    }),
  };
}
