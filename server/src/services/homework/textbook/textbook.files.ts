import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import { AppError, notFound } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { groupAccess, requireWriter } from '../homework.access.js';
import { visaDateFor } from './textbook.queries.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

function cleanName(name: string): string {
  // Path separators and control characters never reach a download header.
  const base = [...name.replace(/[\\/]/g, '_')].filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127).join('').trim();
  return (base || 'document').slice(0, 200);
}

/** A document attached to a session by one of its teachers (10 MB at most), stored with the other blobs. */
export async function attachFile(ctx: AppContext, actor: Actor, establishmentId: string, entryId: string, file: { filename: string; mimetype: string; bytes: Buffer }) {
  const entry = await ctx.db.selectFrom('textbook_entries').select(['id', 'group_id', 'subject_id', 'date']).where('id', '=', entryId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!entry) throw notFound('homework.entry_not_found');
  await requireWriter(ctx.db, actor, establishmentId, entry.group_id, entry.subject_id);
  const visa = await visaDateFor(ctx.db, entry.group_id, entry.subject_id);
  if (visa && entry.date <= visa) throw new AppError('homework.entry_visaed', 409);
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  const blobId = newId(now.getTime());
  const mediaType = /^[\w.+-]+\/[\w.+-]+$/.test(file.mimetype) ? file.mimetype : 'application/octet-stream';
  const name = cleanName(file.filename);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('stored_blobs').values({ id: blobId, bytes: file.bytes, size: file.bytes.byteLength, created_at: now.toISOString() }).execute();
    const last = await trx.selectFrom('textbook_attachments').select((eb) => eb.fn.max('position').as('p')).where('entry_id', '=', entryId).executeTakeFirst();
    await trx
      .insertInto('textbook_attachments')
      .values({ id, entry_id: entryId, kind: 'file', name, url: null, media_type: mediaType, size: file.bytes.byteLength, blob_id: blobId, position: Number(last?.p ?? -1) + 1, created_at: now.toISOString() })
      .execute();
  });
  return { id, kind: 'file' as const, name, url: null, mediaType, size: file.bytes.byteLength };
}

/** A session's document, for whoever reads that session (published, or prepared by a teacher who may see it). */
export async function readFile(ctx: AppContext, actor: Actor, establishmentId: string, fileId: string) {
  const row = await ctx.db
    .selectFrom('textbook_attachments as a')
    .innerJoin('textbook_entries as e', 'e.id', 'a.entry_id')
    .innerJoin('stored_blobs as b', 'b.id', 'a.blob_id')
    .select(['a.name', 'a.media_type', 'b.bytes', 'e.group_id', 'e.subject_id', 'e.publish_at'])
    .where('a.id', '=', fileId)
    .where('e.establishment_id', '=', establishmentId)
    .executeTakeFirst();
  if (!row) throw notFound('homework.file_not_found');
  const access = await groupAccess(ctx.db, actor, establishmentId, row.group_id);
  if (row.publish_at > ctx.clock.now().toISOString() && !access.writableSubjects.includes(row.subject_id)) throw notFound('homework.file_not_found');
  return { name: row.name, mediaType: row.media_type ?? 'application/octet-stream', bytes: Buffer.from(row.bytes) };
}

export async function removeFile(ctx: AppContext, actor: Actor, establishmentId: string, fileId: string) {
  const row = await ctx.db
    .selectFrom('textbook_attachments as a')
    .innerJoin('textbook_entries as e', 'e.id', 'a.entry_id')
    .select(['a.id', 'a.blob_id', 'e.group_id', 'e.subject_id', 'e.date'])
    .where('a.id', '=', fileId)
    .where('a.kind', '=', 'file')
    .where('e.establishment_id', '=', establishmentId)
    .executeTakeFirst();
  if (!row) throw notFound('homework.file_not_found');
  await requireWriter(ctx.db, actor, establishmentId, row.group_id, row.subject_id);
  const visa = await visaDateFor(ctx.db, row.group_id, row.subject_id);
  if (visa && row.date <= visa) throw new AppError('homework.entry_visaed', 409);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('textbook_attachments').where('id', '=', fileId).execute();
    if (row.blob_id) await trx.deleteFrom('stored_blobs').where('id', '=', row.blob_id).execute();
  });
}
