import { ArchivedGroup, ArchiveGroupParams, ArchiveList, ArchivePdfQuery, ArchiveSummary, EstablishmentParams, NewArchive } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../kernel/auth/guard.js';
import type { AppContext } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors/app-error.js';
import { findEstablishment } from '../../directory/index.js';
import { archivePdf } from './archive.pdf.js';
import { createArchive, listArchives, readArchivedGroup } from './archive.usecases.js';

const tags = ['homework'];
const base = '/api/homework/establishments/:establishmentId/archives';

/** The end-of-year archive of the cahier de textes: created once by the management, then read-only. */
export function archiveRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(base, { config: { right: 'homework.visa' }, schema: { tags, params: EstablishmentParams, body: NewArchive, response: { 201: ArchiveSummary } } }, async (request, reply) =>
      reply.status(201).send(await createArchive(ctx, requireActor(request), request.params.establishmentId, request.body.schoolYear)),
    );
    app.get(base, { config: { right: 'homework.archive' }, schema: { tags, params: EstablishmentParams, response: { 200: ArchiveList } } }, async (request) => ({
      archives: await listArchives(ctx, requireActor(request), request.params.establishmentId),
    }));
    app.get(`${base}/:schoolYear/groups/:groupId`, { config: { right: 'homework.archive' }, schema: { tags, params: ArchiveGroupParams, response: { 200: ArchivedGroup } } }, async (request) =>
      readArchivedGroup(ctx, requireActor(request), request.params.establishmentId, request.params.schoolYear, request.params.groupId),
    );
    app.get(`${base}/:schoolYear/groups/:groupId/pdf`, { config: { right: 'homework.archive' }, schema: { tags, params: ArchiveGroupParams, querystring: ArchivePdfQuery } }, async (request, reply) => {
      const { establishmentId, schoolYear, groupId } = request.params;
      const archive = await readArchivedGroup(ctx, requireActor(request), establishmentId, schoolYear, groupId);
      const establishment = await findEstablishment(ctx.db, establishmentId);
      if (!establishment) throw notFound('directory.establishment_not_found');
      const pdf = await archivePdf(archive, establishment.name, { compress: request.query.raw !== '1' });
      const name = `cahier-de-textes-${schoolYear}-${archive.group.name}.pdf`.replace(/[^\w.-]+/g, '_');
      return reply.header('content-disposition', `attachment; filename="${name}"`).type('application/pdf').send(pdf);
    });
  };
}
