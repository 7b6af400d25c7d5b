import { EstablishmentParams, OneRosterExportQuery } from '@preau/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import type { ExportScope } from './exports.queries.js';
import { exportOneRoster } from './exports.usecases.js';

async function sendExport(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, scope: ExportScope, uai: string | undefined, demographics: boolean) {
  const actor = requireActor(request);
  const { fileName, stream } = await exportOneRoster(ctx.db, ctx.clock, { scope, uai, demographics, actorId: actor.personId, ip: request.ip, via: 'api' });
  return (
    reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      // Personal data: no copy in the browser's cache or in a proxy.
      .header('cache-control', 'no-store')
      .send(stream)
  );
}

export function exportsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/establishments/:establishmentId/exports/oneroster',
      {
        config: { right: 'admin.exports.manage' },
        schema: {
          tags: ['exports'],
          summary: 'OneRoster 1.2 CSV bundle (zip) of the establishment; birth dates only with demographics=true',
          params: EstablishmentParams,
          querystring: OneRosterExportQuery,
        },
      },
      async (request, reply) => {
        const establishment = await findEstablishment(ctx.db, request.params.establishmentId);
        if (!establishment) throw notFound('directory.establishment_not_found');
        const scope: ExportScope = { kind: 'establishment', establishmentId: establishment.id };
        return sendExport(ctx, request, reply, scope, establishment.uai, request.query.demographics === 'true');
      },
    );

    app.get(
      '/api/platform/exports/oneroster',
      {
        config: { right: 'platform.exports.manage' },
        schema: {
          tags: ['exports'],
          summary: 'OneRoster 1.2 CSV bundle (zip) of every establishment; birth dates only with demographics=true',
          querystring: OneRosterExportQuery,
        },
      },
      async (request, reply) => sendExport(ctx, request, reply, { kind: 'platform' }, undefined, request.query.demographics === 'true'),
    );
  };
}
