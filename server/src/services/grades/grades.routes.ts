import {
  Assessment,
  AssessmentParams,
  EstablishmentParams,
  GradeEntries,
  GradePeriods,
  GradeReport,
  GradeReportQuery,
  GradeSheet,
  GradeSheetQuery,
  GradeTeachings,
  NewAssessment,
  NewGradePeriods,
  SubjectCoefficients,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import { createAssessment, deleteAssessment, enterGrades, listPeriods, myTeachings, replacePeriods, setSubjectCoefficients, updateAssessment } from './grades.usecases.js';
import { gradeReport, gradeSheet } from './grades.views.js';

const tags = ['grades'];
const base = '/api/grades/establishments/:establishmentId';

/** Periods, assessments, grade entry, the teacher's grid and each student's grades with averages. */
export function gradesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(`${base}/periods`, { config: { right: 'grades.read' }, schema: { tags, params: EstablishmentParams, response: { 200: GradePeriods } } }, async (request) =>
      listPeriods(ctx.db, request.params.establishmentId),
    );
    app.put(`${base}/periods`, { config: { right: 'grades.manage' }, schema: { tags, params: EstablishmentParams, body: NewGradePeriods, response: { 200: GradePeriods } } }, async (request) =>
      replacePeriods(ctx, request.params.establishmentId, request.body),
    );
    app.put(`${base}/coefficients`, { config: { right: 'grades.manage' }, schema: { tags, params: EstablishmentParams, body: SubjectCoefficients } }, async (request, reply) => {
      await setSubjectCoefficients(ctx, request.params.establishmentId, request.body);
      return reply.status(204).send();
    });

    app.get(`${base}/teachings`, { config: { right: 'grades.read' }, schema: { tags, params: EstablishmentParams, response: { 200: GradeTeachings } } }, async (request) =>
      myTeachings(ctx.db, requireActor(request), request.params.establishmentId),
    );
    app.get(`${base}/sheet`, { config: { right: 'grades.read' }, schema: { tags, params: EstablishmentParams, querystring: GradeSheetQuery, response: { 200: GradeSheet } } }, async (request) =>
      gradeSheet(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/report`, { config: { right: 'grades.read' }, schema: { tags, params: EstablishmentParams, querystring: GradeReportQuery, response: { 200: GradeReport } } }, async (request) =>
      gradeReport(ctx, requireActor(request), request.params.establishmentId, request.query),
    );

    app.post(`${base}/assessments`, { config: { right: 'grades.write' }, schema: { tags, params: EstablishmentParams, body: NewAssessment, response: { 201: Assessment } } }, async (request, reply) =>
      reply.status(201).send(await createAssessment(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.put(`${base}/assessments/:assessmentId`, { config: { right: 'grades.write' }, schema: { tags, params: AssessmentParams, body: NewAssessment, response: { 200: Assessment } } }, async (request) =>
      updateAssessment(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId, request.body),
    );
    app.delete(`${base}/assessments/:assessmentId`, { config: { right: 'grades.write' }, schema: { tags, params: AssessmentParams } }, async (request, reply) => {
      await deleteAssessment(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId);
      return reply.status(204).send();
    });
    app.put(`${base}/assessments/:assessmentId/grades`, { config: { right: 'grades.write' }, schema: { tags, params: AssessmentParams, body: GradeEntries } }, async (request, reply) => {
      await enterGrades(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId, request.body);
      return reply.status(204).send();
    });
  };
}
