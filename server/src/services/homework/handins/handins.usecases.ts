import type { HandinList, MyHandin, NewReturn } from '@preau/contracts';
import { zipSync } from 'fflate';
import { type Actor, holdsProfile } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import { emitEvent } from '../../../kernel/events/index.js';
import { AppError, badRequest, forbidden, notFound } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { blobStore } from '../../messaging/index.js';
import { parisToday } from '../../timetable/index.js';
import { groupAccess, requireWriter } from '../homework.access.js';
import { homeworkAudience } from '../textbook/textbook.queries.js';
import { handinsOf, isConcerned, loadHomework } from './handins.queries.js';

export const MAX_HANDIN_FILES = 5;
export interface UploadedFile {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

export function cleanName(name: string): string {
  // Path separators and control characters never reach a download header or a ZIP path.
  const base = [...name.replace(/[\\/:]/g, '_')].filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127).join('').trim();
  return (base || 'document').slice(0, 200);
}
const mediaTypeOf = (mimetype: string) => (/^[\w.+-]+\/[\w.+-]+$/.test(mimetype) ? mimetype : 'application/octet-stream');

/**
 * A student hands in (or replaces) their work: text and/or up to five files. Only the students the
 * item is for; after the due date a first hand-in is accepted and flagged late, but an existing one
 * can no longer be replaced; once the teacher returned a correction (common or theirs), neither.
 */
export async function handIn(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string, work: { text: string | null; files: UploadedFile[] }): Promise<MyHandin> {
  const now = ctx.clock.now();
  const item = await loadHomework(ctx.db, establishmentId, homeworkId, now);
  if (!holdsProfile(actor, establishmentId, 'student')) throw forbidden('homework.not_target');
  if (!(await isConcerned(ctx.db, item, actor.personId))) throw forbidden('homework.not_target');
  if (item.hand_in !== 'online') throw new AppError('homework.not_handed_online', 409);
  const text = work.text?.trim() || null;
  if (!text && work.files.length === 0) throw badRequest('homework.handin_empty');
  if (work.files.length > MAX_HANDIN_FILES) throw badRequest('homework.too_many_files');
  const late = parisToday(now) > item.due_on;
  const [existing, returned] = await Promise.all([
    ctx.db.selectFrom('homework_handins').select('id').where('homework_id', '=', homeworkId).where('student_id', '=', actor.personId).executeTakeFirst(),
    ctx.db
      .selectFrom('homework_returns')
      .select('id')
      .where('homework_id', '=', homeworkId)
      .where((eb) => eb.or([eb('student_id', 'is', null), eb('student_id', '=', actor.personId)]))
      .executeTakeFirst(),
  ]);
  if (returned || (existing && late)) throw new AppError('homework.handin_locked', 409);
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) {
      const old = await trx.selectFrom('homework_handin_files').select('blob_id').where('handin_id', '=', existing.id).execute();
      await trx.deleteFrom('homework_handins').where('id', '=', existing.id).execute();
      await blobStore.remove(trx, old.map((f) => f.blob_id));
    }
    const handinId = newId(now.getTime());
    await trx.insertInto('homework_handins').values({ id: handinId, homework_id: homeworkId, student_id: actor.personId, text, handed_in_at: now.toISOString(), late: late ? 1 : 0 }).execute();
    let position = 0;
    for (const file of work.files) {
      const blobId = await blobStore.put(trx, file.bytes, now);
      await trx
        .insertInto('homework_handin_files')
        .values({ id: newId(now.getTime()), handin_id: handinId, name: cleanName(file.filename), media_type: mediaTypeOf(file.mimetype), size: file.bytes.byteLength, blob_id: blobId, position: position++ })
        .execute();
    }
  });
  return myHandin(ctx, actor, establishmentId, homeworkId, actor.personId);
}

