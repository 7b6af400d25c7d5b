import type { Clock } from '../clock.js';

interface Entry<T> {
  value: Promise<T>;
  loadedAt: number;
}

/**
 * Values read for one person (what /api/me shows), per process, for as long as a cached session:
 * the same few seconds, and forgotten at once with the person's sessions (SessionStore.forgetPeople,
 * revocations), in every process. Concurrent misses for one person share one load. Bounded: past
 * maxEntries the oldest entry goes.
 */
export class PersonCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly clock: Clock,
    private readonly maxEntries = 100_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(personId: string, load: () => Promise<T>): Promise<T> {
    if (this.lifetimeMs <= 0) return load();
    const now = this.clock.now().getTime();
    const cached = this.entries.get(personId);
    if (cached && now - cached.loadedAt < this.lifetimeMs && now >= cached.loadedAt) return cached.value;
    if (cached) this.entries.delete(personId);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry: Entry<T> = { value: load(), loadedAt: now };
    this.entries.set(personId, entry);
    // A failed load is not remembered; a forget during the load removes this very entry.
    entry.value.catch(() => {
      if (this.entries.get(personId) === entry) this.entries.delete(personId);
    });
    return entry.value;
  }

  forget(personIds: Iterable<string>): void {
    for (const id of personIds) this.entries.delete(id);
  }
}
