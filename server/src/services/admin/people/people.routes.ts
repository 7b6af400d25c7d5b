import { AdminPeoplePage, AdminPeopleQuery, AdminPersonDetail, EstablishmentParams, PersonFunctions, PersonFunctionsBody, PersonParams, type PersonState } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../kernel/auth/guard.js';
import type { AppContext } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../../kernel/http/pagination.js';
import { displayName, findEstablishment } from '../../directory/index.js';
import { listMembers, memberFacts } from './people.queries.js';
import { personDetail, setFunctions } from './people.usecases.js';

const right = 'admin.accounts.manage' as const;

/** The establishment's accounts as its administrators see them: all members, with state and classes. */
export function peopleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(
      '/api/admin/establishments/:establishmentId/people',
      { config: { right }, schema: { tags: ['admin'], params: EstablishmentParams, querystring: AdminPeopleQuery, response: { 200: AdminPeoplePage } } },
      async (request) => {
        const { establishmentId } = request.params;
        const { q, profile, groupId, state, cursor, limit } = request.query;
        if (groupId) {
          const group = await ctx.db.selectFrom('groups').select('id').where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
          if (!group) throw notFound('directory.group_not_found');
        }
        const after = decodeCursor(cursor, 2) as [string, string] | undefined;
        const page = paginate(await listMembers(ctx.db, establishmentId, { q, profile, groupId, state, after, limit }), limit, (r) => [r.sort_key, r.id]);
        const facts = await memberFacts(ctx.db, establishmentId, page.items.map((r) => r.id));
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((r) => ({
            id: r.id,
            login: r.login,
            firstName: r.first_name,
            lastName: r.last_name,
            displayName: displayName(r.first_name, r.last_name),
            state: r.state as PersonState,
            ...(facts.get(r.id) ?? { profiles: [], functions: [], classes: [] }),
          })),
        };
      },
    );

    app.get(
      '/api/admin/establishments/:establishmentId/people/:personId',
      { config: { right }, schema: { tags: ['admin'], params: PersonParams, response: { 200: AdminPersonDetail } } },
      async (request) => personDetail(ctx, requireActor(request), request.params.establishmentId, request.params.personId),
    );

    app.put(
      '/api/admin/establishments/:establishmentId/people/:personId/functions',
      { config: { right }, schema: { tags: ['admin'], params: PersonParams, body: PersonFunctionsBody, response: { 200: PersonFunctions } } },
      async (request) => {
        const { establishmentId, personId } = request.params;
        return setFunctions(ctx, requireActor(request), establishmentId, personId, request.body.functions, request.ip);
      },
    );
  };
}
