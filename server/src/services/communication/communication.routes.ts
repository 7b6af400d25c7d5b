import { CommunicationPreview, CommunicationRules, CommunicationRulesView, EstablishmentParams, PersonParams, PreviewQuery } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { recordAudit } from '../audit/index.js';
import { displayName, findEstablishment } from '../directory/index.js';
import { loadRules, resetRules, saveRules } from './communication.queries.js';
import { DEFAULT_RULES, normaliseRules } from './communication.rules.js';
import { countsByProfile, reachOfPerson, reachableGroups, reachablePeople } from './communication.usecases.js';

async function requireEstablishment(ctx: AppContext, establishmentId: string) {
  if (!(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
}

async function rulesView(ctx: AppContext, establishmentId: string) {
  const stored = await loadRules(ctx.db, establishmentId);
  return { ...stored, defaults: DEFAULT_RULES };
}

export function communicationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/communication/establishments/:establishmentId';
    const manage = { right: 'communication.rules.manage' as const };

    app.get(`${base}/rules`, { config: manage, schema: { tags: ['communication'], params: EstablishmentParams, response: { 200: CommunicationRulesView } } }, async (request) => {
      await requireEstablishment(ctx, request.params.establishmentId);
      return rulesView(ctx, request.params.establishmentId);
    });

    app.put(
      `${base}/rules`,
      { config: manage, schema: { tags: ['communication'], params: EstablishmentParams, body: CommunicationRules, response: { 200: CommunicationRulesView } } },
      async (request) => {
        const actor = requireActor(request);
        const { establishmentId } = request.params;
        await requireEstablishment(ctx, establishmentId);
        const rules = normaliseRules(request.body);
        await saveRules(ctx.db, ctx.clock, establishmentId, rules, actor.personId);
        await recordAudit(ctx.db, ctx.clock, { action: 'communication.rules.changed', actorId: actor.personId, establishmentId, ip: request.ip, details: { rules } });
        return rulesView(ctx, establishmentId);
      },
    );

    app.delete(`${base}/rules`, { config: manage, schema: { tags: ['communication'], params: EstablishmentParams, response: { 200: CommunicationRulesView } } }, async (request) => {
      const actor = requireActor(request);
      const { establishmentId } = request.params;
      await requireEstablishment(ctx, establishmentId);
      await resetRules(ctx.db, establishmentId);
      await recordAudit(ctx.db, ctx.clock, { action: 'communication.rules.reset', actorId: actor.personId, establishmentId, ip: request.ip });
      return rulesView(ctx, establishmentId);
    });

    // "Who can X write to?": the same SQL the messaging picker and the send check use.
    app.get(
      `${base}/preview/:personId`,
      { config: manage, schema: { tags: ['communication'], params: PersonParams, querystring: PreviewQuery, response: { 200: CommunicationPreview } } },
      async (request) => {
        const { establishmentId, personId } = request.params;
        const { q, cursor, limit } = request.query;
        await requireEstablishment(ctx, establishmentId);
        const person = await ctx.db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', '=', personId).where('state', '!=', 'left').executeTakeFirst();
        const { reach, profiles } = await reachOfPerson(ctx.db, personId, establishmentId);
        if (!person || profiles.length === 0) throw notFound('directory.person_not_found');
        const after = decodeCursor(cursor, 2) as [string, string] | undefined;
        const [{ counts, total }, groups, page] = await Promise.all([
          countsByProfile(ctx.db, personId, establishmentId, reach),
          reachableGroups(ctx.db, personId, establishmentId, reach),
          reachablePeople(ctx.db, personId, establishmentId, reach, { q, after, limit }),
        ]);
        const { nextCursor } = paginate(page.rows, limit, (r) => [r.sort_key, r.id]);
        return {
          person: { id: person.id, displayName: displayName(person.first_name, person.last_name), profiles },
          counts,
          total,
          groups,
          people: { items: page.people, nextCursor },
        };
      },
    );
  };
}
