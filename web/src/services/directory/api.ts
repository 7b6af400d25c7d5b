import type { GroupKind, GroupsPage, PeoplePage, Profile } from '@preau/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export type PeopleFilter = { q: string; profile: Profile | null };
export const PAGE_SIZE = 20;

export function fetchPeople(
  establishmentId: string,
  filter: PeopleFilter,
  cursor: string | null,
  limit = PAGE_SIZE,
): Promise<PeoplePage> {
  return api.get<PeoplePage>(`/api/directory/establishments/${encodeURIComponent(establishmentId)}/people`, {
    q: filter.q.trim() || undefined,
    profile: filter.profile ?? undefined,
    cursor,
    limit,
  });
}

/** Pages of people, appended with "Afficher plus" while the server returns a nextCursor. */
export function usePeopleQuery(establishmentId: string | null, filter: PeopleFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['directory', 'people', establishmentId, filter],
    queryFn: ({ pageParam }) => fetchPeople(establishmentId as string, filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled && establishmentId !== null,
  });
}

export function fetchGroups(establishmentId: string, kind: GroupKind, cursor: string | null): Promise<GroupsPage> {
  return api.get<GroupsPage>(`/api/directory/establishments/${encodeURIComponent(establishmentId)}/groups`, {
    kind,
    cursor,
    limit: 100,
  });
}

/** Classes (or groups) of an establishment, by name, appended page by page. */
export function useGroupsQuery(establishmentId: string | null, kind: GroupKind, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['directory', 'groups', establishmentId, kind],
    queryFn: ({ pageParam }) => fetchGroups(establishmentId as string, kind, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled && establishmentId !== null,
  });
}
