import {
  AlertSettings,
  ChildAbsences,
  ChildAbsencesQuery,
  ClassStatistics,
  EstablishmentParams,
  JUSTIFICATION_MAX_BYTES,
  JustificationDecision,
  JustificationParams,
  JustificationQueueQuery,
  JustificationRecord,
  JustificationRecords,
  NewDeclaration,
  NewJustification,
  StatisticsClasses,
  StatisticsQuery,
  StudentStatisticsReport,
} from '@preau/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../kernel/auth/guard.js';
import type { AppContext } from '../../../kernel/context.js';
import { AppError, badRequest, notFound } from '../../../kernel/errors/app-error.js';
import { findEstablishment } from '../../directory/index.js';
import { classStatistics, statisticsClasses, studentStatistics } from '../statistics/statistics.views.js';
import { alertSettings, saveAlertSettings } from '../statistics/thresholds.js';
import { type UploadedDocument, childAbsences, declareAbsence, decideJustification, justificationFile, justificationQueue, submitJustification } from './justification.usecases.js';

const tags = ['attendance'];
const base = '/api/attendance/establishments/:establishmentId';

/** The justification form: fields and at most one document (5 MB; larger is refused with 413). */
async function readForm(request: FastifyRequest): Promise<{ fields: Record<string, string[]>; file: UploadedDocument | null }> {
  if (!request.isMultipart()) throw badRequest('validation.failed', [{ field: 'body', issue: 'multipart form expected' }]);
  const fields: Record<string, string[]> = {};
  let file: UploadedDocument | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: JUSTIFICATION_MAX_BYTES, files: 1, fields: 60, fieldSize: 10_000 } })) {
      if (part.type === 'file') file = { filename: part.filename, mimetype: part.mimetype, bytes: await part.toBuffer() };
      else if (typeof part.value === 'string') fields[part.fieldname] = [...(fields[part.fieldname] ?? []), part.value];
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('justification.file_too_large', 413);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest('validation.failed', [{ field: 'body', issue: 'one document at most' }]);
    throw error;
  }
  return { fields, file };
}

/** Absences seen by families, justification and declarations, vie scolaire's queue and decisions, statistics and thresholds. */
export function justificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(`${base}/absences`, { config: { right: 'attendance.read' }, schema: { tags, params: EstablishmentParams, querystring: ChildAbsencesQuery, response: { 200: ChildAbsences } } }, async (request) =>
      childAbsences(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.post(`${base}/justifications`, { config: { right: 'attendance.justify' }, schema: { tags, params: EstablishmentParams, response: { 201: JustificationRecord } } }, async (request, reply) => {
      const { fields, file } = await readForm(request);
      const parsed = NewJustification.safeParse({ eventIds: fields.eventIds ?? [], reasonId: fields.reasonId?.[0] ?? '', comment: fields.comment?.[0] || null });
      if (!parsed.success) throw badRequest('validation.failed', parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, issue: i.message })));
      return reply.status(201).send(await submitJustification(ctx, requireActor(request), request.params.establishmentId, parsed.data, file));
    });
    app.post(`${base}/declarations`, { config: { right: 'attendance.justify' }, schema: { tags, params: EstablishmentParams, body: NewDeclaration, response: { 201: JustificationRecord } } }, async (request, reply) =>
      reply.status(201).send(await declareAbsence(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.get(`${base}/justifications/:justificationId/file`, { config: { right: 'attendance.read' }, schema: { tags, params: JustificationParams } }, async (request, reply) => {
      const file = await justificationFile(ctx, requireActor(request), request.params.establishmentId, request.params.justificationId);
      // Always a download, never rendered in Préau's origin.
      return reply
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .type(file.mediaType)
        .send(file.bytes);
    });

    app.get(`${base}/justifications`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, querystring: JustificationQueueQuery, response: { 200: JustificationRecords } } }, async (request) =>
      justificationQueue(ctx, request.params.establishmentId, request.query.state),
    );
    app.post(`${base}/justifications/:justificationId/decision`, { config: { right: 'attendance.manage' }, schema: { tags, params: JustificationParams, body: JustificationDecision, response: { 200: JustificationRecord } } }, async (request) =>
      decideJustification(ctx, requireActor(request), request.params.establishmentId, request.params.justificationId, request.body),
    );

    app.get(`${base}/statistics/classes`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, response: { 200: StatisticsClasses } } }, async (request) =>
      statisticsClasses(ctx, requireActor(request), request.params.establishmentId),
    );
    app.get(`${base}/statistics/class`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, querystring: StatisticsQuery, response: { 200: ClassStatistics } } }, async (request) =>
      classStatistics(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/statistics/student`, { config: { right: 'attendance.read' }, schema: { tags, params: EstablishmentParams, querystring: StatisticsQuery, response: { 200: StudentStatisticsReport } } }, async (request) =>
      studentStatistics(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/alert-settings`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, response: { 200: AlertSettings } } }, async (request) =>
      alertSettings(ctx.db, request.params.establishmentId),
    );
    app.put(`${base}/alert-settings`, { config: { right: 'attendance.settings' }, schema: { tags, params: EstablishmentParams, body: AlertSettings, response: { 200: AlertSettings } } }, async (request) =>
      saveAlertSettings(ctx.db, ctx.clock, requireActor(request), request.params.establishmentId, request.body),
    );
  };
}
