import type { Db } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';

/**
 * File bytes live in the database (`stored_blobs`: bytea on PostgreSQL, blob on SQLite), not on a
 * process's disk: every Préau process behind a load balancer reads the same files without a shared
 * volume, backups hold them with the rest, and an upload commits with the row that names it. Fit
 * for attachments of a few MB; a larger document store would stream to object storage instead.
 */
export const blobStore = {
  async put(db: Db, bytes: Uint8Array, now: Date): Promise<string> {
    const id = newId(now.getTime());
    await db.insertInto('stored_blobs').values({ id, bytes, size: bytes.byteLength, created_at: now.toISOString() }).execute();
    return id;
  },

  async get(db: Db, id: string): Promise<Buffer | undefined> {
    const row = await db.selectFrom('stored_blobs').select('bytes').where('id', '=', id).executeTakeFirst();
    return row ? Buffer.from(row.bytes) : undefined;
  },

  async remove(db: Db, ids: string[]): Promise<void> {
    if (ids.length > 0) await db.deleteFrom('stored_blobs').where('id', 'in', ids).execute();
  },
};
