import { errorMessage, type ErrorBody } from '@preau/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error.js';
import { localeOf } from './locale.js';

function send(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const locale = localeOf(request.headers['accept-language']);
  const body: ErrorBody = { error: { code: error.code, message: errorMessage(error.code, locale) } };
  if (error.details) {
    body.error.details = error.details.map((d) => ({ ...d, message: `${d.field}: ${d.issue}` }));
  }
  if (error.headers) reply.headers(error.headers);
  return reply.status(error.status).send(body);
}

/** Every error leaves as `{ error: { code, message } }`, the message in the user's language. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        field: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        issue: String((v.params as { issue?: { code?: string } })?.issue?.code ?? v.keyword),
      }));
      return send(reply, request, new AppError('validation.failed', 400, details));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return send(reply, request, new AppError('request.too_large', 413));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, request, new AppError('request.unsupported_media_type', 415));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON and the like: Fastify's own client errors.
      return send(reply, request, new AppError('validation.failed', 400, [{ field: 'body', issue: error.code ?? 'invalid' }]));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, new AppError('internal', 500));
  });
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, new AppError('request.not_found', 404));
}
