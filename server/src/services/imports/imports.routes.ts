import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EstablishmentParams, ImportRunDetail, ImportRunParams, ImportRunsPage, ImportUploadQuery, PageQuery, type Profile } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import { recordAudit } from '../audit/index.js';
import { findEstablishment } from '../directory/index.js';
import { IMPORT_JOB, type ImportJobData, checkUpload } from './imports.jobs.js';
import { claimDryRun, createQueuedRun, findRun, listRuns, presentRun, setRunJob, setRunStatus } from './imports.runs.js';
import { ensureRunDirectory, removeRunDirectory, safeFileName, storedFiles } from './imports.storage.js';
import { SUPPORTED_SOURCES } from './sources/index.js';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Two uploaded files with the same name are both kept: "eleves.csv", "eleves-2.csv". */
function uniqueName(dir: string, name: string): string {
  let candidate = name;
  for (let n = 2; existsSync(join(dir, candidate)); n++) candidate = name.replace(/(\.[^.]*)?$/, (ext) => `-${n}${ext}`);
  return candidate;
}

/** A run with its live progress; a run whose job gave up after its retries shows as failed. */
async function runDetail(ctx: AppContext, establishmentId: string, runId: string) {
  const run = await findRun(ctx.db, establishmentId, runId);
  if (!run) throw notFound('imports.run_not_found');
  let progress: { done: number; total: number } | null = null;
  if (run.job_id && (run.status === 'queued' || run.status === 'running')) {
    const job = await ctx.jobs.status(run.job_id);
    progress = job?.progress ?? null;
    if (job?.state === 'failed') {
      await setRunStatus(ctx.db, run.id, 'failed', { error: { code: 'internal', details: [] }, finishedAt: ctx.clock.now().toISOString() });
      return runDetail(ctx, establishmentId, runId);
    }
  }
  return { ...presentRun(run, progress), report: JSON.parse(run.report) as Record<string, unknown> };
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
        return { nextCursor: page.nextCursor, items: page.items.map((r) => presentRun(r)) };
      },
    );

    app.get(
      '/api/admin/establishments/:establishmentId/imports/:runId',
      { config: { right: 'admin.imports.manage' }, schema: { tags: ['imports'], params: ImportRunParams, response: { 200: ImportRunDetail } } },
      async (request) => runDetail(ctx, request.params.establishmentId, request.params.runId),
    );

    /**
     * Upload the files (multipart): they are checked at once (a file that cannot be used is refused
     * here), then the dry run runs in the background; poll the run for its progress and report.
     */
    app.post(
      '/api/admin/establishments/:establishmentId/imports',
      { config: { right: 'admin.imports.manage' }, schema: { tags: ['imports'], params: EstablishmentParams, querystring: ImportUploadQuery, response: { 202: ImportRunDetail } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const establishment = await findEstablishment(ctx.db, request.params.establishmentId);
        if (!establishment) throw notFound('directory.establishment_not_found');
        const { source, profile, overrideNational } = request.query;
        if (!SUPPORTED_SOURCES.includes(source)) throw new AppError('imports.unsupported_source', 400, [{ field: 'querystring.source', issue: source }]);
        // The académie's feed holds every establishment's people: only a platform admin hands it over.
        if (source === 'aaf' && !actor.platformAdmin) throw forbidden();
        if (!request.isMultipart()) throw badRequest('imports.no_files');
        const runId = newId();
        const dir = ensureRunDirectory(ctx.config.dataDir, runId);
        try {
          for await (const part of request.files({ limits: { fileSize: MAX_FILE_BYTES, files: 20 } })) {
            await pipeline(part.file, createWriteStream(join(dir, uniqueName(dir, safeFileName(part.filename)))));
            if (part.file.truncated) throw new AppError('request.too_large', 413);
          }
          const files = storedFiles(ctx.config.dataDir, runId);
          if (files.length === 0) throw badRequest('imports.no_files');
          // Reading the feed once here gives the admin an immediate answer for a wrong or foreign file.
          await checkUpload(establishment, source, files, profile);
          const names = files.map((f) => f.slice(dir.length + 1));
          await createQueuedRun(ctx.db, { id: runId, establishmentId: establishment.id, uai: establishment.uai, source, dryRun: true, requestedBy: actor.personId, files: names, now: ctx.clock.now().toISOString(), options: { profile: profile ?? null, overrideNational: overrideNational === 'true' } });
          const data: ImportJobData = { runId, establishmentId: establishment.id, uai: establishment.uai, source, profile, overrideNational: overrideNational === 'true', apply: false, filesOf: runId, requestedBy: actor.personId, files: names };
          await setRunJob(ctx.db, runId, await ctx.jobs.enqueue(IMPORT_JOB, data));
        } catch (error) {
          removeRunDirectory(ctx.config.dataDir, runId);
          throw error;
        }
        await recordAudit(ctx.db, ctx.clock, { action: 'admin.import.planned', actorId: actor.personId, establishmentId: establishment.id, targetId: runId, ip: request.ip, details: { source } });
        return reply.status(202).send(await runDetail(ctx, establishment.id, runId));
      },
    );

    /** Confirm a dry run: the same files are read again and applied, in the background, in one transaction. */
    app.post(
      '/api/admin/establishments/:establishmentId/imports/:runId/apply',
      { config: { right: 'admin.imports.manage' }, schema: { tags: ['imports'], params: ImportRunParams, response: { 202: ImportRunDetail } } },
      async (request, reply) => {
        const actor = requireActor(request);
        const { establishmentId, runId } = request.params;
        const establishment = await findEstablishment(ctx.db, establishmentId);
        const dryRun = await findRun(ctx.db, establishmentId, runId);
        if (!establishment || !dryRun?.dry_run) throw notFound('imports.run_not_found');
        if (dryRun.source === 'aaf' && !actor.platformAdmin) throw forbidden();
        if (!(await claimDryRun(ctx.db, runId))) throw new AppError('imports.already_applied', 409);
        const appliedId = newId();
        const files = JSON.parse(dryRun.files) as string[];
        const options = JSON.parse(dryRun.options ?? '{}') as { profile?: Profile | null; overrideNational?: boolean };
        await createQueuedRun(ctx.db, { id: appliedId, establishmentId, uai: establishment.uai, source: dryRun.source, dryRun: false, requestedBy: actor.personId, files, now: ctx.clock.now().toISOString(), options });
        const data: ImportJobData = {
          runId: appliedId,
          establishmentId,
          uai: establishment.uai,
          source: dryRun.source,
          profile: options.profile ?? undefined,
          overrideNational: options.overrideNational === true,
          apply: true,
          filesOf: runId,
          requestedBy: actor.personId,
          files,
        };
        await setRunJob(ctx.db, appliedId, await ctx.jobs.enqueue(IMPORT_JOB, data));
        await recordAudit(ctx.db, ctx.clock, { action: 'admin.import.applied', actorId: actor.personId, establishmentId, targetId: appliedId, ip: request.ip, details: { dryRun: runId } });
        return reply.status(202).send(await runDetail(ctx, establishmentId, appliedId));
      },
    );
  };
}
