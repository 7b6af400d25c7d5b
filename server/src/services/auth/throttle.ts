import { sql } from 'kysely';
import type { ThrottleConfig } from '../../config.js';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';

export interface ThrottleKey {
  key: string;
  /** Failures allowed before the first lock. */
  allowed: number;
}

/**
 * Failed attempts per login and per IP address, kept in the database so that every Préau process
 * sees the same counters. Past the allowance each failure locks the key for twice as long as the
 * previous lock (30 s, 1 min, 2 min… up to 15 min); a quiet window forgets the failures.
 */
export class Throttle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly config: ThrottleConfig,
  ) {}

  /** Seconds until every given key is unlocked (0 when none is locked). */
  async lockedFor(keys: string[]): Promise<number> {
    const rows = await this.db.selectFrom('auth_throttle').select(['locked_until']).where('key', 'in', keys).execute();
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const r of rows) {
      if (r.locked_until) wait = Math.max(wait, (new Date(r.locked_until).getTime() - now) / 1000);
    }
    return Math.max(wait, 0);
  }

  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.windowMinutes * 60_000).toISOString();
    for (const { key, allowed } of keys) {
      const row = await this.db
        .insertInto('auth_throttle')
        .values({ key, failures: 1, last_failure_at: now.toISOString(), locked_until: null })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when auth_throttle.last_failure_at < ${cutoff} then 1 else auth_throttle.failures + 1 end`,
            last_failure_at: now.toISOString(),
          }),
        )
        .returning(['failures'])
        .executeTakeFirstOrThrow();
      const excess = Number(row.failures) - allowed;
      if (excess >= 0) {
        const seconds = Math.min(this.config.baseLockSeconds * 2 ** excess, this.config.maxLockSeconds);
        await this.db
          .updateTable('auth_throttle')
          .set({ locked_until: new Date(now.getTime() + seconds * 1000).toISOString() })
          .where('key', '=', key)
          .execute();
      }
    }
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('auth_throttle').where('key', '=', key).execute();
  }
}
