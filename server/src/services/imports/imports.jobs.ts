import type { Profile } from '@preau/contracts';
import type { AppContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { checkAafFiles, runAafImport } from './aaf/index.js';
import { UnusableFileError } from './feed.js';
import { setRunStatus } from './imports.runs.js';
import { removeRunDirectory, storedFiles } from './imports.storage.js';
import { UnknownEstablishmentError, runImport } from './imports.usecases.js';
import { readFeed } from './sources/index.js';

export const IMPORT_JOB = 'imports_run';

export interface ImportJobData {
  runId: string;
  establishmentId: string;
  uai: string;
  source: string;
  profile?: Profile;
  overrideNational: boolean;
  apply: boolean;
  /** The dry run whose files are read (the run itself for a dry run). */
  filesOf: string;
  requestedBy: string;
  files: string[];
}

function unusable(error: UnusableFileError): AppError {
  const code = error.reason === 'wrong_uai' ? 'imports.wrong_establishment' : 'imports.unusable_file';
  return new AppError(code, 400, [{ field: error.file, issue: `${error.reason}: ${error.message}` }]);
}

/** The upload's immediate check of an AAF feed (its records are read by the background run). */
export async function checkUpload(establishment: { uai: string }, source: string, files: string[], profile?: Profile) {
  if (source !== 'aaf') return feedFor(establishment, source, files, profile);
  try {
    await checkAafFiles(files);
  } catch (error) {
    throw error instanceof UnusableFileError ? unusable(error) : error;
  }
}

/** One establishment's part of an AAF feed, staged and imported like the CLI's `import aaf --uai`. */
async function runAafJob(ctx: AppContext, data: ImportJobData) {
  try {
    await runAafImport(ctx.db, ctx.clock, { files: storedFiles(ctx.config.dataDir, data.filesOf), uai: data.uai, apply: data.apply, runId: data.runId, requestedBy: data.requestedBy });
  } catch (error) {
    throw error instanceof UnusableFileError ? unusable(error) : error;
  }
}

/** Reads the files of one establishment's import; a file that cannot be used is a clear error code. */
export async function feedFor(establishment: { uai: string }, source: string, files: string[], profile?: Profile) {
  try {
    const feed = await readFeed(source, files, { uai: establishment.uai, profile });
    if (feed.uai !== establishment.uai) throw new AppError('imports.wrong_establishment', 400, [{ field: 'files', issue: feed.uai }]);
    return feed;
  } catch (error) {
    throw error instanceof UnusableFileError ? unusable(error) : error;
  }
}

/**
 * Imports run in the background so a large file neither blocks a request nor dies with it: the job
 * survives a restart, and running it again is harmless (a finished run is not redone, and the apply
 * itself is one transaction that a second run finds already done).
 */
export function registerImportJobs(ctx: AppContext) {
  ctx.jobs.register<ImportJobData>(IMPORT_JOB, async ({ data, progress }) => {
    const current = await ctx.db.selectFrom('import_runs').select('status').where('id', '=', data.runId).executeTakeFirst();
    if (!current || !['queued', 'running'].includes(current.status)) return { skipped: current?.status ?? 'missing' };
    await setRunStatus(ctx.db, data.runId, 'running');
    await progress(0, 3);
    try {
      if (data.source === 'aaf') await runAafJob(ctx, data);
      else {
        const feed = await feedFor({ uai: data.uai }, data.source, storedFiles(ctx.config.dataDir, data.filesOf), data.profile);
        await progress(1, 3);
        await runImport(ctx.db, ctx.clock, feed, {
          apply: data.apply,
          runId: data.runId,
          requestedBy: data.requestedBy,
          files: data.files,
          overrideNationalSource: data.overrideNational,
        });
      }
      await progress(3, 3);
      if (data.apply) removeRunDirectory(ctx.config.dataDir, data.filesOf);
      return { status: data.apply ? 'applied' : 'planned' };
    } catch (error) {
      // Files that cannot be used will not get better with a retry: the run fails with the reason.
      if (error instanceof AppError || error instanceof UnknownEstablishmentError) {
        const code = error instanceof AppError ? error.code : 'imports.wrong_establishment';
        const details = error instanceof AppError ? (error.details ?? []) : [];
        await setRunStatus(ctx.db, data.runId, 'failed', { error: { code, details }, finishedAt: ctx.clock.now().toISOString() });
        // The dry run can be confirmed again once the cause is fixed.
        if (data.apply) await setRunStatus(ctx.db, data.filesOf, 'planned');
        return { status: 'failed', code };
      }
      throw error;
    }
  });
}
