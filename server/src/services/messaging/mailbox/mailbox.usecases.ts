import type { FolderCount, Mailbox, MessageSummary, MessageView, Receipts, Thread } from '@preau/contracts';
import { SYSTEM_FOLDERS } from '@preau/contracts';
import type { Actor } from '../../../kernel/auth/actor.js';
import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { AppError, notFound } from '../../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../../kernel/http/pagination.js';
import { newId } from '../../../kernel/ids.js';
import { displayName, fold } from '../../directory/index.js';
import { deleteOrphanFiles, usedBytes } from '../files/files.queries.js';
import { ATTACHMENT_QUOTA_BYTES } from '../messaging.policy.js';
import { type LabelLanguage, addressesOf } from './labels.js';
import { DELETED, attachmentsOf, findItem, folderCounts, folderOf, listFolder } from './mailbox.queries.js';

async function requireFolder(db: Db, personId: string, establishmentId: string, folder: string): Promise<void> {
  if ((SYSTEM_FOLDERS as readonly string[]).includes(folder)) return;
  const own = await db.selectFrom('message_folders').select('id').where('id', '=', folder).where('person_id', '=', personId).where('establishment_id', '=', establishmentId).executeTakeFirst();
  if (!own) throw notFound('messaging.folder_not_found');
}

export async function listMessages(
  ctx: AppContext,
  actor: Actor,
  establishmentId: string,
  query: { folder: string; q?: string; cursor?: string; limit: number },
  language: LabelLanguage,
): Promise<{ items: MessageSummary[]; nextCursor: string | null }> {
  await requireFolder(ctx.db, actor.personId, establishmentId, query.folder);
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const words = fold(query.q ?? '').split(' ').filter(Boolean);
  const rows = await listFolder(ctx.db, actor.personId, establishmentId, { folder: query.folder, words, after, limit: query.limit });
  const page = paginate(rows, query.limit, (r) => [r.sort_at, r.message_id]);
  const addresses = await addressesOf(ctx.db, page.items.map((r) => r.message_id), language);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.message_id,
      conversationId: r.conversation_id,
      subject: r.subject,
      preview: r.preview,
      from: { id: r.author_id, displayName: displayName(r.first_name, r.last_name) },
      to: (addresses.get(r.message_id) ?? []).filter((a) => a.kind !== 'bcc').map((a) => a.view.label),
      state: r.state as MessageSummary['state'],
      role: r.role as MessageSummary['role'],
      sentAt: r.sent_at,
      updatedAt: r.updated_at,
      read: r.role === 'author' || r.read_at !== null,
      hasAttachments: Boolean(Number(r.has_attachments)),
      noReply: r.no_reply === 1,
      recipientCount: r.recipient_count,
    })),
  };
}

export async function mailboxOverview(ctx: AppContext, actor: Actor, establishmentId: string): Promise<Mailbox> {
  const [counts, folders, used] = await Promise.all([
    folderCounts(ctx.db, actor.personId, establishmentId),
    ctx.db.selectFrom('message_folders').select(['id', 'name']).where('person_id', '=', actor.personId).where('establishment_id', '=', establishmentId).orderBy('name').execute(),
    usedBytes(ctx.db, actor.personId),
  ]);
  const count = (id: string, name: string | null): FolderCount => ({ id, name, unread: counts.get(id)?.unread ?? 0, total: counts.get(id)?.total ?? 0 });
  return {
    system: SYSTEM_FOLDERS.map((id) => count(id, null)),
    folders: folders.map((f) => count(f.id, f.name)),
    quota: { used, limit: ATTACHMENT_QUOTA_BYTES },
    canAnnounce: ctx.rights.holds(actor, 'messaging.announce', establishmentId),
  };
}

/**
 * A message with the rest of its conversation that the viewer holds (oldest first). Opening it
 * marks what they received there as read: the read receipts their senders see.
 */
