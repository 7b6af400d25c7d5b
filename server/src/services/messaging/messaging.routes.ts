import {
  EstablishmentParams,
  FolderCount,
  FolderInput,
  FolderParams,
  Mailbox,
  MessageInput,
  MessageParams,
  MessagesPage,
  MessagesQuery,
  MoveInput,
  ReadInput,
  Receipts,
  ReceiptsQuery,
  RecipientsQuery,
  RecipientsResult,
  Thread,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { localeOf } from '../../kernel/errors/locale.js';
import { reachOfActor, reachableGroups, reachablePeople } from '../communication/index.js';
import { saveMessage } from './compose.js';
import {
  createFolder,
  deleteFolder,
  deleteMessage,
  emptyTrash,
  listMessages,
  mailboxOverview,
  moveMessage,
  openConversation,
  openThread,
  receiptsOf,
  renameFolder,
  setRead,
} from './mailbox/mailbox.usecases.js';

const Saved = z.object({ id: z.string(), conversationId: z.string(), state: z.enum(['draft', 'sent']), recipientCount: z.number().int() });
const use = { right: 'messaging.use' as const };
const tags = ['messaging'];

export function messagingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/messaging/establishments/:establishmentId';

    app.get(`${base}/mailbox`, { config: use, schema: { tags, params: EstablishmentParams, response: { 200: Mailbox } } }, async (request) =>
      mailboxOverview(ctx, requireActor(request), request.params.establishmentId),
    );

    /** The recipient picker: only the people, classes and groups the communication rules open. */
    app.get(`${base}/recipients`, { config: use, schema: { tags, params: EstablishmentParams, querystring: RecipientsQuery, response: { 200: RecipientsResult } } }, async (request) => {
      const actor = requireActor(request);
      const { establishmentId } = request.params;
      const { q, limit } = request.query;
      const reach = await reachOfActor(ctx.db, actor, establishmentId);
      const [people, groups] = await Promise.all([
        reachablePeople(ctx.db, actor.personId, establishmentId, reach, { q, limit }),
        reachableGroups(ctx.db, actor.personId, establishmentId, reach, q),
      ]);
      return { people: people.people, groups: groups.slice(0, limit) };
    });

    app.get(`${base}/messages`, { config: use, schema: { tags, params: EstablishmentParams, querystring: MessagesQuery, response: { 200: MessagesPage } } }, async (request) =>
      listMessages(ctx, requireActor(request), request.params.establishmentId, request.query, localeOf(request.headers['accept-language'])),
    );

    /** Send (or keep as a draft with `draft: true`). */
    app.post(`${base}/messages`, { config: use, schema: { tags, params: EstablishmentParams, body: MessageInput, response: { 201: Saved } } }, async (request, reply) =>
      reply.status(201).send(await saveMessage(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );

    app.get(`${base}/messages/:messageId`, { config: use, schema: { tags, params: MessageParams, response: { 200: Thread } } }, async (request) =>
      openThread(ctx, requireActor(request), request.params.establishmentId, request.params.messageId, localeOf(request.headers['accept-language'])),
    );

    app.get(
      `${base}/conversations/:conversationId`,
      { config: use, schema: { tags, params: EstablishmentParams.extend({ conversationId: z.string().min(1).max(64) }), response: { 200: Thread } } },
      async (request) => openConversation(ctx, requireActor(request), request.params.establishmentId, request.params.conversationId, localeOf(request.headers['accept-language'])),
    );

    /** Update a draft, or send it (`draft: false`). */
    app.put(`${base}/messages/:messageId`, { config: use, schema: { tags, params: MessageParams, body: MessageInput, response: { 200: Saved } } }, async (request) =>
      saveMessage(ctx, requireActor(request), request.params.establishmentId, request.body, request.params.messageId),
    );

    app.delete(`${base}/messages/:messageId`, { config: use, schema: { tags, params: MessageParams, response: { 200: z.object({ outcome: z.enum(['deleted', 'trashed']) }) } } }, async (request) => ({
      outcome: await deleteMessage(ctx, requireActor(request), request.params.establishmentId, request.params.messageId),
    }));

    app.post(`${base}/messages/:messageId/move`, { config: use, schema: { tags, params: MessageParams, body: MoveInput, response: { 204: z.null() } } }, async (request, reply) => {
      await moveMessage(ctx, requireActor(request), request.params.establishmentId, request.params.messageId, request.body.folder);
      return reply.status(204).send(null);
    });

    app.post(`${base}/messages/:messageId/read`, { config: use, schema: { tags, params: MessageParams, body: ReadInput, response: { 204: z.null() } } }, async (request, reply) => {
      await setRead(ctx, requireActor(request), request.params.establishmentId, request.params.messageId, request.body.read);
      return reply.status(204).send(null);
    });

    app.get(`${base}/messages/:messageId/receipts`, { config: use, schema: { tags, params: MessageParams, querystring: ReceiptsQuery, response: { 200: Receipts } } }, async (request) => {
      const { cursor, limit, unread } = request.query;
      return receiptsOf(ctx, requireActor(request), request.params.establishmentId, request.params.messageId, { cursor, limit, unread: unread === undefined ? undefined : unread === 'true' });
    });

    /** Deletes for good everything in the trash; the count of messages removed from it comes back. */
    app.post(`${base}/trash/empty`, { config: use, schema: { tags, params: EstablishmentParams, response: { 200: z.object({ removed: z.number().int() }) } } }, async (request) => ({
      removed: await emptyTrash(ctx, requireActor(request), request.params.establishmentId),
    }));

    app.post(`${base}/folders`, { config: use, schema: { tags, params: EstablishmentParams, body: FolderInput, response: { 201: FolderCount } } }, async (request, reply) =>
      reply.status(201).send(await createFolder(ctx, requireActor(request), request.params.establishmentId, request.body.name)),
    );

    app.patch(`${base}/folders/:folderId`, { config: use, schema: { tags, params: FolderParams, body: FolderInput, response: { 204: z.null() } } }, async (request, reply) => {
      await renameFolder(ctx, requireActor(request), request.params.establishmentId, request.params.folderId, request.body.name);
      return reply.status(204).send(null);
    });

    app.delete(`${base}/folders/:folderId`, { config: use, schema: { tags, params: FolderParams, response: { 204: z.null() } } }, async (request, reply) => {
      await deleteFolder(ctx, requireActor(request), request.params.establishmentId, request.params.folderId);
      return reply.status(204).send(null);
    });
  };
}
