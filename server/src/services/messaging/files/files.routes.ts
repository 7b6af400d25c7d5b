import { MessageAttachment, MessageFileParams } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../kernel/auth/guard.js';
import type { AppContext } from '../../../kernel/context.js';
import { AppError, badRequest, notFound } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { ATTACHMENT_QUOTA_BYTES, MAX_ATTACHMENT_BYTES } from '../messaging.policy.js';
import { DELETED } from '../mailbox/mailbox.queries.js';
import { blobStore } from './blob-store.js';
import { usedBytes } from './files.queries.js';

/** A name safe in a Content-Disposition header and on any file system. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return cleaned || 'fichier';
}

export function filesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/messaging/establishments/:establishmentId/files';

    /** Upload one attachment (multipart, one file): it counts towards the uploader's quota. */
    app.post(base, { config: { right: 'messaging.use' }, schema: { tags: ['messaging'], params: z.object({ establishmentId: z.string().min(1).max(64) }), response: { 201: MessageAttachment } } }, async (request, reply) => {
      const actor = requireActor(request);
      const { establishmentId } = request.params;
      if (!request.isMultipart()) throw badRequest('validation.failed', [{ field: 'body.file', issue: 'required' }]);
      const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!part) throw badRequest('validation.failed', [{ field: 'body.file', issue: 'required' }]);
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('messaging.file_too_large', 413);
        throw error;
      }
      if (part.file.truncated) throw new AppError('messaging.file_too_large', 413);
      if ((await usedBytes(ctx.db, actor.personId)) + bytes.byteLength > ATTACHMENT_QUOTA_BYTES) throw new AppError('messaging.quota_exceeded', 413);
      const now = ctx.clock.now();
      const id = newId(now.getTime());
      const name = cleanName(part.filename);
      const mediaType = /^[\w.+-]+\/[\w.+-]+$/.test(part.mimetype) ? part.mimetype : 'application/octet-stream';
      await ctx.db.transaction().execute(async (trx) => {
        const blobId = await blobStore.put(trx, bytes, now);
        await trx
          .insertInto('message_files')
          .values({ id, establishment_id: establishmentId, owner_id: actor.personId, name, media_type: mediaType, size: bytes.byteLength, blob_id: blobId, created_at: now.toISOString() })
          .execute();
      });
      return reply.status(201).send({ id, name, mediaType, size: bytes.byteLength });
    });

    /** Download: for its uploader, or anyone holding a message it is attached to. Always as a download. */
    app.get(`${base}/:fileId`, { config: { right: 'messaging.use' }, schema: { tags: ['messaging'], params: MessageFileParams } }, async (request, reply) => {
      const actor = requireActor(request);
      const { establishmentId, fileId } = request.params;
      const file = await ctx.db
        .selectFrom('message_files as f')
        .select(['f.name', 'f.media_type', 'f.blob_id'])
        .where('f.id', '=', fileId)
        .where('f.establishment_id', '=', establishmentId)
        .where((eb) =>
          eb.or([
            eb('f.owner_id', '=', actor.personId),
            eb.exists(
              eb
                .selectFrom('message_attachments as ma')
                .innerJoin('mailbox_items as mi', 'mi.message_id', 'ma.message_id')
                .select('ma.file_id')
                .whereRef('ma.file_id', '=', 'f.id')
                .where('mi.person_id', '=', actor.personId)
                .where('mi.trashed', '!=', DELETED),
            ),
          ]),
        )
        .executeTakeFirst();
      const bytes = file ? await blobStore.get(ctx.db, file.blob_id) : undefined;
      if (!file || !bytes) throw notFound('messaging.file_not_found');
      const ascii = file.name.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', file.media_type)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    });
  };
}
