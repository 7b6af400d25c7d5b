import type { Config } from '../../config.js';
import { buildApp } from '../../kernel/app.js';
import { fixedClock } from '../../kernel/clock.js';
import type { DatabaseHandle } from '../../kernel/db/database.js';
import { emitEvent, type PreauEvent } from '../../kernel/events/index.js';
import { createTestJobQueue } from '../../kernel/jobs/testing.js';
import type { NotifyOptions } from '../../kernel/notify/index.js';
import { testConfig } from '../../kernel/testing/test-app.js';

/** testApp with the notification engine's options (mailer, push service, intervals) and its notifier. */
export async function notifyTestApp(database: DatabaseHandle, notify: Partial<NotifyOptions> = {}, options: { jobs?: boolean; config?: Partial<Config>; now?: string } = {}) {
  const clock = fixedClock(options.now ?? '2026-11-25T10:00:00.000Z');
  const jobs = createTestJobQueue(database);
  const { app, ctx, notifier } = await buildApp({
    config: testConfig(options.config),
    database,
    clock,
    jobs,
    startJobs: options.jobs === true,
    notify: { redisUrl: null, mailer: null, pollIntervalMs: 50, heartbeatMs: 60_000, ...notify },
  });
  await app.ready();
  return { app, ctx, clock, notifier };
}

let counter = 0;
/** A message.received event from Théo (the fixture teacher) to the given people. */
export function messageEvent(recipientIds: string[], subject = 'Sortie au musée'): PreauEvent {
  counter += 1;
  return { type: 'message.received', establishmentId: 'etab-a', actorId: 'theo', recipientIds, resource: { kind: 'conversation', id: `conv-${counter}` }, summary: { subject } };
}

export async function emit(database: DatabaseHandle, clock: { now(): Date }, event: PreauEvent) {
  await database.db.transaction().execute((trx) => emitEvent(trx, event, clock));
}
