import type { ComponentCode, SkillAssessment, SkillResultValue } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';

/** The assessments with their class, subject, effective publication times (the graded assessment's when beside one). */
function assessmentRows(db: Db) {
  return db
    .selectFrom('skill_assessments as a')
    .innerJoin('groups as g', 'g.id', 'a.group_id')
    .innerJoin('subjects as s', 's.id', 'a.subject_id')
    .leftJoin('grade_assessments as ga', 'ga.id', 'a.grade_assessment_id')
    .select([
      'a.id',
      'a.group_id',
      'g.name as group_name',
      'a.subject_id',
      's.name as subject_name',
      'a.grade_assessment_id',
      'a.title',
      'a.date',
      'a.students_at',
      'a.relatives_at',
      'ga.students_at as graded_students_at',
      'ga.relatives_at as graded_relatives_at',
    ]);
}

type AssessmentQuery = ReturnType<typeof assessmentRows>;

/** Reads the assessments a filter selects, each with its skills in order; two queries whatever their number. */
export async function readAssessments(db: Db, filter: (q: AssessmentQuery) => AssessmentQuery): Promise<SkillAssessment[]> {
  const rows = await filter(assessmentRows(db)).orderBy('a.date').orderBy('a.id').execute();
  if (rows.length === 0) return [];
  const skills = await db
    .selectFrom('skill_assessment_skills as k')
    .leftJoin('skill_items as i', 'i.id', 'k.item_id')
    .select(['k.id', 'k.assessment_id', 'k.component', 'k.item_id', 'i.label as item_label'])
    .where(
      'k.assessment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('k.position')
    .execute();
  return rows.map((r) => {
    const graded = r.grade_assessment_id !== null;
    return {
      id: r.id,
      group: { id: r.group_id, name: r.group_name },
      subject: { id: r.subject_id, name: r.subject_name },
      gradeAssessmentId: r.grade_assessment_id,
      title: r.title,
      date: r.date,
      studentsAt: graded ? r.graded_students_at : r.students_at,
      relativesAt: graded ? r.graded_relatives_at : r.relatives_at,
      skills: skills
        .filter((k) => k.assessment_id === r.id)
        .map((k) => ({ id: k.id, component: k.component as ComponentCode, item: k.item_id ? { id: k.item_id, label: k.item_label ?? '' } : null })),
    };
  });
}

export interface ResultRow {
  skill_id: string;
  student_id: string;
  level: number | null;
  absent: number;
}

export const resultValue = (r: ResultRow): SkillResultValue => (r.absent === 1 || r.level === null ? 'absent' : (r.level as 1 | 2 | 3 | 4));

/** The results of these skills, for these students only when given. */
export async function resultsOf(db: Db, skillIds: string[], studentIds?: string[]): Promise<ResultRow[]> {
  if (skillIds.length === 0 || (studentIds && studentIds.length === 0)) return [];
  let query = db.selectFrom('skill_results').select(['skill_id', 'student_id', 'level', 'absent']).where('skill_id', 'in', skillIds);
  if (studentIds) query = query.where('student_id', 'in', studentIds);
  return query.execute();
}