export async function openThread(ctx: AppContext, actor: Actor, establishmentId: string, messageId: string, language: LabelLanguage): Promise<Thread> {
  const focus = await findItem(ctx.db, actor.personId, establishmentId, messageId);
  if (!focus) throw notFound('messaging.message_not_found');
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .updateTable('mailbox_items')
    .set({ read_at: now })
    .where('person_id', '=', actor.personId)
    .where('conversation_id', '=', focus.conversation_id)
    .where('read_at', 'is', null)
    .execute();
  const [conversation, rows] = await Promise.all([
    ctx.db.selectFrom('conversations').select(['id', 'subject', 'no_reply', 'author_id']).where('id', '=', focus.conversation_id).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('mailbox_items as mi')
      .innerJoin('messages as m', 'm.id', 'mi.message_id')
      .innerJoin('people as a', 'a.id', 'm.author_id')
      .select(['mi.role', 'mi.trashed', 'mi.folder_id', 'mi.read_at', 'm.id', 'm.parent_id', 'm.subject', 'm.body', 'm.state', 'm.sent_at', 'm.updated_at', 'm.created_at', 'm.no_reply', 'm.recipient_count', 'a.id as author_id', 'a.first_name', 'a.last_name'])
      .where('mi.person_id', '=', actor.personId)
      .where('mi.conversation_id', '=', focus.conversation_id)
      .where('mi.trashed', '!=', DELETED)
      // Other drafts of the thread stay in the drafts folder; the one opened is shown.
      .where((eb) => eb.or([eb('m.state', '=', 'sent'), eb('m.id', '=', messageId)]))
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const [addresses, attachments] = await Promise.all([addressesOf(ctx.db, ids, language), attachmentsOf(ctx.db, ids)]);
  const me = await ctx.db.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', actor.personId).executeTakeFirstOrThrow();
  const mayAnswer = conversation.no_reply === 0 || conversation.author_id === actor.personId;
  const messages: MessageView[] = rows.map((r) => {
    const all = addresses.get(r.id) ?? [];
    const of = (kind: string) => all.filter((a) => a.kind === kind).map((a) => a.view);
    // Blind copies are the author's to see; a blind-copied reader learns only that they were one.
    const bcc = r.role === 'author' ? of('bcc') : r.role === 'bcc' ? [{ type: 'person' as const, id: actor.personId, label: displayName(me.first_name, me.last_name) }] : [];
    return {
      id: r.id,
      conversationId: focus.conversation_id,
      parentId: r.parent_id,
      subject: r.subject,
      body: r.body,
      from: { id: r.author_id, displayName: displayName(r.first_name, r.last_name) },
      to: of('to'),
      cc: of('cc'),
      bcc,
      state: r.state as MessageView['state'],
      role: r.role as MessageView['role'],
      sentAt: r.sent_at,
      updatedAt: r.updated_at,
      readAt: r.role === 'author' ? null : (r.read_at ?? now),
      noReply: r.no_reply === 1,
      recipientCount: r.recipient_count,
      attachments: attachments.filter((f) => f.message_id === r.id).map((f) => ({ id: f.id, name: f.name, mediaType: f.media_type, size: f.size })),
      canReply: r.state === 'sent' && mayAnswer,
      folder: folderOf(r, r.state),
    };
  });
  return { conversation: { id: conversation.id, subject: conversation.subject, noReply: conversation.no_reply === 1 }, messages, focusId: messageId };
}

/** The conversation an event points to, opened at the latest message the viewer holds in it. */
export async function openConversation(ctx: AppContext, actor: Actor, establishmentId: string, conversationId: string, language: LabelLanguage): Promise<Thread> {
  const latest = await ctx.db
    .selectFrom('mailbox_items')
    .select('message_id')
    .where('person_id', '=', actor.personId)
    .where('establishment_id', '=', establishmentId)
    .where('conversation_id', '=', conversationId)
    .where('trashed', '!=', DELETED)
    .orderBy('sort_at', 'desc')
    .orderBy('message_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) throw notFound('messaging.message_not_found');
  return openThread(ctx, actor, establishmentId, latest.message_id, language);
}

export async function setRead(ctx: AppContext, actor: Actor, establishmentId: string, messageId: string, read: boolean): Promise<void> {
  const item = await findItem(ctx.db, actor.personId, establishmentId, messageId);
  if (!item) throw notFound('messaging.message_not_found');
  if (item.role === 'author') return;
  await ctx.db
    .updateTable('mailbox_items')
    .set({ read_at: read ? (item.read_at ?? ctx.clock.now().toISOString()) : null })
    .where('person_id', '=', actor.personId)
    .where('message_id', '=', messageId)
    .execute();
}

/** To the trash, back from it ("inbox", "sent", "drafts" all mean: where it belongs), or into a folder of one's own. */
export async function moveMessage(ctx: AppContext, actor: Actor, establishmentId: string, messageId: string, folder: string): Promise<void> {
  const item = await findItem(ctx.db, actor.personId, establishmentId, messageId);
  if (!item) throw notFound('messaging.message_not_found');
  await requireFolder(ctx.db, actor.personId, establishmentId, folder);
  const custom = !(SYSTEM_FOLDERS as readonly string[]).includes(folder);
  if (custom && item.state === 'draft') throw new AppError('messaging.not_a_draft', 409);
  const set = folder === 'trash' ? { trashed: 1 } : { trashed: 0, folder_id: custom ? folder : null };
  await ctx.db.updateTable('mailbox_items').set(set).where('person_id', '=', actor.personId).where('message_id', '=', messageId).execute();
}

/**
 * A draft is deleted; a message goes to the trash, and from the trash it is gone for this person.
 * When nobody holds a message any more, it is removed with its attachments' bytes.
 */
export async function deleteMessage(ctx: AppContext, actor: Actor, establishmentId: string, messageId: string): Promise<'deleted' | 'trashed'> {
  const item = await findItem(ctx.db, actor.personId, establishmentId, messageId);
  if (!item) throw notFound('messaging.message_not_found');
  if (item.trashed === 0 && item.state !== 'draft') {
    await moveMessage(ctx, actor, establishmentId, messageId, 'trash');
    return 'trashed';
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const owners = await trx
      .selectFrom('message_attachments as ma')
      .innerJoin('message_files as f', 'f.id', 'ma.file_id')
      .select('f.owner_id')
      .distinct()
      .where('ma.message_id', '=', messageId)
      .execute();
    // The author's copy goes; a recipient's row stays, hidden, so the author's receipts still count them.
    if (item.role === 'author') await trx.deleteFrom('mailbox_items').where('person_id', '=', actor.personId).where('message_id', '=', messageId).execute();
    else await trx.updateTable('mailbox_items').set({ trashed: DELETED, folder_id: null }).where('person_id', '=', actor.personId).where('message_id', '=', messageId).execute();
    const held = await trx.selectFrom('mailbox_items').select('person_id').where('message_id', '=', messageId).where('trashed', '!=', DELETED).limit(1).executeTakeFirst();
    if (held) return;
    await trx.deleteFrom('messages').where('id', '=', messageId).execute();
    await trx
      .deleteFrom('conversations')
      .where('id', '=', item.conversation_id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('messages').select('id').where('conversation_id', '=', item.conversation_id))))
      .execute();
    for (const o of owners) await deleteOrphanFiles(trx, o.owner_id, now);
  });
  return 'deleted';
}

