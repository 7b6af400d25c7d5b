import {
  AddStudents,
  AttachTeacher,
  EstablishmentParams,
  GroupParams,
  GroupPersonParams,
  NewStructure,
  NewSubject,
  StructureDetail,
  StructurePatch,
  StructuresPage,
  StructuresQuery,
  Subject,
  SubjectsList,
  TeacherPatch,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { findEstablishment } from '../directory/index.js';
import { listStructures, listSubjects, spannedClasses } from './structures.queries.js';
import {
  addStudents,
  attachTeacher,
  createStructure,
  createSubject,
  deleteStructure,
  presentStructure,
  removeMember,
  setHeadTeacher,
  structureDetail,
  updateStructure,
} from './structures.usecases.js';

const right = 'admin.structures.manage' as const;
const tags = ['structures'];
const base = '/api/admin/establishments/:establishmentId/structures';

/** Classes and groups of one establishment, as its administrators shape them. */
export function structuresRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // The right was checked in the route's establishment; an unknown establishment is still a 404.
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(base, { config: { right }, schema: { tags, params: EstablishmentParams, querystring: StructuresQuery, response: { 200: StructuresPage } } }, async (request) => {
      const { establishmentId } = request.params;
      const { kind, q, cursor, limit } = request.query;
      const after = decodeCursor(cursor, 2) as [string, string] | undefined;
      const page = paginate(await listStructures(ctx.db, establishmentId, { kind, q, after, limit }), limit, (r) => [r.name, r.id]);
      const classes = await spannedClasses(ctx.db, page.items.filter((r) => r.kind !== 'class').map((r) => r.id));
      return { nextCursor: page.nextCursor, items: page.items.map((r) => presentStructure(r, classes.get(r.id) ?? [])) };
    });

    app.post(base, { config: { right }, schema: { tags, params: EstablishmentParams, body: NewStructure, response: { 201: StructureDetail } } }, async (request, reply) => {
      const created = await createStructure(ctx, requireActor(request), request.params.establishmentId, request.body, request.ip);
      return reply.status(201).send(created);
    });

    app.get(`${base}/:groupId`, { config: { right }, schema: { tags, params: GroupParams, response: { 200: StructureDetail } } }, async (request) =>
      structureDetail(ctx, request.params.establishmentId, request.params.groupId),
    );

    app.patch(`${base}/:groupId`, { config: { right }, schema: { tags, params: GroupParams, body: StructurePatch, response: { 200: StructureDetail } } }, async (request) => {
      const { establishmentId, groupId } = request.params;
      return updateStructure(ctx, requireActor(request), establishmentId, groupId, request.body, request.ip);
    });

    app.delete(`${base}/:groupId`, { config: { right }, schema: { tags, params: GroupParams } }, async (request, reply) => {
      const { establishmentId, groupId } = request.params;
      await deleteStructure(ctx, requireActor(request), establishmentId, groupId, request.ip);
      return reply.status(204).send();
    });

    app.post(`${base}/:groupId/students`, { config: { right }, schema: { tags, params: GroupParams, body: AddStudents, response: { 200: StructureDetail } } }, async (request) => {
      const { establishmentId, groupId } = request.params;
      return addStudents(ctx, requireActor(request), establishmentId, groupId, request.body.personIds, request.ip);
    });

    for (const role of ['student', 'teacher'] as const) {
      app.delete(`${base}/:groupId/${role}s/:personId`, { config: { right }, schema: { tags, params: GroupPersonParams, response: { 200: StructureDetail } } }, async (request) => {
        const { establishmentId, groupId, personId } = request.params;
        return removeMember(ctx, requireActor(request), establishmentId, groupId, personId, role, request.ip);
      });
    }

    app.post(`${base}/:groupId/teachers`, { config: { right }, schema: { tags, params: GroupParams, body: AttachTeacher, response: { 200: StructureDetail } } }, async (request) => {
      const { establishmentId, groupId } = request.params;
      return attachTeacher(ctx, requireActor(request), establishmentId, groupId, request.body, request.ip);
    });

    app.patch(`${base}/:groupId/teachers/:personId`, { config: { right }, schema: { tags, params: GroupPersonParams, body: TeacherPatch, response: { 200: StructureDetail } } }, async (request) => {
      const { establishmentId, groupId, personId } = request.params;
      return setHeadTeacher(ctx, requireActor(request), establishmentId, groupId, personId, request.body.headTeacher, request.ip);
    });

    app.get('/api/admin/establishments/:establishmentId/subjects', { config: { right }, schema: { tags, params: EstablishmentParams, response: { 200: SubjectsList } } }, async (request) => ({
      items: await listSubjects(ctx.db, request.params.establishmentId),
    }));

    app.post('/api/admin/establishments/:establishmentId/subjects', { config: { right }, schema: { tags, params: EstablishmentParams, body: NewSubject, response: { 201: Subject } } }, async (request, reply) => {
      const subject = await createSubject(ctx, requireActor(request), request.params.establishmentId, request.body, request.ip);
      return reply.status(201).send(subject);
    });
  };
}
