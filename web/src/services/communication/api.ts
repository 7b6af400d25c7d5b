import type { CommunicationPreview, CommunicationRules, CommunicationRulesView } from '@preau/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/communication/establishments/${encodeURIComponent(establishmentId)}`;

export function useRules(establishmentId: string | null) {
  return useQuery({
    queryKey: ['communication', 'rules', establishmentId],
    queryFn: () => api.get<CommunicationRulesView>(`${base(establishmentId as string)}/rules`),
    enabled: establishmentId !== null,
  });
}

export const saveRules = (establishmentId: string, rules: CommunicationRules) => api.put<CommunicationRulesView>(`${base(establishmentId)}/rules`, rules);
export const resetRules = (establishmentId: string) => api.delete<CommunicationRulesView>(`${base(establishmentId)}/rules`);

/** "Who can X write to?": counts by profile, classes and groups, and the people, page by page. */
export function usePreview(establishmentId: string, personId: string | null, version: string) {
  return useInfiniteQuery({
    queryKey: ['communication', 'preview', establishmentId, personId, version],
    queryFn: ({ pageParam }) => api.get<CommunicationPreview>(`${base(establishmentId)}/preview/${encodeURIComponent(personId as string)}`, { cursor: pageParam, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.people.nextCursor,
    enabled: personId !== null,
  });
}
