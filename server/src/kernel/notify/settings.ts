import {
  type ChannelsByService,
  EmailFrequency,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_SERVICES,
  type NotificationAudience,
  type NotificationChannel,
  NotificationDefaults,
  type NotificationService,
  QuietHours,
} from '@preau/contracts';
import type { Db } from '../db/database.js';

/**
 * Who gets what by default. Students and relatives: no e-mail or push from 20:00 to 07:00 nor on
 * Sunday, and one e-mail a day; staff: no quiet hours, e-mails at once. Every service on every
 * channel (push only reaches devices the person subscribed). Establishments change these for each
 * audience; each person then overrides what they want.
 */
function allChannels(on: boolean): ChannelsByService {
  return Object.fromEntries(NOTIFICATION_SERVICES.map((s) => [s, { web: true, email: on, push: on }])) as ChannelsByService;
}

export const PLATFORM_DEFAULTS: Record<NotificationAudience, NotificationDefaults> = {
  family: {
    emailFrequency: 'daily',
    quietHours: { enabled: true, start: '20:00', end: '07:00', days: [0] },
    channels: allChannels(true),
  },
  staff: {
    emailFrequency: 'immediate',
    quietHours: { enabled: false, start: '20:00', end: '07:00', days: [] },
    channels: allChannels(true),
  },
};

export interface EffectiveSettings {
  personId: string;
  establishmentId: string | null;
  audience: NotificationAudience;
  defaults: NotificationDefaults;
  effective: NotificationDefaults;
  own: { emailFrequency: boolean; quietHours: boolean; channels: { service: NotificationService; channel: NotificationChannel }[] };
}

const CHUNK = 1000;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Stored establishment defaults, completed by the platform's for services added since. */
export function parseDefaults(raw: string | null | undefined, audience: NotificationAudience): NotificationDefaults {
  const base = PLATFORM_DEFAULTS[audience];
  if (!raw) return base;
  const stored = JSON.parse(raw) as Partial<NotificationDefaults>;
  const frequency = EmailFrequency.safeParse(stored.emailFrequency);
  const quiet = QuietHours.safeParse(stored.quietHours);
  const channels = { ...base.channels };
  for (const service of NOTIFICATION_SERVICES) {
    const c = stored.channels?.[service];
    if (c) channels[service] = { ...channels[service], ...c };
  }
  return NotificationDefaults.parse({
    emailFrequency: frequency.success ? frequency.data : base.emailFrequency,
    quietHours: quiet.success ? quiet.data : base.quietHours,
    channels,
  });
}

/**
 * Effective settings of many people in a handful of queries per 1,000 people (memberships,
 * establishment defaults, own settings, own switches). A person's defaults come from their first
 * establishment (by id): a relative of two schools gets one consistent behaviour; as a student or
 * relative there they are `family`, otherwise `staff`.
 */
export async function loadEffectiveSettings(db: Db, personIds: string[]): Promise<Map<string, EffectiveSettings>> {
  const result = new Map<string, EffectiveSettings>();
  for (const ids of chunks([...new Set(personIds)])) {
    const [memberships, settings, switches] = await Promise.all([
      db.selectFrom('memberships').select(['person_id', 'establishment_id', 'profile']).where('person_id', 'in', ids).orderBy('establishment_id').execute(),
      db.selectFrom('notification_settings').selectAll().where('person_id', 'in', ids).execute(),
      db.selectFrom('notification_preferences').selectAll().where('person_id', 'in', ids).execute(),
    ]);
    const primary = new Map<string, { establishmentId: string; audience: NotificationAudience }>();
    for (const m of memberships) {
      const current = primary.get(m.person_id);
      if (current && current.establishmentId !== m.establishment_id) continue;
      const family = m.profile === 'student' || m.profile === 'relative';
      primary.set(m.person_id, { establishmentId: m.establishment_id, audience: family || current?.audience === 'family' ? 'family' : 'staff' });
    }
    const establishmentIds = [...new Set([...primary.values()].map((p) => p.establishmentId))];
    const stored = establishmentIds.length
      ? await db.selectFrom('establishment_notification_defaults').selectAll().where('establishment_id', 'in', establishmentIds).execute()
      : [];
    const storedBy = new Map(stored.map((s) => [`${s.establishment_id}/${s.audience}`, s.settings]));
    const ownBy = new Map(settings.map((s) => [s.person_id, s]));
    const switchesBy = new Map<string, typeof switches>();
    for (const s of switches) switchesBy.set(s.person_id, [...(switchesBy.get(s.person_id) ?? []), s]);

    for (const personId of ids) {
      const where = primary.get(personId);
      const audience = where?.audience ?? 'staff';
      const defaults = parseDefaults(where ? storedBy.get(`${where.establishmentId}/${audience}`) : null, audience);
      const own = ownBy.get(personId);
      const ownFrequency = EmailFrequency.safeParse(own?.email_frequency);
      const ownQuiet = own?.quiet_hours ? QuietHours.safeParse(JSON.parse(own.quiet_hours)) : null;
      const channels = structuredClone(defaults.channels);
      const ownChannels: EffectiveSettings['own']['channels'] = [];
      for (const s of switchesBy.get(personId) ?? []) {
        const service = s.service as NotificationService;
        if (!channels[service] || !NOTIFICATION_CHANNELS.includes(s.channel)) continue;
        channels[service][s.channel] = s.enabled === 1;
        ownChannels.push({ service, channel: s.channel });
      }
      result.set(personId, {
        personId,
        establishmentId: where?.establishmentId ?? null,
        audience,
        defaults,
        effective: {
          emailFrequency: ownFrequency.success ? ownFrequency.data : defaults.emailFrequency,
          quietHours: ownQuiet?.success ? ownQuiet.data : defaults.quietHours,
          channels,
        },
        own: { emailFrequency: ownFrequency.success, quietHours: !!ownQuiet?.success, channels: ownChannels },
      });
    }
  }
  return result;
}
