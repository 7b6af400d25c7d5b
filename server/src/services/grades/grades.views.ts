import type { Figures, GradePeriod, GradeReport, GradeSheet, GradeValue } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { displayName } from '../directory/index.js';
import { type Fraction, type GradeInput, classAverages, fraction, spread, subjectAverage, toDisplay } from './averages.js';
import { reportAccess, requireGroup, requireSheetReader, requireSubject } from './grades.access.js';
import { assessmentRows, fromCenti, toAssessment } from './grades.usecases.js';

interface EntryRow {
  assessment_id: string;
  student_id: string;
  value_centi: number | null;
  special: string | null;
  counts_as_zero: number;
  comment: string | null;
}

const toValue = (e: EntryRow): GradeValue => ({
  value: e.value_centi === null ? null : fromCenti(e.value_centi),
  special: e.special as GradeValue['special'],
  countsAsZero: e.counts_as_zero === 1,
  comment: e.comment,
});

const figures = (s: { average: Fraction | null; min: Fraction | null; max: Fraction | null }): Figures => ({ average: toDisplay(s.average), min: toDisplay(s.min), max: toDisplay(s.max) });

/** Mean, lowest and highest grade of one assessment, on its own scale (special values left out). */
const assessmentFigures = (entries: EntryRow[]) => figures(spread(entries.map((e) => (e.value_centi === null ? null : fraction(BigInt(e.value_centi), 100n)))));

export async function findPeriod(db: Db, establishmentId: string, periodId: string | undefined): Promise<GradePeriod | null> {
  if (!periodId) return null;
  const p = await db.selectFrom('grade_periods').select(['id', 'name', 'starts_on', 'ends_on']).where('id', '=', periodId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!p) throw notFound('grades.period_not_found');
  return { id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on };
}

/** Entries grouped by a key, in one pass (the views look them up per assessment and per student). */
function groupBy(entries: EntryRow[], key: 'assessment_id' | 'student_id'): Map<string, EntryRow[]> {
  const out = new Map<string, EntryRow[]>();
  for (const e of entries) {
    const list = out.get(e[key]);
    if (list) list.push(e);
    else out.set(e[key], [e]);
  }
  return out;
}

async function entriesOf(db: Db, assessmentIds: string[]): Promise<EntryRow[]> {
  if (assessmentIds.length === 0) return [];
  return db.selectFrom('grade_entries').select(['assessment_id', 'student_id', 'value_centi', 'special', 'counts_as_zero', 'comment']).where('assessment_id', 'in', assessmentIds).execute();
}

/** The teacher's grid for one class or group and subject over a period (or the year). */
export async function gradeSheet(ctx: AppContext, actor: Actor, establishmentId: string, q: { groupId: string; subjectId: string; periodId?: string }): Promise<GradeSheet> {
  const subject = await requireSubject(ctx.db, establishmentId, q.subjectId);
  await requireSheetReader(ctx.db, actor, establishmentId, q.groupId, q.subjectId);
  const group = await requireGroup(ctx.db, establishmentId, q.groupId);
  const period = await findPeriod(ctx.db, establishmentId, q.periodId);
  let query = assessmentRows(ctx.db).where('a.group_id', '=', q.groupId).where('a.subject_id', '=', q.subjectId);
  if (period) query = query.where('a.date', '>=', period.startsOn).where('a.date', '<=', period.endsOn);
  const [assessments, students] = await Promise.all([
    query.orderBy('a.date').orderBy('a.id').execute(),
    ctx.db
      .selectFrom('group_members as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.first_name', 'p.last_name'])
      .where('m.group_id', '=', q.groupId)
      .where('m.role', '=', 'student')
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .execute(),
  ]);
  const entries = await entriesOf(
    ctx.db,
    assessments.map((a) => a.id),
  );
  const byAssessment = groupBy(entries, 'assessment_id');
  const byStudent = groupBy(entries, 'student_id');
  const assessmentById = new Map(assessments.map((a) => [a.id, a]));
  const averages = new Map<string, Fraction | null>();
  for (const s of students) {
    const own = byStudent.get(s.id) ?? [];
    averages.set(s.id, subjectAverage(own.map((e) => toInput(e, assessmentById.get(e.assessment_id) as AssessmentLike))));
  }
  return {
    group,
    subject,
    students: students.map((s) => ({ id: s.id, displayName: displayName(s.first_name, s.last_name), average: toDisplay(averages.get(s.id) ?? null) })),
    assessments: assessments.map((a) => {
      const own = byAssessment.get(a.id) ?? [];
      return { ...toAssessment(a), grades: Object.fromEntries(own.map((e) => [e.student_id, toValue(e)])), figures: assessmentFigures(own) };
    }),
    figures: figures(spread(students.map((s) => averages.get(s.id) ?? null))),
  };
}

