import type { Db } from '../../kernel/db/database.js';
import { displayName } from '../directory/index.js';
import { classAverages, toDisplay } from '../grades/index.js';

type Averages = ReturnType<typeof classAverages>;
type Spread = Averages['general'];
export interface Figures {
  average: number | null;
  min: number | null;
  max: number | null;
}
const figures = (s: Spread): Figures => ({ average: toDisplay(s.average), min: toDisplay(s.min), max: toDisplay(s.max) });
const NONE: Figures = { average: null, min: null, max: null };

/**
 * What a bulletin prints from the grades, for a whole class and period: computed live while the
 * council is open, frozen as JSON when it closes (so a grade changed afterwards does not change a
 * bulletin already discussed). Averages are displayed values (exact, rounded once).
 */
export interface ClassSnapshot {
  computedAt: string;
  subjects: { id: string; name: string; coefficient: number; figures: Figures }[];
  general: Figures;
  /** In the class's order (last name, first name); an array, so the order survives JSON. */
  students: { id: string; name: string; general: number | null; subjects: { id: string; average: number | null; teachers: string[] }[] }[];
}

/** The students of a class, as a subquery (set-wise callers). */
export const classStudentIds = (db: Db, classId: string) => db.selectFrom('group_members').select('person_id').where('group_id', '=', classId).where('role', '=', 'student');
/** Every group one of the class's students belongs to (the class, language and option groups). */
export const classGroupIds = (db: Db, classId: string) =>
  db.selectFrom('group_members').select('group_id').where('role', '=', 'student').where('person_id', 'in', classStudentIds(db, classId));

/**
 * The class's figures over a period from the grades published to students by `now` (what the
 * students have seen; drafts and later publications do not count), in six queries whatever the
 * class size. A student's subjects are those taught in one of their groups and any other they have
 * a grade in; class figures per subject are over the class's students only.
 */
export async function classSnapshot(db: Db, establishmentId: string, classId: string, period: { startsOn: string; endsOn: string }, now: Date): Promise<ClassSnapshot> {
  const at = now.toISOString();
  const [students, memberships, teachings, rows, coefficients] = await Promise.all([
    db
      .selectFrom('group_members as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.first_name', 'p.last_name'])
      .where('m.group_id', '=', classId)
      .where('m.role', '=', 'student')
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .orderBy('p.id')
      .execute(),
    db.selectFrom('group_members').select(['group_id', 'person_id']).where('role', '=', 'student').where('person_id', 'in', classStudentIds(db, classId)).execute(),
    db
      .selectFrom('teachings as t')
      .innerJoin('subjects as s', 's.id', 't.subject_id')
      .innerJoin('people as p', 'p.id', 't.person_id')
      .select(['t.group_id', 't.subject_id', 's.name as subject_name', 'p.first_name', 'p.last_name'])
      .where('t.group_id', 'in', classGroupIds(db, classId))
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .execute(),
    db
      .selectFrom('grade_entries as e')
      .innerJoin('grade_assessments as a', 'a.id', 'e.assessment_id')
      .innerJoin('subjects as s', 's.id', 'a.subject_id')
      .select(['e.student_id', 'e.value_centi', 'e.counts_as_zero', 'a.id', 'a.subject_id', 's.name as subject_name', 'a.kind', 'a.scale_centi', 'a.coefficient_centi'])
      .where('a.establishment_id', '=', establishmentId)
      .where('a.group_id', 'in', classGroupIds(db, classId))
      .where('e.student_id', 'in', classStudentIds(db, classId))
      .where('a.date', '>=', period.startsOn)
      .where('a.date', '<=', period.endsOn)
      .where('a.students_at', '<=', at)
      .execute(),
    db.selectFrom('grade_subject_coefficients').select(['subject_id', 'coefficient_centi']).where('group_id', '=', classId).execute(),
  ]);
  const coefficientOf = new Map(coefficients.map((c) => [c.subject_id, c.coefficient_centi]));
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
    coefficientOf,
  );

  const subjectNames = new Map<string, string>();
  for (const t of teachings) subjectNames.set(t.subject_id, t.subject_name);
  for (const r of rows) subjectNames.set(r.subject_id, r.subject_name);
  const subjectIds = [...subjectNames.keys()].sort((a, b) => (subjectNames.get(a) ?? '').localeCompare(subjectNames.get(b) ?? '', 'fr') || a.localeCompare(b));
  const groupsOf = new Map<string, Set<string>>();
  for (const m of memberships) groupsOf.set(m.person_id, (groupsOf.get(m.person_id) ?? new Set()).add(m.group_id));
  const graded = new Set(rows.map((r) => `${r.student_id}|${r.subject_id}`));

  const snapshotStudents: ClassSnapshot['students'] = [];
  for (const s of students) {
    const groups = groupsOf.get(s.id) ?? new Set<string>();
    const own = result.students.get(s.id);
    const subjects = subjectIds
      .map((subjectId) => {
        const teachers = [...new Set(teachings.filter((t) => t.subject_id === subjectId && groups.has(t.group_id)).map((t) => displayName(t.first_name, t.last_name)))];
        return { id: subjectId, average: toDisplay(own?.subjects.get(subjectId) ?? null), teachers };
      })
      .filter((x) => x.teachers.length > 0 || graded.has(`${s.id}|${x.id}`));
    snapshotStudents.push({ id: s.id, name: displayName(s.first_name, s.last_name), general: toDisplay(own?.general ?? null), subjects });
  }
  return {
    computedAt: at,
    subjects: subjectIds.map((id) => ({ id, name: subjectNames.get(id) ?? id, coefficient: (coefficientOf.get(id) ?? 100) / 100, figures: result.subjects.has(id) ? figures(result.subjects.get(id) as Spread) : NONE })),
    general: figures(result.general),
    students: snapshotStudents,
  };
}
