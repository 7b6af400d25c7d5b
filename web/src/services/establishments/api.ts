import type { Establishment, EstablishmentType } from '@preau/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export type EstablishmentsPage = { items: Establishment[]; nextCursor: string | null };
/** What the form sends (NewEstablishment): empty optional fields are left out, not sent as "". */
export type EstablishmentDraft = {
  uai: string;
  name: string;
  type: EstablishmentType;
  academy?: string;
  postalCode?: string;
  city?: string;
};

export const ESTABLISHMENTS_PAGE_SIZE = 20;
export const establishmentsQueryKey = ['platform', 'establishments'] as const;

export function useEstablishmentsQuery(q: string, cursor: string | null) {
  return useQuery({
    queryKey: [...establishmentsQueryKey, q, cursor],
    queryFn: () =>
      api.get<EstablishmentsPage>('/api/platform/establishments', { q: q.trim() || undefined, cursor, limit: ESTABLISHMENTS_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function createEstablishment(draft: EstablishmentDraft): Promise<Establishment> {
  return api.post<Establishment>('/api/platform/establishments', draft);
}
