import {
  Agenda,
  AgendaQuery,
  Attachment,
  CopyResult,
  CopySequence,
  DoneBody,
  EntryParams,
  EntryResult,
  EstablishmentParams,
  FileParams,
  HomeworkParams,
  NewEntry,
  NewVisa,
  NextLesson,
  NextLessonQuery,
  Textbook,
  TextbookGroups,
  TextbookQuery,
  Workload,
  WorkloadQuery,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest, notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import { agenda, markDone, workload } from './agenda/agenda.js';
import { archiveRoutes } from './archive/archive.routes.js';
import { handinRoutes } from './handins/handins.routes.js';
import { requireWriter } from './homework.access.js';
import { copySequence } from './textbook/textbook.copy.js';
import { attachFile, MAX_FILE_BYTES, readFile, removeFile } from './textbook/textbook.files.js';
import { addVisa, createEntry, deleteEntry, nextLessonAfter, readTextbook, textbookGroups, updateEntry } from './textbook/textbook.usecases.js';

const tags = ['homework'];
const base = '/api/homework/establishments/:establishmentId';
const read = 'homework.read' as const;
const write = 'homework.write' as const;

/** The cahier de textes (sessions, homework, visas, workload) and the students' agenda. */
export function homeworkRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    app.get(`${base}/groups`, { config: { right: read }, schema: { tags, params: EstablishmentParams, response: { 200: TextbookGroups } } }, async (request) =>
      textbookGroups(ctx, requireActor(request), request.params.establishmentId),
    );
    app.get(`${base}/textbook`, { config: { right: read }, schema: { tags, params: EstablishmentParams, querystring: TextbookQuery, response: { 200: Textbook } } }, async (request) =>
      readTextbook(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/workload`, { config: { right: read }, schema: { tags, params: EstablishmentParams, querystring: WorkloadQuery, response: { 200: Workload } } }, async (request) =>
      workload(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/next-lesson`, { config: { right: write }, schema: { tags, params: EstablishmentParams, querystring: NextLessonQuery, response: { 200: NextLesson } } }, async (request) => {
      const { establishmentId } = request.params;
      const { groupId, subjectId, after } = request.query;
      await requireWriter(ctx.db, requireActor(request), establishmentId, groupId, subjectId);
      return nextLessonAfter(ctx.db, establishmentId, groupId, subjectId, after);
    });

    app.post(`${base}/entries`, { config: { right: write }, schema: { tags, params: EstablishmentParams, body: NewEntry, response: { 201: EntryResult } } }, async (request, reply) =>
      reply.status(201).send(await createEntry(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.put(`${base}/entries/:entryId`, { config: { right: write }, schema: { tags, params: EntryParams, body: NewEntry, response: { 200: EntryResult } } }, async (request) =>
      updateEntry(ctx, requireActor(request), request.params.establishmentId, request.params.entryId, request.body),
    );
    app.delete(`${base}/entries/:entryId`, { config: { right: write }, schema: { tags, params: EntryParams } }, async (request, reply) => {
      await deleteEntry(ctx, requireActor(request), request.params.establishmentId, request.params.entryId);
      return reply.status(204).send();
    });
    app.post(`${base}/entries/:entryId/files`, { config: { right: write }, schema: { tags, params: EntryParams, response: { 201: Attachment } } }, async (request, reply) => {
      if (!request.isMultipart()) throw badRequest('validation.failed', [{ field: 'body.file', issue: 'required' }]);
      const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
      if (!part) throw badRequest('validation.failed', [{ field: 'body.file', issue: 'required' }]);
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('homework.file_too_large', 413);
        throw error;
      }
      const attachment = await attachFile(ctx, requireActor(request), request.params.establishmentId, request.params.entryId, { filename: part.filename, mimetype: part.mimetype, bytes });
      return reply.status(201).send(attachment);
    });
    app.get(`${base}/files/:fileId`, { config: { right: read }, schema: { tags, params: FileParams } }, async (request, reply) => {
      const file = await readFile(ctx, requireActor(request), request.params.establishmentId, request.params.fileId);
      // Always a download, never rendered in Préau's origin.
      return reply
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .type(file.mediaType)
        .send(file.bytes);
    });
    app.delete(`${base}/files/:fileId`, { config: { right: write }, schema: { tags, params: FileParams } }, async (request, reply) => {
      await removeFile(ctx, requireActor(request), request.params.establishmentId, request.params.fileId);
      return reply.status(204).send();
    });
    app.post(`${base}/copy`, { config: { right: write }, schema: { tags, params: EstablishmentParams, body: CopySequence, response: { 200: CopyResult } } }, async (request) =>
      copySequence(ctx, requireActor(request), request.params.establishmentId, request.body),
    );
    app.post(`${base}/visas`, { config: { right: 'homework.visa' }, schema: { tags, params: EstablishmentParams, body: NewVisa, response: { 201: Textbook } } }, async (request, reply) =>
      reply.status(201).send(await addVisa(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );

    app.get(`${base}/agenda`, { config: { right: 'homework.agenda' }, schema: { tags, params: EstablishmentParams, querystring: AgendaQuery, response: { 200: Agenda } } }, async (request) =>
      agenda(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.put(`${base}/agenda/:homeworkId/done`, { config: { right: 'homework.agenda' }, schema: { tags, params: HomeworkParams, body: DoneBody } }, async (request, reply) => {
      await markDone(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId, request.body.done);
      return reply.status(204).send();
    });

    // Registered here so the establishment check above runs for them too.
    await app.register(handinRoutes(ctx));
    await app.register(archiveRoutes(ctx));
  };
}
