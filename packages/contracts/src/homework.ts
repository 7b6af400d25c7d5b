import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { IsoDate, LocalTime } from './timetable.js';

const Id = z.string().min(1).max(64);
const Ref = z.object({ id: z.string(), name: z.string() });

export const HOMEWORK_KINDS = ['exercise', 'lesson', 'test', 'reading', 'research', 'other'] as const;
export const HomeworkKind = z.enum(HOMEWORK_KINDS);
export type HomeworkKind = z.infer<typeof HomeworkKind>;

export const HAND_IN_MODES = ['none', 'paper', 'online'] as const;
export const HandIn = z.enum(HAND_IN_MODES);
export type HandIn = z.infer<typeof HandIn>;

/** Rich text as the editor sends it; sanitised on the server before it is stored. */
const RichText = z.string().max(20_000);

export const NewHomework = z.object({
  /** Present when editing an entry: keeps the item (and the students' done marks). */
  id: Id.optional(),
  kind: HomeworkKind,
  instructionsHtml: RichText.refine((s) => s.trim().length > 0, 'empty'),
  /** Default: the next lesson of this subject for this group after the session. */
  dueOn: IsoDate.optional(),
  estimatedMinutes: z.number().int().min(1).max(600).nullable().optional(),
  handIn: HandIn.default('none'),
  /** Individualised work: only these students of the group (empty or absent: the whole group). */
  studentIds: z.array(Id).max(200).optional(),
});
export type NewHomework = z.infer<typeof NewHomework>;

export const NewLink = z.object({
  name: z.string().trim().min(1).max(200),
  url: z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), 'http or https only'),
});

export const NewEntry = z.object({
  groupId: Id,
  subjectId: Id,
  /** The timetable slot of the session, or none (a free date). */
  slotId: Id.nullable().optional(),
  date: IsoDate,
  start: LocalTime.nullable().optional(),
  end: LocalTime.nullable().optional(),
  title: z.string().trim().min(1).max(200),
  contentHtml: RichText.default(''),
  /** Prepared in advance: readers see the entry (and are notified) from then on. Default: now. */
  publishAt: z.string().datetime({ offset: true }).nullable().optional(),
  links: z.array(NewLink).max(20).default([]),
  homework: z.array(NewHomework).max(20).default([]),
});
export type NewEntry = z.infer<typeof NewEntry>;

export const EntryParams = EstablishmentParams.extend({ entryId: Id });
export const HomeworkParams = EstablishmentParams.extend({ homeworkId: Id });
export const FileParams = EstablishmentParams.extend({ fileId: Id });

export const HomeworkItem = z.object({
  id: z.string(),
  entryId: z.string(),
  group: Ref,
  subject: Ref,
  kind: HomeworkKind,
  instructionsHtml: z.string(),
  setOn: IsoDate,
  dueOn: IsoDate,
  estimatedMinutes: z.number().nullable(),
  handIn: HandIn,
  /** Null for the whole group; the targeted students for staff and teachers, the visible ones otherwise. */
  students: z.array(z.object({ id: z.string(), displayName: z.string() })).nullable(),
});
export type HomeworkItem = z.infer<typeof HomeworkItem>;

export const Attachment = z.object({
  id: z.string(),
  kind: z.enum(['link', 'file']),
  name: z.string(),
  url: z.string().nullable(),
  mediaType: z.string().nullable(),
  size: z.number().nullable(),
});

export const Entry = z.object({
  id: z.string(),
  group: Ref,
  subject: Ref,
  /** Null when the author's account no longer exists. */
  author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  slotId: z.string().nullable(),
  date: IsoDate,
  start: z.string().nullable(),
  end: z.string().nullable(),
  title: z.string(),
  contentHtml: z.string(),
  publishAt: z.string(),
  published: z.boolean(),
  /** Covered by a visa of the head: no longer editable. */
  visaed: z.boolean(),
  attachments: z.array(Attachment),
  homework: z.array(HomeworkItem),
  canEdit: z.boolean(),
});
export type Entry = z.infer<typeof Entry>;

export const Visa = z.object({
  id: z.string(),
  group: Ref,
  subject: Ref.nullable(),
  date: IsoDate,
  comment: z.string(),
  by: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  at: z.string(),
});
export type Visa = z.infer<typeof Visa>;

export const TextbookQuery = z.object({
  groupId: Id,
  subjectId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const Textbook = z.object({
  group: Ref,
  subjects: z.array(Ref),
  entries: z.array(Entry),
  visas: z.array(Visa),
  canWriteSubjects: z.array(z.string()),
  canVisa: z.boolean(),
});
export type Textbook = z.infer<typeof Textbook>;

/** Classes and groups whose cahier de textes the viewer may open, with the subjects they may fill. */
export const TextbookGroups = z.object({
  items: z.array(Ref.extend({ kind: z.string(), writableSubjects: z.array(Ref) })),
});
export type TextbookGroups = z.infer<typeof TextbookGroups>;

export const EntryResult = z.object({
  entry: Entry,
  /** Days that already had two tests for some students of the group when a third one is set. */
  warnings: z.array(z.object({ code: z.literal('homework.busy_day'), date: IsoDate, tests: z.number() })),
});
export type EntryResult = z.infer<typeof EntryResult>;

export const NewVisa = z.object({
  groupId: Id,
  subjectId: Id.nullable().optional(),
  date: IsoDate,
  comment: z.string().trim().max(2000).default(''),
});

export const CopySequence = z.object({
  fromGroupId: Id,
  subjectId: Id,
  from: IsoDate,
  to: IsoDate,
  toGroupId: Id,
  /** The date the first copied session moves to; every date shifts by the same number of days. */
  toDate: IsoDate,
});
export const CopyResult = z.object({ entries: z.number(), homework: z.number() });

export const WorkloadQuery = z.object({ groupId: Id, from: IsoDate, to: IsoDate });
export const Workload = z.object({
  group: Ref,
  days: z.array(z.object({ date: IsoDate, count: z.number(), minutes: z.number(), tests: z.number() })),
  weeks: z.array(z.object({ monday: IsoDate, count: z.number(), minutes: z.number(), tests: z.number() })),
});
export type Workload = z.infer<typeof Workload>;

export const AgendaQuery = z.object({
  /** The student (themselves, or a relative's child). */
  studentId: Id,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const AgendaItem = HomeworkItem.extend({
  /** Only the student sees their own marks; null for everyone else. */
  done: z.boolean().nullable(),
  overdue: z.boolean(),
  entryTitle: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;
export const Agenda = z.object({
  student: z.object({ id: z.string(), displayName: z.string() }),
  from: IsoDate,
  to: IsoDate,
  items: z.array(AgendaItem),
  overdue: z.array(AgendaItem),
  canMarkDone: z.boolean(),
});
export type Agenda = z.infer<typeof Agenda>;
export const DoneBody = z.object({ done: z.boolean() });

export const NextLessonQuery = z.object({ groupId: Id, subjectId: Id, after: IsoDate });
export const NextLesson = z.object({ date: IsoDate.nullable(), start: LocalTime.nullable() });
export type NextLesson = z.infer<typeof NextLesson>;
