import { z } from 'zod';
import { EstablishmentParams } from './directory.js';

const Id = z.string().min(1).max(64);

export const HandinParams = EstablishmentParams.extend({ homeworkId: Id });
export const HandinFileParams = HandinParams.extend({ fileId: Id });
export const HandinStudentQuery = z.object({ studentId: Id.optional() });

export const HandinFile = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int() });
export type HandinFile = z.infer<typeof HandinFile>;

export const HandinReturn = z.object({
  id: z.string(),
  /** Null: the common correction, for every student of the item. */
  studentId: z.string().nullable(),
  comment: z.string(),
  file: z.object({ name: z.string(), mediaType: z.string(), size: z.number().int() }).nullable(),
  returnedAt: z.string(),
});
export type HandinReturn = z.infer<typeof HandinReturn>;

export const Handin = z.object({
  studentId: z.string(),
  studentName: z.string(),
  handedIn: z.boolean(),
  handedInAt: z.string().nullable(),
  late: z.boolean(),
  text: z.string().nullable(),
  files: z.array(HandinFile),
  returns: z.array(HandinReturn),
});
export type Handin = z.infer<typeof Handin>;

/** The student's (or, for a relative, the child's) own hand-in, and whether it may still change. */
export const MyHandin = Handin.extend({ dueOn: z.string(), canHandIn: z.boolean() });
export type MyHandin = z.infer<typeof MyHandin>;

export const HandinList = z.object({ homeworkId: z.string(), dueOn: z.string(), handins: z.array(Handin), commonReturns: z.array(HandinReturn) });
export type HandinList = z.infer<typeof HandinList>;

/** Fields of the multipart return form: the student it is for (none: common) and the comment. */
export const NewReturn = z.object({ studentId: Id.nullable().default(null), comment: z.string().trim().max(5000) });
export type NewReturn = z.infer<typeof NewReturn>;

export const ArchiveYearParams = EstablishmentParams.extend({ schoolYear: z.coerce.number().int().min(2000).max(2100) });
export const ArchiveGroupParams = ArchiveYearParams.extend({ groupId: Id });
/** raw=1: an uncompressed PDF (for checking its text). */
export const ArchivePdfQuery = z.object({ raw: z.enum(['0', '1']).optional() });
export const NewArchive = z.object({ schoolYear: z.number().int().min(2000).max(2100) });

export const ArchiveSummary = z.object({
  schoolYear: z.number().int(),
  createdAt: z.string(),
  expiresOn: z.string(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), sessions: z.number().int() })),
});
export type ArchiveSummary = z.infer<typeof ArchiveSummary>;
export const ArchiveList = z.object({ archives: z.array(ArchiveSummary) });

export const ArchivedSession = z.object({
  date: z.string(),
  subject: z.string(),
  teacher: z.string().nullable(),
  title: z.string(),
  content: z.string(),
  homework: z.array(z.object({ kind: z.string(), dueOn: z.string(), instructions: z.string() })),
});
export const ArchivedGroup = z.object({
  schoolYear: z.number().int(),
  group: z.object({ id: z.string(), name: z.string() }),
  sessions: z.array(ArchivedSession),
  visas: z.array(z.object({ date: z.string(), subject: z.string().nullable(), comment: z.string(), by: z.string().nullable() })),
});
export type ArchivedGroup = z.infer<typeof ArchivedGroup>;