/**
 * Empties the person's trash in a few set-based statements: messages nobody else holds are deleted
 * (their attachments with them); of the others, the author's copies go and a recipient's row is
 * kept hidden (DELETED) for the author's read receipts.
 */
export async function emptyTrash(ctx: AppContext, actor: Actor, establishmentId: string): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const trashed = trx
      .selectFrom('mailbox_items')
      .select('message_id')
      .where('person_id', '=', actor.personId)
      .where('establishment_id', '=', establishmentId)
      .where('trashed', '=', 1);
    const owners = await trx
      .selectFrom('message_attachments as ma')
      .innerJoin('message_files as f', 'f.id', 'ma.file_id')
      .select('f.owner_id')
      .distinct()
      .where('ma.message_id', 'in', trashed)
      .execute();
    const mineInTrash = await trx.selectFrom('mailbox_items').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', actor.personId).where('establishment_id', '=', establishmentId).where('trashed', '=', 1).executeTakeFirstOrThrow();
    await trx
      .deleteFrom('messages')
      .where('id', 'in', trashed)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('mailbox_items as other')
              .select('other.person_id')
              .whereRef('other.message_id', '=', 'messages.id')
              .where('other.person_id', '!=', actor.personId)
              .where('other.trashed', '!=', DELETED),
          ),
        ),
      )
      .execute();
    const left = await trx.selectFrom('mailbox_items').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', actor.personId).where('establishment_id', '=', establishmentId).where('trashed', '=', 1).executeTakeFirstOrThrow();
    const deletedWithMessages = Number(mineInTrash.n) - Number(left.n);
    // What remains: the author's own copies go; a recipient's row stays, hidden, for the receipts.
    const authored = await trx
      .deleteFrom('mailbox_items')
      .where('person_id', '=', actor.personId)
      .where('establishment_id', '=', establishmentId)
      .where('trashed', '=', 1)
      .where('role', '=', 'author')
      .executeTakeFirst();
    const received = await trx
      .updateTable('mailbox_items')
      .set({ trashed: DELETED, folder_id: null })
      .where('person_id', '=', actor.personId)
      .where('establishment_id', '=', establishmentId)
      .where('trashed', '=', 1)
      .executeTakeFirst();
    for (const o of owners) await deleteOrphanFiles(trx, o.owner_id, now);
    return Number(authored.numDeletedRows) + Number(received.numUpdatedRows) + deletedWithMessages;
  });
}

