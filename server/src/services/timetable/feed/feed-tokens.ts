import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../../kernel/db/database.js';
import type { Clock } from '../../../kernel/clock.js';

const SECRET_NAME = 'timetable_feed';

/** One secret per platform (created on first use, shared by every process) keys the feed tokens. */
async function feedSecret(db: Db, clock: Clock): Promise<string> {
  const read = () => db.selectFrom('app_secrets').select('value').where('name', '=', SECRET_NAME).executeTakeFirst();
  const found = await read();
  if (found) return found.value;
  await db
    .insertInto('app_secrets')
    .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url'), created_at: clock.now().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const created = await read();
  if (!created) throw new Error('feed secret missing');
  return created.value;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The person's feed token: derived from a per-person nonce, so the same URL can be shown again
 * without storing it, and only its hash is kept for the lookup. Renewing draws a new nonce: the
 * old URL stops working at once.
 */
export async function feedToken(db: Db, clock: Clock, personId: string, renew = false): Promise<string> {
  const secret = await feedSecret(db, clock);
  const existing = await db.selectFrom('calendar_feeds').select('nonce').where('person_id', '=', personId).executeTakeFirst();
  if (existing && !renew) return tokenFor(secret, personId, existing.nonce);
  const nonce = randomBytes(16).toString('base64url');
  const token = tokenFor(secret, personId, nonce);
  const row = { nonce, token_hash: hashOf(token), created_at: clock.now().toISOString(), last_used_at: null };
  await db
    .insertInto('calendar_feeds')
    .values({ person_id: personId, ...row })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
  return token;
}

function tokenFor(secret: string, personId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`${personId}:${nonce}`).digest('base64url');
}

export async function revokeFeed(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('person_id', '=', personId).execute();
}

/** The active person a token opens the feed of, or null (unknown, revoked, account not active). */
export async function feedOwner(db: Db, clock: Clock, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('people', 'people.id', 'calendar_feeds.person_id')
    .select(['calendar_feeds.person_id', 'people.state'])
    .where('calendar_feeds.token_hash', '=', hashOf(token))
    .executeTakeFirst();
  if (row?.state !== 'active') return null;
  await db.updateTable('calendar_feeds').set({ last_used_at: clock.now().toISOString() }).where('person_id', '=', row.person_id).execute();
  return row.person_id;
}
