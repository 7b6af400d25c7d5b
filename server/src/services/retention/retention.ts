import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { recordAudit } from '../audit/index.js';

/** The ENT arrêté: personal data deleted within three months after the person stops being entitled. */
export const DEFAULT_LEFT_RETENTION_DAYS = 90;
const BATCH = 500;

/**
 * Deletes the accounts of people who left more than `afterDays` ago: the person row and, by
 * cascade, their memberships, links, sessions and source ids. Returns how many were deleted.
 */
export async function purgeLeavers(db: Db, clock: Clock, options: { afterDays: number; dryRun?: boolean }): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - options.afterDays * 86_400_000).toISOString();
  const due = db.selectFrom('people').select('id').where('state', '=', 'left').where('left_at', '<', cutoff);
  if (options.dryRun) {
    const row = await db.selectFrom(due.as('due')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
  let total = 0;
  for (;;) {
    const ids = (await due.limit(BATCH).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('people').where('id', 'in', ids).execute();
    });
    total += ids.length;
  }
  if (total > 0) await recordAudit(db, clock, { action: 'retention.leavers.purged', details: { count: total, afterDays: options.afterDays } });
  return total;
}
