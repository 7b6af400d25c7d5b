import {
  Assessment,
  AssessmentParams,
  ClassAverages,
  ClassCoefficients,
  ClassQuery,
  DeleteAssessmentQuery,
  EstablishmentParams,
  GradeClasses,
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
import { classAveragesView } from './grades.class.js';
import { readableClasses } from './grades.class-scope.js';
import { classCoefficients, setSubjectCoefficients } from './grades.coefficients.js';
import { createAssessment, deleteAssessment, enterGrades, listPeriods, myTeachings, replacePeriods, updateAssessment } from './grades.usecases.js';
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
    app.get(`${base}/coefficients`, { config: { right: 'grades.manage' }, schema: { tags, params: EstablishmentParams, querystring: ClassQuery.pick({ groupId: true }), response: { 200: ClassCoefficients } } }, async (request) =>
      classCoefficients(ctx.db, request.params.establishmentId, request.query.groupId),
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

    // The conseil de classe's view: the head and deputies (every class), a class's head teachers.
    app.get(`${base}/classes`, { config: { right: 'grades.read' }, schema: { tags, params: EstablishmentParams, response: { 200: GradeClasses } } }, async (request) =>
      readableClasses(ctx.db, requireActor(request), request.params.establishmentId),
    );
    app.get(`${base}/class-averages`, { config: { right: 'grades.read' }, schema: { tags, params: EstablishmentParams, querystring: ClassQuery, response: { 200: ClassAverages } } }, async (request) =>
      classAveragesView(ctx, requireActor(request), request.params.establishmentId, request.query),
    );

    app.post(`${base}/assessments`, { config: { right: 'grades.write' }, schema: { tags, params: EstablishmentParams, body: NewAssessment, response: { 201: Assessment } } }, async (request, reply) =>
      reply.status(201).send(await createAssessment(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.put(`${base}/assessments/:assessmentId`, { config: { right: 'grades.write' }, schema: { tags, params: AssessmentParams, body: NewAssessment, response: { 200: Assessment } } }, async (request) =>
      updateAssessment(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId, request.body),
    );
    app.delete(`${base}/assessments/:assessmentId`, { config: { right: 'grades.write' }, schema: { tags, params: AssessmentParams, querystring: DeleteAssessmentQuery } }, async (request, reply) => {
      await deleteAssessment(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId, request.query.withGrades === 'true');
      return reply.status(204).send();
    });
    app.put(`${base}/assessments/:assessmentId/grades`, { config: { right: 'grades.write' }, schema: { tags, params: AssessmentParams, body: GradeEntries } }, async (request, reply) => {
      await enterGrades(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId, request.body);
      return reply.status(204).send();
    });
  };
}
