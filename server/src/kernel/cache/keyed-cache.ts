import type { Clock } from '../clock.js';

interface Entry<T> {
  value: Promise<T>;
  loadedAt: number;
}

/**
 * Values read from the database per key (a person, an establishment), per process, for a few
 * seconds. Concurrent misses for one key share one load; `forget` drops a key at once (SessionStore
 * wires person caches to the invalidation bus, so a change reaches every process). Bounded: past
 * maxEntries the oldest entry goes.
 */
export class KeyedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly clock: Clock,
    private readonly maxEntries = 100_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.lifetimeMs <= 0) return load();
    const now = this.clock.now().getTime();
    const cached = this.entries.get(key);
    if (cached && now - cached.loadedAt < this.lifetimeMs && now >= cached.loadedAt) return cached.value;
    if (cached) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const entry: Entry<T> = { value: load(), loadedAt: now };
    this.entries.set(key, entry);
    // A failed load is not remembered; a forget during the load removes this very entry.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  forget(keys: Iterable<string>): void {
    for (const id of keys) this.entries.delete(id);
  }
}
