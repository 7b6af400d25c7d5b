import { Home, Me } from '@preau/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../kernel/auth/actor.js';
import { requireActor } from '../../kernel/auth/guard.js';
import type { KeyedCache } from '../../kernel/cache/keyed-cache.js';
import type { AppContext } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/app-error.js';
import { visibleTiles } from '../admin/index.js';
import { displayName, EstablishmentRefs } from '../directory/index.js';
import { CATALOGUE } from './portal.catalogue.js';
import { childrenOf, groupsOf, personWithGroups, studentEstablishments } from './portal.queries.js';

/** What /api/me reads from the database for one person; cached per person like their session. */
async function loadMe(ctx: AppContext, personId: string, isRelative: boolean) {
  const [{ person, groups: ownGroups }, children] = await Promise.all([personWithGroups(ctx.db, personId), isRelative ? childrenOf(ctx.db, personId) : []]);
  const childIds = children.map((c) => c.id);
  const [childGroups, childMemberships] = await Promise.all([groupsOf(ctx.db, childIds), studentEstablishments(ctx.db, childIds)]);
  return { person, ownGroups, children, childGroups, childMemberships };
}
type MeData = Awaited<ReturnType<typeof loadMe>>;

async function me(ctx: AppContext, refs: EstablishmentRefs, cache: KeyedCache<MeData>, actor: Actor): Promise<Me> {
  const isRelative = actor.memberships.some((m) => m.profiles.includes('relative'));
  const { person, ownGroups, children, childGroups, childMemberships } = await cache.get(actor.personId, () => loadMe(ctx, actor.personId, isRelative));
  const establishments = await refs.get([
    ...new Set([...actor.memberships.map((m) => m.establishmentId), ...childMemberships.map((m) => m.establishment_id)]),
  ]);
  return {
    id: person.id,
    login: person.login,
    firstName: person.first_name,
    lastName: person.last_name,
    displayName: displayName(person.first_name, person.last_name),
    email: person.email,
    phone: person.phone,
    birthDate: person.birth_date,
    state: person.state as Me['state'],
    platformAdmin: person.platform_admin === 1,
    platformRights: ctx.rights.onPlatform(actor),
    memberships: actor.memberships
      .filter((m) => establishments.has(m.establishmentId))
      .map((m) => ({
        establishment: establishments.get(m.establishmentId)!,
        profiles: m.profiles,
        functions: m.functions,
        rights: ctx.rights.inEstablishment(actor, m.establishmentId),
        groups: ownGroups.get(m.establishmentId) ?? [],
      })),
    children: children.map((c) => ({
      id: c.id,
      firstName: c.first_name,
      lastName: c.last_name,
      legalGuardian: c.legal_guardian === 1,
      establishments: childMemberships
        .filter((m) => m.person_id === c.id && establishments.has(m.establishment_id))
        .map((m) => ({
          establishment: establishments.get(m.establishment_id)!,
          groups: childGroups.get(c.id)?.get(m.establishment_id) ?? [],
        })),
    })),
  };
}

export function portalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const refs = new EstablishmentRefs(ctx.db, ctx.clock);
  const meCache = ctx.sessions.personCache<MeData>();
  return async (app) => {
    app.get('/api/me', { config: { right: 'portal.use' }, schema: { tags: ['portal'], response: { 200: Me } } }, async (request) =>
      me(ctx, refs, meCache, requireActor(request)),
    );

    app.get(
      '/api/portal/home',
      {
        config: { right: 'portal.use' },
        schema: {
          tags: ['portal'],
          querystring: z.object({ establishmentId: z.string().min(1).max(64).optional() }),
          response: { 200: Home },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const establishmentId = request.query.establishmentId ?? actor.memberships[0]?.establishmentId;
        if (request.query.establishmentId && !actor.platformAdmin && !actor.memberships.some((m) => m.establishmentId === establishmentId)) {
          throw forbidden('access.not_member');
        }
        const establishment = establishmentId ? (await refs.get([establishmentId])).get(establishmentId) : undefined;
        const rights = new Set([...ctx.rights.onPlatform(actor), ...(establishment ? ctx.rights.inEstablishment(actor, establishment.id) : [])]);
        const allowed = CATALOGUE.filter((t) => rights.has(t.right));
        return {
          establishment: establishment ?? null,
          // The establishment may hide some services from some profiles (admin console, "Services").
          tiles: (establishment ? await visibleTiles(ctx, actor, establishment.id, allowed) : allowed).map(({ id, path }) => ({ id, path })),
        };
      },
    );
  };
}
