import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { InvalidationBus } from '../cache/invalidation-bus.js';
import { KeyedCache } from '../cache/keyed-cache.js';
import type { Actor } from './actor.js';
import { loadMemberships } from './load-actor.js';
import type { CachedSession, SessionCache } from './session-cache.js';
import { type SessionPolicy, findLiveSession, hashToken, revokeAllSessions, revokeSession, touchSession, TOUCH_EVERY_MS } from './sessions.js';

/**
 * Sessions as the rest of Préau uses them: the actor of a cookie, read from the process cache when
 * fresh, and revocations that reach every process (through the invalidation bus) before they return.
 */
export class SessionStore {
  private readonly personCaches: KeyedCache<unknown>[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
    private readonly cache: SessionCache,
    private readonly bus: InvalidationBus,
  ) {
    bus.subscribe((message) => {
      if (!('people' in message)) {
        for (const id of message.sessions) cache.forgetSession(id);
        return;
      }
      for (const id of message.people) cache.forgetPerson(id);
      for (const personCache of this.personCaches) personCache.forget(message.people);
    });
  }

  /** A per-process cache of what a service reads for one person, living and forgotten like the sessions. */
  personCache<T>(): KeyedCache<T> {
    const personCache = new KeyedCache<T>(this.cache.enabled ? this.cache.lifetimeMs : 0, this.clock);
    this.personCaches.push(personCache as KeyedCache<unknown>);
    return personCache;
  }

  async actorFor(token: string): Promise<Actor | undefined> {
    const tokenHash = hashToken(token);
    const now = this.clock.now().getTime();
    let entry = this.cache.get(tokenHash, now);
    if (entry && !this.isLive(entry, now)) {
      // Expired as far as this copy knows: the database decides (another process may have seen it since).
      this.cache.forgetSession(entry.id);
      entry = undefined;
    }
    if (!entry) {
      entry = await this.load(tokenHash, now);
      if (!entry) return undefined;
      this.cache.set(tokenHash, entry);
    } else if (now - entry.lastSeenAt > TOUCH_EVERY_MS) {
      entry.lastSeenAt = now;
      await touchSession(this.db, entry.id, now);
    }
    return {
      personId: entry.personId,
      login: entry.login,
      sessionId: entry.id,
      csrfToken: entry.csrfToken,
      platformAdmin: entry.platformAdmin,
      memberships: entry.memberships,
    };
  }

  async revoke(personId: string, sessionId: string): Promise<boolean> {
    const revoked = await revokeSession(this.db, personId, sessionId);
    if (revoked) this.bus.publish({ sessions: [sessionId] });
    return revoked;
  }

  async revokeAll(personId: string, exceptSessionId?: string): Promise<void> {
    await revokeAllSessions(this.db, personId, exceptSessionId);
    this.bus.publish({ people: [personId] });
  }

  /** For writes that deleted sessions in their own transaction: call once it has committed. */
  forgetPeople(personIds: string[]): void {
    if (personIds.length > 0) this.bus.publish({ people: personIds });
  }

  private isLive(entry: CachedSession, now: number): boolean {
    return now < entry.lastSeenAt + this.policy.idleMinutes * 60_000 && now < entry.expiresAt;
  }

  private async load(tokenHash: string, now: number): Promise<CachedSession | undefined> {
    const row = await findLiveSession(this.db, this.clock, this.policy, tokenHash);
    if (!row) return undefined;
    return {
      id: row.id,
      personId: row.person_id,
      login: row.login,
      csrfToken: row.csrf_token,
      platformAdmin: row.platform_admin === 1,
      lastSeenAt: Math.max(new Date(row.last_seen_at).getTime(), row.touched ? now : 0),
      expiresAt: new Date(row.expires_at).getTime(),
      memberships: await loadMemberships(this.db, row.person_id),
      loadedAt: now,
    };
  }
}
