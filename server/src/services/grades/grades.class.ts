import type { ClassAverages, Figures } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import { displayName } from '../directory/index.js';
import { type Fraction, classAverages, toDisplay } from './averages.js';
import { classGroupIds, classStudentIds, requireClassReader } from './grades.class-scope.js';
import { classSubjects } from './grades.coefficients.js';
import { findPeriod } from './grades.views.js';

const figures = (s: { average: Fraction | null; min: Fraction | null; max: Fraction | null }): Figures => ({ average: toDisplay(s.average), min: toDisplay(s.min), max: toDisplay(s.max) });
const NONE = { average: null, min: null, max: null };

/**
 * The conseil de classe's table for a class over a period (or the year): each student's average
 * in every subject and their general average, with the class's mean, lowest and highest per
 * subject and overall. Four queries whatever the class size (students, subjects with coefficients,
 * every grade of the class's students in the assessments of their groups, the period), then the
 * exact averages module. The head and deputies count every assessment; a head teacher those
 * already published to the students, and every one of the subjects they teach themselves.
 */
export async function classAveragesView(ctx: AppContext, actor: Actor, establishmentId: string, q: { groupId: string; periodId?: string }): Promise<ClassAverages> {
  const { group, reader } = await requireClassReader(ctx.db, actor, establishmentId, q.groupId);
  const period = await findPeriod(ctx.db, establishmentId, q.periodId);
  const now = ctx.clock.now().toISOString();
  let grades = ctx.db
    .selectFrom('grade_entries as e')
    .innerJoin('grade_assessments as a', 'a.id', 'e.assessment_id')
    .innerJoin('subjects as s', 's.id', 'a.subject_id')
    .select(['e.student_id', 'e.value_centi', 'e.counts_as_zero', 'a.id', 'a.subject_id', 's.name as subject_name', 'a.kind', 'a.scale_centi', 'a.coefficient_centi'])
    .where('a.establishment_id', '=', establishmentId)
    .where('a.group_id', 'in', classGroupIds(ctx.db, group.id))
    .where('e.student_id', 'in', classStudentIds(ctx.db, group.id));
  if (period) grades = grades.where('a.date', '>=', period.startsOn).where('a.date', '<=', period.endsOn);
  if (reader === 'head_teacher') {
    grades = grades.where((eb) =>
      eb.or([
        eb('a.students_at', '<=', now),
        eb.exists(
          eb
            .selectFrom('teachings as t')
            .select('t.person_id')
            .whereRef('t.group_id', '=', 'a.group_id')
            .whereRef('t.subject_id', '=', 'a.subject_id')
            .where('t.person_id', '=', actor.personId),
        ),
      ]),
    );
  }
  const [students, subjects, rows] = await Promise.all([
    ctx.db
      .selectFrom('group_members as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.first_name', 'p.last_name'])
      .where('m.group_id', '=', group.id)
      .where('m.role', '=', 'student')
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .orderBy('p.id')
      .execute(),
    classSubjects(ctx.db, group.id),
    grades.execute(),
  ]);
  const coefficients = new Map(subjects.filter((s) => s.isSet).map((s) => [s.id, s.coefficientCenti]));
  const result = classAverages(
    rows.map((r) => ({
      studentId: r.student_id,
      assessmentId: r.id,
      subjectId: r.subject_id,
      kind: r.kind as 'normal' | 'optional' | 'bonus',
      scaleCenti: r.scale_centi,
      coefficientCenti: r.coefficient_centi,
      valueCenti: r.value_centi,
      countsAsZero: r.counts_as_zero === 1,
    })),
    students.map((s) => s.id),
    coefficients,
  );
  // Columns: the subjects taught to the class, and any other one its students have grades in.
  const columns = subjects.map((s) => ({ id: s.id, name: s.name, coefficientCenti: s.coefficientCenti }));
  for (const r of rows) if (!columns.some((c) => c.id === r.subject_id)) columns.push({ id: r.subject_id, name: r.subject_name, coefficientCenti: 100 });
  return {
    group,
    period,
    subjects: columns.map((c) => ({ subject: { id: c.id, name: c.name }, coefficient: c.coefficientCenti / 100, figures: figures(result.subjects.get(c.id) ?? NONE) })),
    students: students.map((s) => {
      const own = result.students.get(s.id);
      return {
        id: s.id,
        displayName: displayName(s.first_name, s.last_name),
        averages: Object.fromEntries(columns.map((c) => [c.id, toDisplay(own?.subjects.get(c.id) ?? null)])),
        general: toDisplay(own?.general ?? null),
      };
    }),
    general: figures(result.general),
  };
}