type AssessmentLike = { id: string; subject_id: string; kind: string; scale_centi: number; coefficient_centi: number };
const toInput = (e: EntryRow, a: AssessmentLike): GradeInput => ({
  assessmentId: a.id,
  subjectId: a.subject_id,
  kind: a.kind as GradeInput['kind'],
  scaleCenti: a.scale_centi,
  coefficientCenti: a.coefficient_centi,
  valueCenti: e.value_centi,
  countsAsZero: e.counts_as_zero === 1,
});

/**
 * One student's grades over a period (or the year) with their averages and the class figures,
 * computed from the assessments this reader may see: a student sees those published for students,
 * a relative those published for relatives, a teacher their own subjects, the head everything.
 * Class figures use the same assessments, so they always match what the reader sees.
 */
export async function gradeReport(ctx: AppContext, actor: Actor, establishmentId: string, q: { studentId: string; periodId?: string }): Promise<GradeReport> {
  const access = await reportAccess(ctx.db, actor, establishmentId, q.studentId);
  const period = await findPeriod(ctx.db, establishmentId, q.periodId);
  const now = ctx.clock.now().toISOString();
  const [person, groups] = await Promise.all([
    ctx.db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', '=', q.studentId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.kind'])
      .where('m.person_id', '=', q.studentId)
      .where('m.role', '=', 'student')
      .where('g.establishment_id', '=', establishmentId)
      .execute(),
  ]);
  const groupIds = groups.map((g) => g.id);
  let query = assessmentRows(ctx.db).where('a.group_id', 'in', groupIds.length > 0 ? groupIds : ['']);
  if (period) query = query.where('a.date', '>=', period.startsOn).where('a.date', '<=', period.endsOn);
  if (access.audience === 'student') query = query.where('a.students_at', '<=', now);
  if (access.audience === 'relative')
    query = query.where('a.students_at', '<=', now).where((eb) => eb.or([eb('a.relatives_at', 'is', null), eb('a.relatives_at', '<=', now)]));
  if (access.teachings) {
    const pairs = access.teachings;
    query = query.where((eb) => eb.or(pairs.map((t) => eb.and([eb('a.group_id', '=', t.group_id), eb('a.subject_id', '=', t.subject_id)]))));
  }
  const assessments = await query.orderBy('s.name').orderBy('a.date').orderBy('a.id').execute();

  // The cohort for class figures: the student's class (or, without one, their groups).
  const classGroup = groups.find((g) => g.kind === 'class');
  const cohortGroups = classGroup ? [classGroup.id] : groupIds;
  const [cohort, coefficients, entries] = await Promise.all([
    cohortGroups.length > 0
      ? ctx.db.selectFrom('group_members').select('person_id').distinct().where('group_id', 'in', cohortGroups).where('role', '=', 'student').execute()
      : Promise.resolve([]),
    classGroup ? ctx.db.selectFrom('grade_subject_coefficients').select(['subject_id', 'coefficient_centi']).where('group_id', '=', classGroup.id).execute() : Promise.resolve([]),
    entriesOf(
      ctx.db,
      assessments.map((a) => a.id),
    ),
  ]);
  const cohortIds = [...new Set([q.studentId, ...cohort.map((c) => c.person_id)])];
  const inCohort = new Set(cohortIds);
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const result = classAverages(
    entries.filter((e) => inCohort.has(e.student_id)).map((e) => ({ ...toInput(e, byId.get(e.assessment_id) as AssessmentLike), studentId: e.student_id })),
    cohortIds,
    new Map(coefficients.map((c) => [c.subject_id, c.coefficient_centi])),
  );
  const mine = result.students.get(q.studentId);
  const byAssessment = groupBy(entries, 'assessment_id');
  const subjectIds = [...new Set(assessments.map((a) => a.subject_id))];
  return {
    student: { id: person.id, name: displayName(person.first_name, person.last_name) },
    period,
    subjects: subjectIds.map((subjectId) => {
      const list = assessments.filter((a) => a.subject_id === subjectId);
      const first = list[0] as (typeof list)[number];
      const coefficient = coefficients.find((c) => c.subject_id === subjectId)?.coefficient_centi ?? 100;
      return {
        subject: { id: subjectId, name: first.subject_name },
        coefficient: fromCenti(coefficient),
        average: toDisplay(mine?.subjects.get(subjectId) ?? null),
        classFigures: figures(result.subjects.get(subjectId) ?? { average: null, min: null, max: null }),
        assessments: list.map((a) => {
          const { group: _g, subject: _s, ...rest } = toAssessment(a);
          const own = byAssessment.get(a.id) ?? [];
          const grade = own.find((e) => e.student_id === q.studentId);
          return { ...rest, grade: grade ? toValue(grade) : null, figures: assessmentFigures(own) };
        }),
      };
    }),
    general: { average: toDisplay(mine?.general ?? null), classFigures: figures(result.general) },
  };
}
