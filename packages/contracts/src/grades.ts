import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { IsoDate } from './timetable.js';

const Id = z.string().min(1).max(64);
const Ref = z.object({ id: z.string(), name: z.string() });
const DateTime = z.string().datetime({ offset: true });
/** Points with at most two decimals (sent as numbers, stored as hundredths). */
const Points = z.number().finite().refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'two decimals at most');

export const GradePeriod = z.object({ id: z.string(), name: z.string(), startsOn: IsoDate, endsOn: IsoDate });
export type GradePeriod = z.infer<typeof GradePeriod>;
export const GradePeriods = z.object({ periods: z.array(GradePeriod) });
export type GradePeriods = z.infer<typeof GradePeriods>;
export const NewGradePeriods = z.object({
  periods: z
    .array(z.object({ name: z.string().trim().min(1).max(60), startsOn: IsoDate, endsOn: IsoDate }))
    .max(6)
    .superRefine((periods, ctx) => {
      const sorted = periods.map((p, i) => ({ ...p, i })).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
      sorted.forEach((p, k) => {
        if (p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', path: [p.i, 'endsOn'], message: 'before start' });
        const next = sorted[k + 1];
        if (next && next.startsOn <= p.endsOn) ctx.addIssue({ code: 'custom', path: [next.i, 'startsOn'], message: 'overlaps' });
      });
    }),
});
export type NewGradePeriods = z.infer<typeof NewGradePeriods>;

export const ASSESSMENT_KINDS = ['normal', 'optional', 'bonus'] as const;
export const AssessmentKind = z.enum(ASSESSMENT_KINDS);
export const SPECIAL_GRADES = ['absent', 'exempted', 'not_graded', 'not_handed_in'] as const;
export const SpecialGrade = z.enum(SPECIAL_GRADES);
export type SpecialGrade = z.infer<typeof SpecialGrade>;

export const NewAssessment = z
  .object({
    groupId: Id,
    subjectId: Id,
    title: z.string().trim().min(1).max(200),
    date: IsoDate,
    kind: AssessmentKind.default('normal'),
    scale: Points.refine((n) => n >= 1 && n <= 1000, '1 to 1000'),
    coefficient: Points.refine((n) => n >= 0 && n <= 100, '0 to 100'),
    /** When students see the grades; null: not yet. */
    studentsAt: DateTime.nullable().default(null),
    /** When relatives see them; null: with the students. */
    relativesAt: DateTime.nullable().default(null),
  })
  .refine((a) => !a.relativesAt || (a.studentsAt !== null && Date.parse(a.relativesAt) >= Date.parse(a.studentsAt)), {
    path: ['relativesAt'],
    message: 'not before the students',
  });
export type NewAssessment = z.input<typeof NewAssessment>;

export const Assessment = z.object({
  id: z.string(),
  group: Ref,
  subject: Ref,
  title: z.string(),
  date: IsoDate,
  kind: AssessmentKind,
  scale: z.number(),
  coefficient: z.number(),
  studentsAt: z.string().nullable(),
  relativesAt: z.string().nullable(),
});
export type Assessment = z.infer<typeof Assessment>;

export const GradeValue = z.object({
  value: z.number().nullable(),
  special: SpecialGrade.nullable(),
  countsAsZero: z.boolean(),
  comment: z.string().nullable(),
});
export type GradeValue = z.infer<typeof GradeValue>;

export const GradeEntry = z
  .object({
    studentId: Id,
    value: Points.refine((n) => n >= 0, 'negative').nullable().default(null),
    special: SpecialGrade.nullable().default(null),
    /** Only for a special value; by default only "not handed in" counts as 0. */
    countsAsZero: z.boolean().optional(),
    comment: z.string().trim().max(300).nullable().default(null),
  })
  .refine((g) => !(g.value !== null && g.special !== null), { path: ['special'], message: 'a value or a special value, not both' });
export const GradeEntries = z.object({ grades: z.array(GradeEntry).min(1).max(200) });
export type GradeEntries = z.input<typeof GradeEntries>;

const Figures = z.object({ average: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() });
export type Figures = z.infer<typeof Figures>;

/** The teacher's grid: a class or group × the assessments of one subject. */
export const GradeSheet = z.object({
  group: Ref,
  subject: Ref,
  students: z.array(z.object({ id: z.string(), displayName: z.string(), average: z.number().nullable() })),
  assessments: z.array(Assessment.extend({ grades: z.record(z.string(), GradeValue), figures: Figures })),
  figures: Figures,
});
export type GradeSheet = z.infer<typeof GradeSheet>;

export const GradeSheetQuery = z.object({ groupId: Id, subjectId: Id, periodId: Id.optional() });
export const GradeReportQuery = z.object({ studentId: Id, periodId: Id.optional() });

/** One student's grades over a period (or the year), with the class figures. */
export const GradeReport = z.object({
  student: Ref,
  period: GradePeriod.nullable(),
  subjects: z.array(
    z.object({
      subject: Ref,
      coefficient: z.number(),
      average: z.number().nullable(),
      classFigures: Figures,
      assessments: z.array(Assessment.omit({ group: true, subject: true }).extend({ grade: GradeValue.nullable(), figures: Figures })),
    }),
  ),
  general: z.object({ average: z.number().nullable(), classFigures: Figures }),
});
export type GradeReport = z.infer<typeof GradeReport>;

/** The classes and subjects whose grid the reader opens; `canEnter` for the subject's own teachers. */
export const GradeTeachings = z.object({ teachings: z.array(z.object({ group: Ref, subject: Ref, canEnter: z.boolean() })) });
export type GradeTeachings = z.infer<typeof GradeTeachings>;

export const GradeStudents = z.object({ students: z.array(Ref) });
export type GradeStudents = z.infer<typeof GradeStudents>;

export const SubjectCoefficients = z.object({ groupId: Id, coefficients: z.array(z.object({ subjectId: Id, coefficient: Points.refine((n) => n >= 0 && n <= 100) })).max(60) });
export type SubjectCoefficients = z.infer<typeof SubjectCoefficients>;

export const AssessmentParams = EstablishmentParams.extend({ assessmentId: Id });

/** Deleting an assessment that has grades needs `withGrades=true` (409 otherwise). */
export const DeleteAssessmentQuery = z.object({ withGrades: z.enum(['true', 'false']).default('false') });

/** A class's subjects (taught in the class or in one of its students' groups) and their coefficients. */
export const ClassCoefficients = z.object({
  group: Ref,
  subjects: z.array(z.object({ subject: Ref, coefficient: z.number(), isSet: z.boolean() })),
});
export type ClassCoefficients = z.infer<typeof ClassCoefficients>;
export const ClassQuery = z.object({ groupId: Id, periodId: Id.optional() });

/** The conseil de classe's table: every student × subject average, the general average, class figures. */
export const ClassAverages = z.object({
  group: Ref,
  period: GradePeriod.nullable(),
  subjects: z.array(z.object({ subject: Ref, coefficient: z.number(), figures: Figures })),
  students: z.array(z.object({ id: z.string(), displayName: z.string(), averages: z.record(z.string(), z.number().nullable()), general: z.number().nullable() })),
  general: Figures,
});
export type ClassAverages = z.infer<typeof ClassAverages>;

/** The classes whose averages the reader opens: every class for the head and deputies, their own for a head teacher. */
export const GradeClasses = z.object({ classes: z.array(Ref) });
export type GradeClasses = z.infer<typeof GradeClasses>;
