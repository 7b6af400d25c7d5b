import type { NotificationService } from '@preau/contracts';
import webpush from 'web-push';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { type ItemRow, toTimelineItem } from './items.js';
import { inQuietHours } from './quiet-hours.js';
import { loadEffectiveSettings } from './settings.js';
import { countTitle, lineOf, pathOf, titleOf } from './texts.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * VAPID keys from the configuration, else the pair stored in the database, else a new pair stored
 * there: every process of one installation signs with the same key (the first writer wins), and
 * browsers' subscriptions stay valid across restarts.
 */
export async function loadVapidKeys(db: Db, clock: Clock, configured: { publicKey?: string; privateKey?: string; subject: string }): Promise<VapidKeys> {
  if (configured.publicKey && configured.privateKey) {
    return { publicKey: configured.publicKey, privateKey: configured.privateKey, subject: configured.subject };
  }
  const read = () => db.selectFrom('app_secrets').select('value').where('name', '=', 'vapid').executeTakeFirst();
  let row = await read();
  if (!row) {
    const generated = webpush.generateVAPIDKeys();
    await db
      .insertInto('app_secrets')
      .values({ name: 'vapid', value: JSON.stringify(generated), created_at: clock.now().toISOString() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    row = await read();
  }
  const stored = JSON.parse(row?.value ?? '{}') as { publicKey: string; privateKey: string };
  return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject: configured.subject };
}

export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** Sends one encrypted push message; returns the push service's HTTP status. */
export type PushSender = (target: PushTarget, payload: string) => Promise<number>;

/**
 * web-push encrypts and signs (aes128gcm, VAPID); the request itself goes through fetch so that a
 * push service is any URL (tests stand one up on a local HTTP server).
 */
export function webPushSender(vapid: () => Promise<VapidKeys>): PushSender {
  return async (target, payload) => {
    const keys = await vapid();
    const details = webpush.generateRequestDetails(target, payload, {
      vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: 24 * 3600,
    });
    const response = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: new Uint8Array(details.body),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer().catch(() => {});
    return response.status;
  };
}

const PEOPLE_CHUNK = 500;

/**
 * Pushes what is pending to every device of each person outside their quiet hours: one item says
 * what happened, several (held by quiet hours) one summary. A device the push service no longer
 * knows (404/410) is forgotten. Other failures leave the items pending for the next run.
 */
export async function sendDuePushes(db: Db, clock: Clock, send: PushSender, options: { timeZone: string }): Promise<{ sent: number; failed: number }> {
  const now = clock.now();
  const candidates = await db.selectFrom('notifications').select('person_id').distinct().where('push_state', '=', 'pending').execute();
  const settings = await loadEffectiveSettings(db, candidates.map((c) => c.person_id));
  const due = candidates.map((c) => c.person_id).filter((id) => {
    const s = settings.get(id);
    return s && !inQuietHours(now, s.effective.quietHours, options.timeZone);
  });
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < due.length; i += PEOPLE_CHUNK) {
    const people = due.slice(i, i + PEOPLE_CHUNK);
    const [rows, subscriptions] = await Promise.all([
      db
        .selectFrom('notifications as n')
        .innerJoin('outbox_events as e', 'e.id', 'n.event_id')
        .leftJoin('people as a', 'a.id', 'e.actor_id')
        .select(['n.person_id', 'e.id', 'e.type', 'e.service', 'e.establishment_id', 'e.actor_id', 'a.first_name', 'a.last_name', 'e.resource_kind', 'e.resource_id', 'e.summary', 'e.created_at'])
        .where('n.person_id', 'in', people)
        .where('n.push_state', '=', 'pending')
        .orderBy('n.event_id')
        .execute(),
      db.selectFrom('push_subscriptions').select(['id', 'person_id', 'endpoint', 'p256dh', 'auth']).where('person_id', 'in', people).execute(),
    ]);
    for (const personId of people) {
      const channels = settings.get(personId)?.effective.channels;
      const items = rows.filter((r) => r.person_id === personId).map((r) => toTimelineItem(r as ItemRow));
      const wanted = items.filter((item) => channels?.[item.service as NotificationService]?.push !== false);
      const devices = subscriptions.filter((s) => s.person_id === personId);
      const ids = items.map((item) => item.id);
      if (!wanted.length || !devices.length) {
        await markPushes(db, personId, ids, 'none');
        continue;
      }
      const first = wanted[0];
      const payload = JSON.stringify(
        wanted.length === 1 && first
          ? { title: titleOf(first), body: lineOf(first), url: pathOf(first), count: 1 }
          : { title: countTitle(wanted.length), body: wanted.slice(0, 3).map(lineOf).join('\n'), url: '/', count: wanted.length },
      );
      let delivered = false;
      for (const device of devices) {
        try {
          const status = await send({ endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } }, payload);
          if (status === 404 || status === 410) {
            await db.deleteFrom('push_subscriptions').where('id', '=', device.id).execute();
          } else if (status >= 200 && status < 300) {
            delivered = true;
            await db.updateTable('push_subscriptions').set({ last_success_at: now.toISOString() }).where('id', '=', device.id).execute();
          }
        } catch {
          // unreachable push service: counted below, retried next run
        }
      }
      if (delivered) {
        await markPushes(db, personId, ids, 'sent');
        sent += 1;
      } else {
        const left = await db.selectFrom('push_subscriptions').select('id').where('person_id', '=', personId).limit(1).executeTakeFirst();
        if (!left) await markPushes(db, personId, ids, 'none');
        else failed += 1;
      }
    }
  }
  return { sent, failed };
}

async function markPushes(db: Db, personId: string, eventIds: string[], state: 'sent' | 'none') {
  if (!eventIds.length) return;
  await db.updateTable('notifications').set({ push_state: state }).where('person_id', '=', personId).where('event_id', 'in', eventIds).execute();
}
