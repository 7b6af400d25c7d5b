import type { DetectionResult, DuplicateStatus, DuplicatesPage, MergeResult } from '@preau/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** Where the list comes from: one establishment (its administrator) or the whole platform. */
export type Scope = { kind: 'establishment'; establishmentId: string } | { kind: 'platform' };

export const PAGE_SIZE = 10;

function basePath(scope: Scope): string {
  return scope.kind === 'platform' ? '/api/platform/duplicates' : `/api/admin/establishments/${encodeURIComponent(scope.establishmentId)}/duplicates`;
}
const scopeKey = (scope: Scope) => (scope.kind === 'platform' ? 'platform' : scope.establishmentId);

export const duplicatesKey = (scope: Scope) => ['duplicates', scopeKey(scope)] as const;

export function useDuplicatesQuery(scope: Scope, status: DuplicateStatus, cursor: string | null) {
  return useQuery({
    queryKey: [...duplicatesKey(scope), status, cursor],
    queryFn: () => api.get<DuplicatesPage>(basePath(scope), { status, cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

/** Looks again for probable duplicates (the server also does it after every applied import). */
export function detectDuplicates(scope: Scope): Promise<DetectionResult> {
  return api.post<DetectionResult>(`${basePath(scope)}/detect`);
}

/** Merges the pair, keeping `keepId`: the other account is retired. */
export function mergeDuplicate(scope: Scope, candidateId: string, keepId: string): Promise<MergeResult> {
  return api.post<MergeResult>(`${basePath(scope)}/${encodeURIComponent(candidateId)}/merge`, { keepId });
}

/** "Not the same person": remembered, never proposed again. */
export function dismissDuplicate(scope: Scope, candidateId: string): Promise<unknown> {
  return api.post(`${basePath(scope)}/${encodeURIComponent(candidateId)}/dismiss`);
}
