import type { Db } from '../../../kernel/db/database.js';
import { blobStore } from './blob-store.js';

/** Uploads kept this long before being attached to a message (the time to write it). */
const UNATTACHED_GRACE_MS = 24 * 3600_000;

/** Bytes the person's uploads take: what their quota counts. */
export async function usedBytes(db: Db, personId: string): Promise<number> {
  const row = await db.selectFrom('message_files').select((eb) => eb.fn.sum<number>('size').as('n')).where('owner_id', '=', personId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Removes, with their bytes and set-wise, the person's files that no message holds any more (every
 * holder deleted it, or a draft dropped them) once they are a day old: an upload waits that long to
 * be attached to the message being written.
 */
export async function deleteOrphanFiles(db: Db, ownerId: string, now: Date): Promise<void> {
  const before = new Date(now.getTime() - UNATTACHED_GRACE_MS).toISOString();
  const orphans = await db
    .selectFrom('message_files as f')
    .select(['f.id', 'f.blob_id'])
    .where('f.owner_id', '=', ownerId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('message_attachments as ma').select('ma.file_id').whereRef('ma.file_id', '=', 'f.id'))))
    .where('f.created_at', '<', before)
    .execute();
  const gone = orphans;
  if (gone.length === 0) return;
  await db.deleteFrom('message_files').where('id', 'in', gone.map((f) => f.id)).execute();
  await blobStore.remove(db, gone.map((f) => f.blob_id));
}
