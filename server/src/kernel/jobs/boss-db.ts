import { CompiledQuery, type Kysely } from 'kysely';
import type PgBoss from 'pg-boss';

/**
 * Lets pg-boss run its SQL through Préau's Kysely (the pool, or a transaction): no second pool to
 * size, and `enqueue` writes the status row and pg-boss's job in one transaction.
 */
export function bossDbOn<DB>(db: Kysely<DB>): PgBoss.Db {
  return {
    executeSql: async (text: string, values?: unknown[]) => db.executeQuery(CompiledQuery.raw(text, values ?? [])),
  };
}

/**
 * The pool-level adapter given to the PgBoss constructor. pg-boss completes and fails jobs without
 * awaiting the call; `close()` waits for those, and afterwards answers `undefined` as pg-boss's own
 * closed connection does (which pg-boss tolerates), so nothing touches the database once stopped.
 */
export class ClosableBossDb implements PgBoss.Db {
  readonly #inner: PgBoss.Db;
  readonly #inFlight = new Set<Promise<unknown>>();
  #open = true;

  constructor(inner: PgBoss.Db) {
    this.#inner = inner;
  }

  reopen(): void {
    this.#open = true;
  }

  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> {
    if (!this.#open) return Promise.resolve(undefined as unknown as { rows: unknown[] });
    const query = this.#inner.executeSql(text, values);
    this.#inFlight.add(query);
    void query.catch(() => {}).finally(() => this.#inFlight.delete(query));
    return query;
  }

  async close(): Promise<void> {
    this.#open = false;
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }
}
