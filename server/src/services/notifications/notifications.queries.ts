import type { EstablishmentNotificationDefaults, NotificationAudience, NotificationPreferencesUpdate, PushSubscriptionInput } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';
import { parseDefaults } from '../../kernel/notify/index.js';

/** Saves a person's changes in one transaction: `null` removes their own choice (the default applies again). */
export async function savePreferences(db: Db, personId: string, update: NotificationPreferencesUpdate, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (update.emailFrequency !== undefined || update.quietHours !== undefined) {
      const current = await trx.selectFrom('notification_settings').selectAll().where('person_id', '=', personId).executeTakeFirst();
      const next = {
        person_id: personId,
        email_frequency: update.emailFrequency !== undefined ? update.emailFrequency : (current?.email_frequency ?? null),
        quiet_hours: update.quietHours !== undefined ? (update.quietHours ? JSON.stringify(update.quietHours) : null) : (current?.quiet_hours ?? null),
        updated_at: now,
      };
      await trx
        .insertInto('notification_settings')
        .values(next)
        .onConflict((oc) => oc.column('person_id').doUpdateSet({ email_frequency: next.email_frequency, quiet_hours: next.quiet_hours, updated_at: now }))
        .execute();
    }
    const channels = update.channels ?? [];
    const cleared = channels.filter((c) => c.enabled === null);
    const set = channels.filter((c) => c.enabled !== null);
    if (cleared.length) {
      await trx
        .deleteFrom('notification_preferences')
        .where('person_id', '=', personId)
        .where((eb) => eb.or(cleared.map((c) => eb.and([eb('service', '=', c.service), eb('channel', '=', c.channel)]))))
        .execute();
    }
    if (set.length) {
      await trx
        .insertInto('notification_preferences')
        .values(set.map((c) => ({ person_id: personId, service: c.service, channel: c.channel, enabled: c.enabled ? 1 : 0 })))
        .onConflict((oc) => oc.columns(['person_id', 'service', 'channel']).doUpdateSet((eb) => ({ enabled: eb.ref('excluded.enabled') })))
        .execute();
    }
  });
}

export async function loadEstablishmentDefaults(db: Db, establishmentId: string): Promise<EstablishmentNotificationDefaults> {
  const rows = await db.selectFrom('establishment_notification_defaults').select(['audience', 'settings']).where('establishment_id', '=', establishmentId).execute();
  const stored = new Map(rows.map((r) => [r.audience, r.settings]));
  return { family: parseDefaults(stored.get('family'), 'family'), staff: parseDefaults(stored.get('staff'), 'staff') };
}

export async function saveEstablishmentDefaults(db: Db, establishmentId: string, defaults: EstablishmentNotificationDefaults, by: string, now: string): Promise<void> {
  const rows = (['family', 'staff'] as NotificationAudience[]).map((audience) => ({
    establishment_id: establishmentId,
    audience,
    settings: JSON.stringify(defaults[audience]),
    updated_at: now,
    updated_by: by,
  }));
  await db
    .insertInto('establishment_notification_defaults')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['establishment_id', 'audience']).doUpdateSet((eb) => ({ settings: eb.ref('excluded.settings'), updated_at: eb.ref('excluded.updated_at'), updated_by: eb.ref('excluded.updated_by') })),
    )
    .execute();
}

/**
 * One row per browser endpoint: a browser that subscribes again (or whose user changed) takes the
 * row over, so a shared computer never notifies the previous user.
 */
export async function saveSubscription(db: Db, personId: string, input: PushSubscriptionInput, userAgent: string | null, now: string): Promise<void> {
  await db
    .insertInto('push_subscriptions')
    .values({ id: newId(), person_id: personId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, user_agent: userAgent, created_at: now, last_success_at: null })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({ person_id: personId, p256dh: input.keys.p256dh, auth: input.keys.auth, user_agent: userAgent, created_at: now }),
    )
    .execute();
}

export async function deleteSubscription(db: Db, personId: string, endpoint: string): Promise<boolean> {
  const result = await db.deleteFrom('push_subscriptions').where('person_id', '=', personId).where('endpoint', '=', endpoint).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countSubscriptions(db: Db, personId: string): Promise<number> {
  const row = await db.selectFrom('push_subscriptions').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', '=', personId).executeTakeFirstOrThrow();
  return Number(row.n);
}
