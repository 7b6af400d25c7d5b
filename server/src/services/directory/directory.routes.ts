import {
  DirectoryPerson,
  EstablishmentParams,
  GroupsPage,
  GroupsQuery,
  type GroupKind,
  PeoplePage,
  PeopleQuery,
  PersonParams,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../kernel/auth/actor.js';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { audienceOf, seesAllGroups } from './directory.policy.js';
import { childrenIds, factsAbout, findGroup, listGroups, listVisiblePeople, type PeopleFilter } from './directory.queries.js';
import { EstablishmentRefs } from './establishment-refs.js';
import { displayName } from './names.js';

/** Existence through the per-process establishment cache: every directory call checks it. */
async function requireEstablishment(refs: EstablishmentRefs, establishmentId: string) {
  const establishment = (await refs.get([establishmentId])).get(establishmentId);
  if (!establishment) throw notFound('directory.establishment_not_found');
  return establishment;
}

async function visiblePeople(ctx: AppContext, actor: Actor, establishmentId: string, filter: PeopleFilter) {
  const rows = await listVisiblePeople(ctx.db, actor.personId, establishmentId, audienceOf(actor, establishmentId), filter);
  const page = paginate(rows, filter.limit, (r) => [r.sort_key, r.id]);
  const facts = await factsAbout(ctx.db, establishmentId, page.items.map((r) => r.id));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const f = facts.get(r.id) ?? { profiles: [], functions: [], groups: [], subjects: [] };
      return {
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        displayName: displayName(r.first_name, r.last_name),
        ...f,
        email: Number(r.contact_visible) === 1 ? r.email : null,
        phone: Number(r.contact_visible) === 1 ? r.phone : null,
      };
    }),
  };
}

export function directoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const refs = new EstablishmentRefs(ctx.db, ctx.clock);
  return async (app) => {
    app.get(
      '/api/directory/establishments/:establishmentId/people',
      {
        config: { right: 'directory.read' },
        schema: { tags: ['directory'], params: EstablishmentParams, querystring: PeopleQuery, response: { 200: PeoplePage } },
      },
      async (request) => {
        const actor = requireActor(request);
        const { establishmentId } = request.params;
        await requireEstablishment(refs, establishmentId);
        const { q, profile, groupId, cursor, limit } = request.query;
        if (groupId && !(await findGroup(ctx.db, establishmentId, groupId))) throw notFound('directory.group_not_found');
        const after = decodeCursor(cursor, 2) as [string, string] | undefined;
        return visiblePeople(ctx, actor, establishmentId, { q, profile, groupId, after, limit });
      },
    );

    app.get(
      '/api/directory/establishments/:establishmentId/people/:personId',
      {
        config: { right: 'directory.read' },
        schema: { tags: ['directory'], params: PersonParams, response: { 200: DirectoryPerson } },
      },
      async (request) => {
        const actor = requireActor(request);
        const { establishmentId, personId } = request.params;
        await requireEstablishment(refs, establishmentId);
        const page = await visiblePeople(ctx, actor, establishmentId, { personId, limit: 1 });
        const person = page.items[0];
        // Someone the viewer may not see is reported as absent, not as forbidden: existence is private too.
        if (!person) throw notFound('directory.person_not_found');
        return person;
      },
    );

    app.get(
      '/api/directory/establishments/:establishmentId/groups',
      {
        config: { right: 'directory.read' },
        schema: { tags: ['directory'], params: EstablishmentParams, querystring: GroupsQuery, response: { 200: GroupsPage } },
      },
      async (request) => {
        const actor = requireActor(request);
        const { establishmentId } = request.params;
        await requireEstablishment(refs, establishmentId);
        const { kind, cursor, limit } = request.query;
        const after = decodeCursor(cursor, 2) as [string, string] | undefined;
        const onlyOf = seesAllGroups(actor, establishmentId) ? undefined : [actor.personId, ...(await childrenIds(ctx.db, actor.personId))];
        const rows = await listGroups(ctx.db, establishmentId, { kind, onlyOf, after, limit });
        const page = paginate(rows, limit, (r) => [r.name, r.id]);
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((r) => ({
            id: r.id,
            name: r.name,
            kind: r.kind as GroupKind,
            level: r.level,
            memberCount: Number(r.member_count ?? 0),
          })),
        };
      },
    );
  };
}
