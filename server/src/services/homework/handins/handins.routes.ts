import { HandinFileParams, HandinList, HandinParams, HandinStudentQuery, MyHandin, NewReturn } from '@preau/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../kernel/auth/guard.js';
import type { AppContext } from '../../../kernel/context.js';
import { AppError, badRequest } from '../../../kernel/errors/app-error.js';
import { MAX_FILE_BYTES } from '../textbook/textbook.files.js';
import { MAX_HANDIN_FILES, type UploadedFile, handIn, handinsZip, listHandins, myHandin, readHandinFile, readReturnFile, returnCorrection } from './handins.usecases.js';

const tags = ['homework'];
const base = '/api/homework/establishments/:establishmentId/homework/:homeworkId';

/** Reads a multipart form: its text fields and its files (10 MB each), refusing anything larger. */
async function readForm(request: FastifyRequest, maxFiles: number): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!request.isMultipart()) throw badRequest('validation.failed', [{ field: 'body', issue: 'multipart form expected' }]);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: maxFiles + 1, fields: 10, fieldSize: 100_000 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (files.length >= maxFiles) throw badRequest('homework.too_many_files');
        files.push({ filename: part.filename, mimetype: part.mimetype, bytes });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('homework.file_too_large', 413);
    if ((error as { code?: string }).code === 'FST_FILES_LIMIT') throw badRequest('homework.too_many_files');
    throw error;
  }
  return { fields, files };
}

function download(reply: FastifyReply, file: { name: string; mediaType: string; bytes: Buffer | Uint8Array }) {
  // Always a download, never rendered in Préau's origin.
  return reply
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .type(file.mediaType)
    .send(Buffer.from(file.bytes));
}

/** Homework handed in online: the student's hand-in, the teacher's list, ZIP and corrections. */
export function handinRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(`${base}/handin`, { config: { right: 'homework.handin' }, schema: { tags, params: HandinParams, response: { 200: MyHandin } } }, async (request) => {
      const { fields, files } = await readForm(request, MAX_HANDIN_FILES);
      if ((fields.text ?? '').length > 20_000) throw badRequest('validation.failed', [{ field: 'body.text', issue: 'too long (20000 characters at most)' }]);
      return handIn(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId, { text: fields.text ?? null, files });
    });
    app.get(`${base}/handin`, { config: { right: 'homework.read' }, schema: { tags, params: HandinParams, querystring: HandinStudentQuery, response: { 200: MyHandin } } }, async (request) =>
      myHandin(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId, request.query.studentId),
    );
    app.get(`${base}/handins`, { config: { right: 'homework.read' }, schema: { tags, params: HandinParams, response: { 200: HandinList } } }, async (request) =>
      listHandins(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId),
    );
    app.get(`${base}/handins.zip`, { config: { right: 'homework.read' }, schema: { tags, params: HandinParams } }, async (request, reply) => {
      const zip = await handinsZip(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId);
      return download(reply, { name: zip.name, mediaType: 'application/zip', bytes: zip.bytes });
    });
    app.get(`${base}/handin-files/:fileId`, { config: { right: 'homework.read' }, schema: { tags, params: HandinFileParams } }, async (request, reply) =>
      download(reply, await readHandinFile(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId, request.params.fileId)),
    );
    app.post(`${base}/returns`, { config: { right: 'homework.write' }, schema: { tags, params: HandinParams, response: { 201: HandinList } } }, async (request, reply) => {
      const { fields, files } = await readForm(request, 1);
      const parsed = NewReturn.safeParse({ studentId: fields.studentId || null, comment: fields.comment ?? '' });
      if (!parsed.success) throw badRequest('validation.failed', parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, issue: i.message })));
      const list = await returnCorrection(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId, parsed.data, files[0] ?? null);
      return reply.status(201).send(list);
    });
    app.get(`${base}/returns/:fileId`, { config: { right: 'homework.read' }, schema: { tags, params: HandinFileParams } }, async (request, reply) =>
      download(reply, await readReturnFile(ctx, requireActor(request), request.params.establishmentId, request.params.homeworkId, request.params.fileId)),
    );
  };
}
