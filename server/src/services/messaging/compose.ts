import type { Address, MessageInput } from '@preau/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError, badRequest, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { emitEvent } from '../../kernel/events/index.js';
import { newId } from '../../kernel/ids.js';
import { type PersonIds, checkAddresses, groupMembers, groupRelatives, reachOfActor } from '../communication/index.js';
import { displayName } from '../directory/index.js';
import { previewOf, sanitizeBody, searchTextOf, textOf } from './messaging.html.js';
import { findItem } from './mailbox/mailbox.queries.js';
import { deleteOrphanFiles } from './files/files.queries.js';

type Input = z.output<typeof MessageInput>;
const KINDS = ['to', 'cc', 'bcc'] as const;

function idsOf(input: Input, type: Address['type']): string[] {
  return KINDS.flatMap((k) => input[k].filter((a) => a.type === type).map((a) => a.id));
}

/** People who wrote in a conversation the sender holds: one may always answer whoever wrote to one. */
function conversationContacts(db: Db, senderId: string, conversationId: string): PersonIds {
  return db
    .selectFrom('mailbox_items as mi')
    .innerJoin('messages as m', 'm.id', 'mi.message_id')
    .select('m.author_id as person_id')
    .where('mi.person_id', '=', senderId)
    .where('mi.conversation_id', '=', conversationId)
    .where('m.state', '=', 'sent');
}

/**
 * The expanded recipients of a message, as one SELECT: people named, members of the classes and
 * groups named, relatives of their students. A person reached twice keeps the most visible kind
 * (to before cc before bcc: max() of the three names happens to order them so).
 */
function expandedRecipients(db: Db, establishmentId: string, senderId: string, input: Input) {
  const parts = KINDS.flatMap((kind) => {
    const people = input[kind].filter((a) => a.type === 'person').map((a) => a.id);
    const groups = input[kind].filter((a) => a.type === 'group').map((a) => a.id);
    const relativesOf = input[kind].filter((a) => a.type === 'group_relatives').map((a) => a.id);
    const sets: PersonIds[] = [];
    if (people.length) sets.push(db.selectFrom('people').select('people.id as person_id').where('people.id', 'in', people).where('people.id', '!=', senderId));
    if (groups.length) sets.push(groupMembers(db, groups, senderId));
    if (relativesOf.length) sets.push(groupRelatives(db, establishmentId, relativesOf, senderId));
    return sets.map((set) => db.selectFrom(set.as('s')).select(['s.person_id', sql.lit(kind).as('kind')]));
  });
  const [first, ...rest] = parts;
  if (!first) return null;
  return rest.reduce((acc, part) => acc.unionAll(part), first);
}

interface Saved {
  id: string;
  conversationId: string;
  state: 'draft' | 'sent';
  recipientCount: number;
}

/**
 * Creates or updates a draft, or sends it. Sending checks every address against the communication
 * rules, then writes the whole recipient list with one INSERT … SELECT (2,000 parents of a level
 * are one statement, not 2,000 round trips), the message, its addresses and attachments and the
 * `message.received` event in one transaction.
 */
