import { Establishment, EstablishmentsPage, EstablishmentsQuery, type EstablishmentType, NewEstablishment } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest } from '../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import { recordAudit } from '../audit/index.js';
import { fold } from './names.js';
import { isValidUai } from './uai.js';

type Row = { id: string; uai: string; name: string; type: string; academy: string | null; address: string | null; postal_code: string | null; city: string | null };
const present = (r: Row) => ({ id: r.id, uai: r.uai, name: r.name, type: r.type as EstablishmentType, academy: r.academy, address: r.address, postalCode: r.postal_code, city: r.city });

/** The platform's establishments, managed by platform administrators. */
export function establishmentsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/platform/establishments',
      { config: { right: 'platform.establishments.manage' }, schema: { tags: ['platform'], querystring: EstablishmentsQuery, response: { 200: EstablishmentsPage } } },
      async (request) => {
        const { q, cursor, limit } = request.query;
        const after = decodeCursor(cursor, 2);
        let query = ctx.db
          .selectFrom('establishments')
          .select(['id', 'uai', 'name', 'type', 'academy', 'address', 'postal_code', 'city'])
          .orderBy('uai')
          .orderBy('id')
          .limit(limit + 1);
        if (q) {
          const term = q.toUpperCase();
          query = query.where((eb) => eb.or([eb('uai', '=', term), eb('name', 'like', `%${q.replace(/[%_]/g, '')}%`), eb('city', 'like', `%${fold(q).replace(/[%_]/g, '')}%`)]));
        }
        if (after) query = query.where((eb) => eb(eb.refTuple('uai', 'id'), '>', eb.tuple(after[0], after[1])));
        const page = paginate(await query.execute(), limit, (r) => [r.uai, r.id]);
        return { nextCursor: page.nextCursor, items: page.items.map(present) };
      },
    );

    app.post(
      '/api/platform/establishments',
      { config: { right: 'platform.establishments.manage' }, schema: { tags: ['platform'], body: NewEstablishment, response: { 201: Establishment } } },
      async (request, reply) => {
        const body = request.body;
        if (!isValidUai(body.uai)) throw badRequest('directory.invalid_uai', [{ field: 'body.uai', issue: 'check_letter' }]);
        const existing = await ctx.db.selectFrom('establishments').select('id').where('uai', '=', body.uai).executeTakeFirst();
        if (existing) throw new AppError('directory.establishment_exists', 409);
        const row: Row & { created_at: string } = {
          id: newId(),
          uai: body.uai,
          name: body.name,
          type: body.type,
          academy: body.academy ?? null,
          address: body.address ?? null,
          postal_code: body.postalCode ?? null,
          city: body.city ?? null,
          created_at: ctx.clock.now().toISOString(),
        };
        await ctx.db.insertInto('establishments').values(row).execute();
        const actor = requireActor(request);
        await recordAudit(ctx.db, ctx.clock, { action: 'platform.establishment.created', actorId: actor.personId, establishmentId: row.id, ip: request.ip, details: { uai: row.uai } });
        return reply.status(201).send(present(row));
      },
    );
  };
}
