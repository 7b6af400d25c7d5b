import type { GradePeriod, SkillResultValue, SkillSheet } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { displayName } from '../directory/index.js';
import { listPeriods, requireGroup, requireSubject } from '../grades/index.js';
import { requireSkillsSheetReader } from './skills.access.js';
import { readAssessments, resultsOf, resultValue } from './skills.read.js';

/** The grading periods are grades' (one calendar of periods per establishment). */
export async function findPeriod(db: Db, establishmentId: string, periodId: string | undefined): Promise<GradePeriod | null> {
  if (!periodId) return null;
  const period = (await listPeriods(db, establishmentId)).periods.find((p) => p.id === periodId);
  if (!period) throw notFound('grades.period_not_found');
  return period;
}

export async function studentsOf(db: Db, groupId: string) {
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name'])
    .where('m.group_id', '=', groupId)
    .where('m.role', '=', 'student')
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  return rows.map((s) => ({ id: s.id, displayName: displayName(s.first_name, s.last_name) }));
}

/**
 * The teacher's grid for one class or group and subject over a period (or the year): its students,
 * the skill assessments with each student's results, and the graded assessments skills may be
 * assessed beside. The head and deputies read it; only the subject's teachers enter.
 */
export async function skillSheet(ctx: AppContext, actor: Actor, establishmentId: string, q: { groupId: string; subjectId: string; periodId?: string }): Promise<SkillSheet> {
  const subject = await requireSubject(ctx.db, establishmentId, q.subjectId);
  await requireSkillsSheetReader(ctx.db, actor, establishmentId, q.groupId, q.subjectId);
  const group = await requireGroup(ctx.db, establishmentId, q.groupId);
  const period = await findPeriod(ctx.db, establishmentId, q.periodId);
  const [students, assessments, teaches, graded] = await Promise.all([
    studentsOf(ctx.db, q.groupId),
    readAssessments(ctx.db, (query) => {
      let filtered = query.where('a.group_id', '=', q.groupId).where('a.subject_id', '=', q.subjectId);
      if (period) filtered = filtered.where('a.date', '>=', period.startsOn).where('a.date', '<=', period.endsOn);
      return filtered;
    }),
    ctx.db.selectFrom('teachings').select('person_id').where('group_id', '=', q.groupId).where('subject_id', '=', q.subjectId).where('person_id', '=', actor.personId).executeTakeFirst(),
    ctx.db.selectFrom('grade_assessments').select(['id', 'title', 'date']).where('group_id', '=', q.groupId).where('subject_id', '=', q.subjectId).orderBy('date').orderBy('id').execute(),
  ]);
  const results = await resultsOf(
    ctx.db,
    assessments.flatMap((a) => a.skills.map((s) => s.id)),
    students.map((s) => s.id),
  );
  const bySkill = new Map<string, Record<string, SkillResultValue>>();
  for (const r of results) {
    const row = bySkill.get(r.skill_id) ?? {};
    row[r.student_id] = resultValue(r);
    bySkill.set(r.skill_id, row);
  }
  return {
    group,
    subject,
    canEnter: teaches !== undefined,
    students,
    assessments: assessments.map((a) => ({ ...a, results: Object.fromEntries(a.skills.map((s) => [s.id, bySkill.get(s.id) ?? {}])) })),
    gradeAssessments: graded,
  };
}
