import type { ActorMembership } from './actor.js';

export interface CachedSession {
  id: string;
  personId: string;
  login: string;
  csrfToken: string;
  platformAdmin: boolean;
  lastSeenAt: number;
  expiresAt: number;
  memberships: ActorMembership[];
  /** When this entry was read from the database (clock time, ms). */
  loadedAt: number;
}

/**
 * Sessions and their actors, per process, for a few seconds: every authenticated request needs
 * them, and reading them is most of what a small API call costs. Revocations forget entries at once
 * (see SessionStore); anything else (a new class, a new profile) shows within the lifetime.
 * Bounded: past maxEntries the oldest entry goes.
 */
export class SessionCache {
  private readonly byTokenHash = new Map<string, CachedSession>();
  private readonly tokenHashBySession = new Map<string, string>();
  private readonly sessionsByPerson = new Map<string, Set<string>>();

  constructor(
    readonly lifetimeMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  get enabled(): boolean {
    return this.lifetimeMs > 0;
  }

  get size(): number {
    return this.byTokenHash.size;
  }

  get(tokenHash: string, now: number): CachedSession | undefined {
    const entry = this.byTokenHash.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.loadedAt >= this.lifetimeMs || now < entry.loadedAt) {
      this.remove(tokenHash, entry);
      return undefined;
    }
    return entry;
  }

  set(tokenHash: string, entry: CachedSession): void {
    if (!this.enabled) return;
    const previous = this.byTokenHash.get(tokenHash);
    if (previous) this.remove(tokenHash, previous);
    if (this.byTokenHash.size >= this.maxEntries) {
      const oldest = this.byTokenHash.keys().next().value;
      if (oldest !== undefined) this.remove(oldest, this.byTokenHash.get(oldest)!);
    }
    this.byTokenHash.set(tokenHash, entry);
    this.tokenHashBySession.set(entry.id, tokenHash);
    let sessions = this.sessionsByPerson.get(entry.personId);
    if (!sessions) this.sessionsByPerson.set(entry.personId, (sessions = new Set()));
    sessions.add(entry.id);
  }

  forgetSession(sessionId: string): void {
    const tokenHash = this.tokenHashBySession.get(sessionId);
    const entry = tokenHash === undefined ? undefined : this.byTokenHash.get(tokenHash);
    if (tokenHash !== undefined && entry) this.remove(tokenHash, entry);
  }

  forgetPerson(personId: string): void {
    for (const sessionId of [...(this.sessionsByPerson.get(personId) ?? [])]) this.forgetSession(sessionId);
  }

  private remove(tokenHash: string, entry: CachedSession): void {
    this.byTokenHash.delete(tokenHash);
    this.tokenHashBySession.delete(entry.id);
    const sessions = this.sessionsByPerson.get(entry.personId);
    sessions?.delete(entry.id);
    if (sessions?.size === 0) this.sessionsByPerson.delete(entry.personId);
  }
}
