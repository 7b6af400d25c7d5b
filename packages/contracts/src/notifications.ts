import { z } from 'zod';
import { PageQuery, pageOf } from './pagination.js';

/**
 * Timeline and notifications: what services announce (see server/src/kernel/events), how each
 * person receives it (channels per service, e-mail frequency, quiet hours) and the establishment's
 * defaults.
 */
export const NOTIFICATION_SERVICES = ['messaging', 'news', 'homework', 'grades', 'attendance'] as const;
export const NotificationService = z.enum(NOTIFICATION_SERVICES);
export type NotificationService = z.infer<typeof NotificationService>;

export const NOTIFICATION_CHANNELS = ['web', 'email', 'push'] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const EmailFrequency = z.enum(['immediate', 'daily', 'weekly']);
export type EmailFrequency = z.infer<typeof EmailFrequency>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** No e-mail or push from `start` to `end` (local time, may cross midnight) and on whole `days` (0 = Sunday). */
export const QuietHours = z
  .object({
    enabled: z.boolean(),
    start: Time,
    end: Time,
    days: z.array(z.number().int().min(0).max(6)).max(7),
  })
  .strict();
export type QuietHours = z.infer<typeof QuietHours>;

export const ChannelSwitches = z.object({ web: z.boolean(), email: z.boolean(), push: z.boolean() }).strict();
export type ChannelSwitches = z.infer<typeof ChannelSwitches>;

export const ChannelsByService = z.object(
  Object.fromEntries(NOTIFICATION_SERVICES.map((s) => [s, ChannelSwitches])) as Record<NotificationService, typeof ChannelSwitches>,
);
export type ChannelsByService = z.infer<typeof ChannelsByService>;

/** What an establishment sets for one audience (students and relatives, or staff). */
export const NotificationDefaults = z
  .object({ emailFrequency: EmailFrequency, quietHours: QuietHours, channels: ChannelsByService })
  .strict();
export type NotificationDefaults = z.infer<typeof NotificationDefaults>;

export const NotificationAudience = z.enum(['family', 'staff']);
export type NotificationAudience = z.infer<typeof NotificationAudience>;

export const EstablishmentNotificationDefaults = z.object({ family: NotificationDefaults, staff: NotificationDefaults }).strict();
export type EstablishmentNotificationDefaults = z.infer<typeof EstablishmentNotificationDefaults>;

/** A person's preferences as shown on their page: effective values, and which ones are their own. */
export const NotificationPreferences = z.object({
  effective: NotificationDefaults,
  /** The establishment's values, used where the person has not chosen. */
  defaults: NotificationDefaults,
  own: z.object({
    emailFrequency: z.boolean(),
    quietHours: z.boolean(),
    channels: z.array(z.object({ service: NotificationService, channel: NotificationChannel })),
  }),
  /** The establishment whose defaults apply (null: none, the platform's). */
  establishmentId: z.string().nullable(),
  audience: NotificationAudience,
  /** Without an address, e-mails cannot be sent. */
  hasEmail: z.boolean(),
  /** The installation has an SMTP server configured. */
  emailAvailable: z.boolean(),
  /** Devices (browsers) subscribed to web push. */
  pushDevices: z.number().int(),
  timeZone: z.string(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** Changes to one's preferences: `null` goes back to the establishment's value. */
export const NotificationPreferencesUpdate = z
  .object({
    emailFrequency: EmailFrequency.nullable().optional(),
    quietHours: QuietHours.nullable().optional(),
    channels: z
      .array(z.object({ service: NotificationService, channel: NotificationChannel, enabled: z.boolean().nullable() }).strict())
      .max(NOTIFICATION_SERVICES.length * NOTIFICATION_CHANNELS.length)
      .optional(),
  })
  .strict();
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;

// ---- Timeline ----

export const TimelineQuery = PageQuery.extend({
  service: NotificationService.optional(),
  unread: z.enum(['true', 'false']).optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineItem = z.object({
  id: z.string(),
  type: z.string(),
  service: NotificationService,
  establishmentId: z.string().nullable(),
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  resource: z.object({ kind: z.string(), id: z.string() }),
  summary: z.record(z.string(), z.string()),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelinePage = pageOf(TimelineItem);
export type TimelinePage = z.infer<typeof TimelinePage>;

export const UnreadCount = z.object({ unread: z.number().int(), byService: z.record(z.string(), z.number().int()) });
export type UnreadCount = z.infer<typeof UnreadCount>;

const EventId = z.string().min(1).max(64);

/** Mark some notifications read, or all of them (optionally of one service). */
export const MarkRead = z.union([
  z.object({ ids: z.array(EventId).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true), service: NotificationService.optional() }).strict(),
]);
export type MarkRead = z.infer<typeof MarkRead>;

// ---- Web push ----

export const PushKey = z.object({ publicKey: z.string() });
export type PushKey = z.infer<typeof PushKey>;

export const PushSubscriptionInput = z
  .object({
    endpoint: z
      .string()
      .url()
      .max(2000)
      .refine((url) => url.startsWith('https://'), 'https'),
    keys: z.object({ p256dh: z.string().min(16).max(200), auth: z.string().min(8).max(100) }),
  })
  .passthrough();
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export const PushEndpoint = z.object({ endpoint: z.string().url().max(2000) }).strict();

/** What the live stream sends: a new notification, or "some were read elsewhere". */
export type LiveMessage = { kind: 'notification'; item: TimelineItem } | { kind: 'read' };
