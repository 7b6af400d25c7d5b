import type { EstablishmentNotificationDefaults, NotificationPreferences, NotificationPreferencesUpdate, PushKey } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const preferencesKey = ['notifications', 'preferences'] as const;
const defaultsKey = (establishmentId: string) => ['notifications', 'defaults', establishmentId] as const;

export function usePreferencesQuery() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => api.get<NotificationPreferences>('/api/notifications/preferences') });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: NotificationPreferencesUpdate) => api.put<NotificationPreferences>('/api/notifications/preferences', update),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

export function useDefaultsQuery(establishmentId: string) {
  return useQuery({
    queryKey: defaultsKey(establishmentId),
    queryFn: () => api.get<EstablishmentNotificationDefaults>(`/api/notifications/establishments/${encodeURIComponent(establishmentId)}/defaults`),
  });
}

export function useSaveDefaults(establishmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (defaults: EstablishmentNotificationDefaults) =>
      api.put<EstablishmentNotificationDefaults>(`/api/notifications/establishments/${encodeURIComponent(establishmentId)}/defaults`, defaults),
    onSuccess: (saved) => {
      queryClient.setQueryData(defaultsKey(establishmentId), saved);
      void queryClient.invalidateQueries({ queryKey: preferencesKey });
    },
  });
}

export const pushApi = {
  key: () => api.get<PushKey>('/api/notifications/push/key'),
  subscribe: (subscription: PushSubscriptionJSON) => api.post<{ devices: number }>('/api/notifications/push/subscriptions', subscription),
  unsubscribe: (endpoint: string) => api.delete<{ devices: number }>(`/api/notifications/push/subscriptions?endpoint=${encodeURIComponent(endpoint)}`),
};

export function invalidatePreferences(queryClient: ReturnType<typeof useQueryClient>) {
  return queryClient.invalidateQueries({ queryKey: preferencesKey });
}
