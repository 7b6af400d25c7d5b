import {
  AppreciationGrid,
  AppreciationGridQuery,
  Council,
  CouncilDecisions,
  CouncilQuery,
  CouncilSheet,
  EstablishmentParams,
  GeneralAppreciations,
  PublishCouncil,
  ReportCard,
  ReportCardClasses,
  ReportCardList,
  ReportCardParams,
  ReportCardPdfQuery,
  ReportCardStudentParams,
  SubjectAppreciations,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import { listReportCards, readReportCard } from './report-cards.bulletins.js';
import { reportCardClasses } from './report-cards.classes.js';
import { closeCouncil, publishCouncil, reopenCouncil } from './report-cards.councils.js';
import { appreciationGrid, councilSheet, saveDecisions, saveGeneralAppreciations, saveSubjectAppreciations } from './report-cards.entries.js';
import { reportCardPdf } from './report-cards.pdf.js';

const tags = ['report-cards'];
const base = '/api/report-cards/establishments/:establishmentId';

/** Appreciations, the class council (decisions, closing, publication) and each student's bulletins. */
export function reportCardsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(`${base}/classes`, { config: { right: 'report_cards.read' }, schema: { tags, params: EstablishmentParams, response: { 200: ReportCardClasses } } }, async (request) =>
      reportCardClasses(ctx.db, requireActor(request), request.params.establishmentId),
    );

    app.get(`${base}/appreciations`, { config: { right: 'report_cards.read' }, schema: { tags, params: EstablishmentParams, querystring: AppreciationGridQuery, response: { 200: AppreciationGrid } } }, async (request) =>
      appreciationGrid(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.put(`${base}/appreciations`, { config: { right: 'report_cards.write' }, schema: { tags, params: EstablishmentParams, body: SubjectAppreciations } }, async (request, reply) => {
      await saveSubjectAppreciations(ctx, requireActor(request), request.params.establishmentId, request.body);
      return reply.status(204).send();
    });

    app.get(`${base}/council`, { config: { right: 'report_cards.read' }, schema: { tags, params: EstablishmentParams, querystring: CouncilQuery, response: { 200: CouncilSheet } } }, async (request) =>
      councilSheet(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.put(`${base}/council/general`, { config: { right: 'report_cards.write' }, schema: { tags, params: EstablishmentParams, body: GeneralAppreciations } }, async (request, reply) => {
      await saveGeneralAppreciations(ctx, requireActor(request), request.params.establishmentId, request.body);
      return reply.status(204).send();
    });
    app.put(`${base}/council/decisions`, { config: { right: 'report_cards.manage' }, schema: { tags, params: EstablishmentParams, body: CouncilDecisions } }, async (request, reply) => {
      await saveDecisions(ctx, request.params.establishmentId, request.body);
      return reply.status(204).send();
    });
    app.post(`${base}/council/close`, { config: { right: 'report_cards.manage' }, schema: { tags, params: EstablishmentParams, body: CouncilQuery, response: { 200: Council } } }, async (request) =>
      closeCouncil(ctx, requireActor(request), request.params.establishmentId, request.body),
    );
    app.post(`${base}/council/reopen`, { config: { right: 'report_cards.manage' }, schema: { tags, params: EstablishmentParams, body: CouncilQuery, response: { 200: Council } } }, async (request) =>
      reopenCouncil(ctx, request.params.establishmentId, request.body),
    );
    app.post(`${base}/council/publish`, { config: { right: 'report_cards.manage' }, schema: { tags, params: EstablishmentParams, body: PublishCouncil, response: { 200: Council } } }, async (request) =>
      publishCouncil(ctx, request.params.establishmentId, request.body),
    );

    app.get(`${base}/students/:studentId/report-cards`, { config: { right: 'report_cards.read' }, schema: { tags, params: ReportCardStudentParams, response: { 200: ReportCardList } } }, async (request) =>
      listReportCards(ctx, requireActor(request), request.params.establishmentId, request.params.studentId),
    );
    app.get(`${base}/students/:studentId/report-cards/:councilId`, { config: { right: 'report_cards.read' }, schema: { tags, params: ReportCardParams, response: { 200: ReportCard } } }, async (request) =>
      readReportCard(ctx, requireActor(request), request.params.establishmentId, request.params.studentId, request.params.councilId),
    );
    app.get(`${base}/students/:studentId/report-cards/:councilId/pdf`, { config: { right: 'report_cards.read' }, schema: { tags, params: ReportCardParams, querystring: ReportCardPdfQuery } }, async (request, reply) => {
      const { establishmentId, studentId, councilId } = request.params;
      const card = await readReportCard(ctx, requireActor(request), establishmentId, studentId, councilId);
      const pdf = await reportCardPdf(card, { compress: request.query.raw !== '1' });
      const name = `bulletin-${card.period.name}-${card.student.name}.pdf`.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\w.-]+/g, '_');
      return reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store').type('application/pdf').send(pdf);
    });
  };
}
