import {
  EstablishmentNotificationDefaults,
  EstablishmentParams,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  PushEndpoint,
  PushKey,
  PushSubscriptionInput,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { loadEffectiveSettings, type Notifier } from '../../kernel/notify/index.js';
import { recordAudit } from '../audit/index.js';
import { countSubscriptions, deleteSubscription, loadEstablishmentDefaults, saveEstablishmentDefaults, savePreferences, saveSubscription } from './notifications.queries.js';

/**
 * Preferences are always the caller's own; establishment defaults are guarded by
 * `notifications.defaults.manage` in the establishment named by the path (another school's
 * administrator gets 403).
 */
export function notificationsRoutes(ctx: AppContext, notifier: Notifier): FastifyPluginAsyncZod {
  return async (app) => {
    const preferencesOf = async (personId: string) => {
      const [settings, person, devices] = await Promise.all([
        loadEffectiveSettings(ctx.db, [personId]),
        ctx.db.selectFrom('people').select('email').where('id', '=', personId).executeTakeFirst(),
        countSubscriptions(ctx.db, personId),
      ]);
      const s = settings.get(personId);
      if (!s) throw new Error('settings of an existing person');
      return {
        effective: s.effective,
        defaults: s.defaults,
        own: s.own,
        establishmentId: s.establishmentId,
        audience: s.audience,
        hasEmail: !!person?.email,
        emailAvailable: notifier.options.mailer !== null,
        pushDevices: devices,
        timeZone: notifier.options.timeZone,
      };
    };
    const Preferences = NotificationPreferences;

    app.get(
      '/api/notifications/preferences',
      { config: { right: 'notifications.use' }, schema: { tags: ['notifications'], response: { 200: Preferences } } },
      async (request) => preferencesOf(requireActor(request).personId),
    );

    app.put(
      '/api/notifications/preferences',
      { config: { right: 'notifications.use' }, schema: { tags: ['notifications'], body: NotificationPreferencesUpdate, response: { 200: Preferences } } },
      async (request) => {
        const actor = requireActor(request);
        await savePreferences(ctx.db, actor.personId, request.body, ctx.clock.now().toISOString());
        return preferencesOf(actor.personId);
      },
    );

    app.get(
      '/api/notifications/establishments/:establishmentId/defaults',
      { config: { right: 'notifications.defaults.manage' }, schema: { tags: ['notifications'], params: EstablishmentParams, response: { 200: EstablishmentNotificationDefaults } } },
      async (request) => loadEstablishmentDefaults(ctx.db, request.params.establishmentId),
    );

    app.put(
      '/api/notifications/establishments/:establishmentId/defaults',
      {
        config: { right: 'notifications.defaults.manage' },
        schema: { tags: ['notifications'], params: EstablishmentParams, body: EstablishmentNotificationDefaults, response: { 200: EstablishmentNotificationDefaults } },
      },
      async (request) => {
        const actor = requireActor(request);
        const { establishmentId } = request.params;
        const exists = await ctx.db.selectFrom('establishments').select('id').where('id', '=', establishmentId).executeTakeFirst();
        if (!exists) throw notFound('directory.establishment_not_found');
        await saveEstablishmentDefaults(ctx.db, establishmentId, request.body, actor.personId, ctx.clock.now().toISOString());
        await recordAudit(ctx.db, ctx.clock, { action: 'notifications.defaults_changed', actorId: actor.personId, establishmentId, ip: request.ip });
        return loadEstablishmentDefaults(ctx.db, establishmentId);
      },
    );

    app.get(
      '/api/notifications/push/key',
      { config: { right: 'notifications.use' }, schema: { tags: ['notifications'], response: { 200: PushKey } } },
      async () => ({ publicKey: (await notifier.vapid()).publicKey }),
    );

    app.post(
      '/api/notifications/push/subscriptions',
      { config: { right: 'notifications.use' }, schema: { tags: ['notifications'], body: PushSubscriptionInput, response: { 201: z.object({ devices: z.number().int() }) } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const userAgent = request.headers['user-agent']?.slice(0, 300) ?? null;
        await saveSubscription(ctx.db, actor.personId, request.body, userAgent, ctx.clock.now().toISOString());
        reply.code(201);
        return { devices: await countSubscriptions(ctx.db, actor.personId) };
      },
    );

    app.delete(
      '/api/notifications/push/subscriptions',
      { config: { right: 'notifications.use' }, schema: { tags: ['notifications'], querystring: PushEndpoint, response: { 200: z.object({ devices: z.number().int() }) } } },
      async (request) => {
        const actor = requireActor(request);
        if (!(await deleteSubscription(ctx.db, actor.personId, request.query.endpoint))) throw notFound('notifications.push_subscription_not_found');
        return { devices: await countSubscriptions(ctx.db, actor.personId) };
      },
    );
  };
}
