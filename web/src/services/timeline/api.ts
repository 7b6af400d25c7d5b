import type { MarkRead, NotificationService, TimelinePage, UnreadCount } from '@preau/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const timelineKeys = {
  all: ['timeline'] as const,
  list: (service: NotificationService | null) => ['timeline', 'list', service] as const,
  unread: ['timeline', 'unread'] as const,
};

const PAGE_SIZE = 20;

export function useTimelineQuery(service: NotificationService | null) {
  return useInfiniteQuery({
    queryKey: timelineKeys.list(service),
    queryFn: ({ pageParam }) => api.get<TimelinePage>('/api/timeline', { limit: PAGE_SIZE, service, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useUnreadQuery(enabled: boolean) {
  return useQuery({ queryKey: timelineKeys.unread, queryFn: () => api.get<UnreadCount>('/api/timeline/unread'), enabled });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkRead) => api.post<{ marked: number }>('/api/timeline/read', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timelineKeys.all }),
  });
}
