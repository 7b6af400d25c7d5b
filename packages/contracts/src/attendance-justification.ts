import { z } from 'zod';
import { AttendanceEvent, AttendanceReason, Justification } from './attendance.js';
import { EstablishmentParams } from './directory.js';
import { IsoDate } from './timetable.js';

/**
 * Justifying absences online: relatives (legal guardians, or the student once of age) justify an
 * absence or lateness with a reason, a comment and an optional document, or declare one in
 * advance; vie scolaire validates or refuses; every step is kept. Statistics and alert thresholds
 * read the same events.
 */
const Id = z.string().min(1).max(64);
const Ref = z.object({ id: z.string(), name: z.string() });
const Instant = z.string().datetime({ offset: true });

/** Accepted documents: what a phone photographs or a scanner produces. */
export const JUSTIFICATION_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export const JUSTIFICATION_MAX_BYTES = 5 * 1024 * 1024;

export const JustificationFile = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int() });

export const JustificationStep = z.object({
  action: z.enum(['notified', 'submitted', 'declared', 'linked', 'justified', 'refused', 'cancelled']),
  actor: Ref.nullable(),
  at: z.string(),
  comment: z.string().nullable(),
});
export type JustificationStep = z.infer<typeof JustificationStep>;

export const JustificationRecord = z.object({
  id: z.string(),
  kind: z.enum(['justification', 'declaration']),
  student: Ref,
  startsAt: z.string(),
  endsAt: z.string(),
  reason: Ref.nullable(),
  comment: z.string().nullable(),
  file: JustificationFile.nullable(),
  state: Justification,
  submittedBy: Ref.nullable(),
  submittedAt: z.string(),
  decidedBy: Ref.nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  events: z.array(AttendanceEvent),
  history: z.array(JustificationStep),
});
export type JustificationRecord = z.infer<typeof JustificationRecord>;
export const JustificationRecords = z.object({ justifications: z.array(JustificationRecord) });
export type JustificationRecords = z.infer<typeof JustificationRecords>;

export const AttendanceFigures = z.object({
  /** Half-days with at least one absence; a half-day counts once. */
  absentHalfDays: z.number().int(),
  justifiedHalfDays: z.number().int(),
  /** A half-day is unjustified if any absence in it is not justified. */
  unjustifiedHalfDays: z.number().int(),
  /** Half-days on which the student had lessons (registers of their groups). */
  lessonHalfDays: z.number().int(),
  /** absentHalfDays / lessonHalfDays, in percent with one decimal (null without lessons). */
  absenceRate: z.number().nullable(),
  lateCount: z.number().int(),
  lateMinutes: z.number().int(),
});
export type AttendanceFigures = z.infer<typeof AttendanceFigures>;

/** A relative's view of one child: their events with what can be done about each. */
export const ChildAbsences = z.object({
  student: Ref,
  /** The reader may justify (legal guardian, or the student once of age). */
  canJustify: z.boolean(),
  events: z.array(AttendanceEvent.extend({ canJustify: z.boolean(), justificationId: z.string().nullable() })),
  justifications: z.array(JustificationRecord),
  /** The establishment's active reasons, to choose from when justifying. */
  reasons: z.array(AttendanceReason),
  /** The period shown and the student's figures over it. */
  from: IsoDate,
  to: IsoDate,
  figures: AttendanceFigures,
});
export type ChildAbsences = z.infer<typeof ChildAbsences>;
export const ChildAbsencesQuery = z.object({ studentId: Id.optional(), from: IsoDate.optional(), to: IsoDate.optional() });

/** Sent as multipart fields (with an optional `file`): the events it covers, a reason, a comment. */
export const NewJustification = z.object({
  eventIds: z.array(Id).min(1).max(50),
  reasonId: Id,
  comment: z.string().trim().max(1000).nullable().default(null),
});
export type NewJustification = z.input<typeof NewJustification>;

export const NewDeclaration = z
  .object({
    studentId: Id,
    startsAt: Instant,
    endsAt: Instant,
    reasonId: Id,
    comment: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((d) => Date.parse(d.endsAt) > Date.parse(d.startsAt), { path: ['endsAt'], message: 'after the start' })
  .refine((d) => Date.parse(d.endsAt) - Date.parse(d.startsAt) <= 31 * 86_400_000, { path: ['endsAt'], message: '31 days at most' });
export type NewDeclaration = z.input<typeof NewDeclaration>;

export const JustificationDecision = z
  .object({ decision: z.enum(['justified', 'refused']), comment: z.string().trim().max(1000).nullable().default(null) })
  .refine((d) => d.decision === 'justified' || !!d.comment, { path: ['comment'], message: 'required to refuse' });
export type JustificationDecision = z.input<typeof JustificationDecision>;

export const JustificationParams = EstablishmentParams.extend({ justificationId: Id });
export const JustificationQueueQuery = z.object({ state: Justification.optional() });

// ——— Statistics and thresholds ———


export const StudentStatistics = z.object({ student: Ref, figures: AttendanceFigures, aboveThreshold: z.boolean() });
export type StudentStatistics = z.infer<typeof StudentStatistics>;
export const ClassStatistics = z.object({ group: Ref, from: IsoDate, to: IsoDate, halfDayBoundary: z.string(), total: AttendanceFigures, students: z.array(StudentStatistics) });
export type ClassStatistics = z.infer<typeof ClassStatistics>;
export const StatisticsQuery = z.object({ groupId: Id.optional(), studentId: Id.optional(), from: IsoDate.optional(), to: IsoDate.optional() });

export const AlertSettings = z.object({
  /** Unjustified half-days in the current calendar month that raise an alert to vie scolaire. */
  unjustifiedHalfDays: z.number().int().min(1).max(60),
});
export type AlertSettings = z.infer<typeof AlertSettings>;
export const StudentStatisticsReport = StudentStatistics.extend({ from: IsoDate, to: IsoDate });
export type StudentStatisticsReport = z.infer<typeof StudentStatisticsReport>;
export const StatisticsClasses = z.object({ classes: z.array(Ref) });
export type StatisticsClasses = z.infer<typeof StatisticsClasses>;
