import type { AdminPeoplePage, Establishment, EstablishmentAdminsList, EstablishmentType } from '@preau/contracts';
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

// ---- Local administrators of one establishment, appointed by the platform ----

const adminsPath = (establishmentId: string) => `/api/platform/establishments/${encodeURIComponent(establishmentId)}/admins`;
export const adminsQueryKey = (establishmentId: string) => ['platform', 'establishment-admins', establishmentId] as const;

export function useEstablishmentAdminsQuery(establishmentId: string, enabled = true) {
  return useQuery({ queryKey: adminsQueryKey(establishmentId), queryFn: () => api.get<EstablishmentAdminsList>(adminsPath(establishmentId)), enabled });
}

export function appointAdmin(establishmentId: string, personId: string): Promise<EstablishmentAdminsList> {
  return api.post<EstablishmentAdminsList>(adminsPath(establishmentId), { personId });
}

export function removeAdmin(establishmentId: string, personId: string): Promise<EstablishmentAdminsList> {
  return api.delete<EstablishmentAdminsList>(`${adminsPath(establishmentId)}/${encodeURIComponent(personId)}`);
}

/** People of the establishment, to choose a new administrator from (staff and teachers only may be). */
export function searchPeopleOf(establishmentId: string, q: string): Promise<AdminPeoplePage> {
  return api.get<AdminPeoplePage>(`/api/admin/establishments/${encodeURIComponent(establishmentId)}/people`, { q: q.trim() || undefined, limit: 20 });
}
