import {
  CycleSummary,
  CycleSummaryQuery,
  EstablishmentParams,
  GradeTeachings,
  NewSkillAssessment,
  NewSkillItem,
  SkillAssessment,
  SkillAssessmentParams,
  SkillClassQuery,
  SkillClassView,
  SkillItem,
  SkillItemParams,
  SkillItems,
  SkillItemsQuery,
  SkillItemUpdate,
  SkillResults,
  SkillSheet,
  SkillSheetQuery,
  SkillSummary,
  SkillSummaryQuery,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import { myTeachings } from '../grades/index.js';
import { createItem, deleteItem, listItems, updateItem } from './skills.items.js';
import { cycleSummary, skillClassView, skillSummary } from './skills.summaries.js';
import { createSkillAssessment, deleteSkillAssessment, enterSkillResults, updateSkillAssessment } from './skills.usecases.js';
import { skillSheet } from './skills.views.js';

const tags = ['skills'];
const base = '/api/skills/establishments/:establishmentId';

/** The establishment's skills, skill assessments and their results, and the summaries per period, per cycle and per class. */
export function skillsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(`${base}/items`, { config: { right: 'skills.read' }, schema: { tags, params: EstablishmentParams, querystring: SkillItemsQuery, response: { 200: SkillItems } } }, async (request) =>
      listItems(ctx.db, request.params.establishmentId, request.query.subjectId),
    );
    app.post(`${base}/items`, { config: { right: 'skills.write' }, schema: { tags, params: EstablishmentParams, body: NewSkillItem, response: { 201: SkillItem } } }, async (request, reply) =>
      reply.status(201).send(await createItem(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.put(`${base}/items/:itemId`, { config: { right: 'skills.write' }, schema: { tags, params: SkillItemParams, body: SkillItemUpdate, response: { 200: SkillItem } } }, async (request) =>
      updateItem(ctx, requireActor(request), request.params.establishmentId, request.params.itemId, request.body),
    );
    app.delete(`${base}/items/:itemId`, { config: { right: 'skills.write' }, schema: { tags, params: SkillItemParams } }, async (request, reply) => {
      await deleteItem(ctx, requireActor(request), request.params.establishmentId, request.params.itemId);
      return reply.status(204).send();
    });

    // The same grids as grades: the actor's own teachings, or every one for the head and deputies.
    app.get(`${base}/teachings`, { config: { right: 'skills.read' }, schema: { tags, params: EstablishmentParams, response: { 200: GradeTeachings } } }, async (request) =>
      myTeachings(ctx.db, requireActor(request), request.params.establishmentId),
    );
    app.get(`${base}/sheet`, { config: { right: 'skills.read' }, schema: { tags, params: EstablishmentParams, querystring: SkillSheetQuery, response: { 200: SkillSheet } } }, async (request) =>
      skillSheet(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/summary`, { config: { right: 'skills.read' }, schema: { tags, params: EstablishmentParams, querystring: SkillSummaryQuery, response: { 200: SkillSummary } } }, async (request) =>
      skillSummary(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/cycle`, { config: { right: 'skills.read' }, schema: { tags, params: EstablishmentParams, querystring: CycleSummaryQuery, response: { 200: CycleSummary } } }, async (request) =>
      cycleSummary(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/class`, { config: { right: 'skills.read' }, schema: { tags, params: EstablishmentParams, querystring: SkillClassQuery, response: { 200: SkillClassView } } }, async (request) =>
      skillClassView(ctx, requireActor(request), request.params.establishmentId, request.query),
    );

    app.post(`${base}/assessments`, { config: { right: 'skills.write' }, schema: { tags, params: EstablishmentParams, body: NewSkillAssessment, response: { 201: SkillAssessment } } }, async (request, reply) =>
      reply.status(201).send(await createSkillAssessment(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.put(`${base}/assessments/:assessmentId`, { config: { right: 'skills.write' }, schema: { tags, params: SkillAssessmentParams, body: NewSkillAssessment, response: { 200: SkillAssessment } } }, async (request) =>
      updateSkillAssessment(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId, request.body),
    );
    app.delete(`${base}/assessments/:assessmentId`, { config: { right: 'skills.write' }, schema: { tags, params: SkillAssessmentParams } }, async (request, reply) => {
      await deleteSkillAssessment(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId);
      return reply.status(204).send();
    });
    app.put(`${base}/assessments/:assessmentId/results`, { config: { right: 'skills.write' }, schema: { tags, params: SkillAssessmentParams, body: SkillResults } }, async (request, reply) => {
      await enterSkillResults(ctx, requireActor(request), request.params.establishmentId, request.params.assessmentId, request.body);
      return reply.status(204).send();
    });
  };
}
