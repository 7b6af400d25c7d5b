import { type QueryClient, useQuery } from '@tanstack/react-query';
import { setCsrfToken } from '../../lib/api-client';
import { fetchMe } from './api';

export const meQueryKey = ['me'] as const;

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/**
 * After logout or "log out everywhere": mark the person as gone and drop every cached answer.
 * The `me` query is updated in place, never removed: removing it would leave the app shell
 * observing the old entry, still signed in.
 */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(meQueryKey, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

/**
 * Deliberate logout: a full page load of /connexion, so nothing of the person stays in memory
 * (caches, form state) on a shared computer, and no "retour" target is kept for the next person.
 */
export function leaveAfterLogout(): void {
  setCsrfToken(null);
  window.location.replace('/connexion');
}