export async function createFolder(ctx: AppContext, actor: Actor, establishmentId: string, name: string): Promise<FolderCount> {
  const exists = await ctx.db.selectFrom('message_folders').select('id').where('person_id', '=', actor.personId).where('establishment_id', '=', establishmentId).where('name', '=', name).executeTakeFirst();
  if (exists) throw new AppError('messaging.folder_exists', 409);
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  await ctx.db.insertInto('message_folders').values({ id, person_id: actor.personId, establishment_id: establishmentId, name, created_at: now.toISOString() }).execute();
  return { id, name, unread: 0, total: 0 };
}

export async function renameFolder(ctx: AppContext, actor: Actor, establishmentId: string, folderId: string, name: string): Promise<void> {
  if ((SYSTEM_FOLDERS as readonly string[]).includes(folderId)) throw notFound('messaging.folder_not_found');
  await requireFolder(ctx.db, actor.personId, establishmentId, folderId);
  const clash = await ctx.db.selectFrom('message_folders').select('id').where('person_id', '=', actor.personId).where('establishment_id', '=', establishmentId).where('name', '=', name).where('id', '!=', folderId).executeTakeFirst();
  if (clash) throw new AppError('messaging.folder_exists', 409);
  await ctx.db.updateTable('message_folders').set({ name }).where('id', '=', folderId).execute();
}

/** The folder goes; its messages return to the inbox (or to "sent"), in one statement. */
export async function deleteFolder(ctx: AppContext, actor: Actor, establishmentId: string, folderId: string): Promise<void> {
  if ((SYSTEM_FOLDERS as readonly string[]).includes(folderId)) throw notFound('messaging.folder_not_found');
  await requireFolder(ctx.db, actor.personId, establishmentId, folderId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('mailbox_items').set({ folder_id: null }).where('person_id', '=', actor.personId).where('folder_id', '=', folderId).execute();
    await trx.deleteFrom('message_folders').where('id', '=', folderId).execute();
  });
}

/** Who received a message and when they read it: for its author only (others get 404). */
export async function receiptsOf(
  ctx: AppContext,
  actor: Actor,
  establishmentId: string,
  messageId: string,
  query: { cursor?: string; limit: number; unread?: boolean },
): Promise<Receipts> {
  const item = await findItem(ctx.db, actor.personId, establishmentId, messageId);
  if (item?.role !== 'author' || item.state !== 'sent') throw notFound('messaging.message_not_found');
  const after = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  let q = ctx.db
    .selectFrom('mailbox_items as mi')
    .innerJoin('people as p', 'p.id', 'mi.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.sort_key', 'mi.role', 'mi.read_at'])
    .where('mi.message_id', '=', messageId)
    .where('mi.role', '!=', 'author')
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .limit(query.limit + 1);
  if (query.unread !== undefined) q = q.where('mi.read_at', query.unread ? 'is' : 'is not', null);
  if (after) q = q.where((eb) => eb(eb.refTuple('p.sort_key', 'p.id'), '>', eb.tuple(after[0], after[1])));
  const [rows, totals] = await Promise.all([
    q.execute(),
    ctx.db
      .selectFrom('mailbox_items')
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('read_at').as('read')])
      .where('message_id', '=', messageId)
      .where('role', '!=', 'author')
      .executeTakeFirstOrThrow(),
  ]);
  const page = paginate(rows, query.limit, (r) => [r.sort_key, r.id]);
  return {
    total: Number(totals.total),
    read: Number(totals.read),
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({ person: { id: r.id, displayName: displayName(r.first_name, r.last_name) }, role: r.role as 'to', readAt: r.read_at })),
  };
}