export async function saveMessage(ctx: AppContext, actor: Actor, establishmentId: string, input: Input, draftId?: string): Promise<Saved> {
  const db = ctx.db;
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const sending = !input.draft;

  const draft = draftId ? await findItem(db, actor.personId, establishmentId, draftId) : undefined;
  if (draftId && (draft?.role !== 'author')) throw notFound('messaging.message_not_found');
  if (draft && draft.state !== 'draft') throw new AppError('messaging.not_a_draft', 409);

  // The conversation answered: a draft keeps the one it started in.
  let conversationId = draft?.conversation_id;
  let parentId: string | null = null;
  if (input.replyTo) {
    const parent = await findItem(db, actor.personId, establishmentId, input.replyTo);
    if (parent?.state !== 'sent') throw notFound('messaging.message_not_found');
    if (parent.conversation_no_reply === 1 && parent.conversation_author_id !== actor.personId) throw forbidden('messaging.replies_closed');
    conversationId = parent.conversation_id;
    parentId = parent.message_id;
  }
  const forwarded = input.forwardOf ? await findItem(db, actor.personId, establishmentId, input.forwardOf) : undefined;
  if (input.forwardOf && (forwarded?.state !== 'sent')) throw notFound('messaging.message_not_found');
  if (input.noReply && !ctx.rights.holds(actor, 'messaging.announce', establishmentId)) throw forbidden('messaging.announce_forbidden');

  // Attachments: the sender's own uploads, or files of the message forwarded or of this draft.
  const attachmentIds = [...new Set(input.attachmentIds)];
  if (attachmentIds.length) {
    const sources = [input.forwardOf, draftId].filter((x): x is string => !!x);
    const ok = await db
      .selectFrom('message_files as f')
      .select('f.id')
      .where('f.id', 'in', attachmentIds)
      .where('f.establishment_id', '=', establishmentId)
      .where((eb) =>
        eb.or([
          eb('f.owner_id', '=', actor.personId),
          ...(sources.length ? [eb('f.id', 'in', eb.selectFrom('message_attachments').select('file_id').where('message_id', 'in', sources))] : []),
        ]),
      )
      .execute();
    if (ok.length !== attachmentIds.length) throw notFound('messaging.file_not_found');
  }

  if (sending) {
    if (!input.subject) throw badRequest('messaging.empty_subject', [{ field: 'body.subject', issue: 'required' }]);
    const addressed = { people: idsOf(input, 'person'), groups: idsOf(input, 'group'), relativesOf: idsOf(input, 'group_relatives') };
    if (addressed.people.length + addressed.groups.length + addressed.relativesOf.length === 0) {
      throw badRequest('communication.no_recipient', [{ field: 'body.to', issue: 'required' }]);
    }
    const reach = await reachOfActor(db, actor, establishmentId);
    await checkAddresses(db, actor.personId, establishmentId, reach, addressed, conversationId ? conversationContacts(db, actor.personId, conversationId) : undefined);
  }

  const author = await db.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', actor.personId).executeTakeFirstOrThrow();
  const body = sanitizeBody(input.body);
  const text = textOf(body);
  const messageId = draft?.message_id ?? newId(now.getTime());
  const noReply = input.noReply ? 1 : 0;

  return db.transaction().execute(async (trx) => {
    if (!conversationId) {
      conversationId = newId(now.getTime());
      await trx
        .insertInto('conversations')
        .values({ id: conversationId, establishment_id: establishmentId, subject: input.subject, author_id: actor.personId, no_reply: noReply, created_at: nowIso, last_message_at: nowIso })
        .execute();
    } else if (draft && !parentId && draft.conversation_author_id === actor.personId) {
      // A new conversation still in draft follows its draft's subject and announcement flag.
      await trx.updateTable('conversations').set({ subject: input.subject, no_reply: noReply }).where('id', '=', conversationId).where('author_id', '=', actor.personId).execute();
    }
    const row = {
      conversation_id: conversationId,
      parent_id: parentId,
      subject: input.subject,
      body,
      preview: previewOf(text),
      search_text: searchTextOf(input.subject, text, displayName(author.first_name, author.last_name)),
      state: sending ? 'sent' : 'draft',
      no_reply: noReply,
      updated_at: nowIso,
      sent_at: sending ? nowIso : null,
    };
    if (draft) {
      // Only a draft changes: of two sends of the same draft racing, the second finds it sent.
      const updated = await trx.updateTable('messages').set(row).where('id', '=', messageId).where('state', '=', 'draft').executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('messaging.not_a_draft', 409);
      await trx.deleteFrom('message_addresses').where('message_id', '=', messageId).execute();
      await trx.deleteFrom('message_attachments').where('message_id', '=', messageId).execute();
      await trx.updateTable('mailbox_items').set({ sort_at: nowIso, conversation_id: conversationId }).where('message_id', '=', messageId).where('person_id', '=', actor.personId).execute();
    } else {
      await trx.insertInto('messages').values({ id: messageId, establishment_id: establishmentId, author_id: actor.personId, created_at: nowIso, recipient_count: 0, ...row }).execute();
      await trx
        .insertInto('mailbox_items')
        .values({ person_id: actor.personId, message_id: messageId, establishment_id: establishmentId, conversation_id: conversationId, role: 'author', folder_id: null, trashed: 0, read_at: nowIso, sort_at: nowIso })
        .execute();
    }
    // One position across to, cc and bcc: addresses read back in the order they were written.
    const addresses = KINDS.flatMap((kind) => {
      const seen = new Set<string>();
      return input[kind].filter((a) => !seen.has(`${a.type}:${a.id}`) && seen.add(`${a.type}:${a.id}`)).map((a) => ({ kind, a }));
    }).map(({ kind, a }, position) => ({ message_id: messageId, kind, target_type: a.type, target_id: a.id, position }));
    if (addresses.length) await trx.insertInto('message_addresses').values(addresses).execute();
    if (attachmentIds.length) {
      await trx.insertInto('message_attachments').values(attachmentIds.map((fileId, position) => ({ message_id: messageId, file_id: fileId, position }))).execute();
    }
    await deleteOrphanFiles(trx, actor.personId, now);

    let recipientCount = 0;
    if (sending) {
      const expanded = expandedRecipients(trx, establishmentId, actor.personId, input);
      if (expanded) {
        await trx
          .insertInto('mailbox_items')
          .columns(['person_id', 'message_id', 'establishment_id', 'conversation_id', 'role', 'sort_at'])
          .expression(
            trx
              .selectFrom(expanded.as('r'))
              .select((eb) => [
                'r.person_id',
                eb.val(messageId).as('message_id'),
                eb.val(establishmentId).as('establishment_id'),
                eb.val(conversationId as string).as('conversation_id'),
                eb.fn.max('r.kind').as('role'),
                eb.val(nowIso).as('sort_at'),
              ])
              .groupBy('r.person_id'),
          )
          .execute();
      }
      const recipients = await trx.selectFrom('mailbox_items').select('person_id').where('message_id', '=', messageId).where('role', '!=', 'author').execute();
      recipientCount = recipients.length;
      await trx.updateTable('messages').set({ recipient_count: recipientCount }).where('id', '=', messageId).execute();
      await trx.updateTable('conversations').set({ last_message_at: nowIso }).where('id', '=', conversationId).execute();
      await emitEvent(
        trx,
        {
          type: 'message.received',
          establishmentId,
          actorId: actor.personId,
          recipientIds: recipients.map((r) => r.person_id),
          resource: { kind: 'conversation', id: conversationId },
          summary: { subject: input.subject },
        },
        ctx.clock,
      );
    }
    return { id: messageId, conversationId: conversationId as string, state: sending ? 'sent' : 'draft', recipientCount };
  });
}

