import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { IsoDate, LocalTime } from './timetable.js';

const Id = z.string().min(1).max(64);
const Ref = z.object({ id: z.string(), name: z.string() });
const Instant = z.string().datetime({ offset: true });

export const REGISTER_STATES = ['todo', 'in_progress', 'done'] as const;
export const RegisterState = z.enum(REGISTER_STATES);
export type RegisterState = z.infer<typeof RegisterState>;

/** What a teacher marks for one student of the lesson. */
export const MARK_STATUSES = ['present', 'absent', 'late', 'left_early'] as const;
export const MarkStatus = z.enum(MARK_STATUSES);
export type MarkStatus = z.infer<typeof MarkStatus>;

export const EVENT_KINDS = ['absence', 'late', 'left_early'] as const;
export const AttendanceEventKind = z.enum(EVENT_KINDS);
export type AttendanceEventKind = z.infer<typeof AttendanceEventKind>;

export const JUSTIFICATIONS = ['unjustified', 'pending', 'justified', 'refused'] as const;
export const Justification = z.enum(JUSTIFICATIONS);
export type Justification = z.infer<typeof Justification>;

export const EVENT_SOURCES = ['register', 'staff', 'declaration', 'collective'] as const;
export const AttendanceEventSource = z.enum(EVENT_SOURCES);
export type AttendanceEventSource = z.infer<typeof AttendanceEventSource>;

/** Minutes of lateness or early departure: at least one, at most a school day. */
const Minutes = z.number().int().min(1).max(600);

// ——— Reasons and settings ———

export const AttendanceReason = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  countsAsJustified: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
});
export type AttendanceReason = z.infer<typeof AttendanceReason>;
export const AttendanceReasons = z.object({ reasons: z.array(AttendanceReason) });
export type AttendanceReasons = z.infer<typeof AttendanceReasons>;

export const NewAttendanceReason = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, 'lower-case letters, digits and _'),
  label: z.string().trim().min(1).max(80),
  countsAsJustified: z.boolean(),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(999).optional(),
});
export type NewAttendanceReason = z.input<typeof NewAttendanceReason>;
export const ReasonParams = EstablishmentParams.extend({ reasonId: Id });

export const AttendanceSettings = z.object({
  /** Paris time where the morning half-day ends and the afternoon one begins. */
  halfDayBoundary: LocalTime,
  /** Minutes after a lesson's end before an untaken register is reported to vie scolaire. */
  forgottenAfterMinutes: z.number().int().min(0).max(24 * 60),
});
export type AttendanceSettings = z.infer<typeof AttendanceSettings>;

// ——— Lessons and registers ———

export const DateQuery = z.object({ date: IsoDate.optional() });

export const RegisterLesson = z.object({
  slotId: z.string(),
  date: IsoDate,
  start: LocalTime,
  end: LocalTime,
  startsAt: z.string(),
  endsAt: z.string(),
  subject: Ref,
  group: Ref,
  teacher: Ref.nullable(),
  room: z.string().nullable(),
  cancelled: z.boolean(),
  /** The register of the lesson once opened (null: never opened, i.e. still to do). */
  registerId: z.string().nullable(),
  state: RegisterState,
});
export type RegisterLesson = z.infer<typeof RegisterLesson>;
export const RegisterLessons = z.object({ date: IsoDate, lessons: z.array(RegisterLesson) });
export type RegisterLessons = z.infer<typeof RegisterLessons>;

export const OpenRegister = z.object({ slotId: Id, date: IsoDate });
export type OpenRegister = z.infer<typeof OpenRegister>;
export const RegisterParams = EstablishmentParams.extend({ registerId: Id });

export const RegisterMark = z
  .object({
    studentId: Id,
    status: MarkStatus,
    minutes: Minutes.nullable().default(null),
    /** Staff only: a teacher's reason is refused. */
    reasonId: Id.nullable().default(null),
    comment: z.string().trim().max(500).nullable().default(null),
  })
  .refine((m) => (m.status === 'late' || m.status === 'left_early') === (m.minutes !== null), {
    path: ['minutes'],
    message: 'minutes for late and left early only',
  });
export type RegisterMark = z.input<typeof RegisterMark>;
export const RegisterMarks = z.object({
  marks: z
    .array(RegisterMark)
    .max(200)
    .refine((marks) => new Set(marks.map((m) => m.studentId)).size === marks.length, 'each student once'),
});
export type RegisterMarks = z.input<typeof RegisterMarks>;

export const RegisterStudent = z.object({
  id: z.string(),
  displayName: z.string(),
  status: MarkStatus,
  minutes: z.number().nullable(),
  reasonId: z.string().nullable(),
  comment: z.string().nullable(),
  /** Set when the group is away in a collective activity (trip, exam) covering the lesson. */
  collective: z.string().nullable(),
  /** Set when the student is exempted from the subject that day. */
  exemption: z.object({ mustAttend: z.boolean(), comment: z.string().nullable() }).nullable(),
  /** Vie scolaire already recorded an absence covering the lesson (e.g. a phone call). */
  reportedAbsent: z.boolean(),
  /** The register no longer marks this student but their event was kept for its justification. */
  flagged: z.boolean(),
});
export type RegisterStudent = z.infer<typeof RegisterStudent>;

