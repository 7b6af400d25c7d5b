import { z } from 'zod';
import { EstablishmentParams } from './directory.js';

const Id = z.string().min(1).max(64);
/** A calendar date, YYYY-MM-DD, checked to exist. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'invalid date');
/** A wall-clock time in Europe/Paris, HH:MM. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const WEEK_PATTERNS = ['all', 'A', 'B'] as const;
export const WeekPattern = z.enum(WEEK_PATTERNS);
export type WeekPattern = z.infer<typeof WeekPattern>;

export const TIMETABLE_VIEWS = ['student', 'class', 'teacher', 'room'] as const;
export const TimetableView = z.enum(TIMETABLE_VIEWS);
export type TimetableView = z.infer<typeof TimetableView>;

export const HOLIDAY_ZONES = ['A', 'B', 'C'] as const;
export const HolidayZone = z.enum(HOLIDAY_ZONES);
export type HolidayZone = z.infer<typeof HolidayZone>;

export const TimetableQuery = z.object({
  view: TimetableView,
  /** The student, class or group, teacher or room shown. */
  id: Id,
  /** Any day of the period; the week starts on its Monday. */
  date: IsoDate,
  days: z.coerce.number().int().min(1).max(7).default(7),
});
export type TimetableQuery = z.infer<typeof TimetableQuery>;

const Ref = z.object({ id: z.string(), name: z.string() });
export const RoomRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type RoomRef = z.infer<typeof RoomRef>;
export const PersonRef = z.object({ id: z.string(), displayName: z.string() });

/** One lesson on one day: a slot of the weekly timetable as it really happens that day. */
export const Lesson = z.object({
  slotId: z.string(),
  date: IsoDate,
  start: LocalTime,
  end: LocalTime,
  /** The same times as instants (UTC), for calendars. */
  startsAt: z.string(),
  endsAt: z.string(),
  subject: Ref,
  group: Ref,
  teacher: PersonRef.nullable(),
  room: RoomRef.nullable(),
  weeks: WeekPattern,
  cancelled: z.boolean(),
  /** Set when the room or the teacher differs from the usual one that day. */
  usualRoom: RoomRef.nullable(),
  usualTeacher: PersonRef.nullable(),
  note: z.string().nullable(),
});
export type Lesson = z.infer<typeof Lesson>;

export const Holiday = z.object({ id: z.string(), name: z.string(), from: IsoDate, to: IsoDate, source: z.enum(['zone', 'public', 'manual']) });
export type Holiday = z.infer<typeof Holiday>;

export const Timetable = z.object({
  view: TimetableView,
  title: z.string(),
  from: IsoDate,
  to: IsoDate,
  /** Week A or B of the period's first day (null when the establishment does not alternate). */
  week: z.enum(['A', 'B']).nullable(),
  lessons: z.array(Lesson),
  holidays: z.array(Holiday),
  canManage: z.boolean(),
});
export type Timetable = z.infer<typeof Timetable>;

/** What the viewer may open: their own timetable, their children's, or (staff, teachers) any. */
export const TimetableChoices = z.object({
  own: z.object({ view: TimetableView, id: z.string(), name: z.string() }).nullable(),
  children: z.array(z.object({ id: z.string(), name: z.string() })),
  groups: z.array(Ref.extend({ kind: z.string() })),
  teachers: z.array(PersonRef),
  rooms: z.array(RoomRef),
  subjects: z.array(Ref),
});
export type TimetableChoices = z.infer<typeof TimetableChoices>;

export const NewSlot = z.object({
  groupId: Id,
  subjectId: Id,
  teacherId: Id.nullable().optional(),
  roomId: Id.nullable().optional(),
  /** 1 = Monday … 6 = Saturday. */
  weekday: z.number().int().min(1).max(6),
  start: LocalTime,
  end: LocalTime,
  weeks: WeekPattern.default('all'),
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
});
export type NewSlot = z.infer<typeof NewSlot>;
export const SlotPatch = NewSlot.partial();
export type SlotPatch = z.infer<typeof SlotPatch>;

export const Slot = z.object({
  id: z.string(),
  group: Ref,
  subject: Ref,
  teacher: PersonRef.nullable(),
  room: RoomRef.nullable(),
  weekday: z.number(),
  start: LocalTime,
  end: LocalTime,
  weeks: WeekPattern,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  source: z.string(),
});
export type Slot = z.infer<typeof Slot>;
export const SlotList = z.object({ items: z.array(Slot) });
export const SlotsQuery = z.object({ groupId: Id.optional(), teacherId: Id.optional(), roomId: Id.optional() });
export const SlotParams = EstablishmentParams.extend({ slotId: Id });
export const ExceptionParams = SlotParams.extend({ date: IsoDate });

/** How one occurrence differs: cancelled, another room, a replacement teacher, a note. */
export const LessonException = z
  .object({
    cancelled: z.boolean().default(false),
    roomId: Id.nullable().optional(),
    teacherId: Id.nullable().optional(),
    note: z.string().trim().max(300).nullable().optional(),
  })
  .refine((e) => e.cancelled || e.roomId || e.teacherId || e.note, { message: 'nothing changes', path: ['cancelled'] });
export type LessonException = z.infer<typeof LessonException>;

export const NewRoom = z.object({ code: z.string().trim().min(1).max(30), name: z.string().trim().min(1).max(100) });
export const RoomList = z.object({ items: z.array(RoomRef) });

export const SchoolCalendar = z.object({
  zone: HolidayZone,
  yearStart: IsoDate,
  yearEnd: IsoDate,
  /** A Monday of a week A; null: no alternation. */
  weekAReference: IsoDate.nullable(),
  holidays: z.array(Holiday),
});
export type SchoolCalendar = z.infer<typeof SchoolCalendar>;
export const CalendarSettings = z.object({
  zone: HolidayZone,
  yearStart: IsoDate,
  yearEnd: IsoDate,
  weekAReference: IsoDate.nullable(),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;
export const NewHoliday = z.object({ name: z.string().trim().min(1).max(100), from: IsoDate, to: IsoDate });
export const HolidayParams = EstablishmentParams.extend({ holidayId: Id });

export const TimetableImportQuery = z.object({
  source: z.enum(['sts', 'csv']),
  /** Without it the import is a dry run: the report, nothing changed. */
  apply: z.enum(['true', 'false']).default('false'),
});
export const TimetableImportReport = z.object({
  source: z.enum(['sts', 'csv']),
  applied: z.boolean(),
  slots: z.number(),
  replaced: z.number(),
  rooms: z.number(),
  rejected: z.array(z.object({ line: z.number().nullable(), reason: z.string(), detail: z.string() })),
});
export type TimetableImportReport = z.infer<typeof TimetableImportReport>;

export const CalendarFeed = z.object({ url: z.string() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;
