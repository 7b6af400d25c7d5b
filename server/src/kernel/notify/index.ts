import type { Clock } from '../clock.js';
import type { Db, DatabaseKind } from '../db/database.js';
import type { JobQueue } from '../jobs/index.js';
import { jobsDb } from '../jobs/jobs.queries.js';
import { type Mailer, sendDueEmails, smtpMailer } from './email.js';
import { fanOutPending, hasPendingEvents, pendingDeliveries } from './fanout.js';
import { loadVapidKeys, type PushSender, sendDuePushes, type VapidKeys, webPushSender } from './push.js';
import { createLiveHub, type LiveHub } from './realtime.js';
import { isValidTimeZone } from './zoned-time.js';

export type { Mailer, MailMessage } from './email.js';
export { recordingMailer } from './email.js';
export type { PushSender, PushTarget, VapidKeys } from './push.js';
export type { LiveHub } from './realtime.js';
export { loadEffectiveSettings, parseDefaults, PLATFORM_DEFAULTS } from './settings.js';
export { type ItemRow, toTimelineItem } from './items.js';
export { inQuietHours } from './quiet-hours.js';

export const NOTIFY_JOBS = { fanOut: 'notify_fanout', email: 'notify_email', push: 'notify_push', purge: 'notify_purge' } as const;

export interface NotifyOptions {
  /** Redis for live delivery across processes (null: this process only). */
  redisUrl: string | null;
  /** Prefix of the Redis channel, so several installations can share one Redis. */
  redisPrefix: string;
  /** Quiet hours and digest times are read in this zone. */
  timeZone: string;
  publicUrl: string | null;
  /** null: no SMTP configured, the e-mail channel is off. */
  mailer: Mailer | null;
  /** Tests pass their own push service; default web-push over fetch. */
  pushSender?: PushSender;
  vapid: { publicKey?: string; privateKey?: string; subject: string };
  /** How often each process looks for undispatched events (ms). */
  pollIntervalMs: number;
  /** How often due digests and held pushes are looked for (ms). */
  tickIntervalMs: number;
  /** SSE comment sent to keep proxies from closing idle streams (ms). */
  heartbeatMs: number;
  /** Events (and the notifications made from them) older than this are deleted, once a day. */
  retentionDays: number;
}

export function notifyOptionsFromEnv(env: NodeJS.ProcessEnv, base: { redisUrl: string | null; redisPrefix: string; publicUrl: string | null }): NotifyOptions {
  const from = env.PREAU_MAIL_FROM ?? 'Préau <ne-pas-repondre@preau.invalid>';
  const timeZone = env.PREAU_TIMEZONE ?? 'Europe/Paris';
  if (!isValidTimeZone(timeZone)) throw new Error(`PREAU_TIMEZONE: unknown time zone ${timeZone}`);
  const fromAddress = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return {
    redisUrl: base.redisUrl,
    redisPrefix: base.redisPrefix,
    timeZone,
    publicUrl: base.publicUrl,
    mailer: env.PREAU_SMTP_URL ? smtpMailer(env.PREAU_SMTP_URL, from) : null,
    vapid: {
      publicKey: env.PREAU_VAPID_PUBLIC_KEY,
      privateKey: env.PREAU_VAPID_PRIVATE_KEY,
      subject: env.PREAU_VAPID_SUBJECT ?? (base.publicUrl?.startsWith('https://') ? base.publicUrl : `mailto:${fromAddress}`),
    },
    pollIntervalMs: Number(env.PREAU_NOTIFY_POLL_MS ?? 500),
    tickIntervalMs: 60_000,
    heartbeatMs: Number(env.PREAU_SSE_HEARTBEAT_SECONDS ?? 25) * 1000,
    retentionDays: Number(env.PREAU_NOTIFICATIONS_RETENTION_DAYS ?? 365),
  };
}

export interface Notifier {
  readonly hub: LiveHub;
  readonly options: NotifyOptions;
  vapid(): Promise<VapidKeys>;
  /** Each step once, now (the jobs call these; tests too). */
  fanOut(): ReturnType<typeof fanOutPending>;
  sendEmails(): Promise<{ sent: number; failed: number }>;
  sendPushes(): Promise<{ sent: number; failed: number }>;
  /** Deletes events older than the retention, with their notifications. */
  purge(): Promise<{ deleted: number }>;
  /** Starts watching the outbox and the digest clock (call once the job queue runs). */
  start(): void;
  stop(): Promise<void>;
}

