import type { ImportRun, Profile } from '@preau/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api-client';

/** ImportRunDetail: a run with its report (read with readReport; `{}` until the run is done). */
export type ImportRunDetail = ImportRun & { report: Record<string, unknown> };

/**
 * Runs are done in the background: "queued" then "running" (with progress), then "planned" (a dry
 * run to confirm), "confirmed" (a dry run that was applied), "applied" or "failed".
 */
const ACTIVE = new Set(['queued', 'running']);
export const isActive = (run: { status: string } | undefined) => run !== undefined && ACTIVE.has(run.status);
const POLL_MS = 1000;
export type ImportRunsPage = { items: ImportRun[]; nextCursor: string | null };

/** The sources one may upload; AAF (the académie's feed) only by a platform administrator. */
export const UPLOAD_SOURCES = ['siecle', 'sts', 'csv', 'oneroster', 'aaf'] as const;
export const PLATFORM_ONLY_SOURCES: readonly UploadSource[] = ['aaf'];
export type UploadSource = (typeof UPLOAD_SOURCES)[number];
export const CSV_PROFILES = ['student', 'relative', 'teacher', 'personnel'] as const satisfies readonly Profile[];

export type UploadRequest = {
  source: UploadSource;
  /** CSV only: the profile of every file, instead of guessing it from each file's name. */
  profile: (typeof CSV_PROFILES)[number] | null;
  /** CSV only: let the file change accounts that a national source (SIECLE, STS-web) feeds. */
  overrideNational: boolean;
  files: File[];
};

export const HISTORY_PAGE_SIZE = 10;
const importsPath = (establishmentId: string) => `/api/admin/establishments/${encodeURIComponent(establishmentId)}/imports`;

/** Sends the files for a dry run (the server checks them, then plans in the background); nothing changes yet. */
export function uploadImport(establishmentId: string, upload: UploadRequest): Promise<ImportRunDetail> {
  const form = new FormData();
  for (const file of upload.files) form.append('files', file, file.name);
  const csv = upload.source === 'csv';
  const path = withQuery(importsPath(establishmentId), {
    source: upload.source,
    profile: csv ? upload.profile : null,
    overrideNational: String(csv && upload.overrideNational),
  });
  return api.post<ImportRunDetail>(path, form);
}

/** Applies a dry run; the answer is the new run that applies it (the dry run becomes "confirmed"). */
export function applyImport(establishmentId: string, runId: string): Promise<ImportRunDetail> {
  return api.post<ImportRunDetail>(`${importsPath(establishmentId)}/${encodeURIComponent(runId)}/apply`);
}

export const runsQueryKey = (establishmentId: string) => ['imports', 'runs', establishmentId] as const;
export const runQueryKey = (establishmentId: string, runId: string) => ['imports', 'run', establishmentId, runId] as const;

export function useRunsQuery(establishmentId: string, cursor: string | null) {
  return useQuery({
    queryKey: [...runsQueryKey(establishmentId), cursor],
    queryFn: () => api.get<ImportRunsPage>(importsPath(establishmentId), { cursor, limit: HISTORY_PAGE_SIZE }),
    placeholderData: keepPreviousData, // keep the table while the next page loads
  });
}

export function useRunQuery(establishmentId: string, runId: string | null) {
  return useQuery({
    queryKey: runQueryKey(establishmentId, runId ?? ''),
    queryFn: () => api.get<ImportRunDetail>(`${importsPath(establishmentId)}/${encodeURIComponent(runId ?? '')}`),
    enabled: runId !== null,
    // Polled while the background job works, then left alone.
    refetchInterval: (query) => (isActive(query.state.data) ? POLL_MS : false),
  });
}

/** The OneRoster bundle of an establishment, or of the whole platform (null); birth dates only when asked. */
export function oneRosterExportUrl(establishmentId: string | null, demographics: boolean): string {
  const path = establishmentId ? `/api/establishments/${encodeURIComponent(establishmentId)}/exports/oneroster` : '/api/platform/exports/oneroster';
  return withQuery(path, { demographics: demographics ? 'true' : null });
}
