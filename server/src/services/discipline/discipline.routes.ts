import { DisciplineHistory, DisciplineList, DisciplineListQuery, EstablishmentParams, IncidentParams, IncidentTypes, MeasureParams, NewIncident, NewIncidentTypes, NewMeasure } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import { listIncidentTypes, replaceIncidentTypes } from './discipline.types.js';
import { cancelMeasure, createIncident, createMeasure, publishIncident, publishMeasure, updateIncident, updateMeasure } from './discipline.usecases.js';
import { listRecords, recordHistory } from './discipline.views.js';

const tags = ['discipline'];
const base = '/api/discipline/establishments/:establishmentId';

/** Incidents, punishments and sanctions: recording, publication to families, reading, history. */
export function disciplineRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(`${base}/types`, { config: { right: 'discipline.read' }, schema: { tags, params: EstablishmentParams, response: { 200: IncidentTypes } } }, async (request) =>
      listIncidentTypes(ctx, request.params.establishmentId),
    );
    app.put(`${base}/types`, { config: { right: 'discipline.manage' }, schema: { tags, params: EstablishmentParams, body: NewIncidentTypes, response: { 200: IncidentTypes } } }, async (request) =>
      replaceIncidentTypes(ctx, request.params.establishmentId, request.body),
    );
    app.get(`${base}/records`, { config: { right: 'discipline.read' }, schema: { tags, params: EstablishmentParams, querystring: DisciplineListQuery, response: { 200: DisciplineList } } }, async (request) =>
      listRecords(ctx.db, requireActor(request), request.params.establishmentId, request.query),
    );

    app.post(`${base}/incidents`, { config: { right: 'discipline.write' }, schema: { tags, params: EstablishmentParams, body: NewIncident, response: { 201: DisciplineList } } }, async (request, reply) =>
      reply.status(201).send(await createIncident(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.put(`${base}/incidents/:incidentId`, { config: { right: 'discipline.write' }, schema: { tags, params: IncidentParams, body: NewIncident, response: { 200: DisciplineList } } }, async (request) =>
      updateIncident(ctx, requireActor(request), request.params.establishmentId, request.params.incidentId, request.body),
    );
    app.post(`${base}/incidents/:incidentId/publish`, { config: { right: 'discipline.manage' }, schema: { tags, params: IncidentParams, response: { 200: DisciplineList } } }, async (request) =>
      publishIncident(ctx, requireActor(request), request.params.establishmentId, request.params.incidentId),
    );
    app.get(`${base}/incidents/:incidentId/history`, { config: { right: 'discipline.write' }, schema: { tags, params: IncidentParams, response: { 200: DisciplineHistory } } }, async (request) =>
      recordHistory(ctx.db, requireActor(request), request.params.establishmentId, { incidentId: request.params.incidentId }),
    );

    app.post(`${base}/measures`, { config: { right: 'discipline.write' }, schema: { tags, params: EstablishmentParams, body: NewMeasure, response: { 201: DisciplineList } } }, async (request, reply) =>
      reply.status(201).send(await createMeasure(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.put(`${base}/measures/:measureId`, { config: { right: 'discipline.write' }, schema: { tags, params: MeasureParams, body: NewMeasure, response: { 200: DisciplineList } } }, async (request) =>
      updateMeasure(ctx, requireActor(request), request.params.establishmentId, request.params.measureId, request.body),
    );
    // Teachers publish their own punishments, so the route needs the write right; the use case decides.
    app.post(`${base}/measures/:measureId/publish`, { config: { right: 'discipline.write' }, schema: { tags, params: MeasureParams, response: { 200: DisciplineList } } }, async (request) =>
      publishMeasure(ctx, requireActor(request), request.params.establishmentId, request.params.measureId),
    );
    app.post(`${base}/measures/:measureId/cancel`, { config: { right: 'discipline.write' }, schema: { tags, params: MeasureParams, response: { 200: DisciplineList } } }, async (request) =>
      cancelMeasure(ctx, requireActor(request), request.params.establishmentId, request.params.measureId),
    );
    app.get(`${base}/measures/:measureId/history`, { config: { right: 'discipline.write' }, schema: { tags, params: MeasureParams, response: { 200: DisciplineHistory } } }, async (request) =>
      recordHistory(ctx.db, requireActor(request), request.params.establishmentId, { measureId: request.params.measureId }),
    );
  };
}