export const Register = z.object({
  id: z.string(),
  lesson: RegisterLesson,
  state: RegisterState,
  submittedAt: z.string().nullable(),
  students: z.array(RegisterStudent),
  /** The reader may save or submit (a teacher: their lesson, the same day once submitted). */
  canEdit: z.boolean(),
  /** Reasons are chosen by vie scolaire only. */
  canSetReasons: z.boolean(),
  reasons: z.array(AttendanceReason),
});
export type Register = z.infer<typeof Register>;

// ——— Events, collectives, exemptions ———

export const AttendanceEvent = z.object({
  id: z.string(),
  student: Ref,
  group: Ref.nullable(),
  kind: AttendanceEventKind,
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().nullable(),
  reason: Ref.nullable(),
  justification: Justification,
  source: AttendanceEventSource,
  registerId: z.string().nullable(),
  comment: z.string().nullable(),
  flagged: z.boolean(),
});
export type AttendanceEvent = z.infer<typeof AttendanceEvent>;
export const AttendanceEvents = z.object({ events: z.array(AttendanceEvent) });
export type AttendanceEvents = z.infer<typeof AttendanceEvents>;

export const NewStaffEvent = z
  .object({
    studentId: Id,
    kind: AttendanceEventKind.default('absence'),
    startsAt: Instant,
    endsAt: Instant,
    minutes: Minutes.nullable().default(null),
    reasonId: Id.nullable().default(null),
    comment: z.string().trim().max(500).nullable().default(null),
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), { path: ['endsAt'], message: 'after the start' })
  .refine((e) => Date.parse(e.endsAt) - Date.parse(e.startsAt) <= 31 * 86_400_000, { path: ['endsAt'], message: '31 days at most' })
  .refine((e) => (e.kind === 'absence') === (e.minutes === null), { path: ['minutes'], message: 'minutes for late and left early only' });
export type NewStaffEvent = z.input<typeof NewStaffEvent>;
export const EventParams = EstablishmentParams.extend({ eventId: Id });

export const HalfDayCount = z.object({ total: z.number().int(), justified: z.number().int(), unjustified: z.number().int(), lateness: z.number().int() });
export type HalfDayCount = z.infer<typeof HalfDayCount>;
export const StudentAttendance = z.object({ student: Ref, events: z.array(AttendanceEvent), halfDays: HalfDayCount });
export type StudentAttendance = z.infer<typeof StudentAttendance>;
export const StudentParams = EstablishmentParams.extend({ studentId: Id });
export const RangeQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

export const Collective = z.object({ id: z.string(), group: Ref, startsAt: z.string(), endsAt: z.string(), label: z.string(), reason: Ref.nullable() });
export type Collective = z.infer<typeof Collective>;
export const Collectives = z.object({ collectives: z.array(Collective) });
export type Collectives = z.infer<typeof Collectives>;
export const NewCollective = z
  .object({ groupId: Id, startsAt: Instant, endsAt: Instant, label: z.string().trim().min(1).max(120), reasonId: Id.nullable().default(null) })
  .refine((c) => Date.parse(c.endsAt) > Date.parse(c.startsAt), { path: ['endsAt'], message: 'after the start' })
  .refine((c) => Date.parse(c.endsAt) - Date.parse(c.startsAt) <= 31 * 86_400_000, { path: ['endsAt'], message: '31 days at most' });
export type NewCollective = z.input<typeof NewCollective>;
export const CollectiveParams = EstablishmentParams.extend({ collectiveId: Id });

export const Exemption = z.object({
  id: z.string(),
  student: Ref,
  subject: Ref,
  startsOn: IsoDate,
  endsOn: IsoDate,
  mustAttend: z.boolean(),
  comment: z.string().nullable(),
});
export type Exemption = z.infer<typeof Exemption>;
export const Exemptions = z.object({ exemptions: z.array(Exemption) });
export type Exemptions = z.infer<typeof Exemptions>;
export const NewExemption = z
  .object({ studentId: Id, subjectId: Id, startsOn: IsoDate, endsOn: IsoDate, mustAttend: z.boolean(), comment: z.string().trim().max(500).nullable().default(null) })
  .refine((e) => e.endsOn >= e.startsOn, { path: ['endsOn'], message: 'not before the start' });
export type NewExemption = z.input<typeof NewExemption>;
export const ExemptionParams = EstablishmentParams.extend({ exemptionId: Id });
export const ExemptionsQuery = z.object({ studentId: Id.optional(), date: IsoDate.optional() });

// ——— Vie scolaire's day ———

export const ForgottenRegister = RegisterLesson.extend({ minutesLate: z.number().int() });
export type ForgottenRegister = z.infer<typeof ForgottenRegister>;
export const ForgottenRegisters = z.object({ date: IsoDate, registers: z.array(ForgottenRegister) });
export type ForgottenRegisters = z.infer<typeof ForgottenRegisters>;
