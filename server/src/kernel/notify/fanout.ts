import { type NotificationService, NOTIFICATION_SERVICES } from '@preau/contracts';
import { sql } from 'kysely';
import type { Clock } from '../clock.js';
import type { Db, DatabaseKind } from '../db/database.js';
import { loadEventItem } from './items.js';
import type { LiveHub } from './realtime.js';
import { loadEffectiveSettings } from './settings.js';

/** Rows per multi-row insert into notifications (8 columns: far below both databases' parameter limits). */
const INSERT_CHUNK = 500;
/** Events handled by one run of the fan-out job before it lets other jobs in. */
const EVENTS_PER_RUN = 200;

export interface FanOutResult {
  events: number;
  notifications: number;
  email: boolean;
  push: boolean;
}

/**
 * Turns each pending outbox event into one notification per recipient, in one transaction per
 * event: the event is claimed (row lock on PostgreSQL, so two processes never fan out the same
 * one), recipients' settings are read set-wise, rows are inserted in multi-row statements, the
 * recipient list is dropped and the event marked dispatched. After each commit the web channel is
 * published live. Running it twice changes nothing.
 */
export async function fanOutPending(db: Db, kind: DatabaseKind, clock: Clock, hub: LiveHub, channels: { email: boolean }): Promise<FanOutResult> {
  const result: FanOutResult = { events: 0, notifications: 0, email: false, push: false };
  const pending = await db.selectFrom('outbox_events').select('id').where('dispatched_at', 'is', null).orderBy('id').limit(EVENTS_PER_RUN).execute();
  for (const { id } of pending) {
    const done = await fanOutEvent(db, kind, clock, id, channels.email);
    if (!done) continue;
    result.events += 1;
    result.notifications += done.inserted;
    result.email ||= done.email;
    result.push ||= done.push;
    if (done.live.length > 0) {
      const item = await loadEventItem(db, id);
      if (item) await hub.publish({ personIds: done.live, message: { kind: 'notification', item } });
    }
  }
  return result;
}

async function fanOutEvent(db: Db, kind: DatabaseKind, clock: Clock, eventId: string, emailOn: boolean) {
  return db.transaction().execute(async (trx) => {
    let claim = trx.selectFrom('outbox_events').select(['id', 'service', 'created_at']).where('id', '=', eventId).where('dispatched_at', 'is', null);
    if (kind === 'postgres') claim = claim.forUpdate().skipLocked();
    const event = await claim.executeTakeFirst();
    if (!event) return null;
    const recipients = await trx
      .selectFrom('event_recipients as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .leftJoin(
        (eb) => eb.selectFrom('push_subscriptions').select('person_id').distinct().as('s'),
        (join) => join.onRef('s.person_id', '=', 'r.person_id'),
      )
      .select(['r.person_id', 'p.email', 'p.state', 's.person_id as subscribed'])
      .where('r.event_id', '=', eventId)
      .execute();
    const settings = await loadEffectiveSettings(trx, recipients.map((r) => r.person_id));
    const service = (NOTIFICATION_SERVICES as readonly string[]).includes(event.service) ? (event.service as NotificationService) : null;
    const rows = recipients
      // People who left keep nothing; suspended or not yet activated accounts find it in their timeline later.
      .filter((r) => r.state !== 'left')
      .map((r) => {
        const channels = service ? settings.get(r.person_id)?.effective.channels[service] : undefined;
        const on = channels ?? { web: true, email: false, push: false };
        const reachable = r.state === 'active';
        return {
          person_id: r.person_id,
          event_id: eventId,
          service: event.service,
          created_at: event.created_at,
          read_at: null,
          web: on.web ? 1 : 0,
          email_state: emailOn && on.email && reachable && r.email ? ('pending' as const) : ('none' as const),
          push_state: on.push && reachable && r.subscribed ? ('pending' as const) : ('none' as const),
        };
      })
      .filter((r) => r.web === 1 || r.email_state === 'pending' || r.push_state === 'pending');
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('notifications')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) => oc.columns(['person_id', 'event_id']).doNothing())
        .execute();
    }
    await trx.deleteFrom('event_recipients').where('event_id', '=', eventId).execute();
    await trx.updateTable('outbox_events').set({ dispatched_at: clock.now().toISOString() }).where('id', '=', eventId).execute();
    return {
      inserted: rows.length,
      live: rows.filter((r) => r.web === 1).map((r) => r.person_id),
      email: rows.some((r) => r.email_state === 'pending'),
      push: rows.some((r) => r.push_state === 'pending'),
    };
  });
}

/** Events still waiting for their fan-out (the dispatcher's cheap check). */
export async function hasPendingEvents(db: Db): Promise<boolean> {
  const row = await db.selectFrom('outbox_events').select(sql<number>`1`.as('one')).where('dispatched_at', 'is', null).limit(1).executeTakeFirst();
  return !!row;
}

/** Whether any e-mail or push is still owed to someone (due or waiting for its time). */
export async function pendingDeliveries(db: Db): Promise<{ email: boolean; push: boolean }> {
  const [email, push] = await Promise.all([
    db.selectFrom('notifications').select(sql<number>`1`.as('one')).where('email_state', '=', 'pending').limit(1).executeTakeFirst(),
    db.selectFrom('notifications').select(sql<number>`1`.as('one')).where('push_state', '=', 'pending').limit(1).executeTakeFirst(),
  ]);
  return { email: !!email, push: !!push };
}
