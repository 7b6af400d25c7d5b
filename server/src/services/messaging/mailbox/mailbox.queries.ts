import type { Db } from '../../../kernel/db/database.js';

/**
 * `mailbox_items.trashed`: 0 in place, 1 in the trash, 2 deleted for good by a recipient — the row
 * stays (hidden everywhere) so that the author's read receipts still say who received and read it.
 */
export const DELETED = 2;

/** Where an item is, from the holder's point of view. */
export function folderOf(item: { trashed: number; folder_id: string | null; role: string }, state: string): string {
  if (item.trashed === 1) return 'trash';
  if (item.folder_id) return item.folder_id;
  if (item.role === 'author') return state === 'draft' ? 'drafts' : 'sent';
  return 'inbox';
}

export interface ListFilter {
  folder: string;
  words: string[];
  after?: [string, string];
  limit: number;
}

/** One page of a folder, newest first; the search (folded words) runs in the same query. */
export function listFolder(db: Db, personId: string, establishmentId: string, f: ListFilter) {
  let q = db
    .selectFrom('mailbox_items as mi')
    .innerJoin('messages as m', 'm.id', 'mi.message_id')
    .innerJoin('people as a', 'a.id', 'm.author_id')
    .select((eb) => [
      'mi.message_id',
      'mi.role',
      'mi.read_at',
      'mi.sort_at',
      'm.conversation_id',
      'm.subject',
      'm.preview',
      'm.state',
      'm.sent_at',
      'm.updated_at',
      'm.no_reply',
      'm.recipient_count',
      'a.id as author_id',
      'a.first_name',
      'a.last_name',
      eb.exists(eb.selectFrom('message_attachments as ma').select('ma.file_id').whereRef('ma.message_id', '=', 'm.id')).as('has_attachments'),
    ])
    .where('mi.person_id', '=', personId)
    .where('mi.establishment_id', '=', establishmentId)
    .orderBy('mi.sort_at', 'desc')
    .orderBy('mi.message_id', 'desc')
    .limit(f.limit + 1);
  switch (f.folder) {
    case 'inbox':
      q = q.where('mi.role', '!=', 'author').where('mi.trashed', '=', 0).where('mi.folder_id', 'is', null);
      break;
    case 'sent':
      q = q.where('mi.role', '=', 'author').where('m.state', '=', 'sent').where('mi.trashed', '=', 0).where('mi.folder_id', 'is', null);
      break;
    case 'drafts':
      q = q.where('mi.role', '=', 'author').where('m.state', '=', 'draft').where('mi.trashed', '=', 0);
      break;
    case 'trash':
      q = q.where('mi.trashed', '=', 1);
      break;
    default:
      q = q.where('mi.folder_id', '=', f.folder).where('mi.trashed', '=', 0);
  }
  for (const word of f.words) q = q.where('m.search_text', 'like', `%${word.replace(/[%_\\]/g, '')}%`);
  if (f.after) {
    const [sortAt, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('mi.sort_at', 'mi.message_id'), '<', eb.tuple(sortAt, id)));
  }
  return q.execute();
}

/** Unread and total per folder in one grouped query. */
export async function folderCounts(db: Db, personId: string, establishmentId: string) {
  const rows = await db
    .selectFrom('mailbox_items as mi')
    .innerJoin('messages as m', 'm.id', 'mi.message_id')
    .select((eb) => [
      eb
        .case()
        .when('mi.trashed', '=', 1)
        .then('trash')
        .when('mi.folder_id', 'is not', null)
        .then(eb.ref('mi.folder_id'))
        .when('mi.role', '!=', 'author')
        .then('inbox')
        .when('m.state', '=', 'draft')
        .then('drafts')
        .else('sent')
        .end()
        .as('folder'),
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('mi.read_at', 'is', null), eb('mi.role', '!=', 'author')])).then(1).else(0).end()).as('unread'),
    ])
    .where('mi.person_id', '=', personId)
    .where('mi.establishment_id', '=', establishmentId)
    .where('mi.trashed', '!=', DELETED)
    .groupBy('folder')
    .execute();
  return new Map(rows.map((r) => [r.folder as string, { total: Number(r.total), unread: Number(r.unread ?? 0) }]));
}

/** The holder's row for one message of this establishment (undefined: not theirs, or not found). */
export function findItem(db: Db, personId: string, establishmentId: string, messageId: string) {
  return db
    .selectFrom('mailbox_items as mi')
    .innerJoin('messages as m', 'm.id', 'mi.message_id')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['mi.message_id', 'mi.role', 'mi.trashed', 'mi.folder_id', 'mi.read_at', 'm.conversation_id', 'm.state', 'm.author_id', 'm.subject', 'c.no_reply as conversation_no_reply', 'c.author_id as conversation_author_id'])
    .where('mi.person_id', '=', personId)
    .where('mi.establishment_id', '=', establishmentId)
    .where('mi.message_id', '=', messageId)
    .where('mi.trashed', '!=', DELETED)
    .executeTakeFirst();
}

export function attachmentsOf(db: Db, messageIds: string[]) {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('message_attachments as ma')
    .innerJoin('message_files as f', 'f.id', 'ma.file_id')
    .select(['ma.message_id', 'f.id', 'f.name', 'f.media_type', 'f.size'])
    .where('ma.message_id', 'in', messageIds)
    .orderBy('ma.message_id')
    .orderBy('ma.position')
    .execute();
}
