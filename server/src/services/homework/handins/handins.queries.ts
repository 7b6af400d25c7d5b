import type { Handin, HandinReturn } from '@preau/contracts';
import type { Db } from '../../../kernel/db/database.js';
import { notFound } from '../../../kernel/errors/app-error.js';

export interface HomeworkForHandin {
  id: string;
  group_id: string;
  subject_id: string;
  subject: string;
  due_on: string;
  hand_in: string;
  targeted: number;
  publish_at: string;
}

/** A published homework item of this establishment (prepared ones do not exist for hand-ins yet). */
export async function loadHomework(db: Db, establishmentId: string, homeworkId: string, now: Date): Promise<HomeworkForHandin> {
  const item = await db
    .selectFrom('homework_items as h')
    .innerJoin('subjects as s', 's.id', 'h.subject_id')
    .select(['h.id', 'h.group_id', 'h.subject_id', 's.name as subject', 'h.due_on', 'h.hand_in', 'h.targeted', 'h.publish_at'])
    .where('h.id', '=', homeworkId)
    .where('h.establishment_id', '=', establishmentId)
    .executeTakeFirst();
  if (!item || item.publish_at > now.toISOString()) throw notFound('homework.homework_not_found');
  return item;
}

/** The students the item is for: its individual targets, or every student of the group. */
export function concernedStudents(db: Db, item: HomeworkForHandin) {
  return item.targeted === 1
    ? db.selectFrom('homework_targets').select('student_id').where('homework_id', '=', item.id)
    : db.selectFrom('group_members').select('person_id as student_id').where('group_id', '=', item.group_id).where('role', '=', 'student');
}

export async function isConcerned(db: Db, item: HomeworkForHandin, studentId: string): Promise<boolean> {
  const row = await db.selectFrom(concernedStudents(db, item).as('c')).select('c.student_id').where('c.student_id', '=', studentId).executeTakeFirst();
  return row !== undefined;
}

function toReturn(r: { id: string; student_id: string | null; comment: string; file_name: string | null; media_type: string | null; size: number | null; returned_at: string }): HandinReturn {
  return {
    id: r.id,
    studentId: r.student_id,
    comment: r.comment,
    file: r.file_name ? { name: r.file_name, mediaType: r.media_type ?? 'application/octet-stream', size: Number(r.size ?? 0) } : null,
    returnedAt: r.returned_at,
  };
}

/**
 * The hand-ins of these students (all of them when `studentIds` is null), with their files and
 * their individual corrections: three set-wise statements, whatever the class size.
 */
export async function handinsOf(db: Db, item: HomeworkForHandin, studentIds: string[] | null): Promise<{ handins: Handin[]; commonReturns: HandinReturn[] }> {
  let students = db
    .selectFrom('people as p')
    .leftJoin('homework_handins as h', (j) => j.onRef('h.student_id', '=', 'p.id').on('h.homework_id', '=', item.id))
    .select(['p.id', 'p.first_name', 'p.last_name', 'h.id as handin_id', 'h.text', 'h.handed_in_at', 'h.late'])
    .where('p.id', 'in', concernedStudents(db, item))
    .orderBy('p.sort_key');
  if (studentIds) students = students.where('p.id', 'in', studentIds.length > 0 ? studentIds : ['']);
  const rows = await students.execute();
  const handinIds = rows.flatMap((r) => (r.handin_id ? [r.handin_id] : []));
  const [files, returns] = await Promise.all([
    handinIds.length === 0
      ? []
      : db.selectFrom('homework_handin_files').select(['id', 'handin_id', 'name', 'media_type', 'size']).where('handin_id', 'in', handinIds).orderBy('position').execute(),
    db
      .selectFrom('homework_returns')
      .select(['id', 'student_id', 'comment', 'file_name', 'media_type', 'size', 'returned_at'])
      .where('homework_id', '=', item.id)
      .orderBy('returned_at')
      .execute(),
  ]);
  const common = returns.filter((r) => r.student_id === null).map(toReturn);
  return {
    commonReturns: common,
    handins: rows.map((r) => ({
      studentId: r.id,
      studentName: `${r.last_name} ${r.first_name}`,
      handedIn: r.handin_id !== null,
      handedInAt: r.handed_in_at ?? null,
      late: Number(r.late ?? 0) === 1,
      text: r.text ?? null,
      files: files.filter((f) => f.handin_id === r.handin_id).map((f) => ({ id: f.id, name: f.name, mediaType: f.media_type, size: Number(f.size) })),
      // What the student sees: the common correction and their own.
      returns: [...common, ...returns.filter((x) => x.student_id === r.id).map(toReturn)],
    })),
  };
}