/** A student's own hand-in, or a relative's view of their child's (status, files, corrections). */
export async function myHandin(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string, studentId?: string): Promise<MyHandin> {
  const now = ctx.clock.now();
  const item = await loadHomework(ctx.db, establishmentId, homeworkId, now);
  const access = await groupAccess(ctx.db, actor, establishmentId, item.group_id);
  const student = studentId ?? actor.personId;
  if (!access.audience.includes(student)) throw forbidden('homework.not_visible');
  const { handins } = await handinsOf(ctx.db, item, [student]);
  const own = handins[0];
  // Individual work of another student: the child is not concerned, so there is nothing to show.
  if (!own) throw notFound('homework.homework_not_found');
  const late = parisToday(now) > item.due_on;
  const canHandIn = student === actor.personId && item.hand_in === 'online' && own.returns.length === 0 && !(own.handedIn && late);
  return { ...own, dueOn: item.due_on, canHandIn };
}

/** Every concerned student with their hand-in, for the teachers of the class, the head and inspectors. */
export async function listHandins(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string): Promise<HandinList> {
  const item = await loadHomework(ctx.db, establishmentId, homeworkId, ctx.clock.now());
  const access = await groupAccess(ctx.db, actor, establishmentId, item.group_id);
  if (!access.staffView) throw forbidden('homework.not_visible');
  const { handins, commonReturns } = await handinsOf(ctx.db, item, null);
  return { homeworkId, dueOn: item.due_on, handins, commonReturns };
}

/** All hand-ins in one ZIP: a folder per student ("Nom Prénom"), their files and their text. */
export async function handinsZip(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string): Promise<{ name: string; bytes: Uint8Array }> {
  const item = await loadHomework(ctx.db, establishmentId, homeworkId, ctx.clock.now());
  const access = await groupAccess(ctx.db, actor, establishmentId, item.group_id);
  if (!access.staffView) throw forbidden('homework.not_visible');
  const rows = await ctx.db
    .selectFrom('homework_handins as h')
    .innerJoin('people as p', 'p.id', 'h.student_id')
    .leftJoin('homework_handin_files as f', 'f.handin_id', 'h.id')
    .leftJoin('stored_blobs as b', 'b.id', 'f.blob_id')
    .select(['h.student_id', 'p.first_name', 'p.last_name', 'h.text', 'h.late', 'f.name', 'b.bytes'])
    .where('h.homework_id', '=', homeworkId)
    .orderBy('p.sort_key')
    .orderBy('f.position')
    .execute();
  const folders = new Map<string, string>();
  const entries: Record<string, Uint8Array> = {};
  for (const row of rows) {
    let folder = folders.get(row.student_id);
    if (!folder) {
      const name = cleanName(`${row.last_name} ${row.first_name}${Number(row.late) === 1 ? ' (en retard)' : ''}`);
      // Two students with the same name never share a folder.
      folder = [...folders.values()].includes(name) ? `${name} ${row.student_id}` : name;
      folders.set(row.student_id, folder);
      if (row.text) entries[`${folder}/texte.txt`] = new TextEncoder().encode(row.text);
    }
    if (row.name && row.bytes) {
      let path = `${folder}/${row.name}`;
      for (let n = 2; entries[path]; n++) path = `${folder}/${n}-${row.name}`;
      entries[path] = new Uint8Array(row.bytes);
    }
  }
  return { name: cleanName(`copies-${item.subject}-${item.due_on}.zip`), bytes: zipSync(entries, { level: 6 }) };
}

/**
 * A teacher of the subject returns a correction with a comment (and optionally a file), for one
 * student or for everyone (studentId null). Returning again for the same student (or the common
 * one) replaces it. The students concerned and their relatives are notified in the same transaction.
 */
