import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { IsoDate } from './timetable.js';

const Id = z.string().min(1).max(64);
const Ref = z.object({ id: z.string(), name: z.string() });
const DateTime = z.string().datetime({ offset: true });

/** Lengths of what is printed on the bulletin (a few lines each, as in the usual French tools). */
export const SUBJECT_APPRECIATION_MAX = 500;
export const GENERAL_APPRECIATION_MAX = 800;
export const ORIENTATION_MAX = 500;

/** Félicitations, compliments, encouragements: at most one, and never with a warning. */
export const DISTINCTIONS = ['congratulations', 'compliments', 'encouragements'] as const;
export const Distinction = z.enum(DISTINCTIONS);
export type Distinction = z.infer<typeof Distinction>;

export const CouncilQuery = z.object({ groupId: Id, periodId: Id });
export type CouncilQuery = z.infer<typeof CouncilQuery>;
export const AppreciationGridQuery = CouncilQuery.extend({ subjectId: Id });

const Figures = z.object({ average: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() });

/** A class's council for one period: open for comments → closed (council held) → published at `publishAt`. */
export const Council = z.object({
  /** Null until someone writes in it. */
  id: z.string().nullable(),
  group: Ref,
  period: z.object({ id: z.string(), name: z.string(), startsOn: IsoDate, endsOn: IsoDate, last: z.boolean() }),
  state: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  /** When students and relatives see the bulletins (null: not scheduled). */
  publishAt: z.string().nullable(),
  /** `publishAt` has passed. */
  published: z.boolean(),
});
export type Council = z.infer<typeof Council>;

/** One subject teacher's appreciations for a class, period and subject. */
export const AppreciationGrid = z.object({
  council: Council,
  subject: Ref,
  editable: z.boolean(),
  classFigures: Figures,
  students: z.array(z.object({ id: z.string(), name: z.string(), average: z.number().nullable(), appreciation: z.string().nullable() })),
});
export type AppreciationGrid = z.infer<typeof AppreciationGrid>;

const Text = (max: number) => z.string().trim().max(max);
export const SubjectAppreciations = CouncilQuery.extend({
  subjectId: Id,
  /** An empty text clears the appreciation. */
  appreciations: z.array(z.object({ studentId: Id, text: Text(SUBJECT_APPRECIATION_MAX) })).min(1).max(200),
});
export type SubjectAppreciations = z.infer<typeof SubjectAppreciations>;
export const GeneralAppreciations = CouncilQuery.extend({
  appreciations: z.array(z.object({ studentId: Id, text: Text(GENERAL_APPRECIATION_MAX) })).min(1).max(200),
});
export type GeneralAppreciations = z.infer<typeof GeneralAppreciations>;

export const CouncilDecision = z
  .object({
    studentId: Id,
    distinction: Distinction.nullable().default(null),
    workWarning: z.boolean().default(false),
    behaviourWarning: z.boolean().default(false),
    /** Orientation or passage decision: at the last period only. */
    orientation: Text(ORIENTATION_MAX).default(''),
  })
  .refine((d) => !(d.distinction && (d.workWarning || d.behaviourWarning)), { path: ['distinction'], message: 'not with a warning' });
export type CouncilDecision = z.input<typeof CouncilDecision>;
export const CouncilDecisions = CouncilQuery.extend({ decisions: z.array(CouncilDecision).min(1).max(200) });
export type CouncilDecisions = z.input<typeof CouncilDecisions>;

export const PublishCouncil = CouncilQuery.extend({ publishAt: DateTime.nullable().default(null) });
export type PublishCouncil = z.input<typeof PublishCouncil>;

const Decision = z.object({ distinction: Distinction.nullable(), workWarning: z.boolean(), behaviourWarning: z.boolean(), orientation: z.string().nullable() });
export type Decision = z.infer<typeof Decision>;

/** The council's page: every student with their general average, appreciation and decisions. */
export const CouncilSheet = z.object({
  council: Council,
  canWriteGeneral: z.boolean(),
  canDecide: z.boolean(),
  generalFigures: Figures,
  students: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      general: z.number().nullable(),
      generalAppreciation: z.string().nullable(),
      decision: Decision,
      /** Subjects of the student's bulletin whose appreciation is still missing. */
      missingAppreciations: z.number(),
    }),
  ),
});
export type CouncilSheet = z.infer<typeof CouncilSheet>;

/** The classes a reader works on: their teachings, their head-teacher classes, or every class. */
export const ReportCardClasses = z.object({
  periods: z.array(z.object({ id: z.string(), name: z.string(), startsOn: IsoDate, endsOn: IsoDate })),
  classes: z.array(z.object({ group: Ref, headTeacher: z.boolean(), manages: z.boolean(), subjects: z.array(Ref) })),
});
export type ReportCardClasses = z.infer<typeof ReportCardClasses>;

/** One student's bulletin for one period. */
export const ReportCard = z.object({
  councilId: z.string(),
  establishment: z.string(),
  student: Ref,
  group: Ref,
  period: z.object({ name: z.string(), startsOn: IsoDate, endsOn: IsoDate }),
  state: z.enum(['open', 'closed']),
  publishAt: z.string().nullable(),
  subjects: z.array(
    z.object({
      subject: Ref,
      teachers: z.array(z.string()),
      coefficient: z.number(),
      average: z.number().nullable(),
      classFigures: Figures,
      appreciation: z.string().nullable(),
    }),
  ),
  general: z.object({ average: z.number().nullable(), classFigures: Figures }),
  /** Half-days of absence and lateness in the period, when the attendance service counts them. */
  attendance: z.object({ absenceHalfDays: z.number(), unjustifiedHalfDays: z.number(), lates: z.number() }).nullable(),
  generalAppreciation: z.string().nullable(),
  headTeachers: z.array(z.string()),
  decision: Decision,
});
export type ReportCard = z.infer<typeof ReportCard>;

export const ReportCardList = z.object({
  student: Ref,
  reportCards: z.array(z.object({ councilId: z.string(), period: z.object({ name: z.string(), startsOn: IsoDate }), group: Ref, publishAt: z.string().nullable(), published: z.boolean() })),
});
export type ReportCardList = z.infer<typeof ReportCardList>;

export const ReportCardStudentParams = EstablishmentParams.extend({ studentId: Id });
export const ReportCardParams = ReportCardStudentParams.extend({ councilId: Id });
export const ReportCardPdfQuery = z.object({ raw: z.literal('1').optional() });