/**
 * The delivery engine: outbox → `notify_fanout` job → notifications (timeline) + live hub;
 * `notify_email` and `notify_push` send what is due, queued after each fan-out that left
 * something pending and every minute (digests, ends of quiet hours). Every process watches the
 * outbox; the jobs' singleton keys keep one run of each at a time across processes.
 */
export function createNotifier(deps: { db: Db; kind: DatabaseKind; clock: Clock; jobs: JobQueue; log: (message: string) => void }, options: NotifyOptions): Notifier {
  const { db, kind, clock, jobs, log } = deps;
  const hub = createLiveHub(options.redisUrl, log, `${options.redisPrefix}:live`);
  let vapidKeys: Promise<VapidKeys> | null = null;
  const vapid = () => {
    vapidKeys ??= loadVapidKeys(db, clock, options.vapid).catch((error) => {
      vapidKeys = null;
      throw error;
    });
    return vapidKeys;
  };
  const pushSender = options.pushSender ?? webPushSender(vapid);
  const enqueue = (name: string) => jobs.enqueue(name, {}, { singletonKey: 'run' }).catch((error) => log(`notify: enqueue ${name} failed: ${String(error)}`));

  const notifier: Notifier = {
    hub,
    options,
    vapid,
    fanOut: () => fanOutPending(db, kind, clock, hub, { email: options.mailer !== null }),
    sendEmails: async () => (options.mailer ? sendDueEmails(db, clock, options.mailer, options) : { sent: 0, failed: 0 }),
    sendPushes: () => sendDuePushes(db, clock, pushSender, options),
    purge: async () => {
      const cutoff = new Date(clock.now().getTime() - options.retentionDays * 86_400_000).toISOString();
      // notifications and recipients go with their event (foreign keys cascade)
      const result = await db.deleteFrom('outbox_events').where('created_at', '<', cutoff).executeTakeFirst();
      // The minute ticks leave a finished row per run in the jobs table: keep a day of them.
      const dayAgo = new Date(clock.now().getTime() - 86_400_000).toISOString();
      await jobsDb(db).deleteFrom('jobs').where('name', 'in', Object.values(NOTIFY_JOBS)).where('state', '=', 'done').where('finished_at', '<', dayAgo).execute();
      return { deleted: Number(result.numDeletedRows) };
    },
    start: () => {
      const poll = setInterval(() => {
        hasPendingEvents(db)
          .then((pending) => (pending ? enqueue(NOTIFY_JOBS.fanOut) : undefined))
          .catch((error) => log(`notify: outbox check failed: ${String(error)}`));
      }, options.pollIntervalMs);
      let purgedOn = '';
      const tick = () => {
        // Only when something waits (a partial index answers): no job row per idle minute.
        pendingDeliveries(db)
          .then((pending) => {
            if (pending.email && options.mailer) void enqueue(NOTIFY_JOBS.email);
            if (pending.push) void enqueue(NOTIFY_JOBS.push);
          })
          .catch((error) => log(`notify: pending check failed: ${String(error)}`));
        const today = clock.now().toISOString().slice(0, 10);
        if (today !== purgedOn) {
          purgedOn = today;
          void enqueue(NOTIFY_JOBS.purge);
        }
      };
      tick();
      const ticker = setInterval(tick, options.tickIntervalMs);
      poll.unref();
      ticker.unref();
      timers.push(poll, ticker);
    },
    stop: async () => {
      for (const t of timers.splice(0)) clearInterval(t);
      await hub.close();
      options.mailer?.close();
    },
  };
  const timers: NodeJS.Timeout[] = [];

  jobs.register(NOTIFY_JOBS.fanOut, async () => {
    const result = await notifier.fanOut();
    if (result.email) void enqueue(NOTIFY_JOBS.email);
    if (result.push) void enqueue(NOTIFY_JOBS.push);
    return result;
  });
  jobs.register(NOTIFY_JOBS.email, () => notifier.sendEmails());
  jobs.register(NOTIFY_JOBS.push, () => notifier.sendPushes());
  jobs.register(NOTIFY_JOBS.purge, () => notifier.purge());
  return notifier;
}
