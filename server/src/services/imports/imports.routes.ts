import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EstablishmentParams, ImportRunDetail, ImportRunParams, ImportRunsPage, ImportUploadQuery, type Profile, PageQuery } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest, notFound } from '../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import { recordAudit } from '../audit/index.js';
import { findEstablishment } from '../directory/index.js';
import { UnusableFileError } from './feed.js';
import { findRun, listRuns, markConfirmed, presentRun } from './imports.runs.js';
import { ensureRunDirectory, removeRunDirectory, safeFileName, storedFiles } from './imports.storage.js';
import { UnknownEstablishmentError, runImport } from './imports.usecases.js';
import { SUPPORTED_SOURCES, readFeed } from './sources/index.js';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

async function feedFor(establishment: { uai: string }, source: string, files: string[], profile?: Profile) {
  try {
    const feed = await readFeed(source, files, { uai: establishment.uai, profile });
    if (feed.uai !== establishment.uai) throw new AppError('imports.wrong_establishment', 400, [{ field: 'files', issue: feed.uai }]);
    return feed;
  } catch (error) {
    if (error instanceof UnusableFileError) {
      const code = error.reason === 'wrong_uai' ? 'imports.wrong_establishment' : 'imports.unusable_file';
      throw new AppError(code, 400, [{ field: error.file, issue: `${error.reason}: ${error.message}` }]);
    }
    throw error;
  }
}

export function importsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/establishments/:establishmentId/imports',
      { config: { right: 'admin.imports.manage' }, schema: { tags: ['imports'], params: EstablishmentParams, querystring: PageQuery, response: { 200: ImportRunsPage } } },
      async (request) => {
        const { cursor, limit } = request.query;
        const rows = await listRuns(ctx.db, request.params.establishmentId, { before: decodeCursor(cursor, 2) as [string, string] | undefined, limit });
        const page = paginate(rows, limit, (r) => [r.created_at, r.id]);
        return { nextCursor: page.nextCursor, items: page.items.map(presentRun) };
      },
    );

    app.get(
      '/api/admin/establishments/:establishmentId/imports/:runId',
      { config: { right: 'admin.imports.manage' }, schema: { tags: ['imports'], params: ImportRunParams, response: { 200: ImportRunDetail } } },
      async (request) => {
        const run = await findRun(ctx.db, request.params.establishmentId, request.params.runId);
        if (!run) throw notFound('imports.run_not_found');
        return { ...presentRun(run), report: JSON.parse(run.report) as Record<string, unknown> };
      },
    );

    /** Upload the files (multipart) and get the dry-run report; nothing changes until it is confirmed. */
    app.post(
      '/api/admin/establishments/:establishmentId/imports',
      { config: { right: 'admin.imports.manage' }, schema: { tags: ['imports'], params: EstablishmentParams, querystring: ImportUploadQuery, response: { 200: ImportRunDetail } } },
      async (request) => {
        const actor = requireActor(request);
        const establishment = await findEstablishment(ctx.db, request.params.establishmentId);
        if (!establishment) throw notFound('directory.establishment_not_found');
        const { source, profile, overrideNational } = request.query;
        if (!SUPPORTED_SOURCES.includes(source)) throw new AppError('imports.unsupported_source', 400, [{ field: 'querystring.source', issue: source }]);
        if (!request.isMultipart()) throw badRequest('imports.no_files');
        const runId = newId();
        const dir = ensureRunDirectory(ctx.config.dataDir, runId);
        try {
          for await (const part of request.files({ limits: { fileSize: MAX_FILE_BYTES, files: 20 } })) {
            await pipeline(part.file, createWriteStream(join(dir, safeFileName(part.filename))));
            if (part.file.truncated) throw new AppError('request.too_large', 413);
          }
          const files = storedFiles(ctx.config.dataDir, runId);
          if (files.length === 0) throw badRequest('imports.no_files');
          const feed = await feedFor(establishment, source, files, profile);
          const { report } = await runImport(ctx.db, ctx.clock, feed, {
            apply: false,
            runId,
            requestedBy: actor.personId,
            files: files.map((f) => f.slice(dir.length + 1)),
            overrideNationalSource: overrideNational === 'true',
          });
          await recordAudit(ctx.db, ctx.clock, { action: 'admin.import.planned', actorId: actor.personId, establishmentId: establishment.id, targetId: runId, ip: request.ip, details: { source } });
          const run = await findRun(ctx.db, establishment.id, runId);
          return { ...presentRun(run!), report: report as unknown as Record<string, unknown> };
        } catch (error) {
          removeRunDirectory(ctx.config.dataDir, runId);
          if (error instanceof UnknownEstablishmentError) throw new AppError('imports.wrong_establishment', 400);
          throw error;
        }
      },
    );

    /** Confirm a dry run: the same files are read again and applied in one transaction. */
    app.post(
      '/api/admin/establishments/:establishmentId/imports/:runId/apply',
      { config: { right: 'admin.imports.manage' }, schema: { tags: ['imports'], params: ImportRunParams, response: { 200: ImportRunDetail } } },
      async (request) => {
        const actor = requireActor(request);
        const { establishmentId, runId } = request.params;
        const establishment = await findEstablishment(ctx.db, establishmentId);
        const dryRun = await findRun(ctx.db, establishmentId, runId);
        if (!establishment || !dryRun) throw notFound('imports.run_not_found');
        if (dryRun.status !== 'planned') throw new AppError('imports.already_applied', 409);
        const files = storedFiles(ctx.config.dataDir, runId);
        const summary = JSON.parse(dryRun.report) as { source: string };
        const feed = await feedFor(establishment, dryRun.source ?? summary.source, files);
        const { runId: appliedId } = await runImport(ctx.db, ctx.clock, feed, {
          apply: true,
          requestedBy: actor.personId,
          files: JSON.parse(dryRun.files) as string[],
          overrideNationalSource: false,
        });
        await markConfirmed(ctx.db, runId);
        removeRunDirectory(ctx.config.dataDir, runId);
        await recordAudit(ctx.db, ctx.clock, { action: 'admin.import.applied', actorId: actor.personId, establishmentId, targetId: appliedId, ip: request.ip, details: { dryRun: runId } });
        const applied = await findRun(ctx.db, establishmentId, appliedId);
        return { ...presentRun(applied!), report: JSON.parse(applied!.report) as Record<string, unknown> };
      },
    );
  };
}
