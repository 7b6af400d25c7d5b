import { EstablishmentParams, HiddenServicesBody, PROFILES, type Profile, ProfileParams, ServiceSettings } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../../kernel/auth/actor.js';
import { requireActor } from '../../../kernel/auth/guard.js';
import { KeyedCache } from '../../../kernel/cache/keyed-cache.js';
import type { AppContext } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/database.js';
import { badRequest, notFound } from '../../../kernel/errors/app-error.js';
import { recordAudit } from '../../audit/index.js';
import { findEstablishment } from '../../directory/index.js';
import { CATALOGUE } from '../../portal/index.js';
import { type CatalogueEntry, hideableFor, shownTiles } from './services.visibility.js';

/** "profile|service" pairs hidden in an establishment. */
async function hiddenIn(db: Db, establishmentId: string, profiles?: string[]): Promise<Set<string>> {
  let q = db.selectFrom('hidden_services').select(['profile', 'service_id']).where('establishment_id', '=', establishmentId);
  if (profiles) {
    if (profiles.length === 0) return new Set();
    q = q.where('profile', 'in', profiles);
  }
  return new Set((await q.execute()).map((r) => `${r.profile}|${r.service_id}`));
}

/**
 * The establishment's hidden services as the home page reads them on every visit: per process for
 * as long as a cached session (a change made in another process shows within those seconds; in
 * this one, at once).
 */
const hiddenCaches = new WeakMap<AppContext, KeyedCache<Set<string>>>();
function hiddenCache(ctx: AppContext): KeyedCache<Set<string>> {
  let cache = hiddenCaches.get(ctx);
  if (!cache) hiddenCaches.set(ctx, (cache = new KeyedCache(ctx.config.sessionCacheSeconds * 1000, ctx.clock)));
  return cache;
}

/** For the portal: the tiles this person sees once the establishment's hidden services are removed. */
export async function visibleTiles<T extends CatalogueEntry>(ctx: AppContext, actor: Actor, establishmentId: string, tiles: T[]): Promise<T[]> {
  const profiles = actor.memberships.find((m) => m.establishmentId === establishmentId)?.profiles ?? [];
  if (actor.platformAdmin || profiles.length === 0) return tiles;
  const hidden = await hiddenCache(ctx).get(establishmentId, () => hiddenIn(ctx.db, establishmentId));
  return shownTiles(ctx.rights, actor, establishmentId, tiles, hidden);
}

async function settings(ctx: AppContext, establishmentId: string) {
  const hidden = await hiddenIn(ctx.db, establishmentId);
  return {
    profiles: PROFILES.map((profile) => ({
      profile,
      services: hideableFor(ctx.rights, CATALOGUE, establishmentId, profile).map((s) => ({ id: s.id, path: s.path, visible: !hidden.has(`${profile}|${s.id}`) })),
    })).filter((p) => p.services.length > 0),
  };
}

/** Which services each profile sees on the establishment's portal. */
export function servicesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(
      '/api/admin/establishments/:establishmentId/services',
      { config: { right: 'admin.services.manage' }, schema: { tags: ['admin'], params: EstablishmentParams, response: { 200: ServiceSettings } } },
      async (request) => settings(ctx, request.params.establishmentId),
    );

    app.put(
      '/api/admin/establishments/:establishmentId/services/:profile',
      { config: { right: 'admin.services.manage' }, schema: { tags: ['admin'], params: ProfileParams, body: HiddenServicesBody, response: { 200: ServiceSettings } } },
      async (request) => {
        const actor = requireActor(request);
        const { establishmentId, profile } = request.params;
        const offered = new Set(hideableFor(ctx.rights, CATALOGUE, establishmentId, profile as Profile).map((s) => s.id));
        const wanted = request.body.hidden;
        const wrong = wanted.map((id, i) => ({ id, i })).filter(({ id }) => !offered.has(id));
        if (wrong.length) throw badRequest('admin.service_not_available', wrong.map(({ i }) => ({ field: `body.hidden.${i}`, issue: 'not_available' })));
        const before = [...(await hiddenIn(ctx.db, establishmentId, [profile]))].map((k) => k.split('|')[1]);
        const hidden = [...new Set(wanted)];
        const now = ctx.clock.now().toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('hidden_services').where('establishment_id', '=', establishmentId).where('profile', '=', profile).execute();
          if (hidden.length) {
            await trx
              .insertInto('hidden_services')
              .values(hidden.map((service_id) => ({ establishment_id: establishmentId, profile, service_id, hidden_by: actor.personId, hidden_at: now })))
              .execute();
          }
        });
        hiddenCache(ctx).forget([establishmentId]);
        await recordAudit(ctx.db, ctx.clock, { action: 'admin.services.changed', actorId: actor.personId, establishmentId, ip: request.ip, details: { profile, before, hidden } });
        return settings(ctx, establishmentId);
      },
    );
  };
}
