import type { AppContext } from '../../kernel/context.js';
import { purgeLeavers } from './retention.js';

export const RETENTION_JOB = 'retention_purge';
const DAY_MS = 86_400_000;

export function registerRetentionJobs(ctx: AppContext) {
  ctx.jobs.register(RETENTION_JOB, async () => ({ deleted: await purgeLeavers(ctx.db, ctx.clock, { afterDays: ctx.config.leftRetentionDays }) }));
}

/**
 * Once a day, whichever process gets there first: the day is the singleton key, so several Préau
 * processes queue one purge between them.
 */
export function scheduleRetention(ctx: AppContext): () => void {
  const enqueue = () => {
    const day = ctx.clock.now().toISOString().slice(0, 10);
    ctx.jobs.enqueue(RETENTION_JOB, {}, { singletonKey: day }).catch(() => {});
  };
  enqueue();
  const timer = setInterval(enqueue, DAY_MS / 4);
  timer.unref();
  return () => clearInterval(timer);
}
