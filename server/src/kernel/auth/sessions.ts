import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { newId, newToken } from '../ids.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export const SESSION_COOKIE = 'preau_session';
/** last_seen_at is written at most this often, so reads do not all become writes. */
export const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  clock: Clock,
  policy: SessionPolicy,
  personId: string,
  client: { ip: string | null; userAgent: string | null },
) {
  const now = clock.now();
  const token = newToken();
  const session = {
    id: newId(now.getTime()),
    token_hash: hashToken(token),
    person_id: personId,
    csrf_token: newToken(),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  };
  await db.insertInto('sessions').values(session).execute();
  return { token, id: session.id, csrfToken: session.csrf_token };
}

/** The live session of a cookie token's hash, or undefined when unknown, idle too long or expired. */
export async function findLiveSession(db: Db, clock: Clock, policy: SessionPolicy, tokenHash: string) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'people.id as person_id',
      'people.login',
      'people.state',
      'people.platform_admin',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = clock.now().getTime();
  const idleLimit = new Date(row.last_seen_at).getTime() + policy.idleMinutes * 60_000;
  if (now >= idleLimit || now >= new Date(row.expires_at).getTime() || row.state !== 'active') {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return undefined;
  }
  const touched = now - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS;
  if (touched) await touchSession(db, row.id, now);
  return { ...row, touched };
}

export async function touchSession(db: Db, sessionId: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, personId: string, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function revokeAllSessions(db: Db, personId: string, exceptSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export function listSessions(db: Db, personId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('person_id', '=', personId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}