export async function returnCorrection(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string, body: NewReturn, file: UploadedFile | null) {
  const now = ctx.clock.now();
  const item = await loadHomework(ctx.db, establishmentId, homeworkId, now);
  await requireWriter(ctx.db, actor, establishmentId, item.group_id, item.subject_id);
  if (!body.comment && !file) throw badRequest('validation.failed', [{ field: 'body.comment', issue: 'required' }]);
  if (body.studentId) {
    if (!(await isConcerned(ctx.db, item, body.studentId))) throw badRequest('homework.invalid_students');
  }
  const id = newId(now.getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('homework_returns')
      .select(['id', 'blob_id'])
      .where('homework_id', '=', homeworkId)
      .where('student_id', body.studentId ? '=' : 'is', body.studentId)
      .execute();
    if (previous.length > 0) {
      await trx.deleteFrom('homework_returns').where('id', 'in', previous.map((p) => p.id)).execute();
      await blobStore.remove(trx, previous.flatMap((p) => (p.blob_id ? [p.blob_id] : [])));
    }
    const blobId = file ? await blobStore.put(trx, file.bytes, now) : null;
    await trx
      .insertInto('homework_returns')
      .values({
        id,
        homework_id: homeworkId,
        student_id: body.studentId,
        comment: body.comment,
        file_name: file ? cleanName(file.filename) : null,
        media_type: file ? mediaTypeOf(file.mimetype) : null,
        size: file ? file.bytes.byteLength : null,
        blob_id: blobId,
        returned_by: actor.personId,
        returned_at: now.toISOString(),
      })
      .execute();
    const recipients = body.studentId
      ? [body.studentId, ...(await trx.selectFrom('relatives').select('relative_id').where('student_id', '=', body.studentId).execute()).map((r) => r.relative_id)]
      : await homeworkAudience(trx, item.id, item.group_id, item.targeted === 1);
    await emitEvent(
      trx,
      {
        type: 'homework.handin_returned',
        establishmentId,
        actorId: actor.personId,
        recipientIds: recipients,
        resource: { kind: 'homework', id: homeworkId },
        summary: { subject: item.subject, dueDate: item.due_on },
      },
      ctx.clock,
    );
  });
  return listHandins(ctx, actor, establishmentId, homeworkId);
}

/** A handed-in file: for its student (and their relatives) and the staff of the class. */
export async function readHandinFile(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string, fileId: string) {
  const item = await loadHomework(ctx.db, establishmentId, homeworkId, ctx.clock.now());
  const row = await ctx.db
    .selectFrom('homework_handin_files as f')
    .innerJoin('homework_handins as h', 'h.id', 'f.handin_id')
    .innerJoin('stored_blobs as b', 'b.id', 'f.blob_id')
    .select(['f.name', 'f.media_type', 'b.bytes', 'h.student_id'])
    .where('f.id', '=', fileId)
    .where('h.homework_id', '=', homeworkId)
    .executeTakeFirst();
  if (!row) throw notFound('homework.file_not_found');
  const access = await groupAccess(ctx.db, actor, establishmentId, item.group_id);
  if (!access.staffView && !access.audience.includes(row.student_id)) throw notFound('homework.file_not_found');
  return { name: row.name, mediaType: row.media_type, bytes: Buffer.from(row.bytes) };
}

/** A correction's file: the common one for every concerned reader, an individual one for its student only. */
export async function readReturnFile(ctx: AppContext, actor: Actor, establishmentId: string, homeworkId: string, returnId: string) {
  const item = await loadHomework(ctx.db, establishmentId, homeworkId, ctx.clock.now());
  const row = await ctx.db
    .selectFrom('homework_returns as r')
    .innerJoin('stored_blobs as b', 'b.id', 'r.blob_id')
    .select(['r.file_name', 'r.media_type', 'b.bytes', 'r.student_id'])
    .where('r.id', '=', returnId)
    .where('r.homework_id', '=', homeworkId)
    .executeTakeFirst();
  if (!row) throw notFound('homework.file_not_found');
  const access = await groupAccess(ctx.db, actor, establishmentId, item.group_id);
  // The common correction: for the readers whose own (or child's) work this item is, not every classmate.
  const visible = access.staffView || (row.student_id ? access.audience.includes(row.student_id) : (await Promise.all(access.audience.map((s) => isConcerned(ctx.db, item, s)))).some(Boolean));
  if (!visible) throw notFound('homework.file_not_found');
  return { name: row.file_name ?? 'correction', mediaType: row.media_type ?? 'application/octet-stream', bytes: Buffer.from(row.bytes) };
}
