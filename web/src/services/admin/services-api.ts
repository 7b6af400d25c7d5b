import type { Profile, ServiceSettings } from '@preau/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const path = (establishmentId: string) => `/api/admin/establishments/${encodeURIComponent(establishmentId)}/services`;
export const servicesQueryKey = (establishmentId: string) => ['admin', 'services', establishmentId] as const;

export function useServiceSettingsQuery(establishmentId: string | null) {
  return useQuery({
    queryKey: servicesQueryKey(establishmentId ?? ''),
    queryFn: () => api.get<ServiceSettings>(path(establishmentId as string)),
    enabled: establishmentId !== null,
  });
}

/** Replaces the services hidden from one profile (an empty list shows them all). */
export function saveHiddenServices(establishmentId: string, profile: Profile, hidden: string[]): Promise<ServiceSettings> {
  return api.put<ServiceSettings>(`${path(establishmentId)}/${profile}`, { hidden });
}
