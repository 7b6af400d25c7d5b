import { type Kysely, type SqlBool, sql } from 'kysely';

/**
 * Events and notifications. Services write `outbox_events` (+ `event_recipients`) in their own
 * transaction; a job fans each event out into one `notifications` row per recipient, which is the
 * timeline and also remembers what the e-mail and push channels still owe that person (a digest is
 * simply the pending rows). Preferences per person and service × channel, per-person settings
 * (e-mail frequency, quiet hours), per-establishment defaults, push subscriptions, and
 * `app_secrets` (the VAPID key pair generated on first use, shared by every process).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('establishment_id', 'text', (c) => c.references('establishments.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('resource_kind', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('recipient_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Set once the fan-out job has written the notifications.
    .addColumn('dispatched_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_events_pending')
    .on('outbox_events')
    .columns(['id'])
    .where(sql.raw<SqlBool>('dispatched_at is null'))
    .execute();

  await db.schema
    .createTable('event_recipients')
    .addColumn('event_id', 'text', (c) => c.notNull().references('outbox_events.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_recipients_pk', ['event_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('outbox_events.id').onDelete('cascade'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // 1: shown in the timeline and live (the person keeps the web channel for this service).
    .addColumn('web', 'integer', (c) => c.notNull())
    // none | pending | sent: pending rows are what the next e-mail (immediate or digest) carries.
    .addColumn('email_state', 'text', (c) => c.notNull())
    .addColumn('push_state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notifications_pk', ['person_id', 'event_id'])
    .execute();
  await db.schema.createIndex('notifications_timeline').on('notifications').columns(['person_id', 'web', 'event_id']).execute();
  await db.schema
    .createIndex('notifications_by_service')
    .on('notifications')
    .columns(['person_id', 'service', 'event_id'])
    .execute();
  await db.schema
    .createIndex('notifications_unread')
    .on('notifications')
    .columns(['person_id'])
    .where(sql.raw<SqlBool>('read_at is null and web = 1'))
    .execute();
  await db.schema
    .createIndex('notifications_email_pending')
    .on('notifications')
    .columns(['person_id', 'event_id'])
    .where(sql.raw<SqlBool>("email_state = 'pending'"))
    .execute();
  await db.schema
    .createIndex('notifications_push_pending')
    .on('notifications')
    .columns(['person_id', 'event_id'])
    .where(sql.raw<SqlBool>("push_state = 'pending'"))
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'service', 'channel'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    // null: the establishment's default
    .addColumn('email_frequency', 'text')
    // JSON { enabled, start, end, days } or null for the establishment's default
    .addColumn('quiet_hours', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('establishment_notification_defaults')
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    // family (students and relatives) | staff (everyone else)
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addPrimaryKeyConstraint('establishment_notification_defaults_pk', ['establishment_id', 'audience'])
    .execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text')
    .execute();
  await db.schema.createIndex('push_subscriptions_person').on('push_subscriptions').columns(['person_id']).execute();

  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'app_secrets',
    'push_subscriptions',
    'establishment_notification_defaults',
    'notification_settings',
    'notification_preferences',
    'notifications',
    'event_recipients',
    'outbox_events',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
