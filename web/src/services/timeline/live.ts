import type { TimelineItem, UnreadCount } from '@preau/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { timelineKeys } from './api';

export type LiveState = { connected: boolean; lastArrival: TimelineItem | null };

/**
 * One server-sent-events stream per tab (mounted by the bell in the layout). The server sends the
 * unread count on connection, then each new notification and "read elsewhere"; the cached
 * timeline and count are refreshed from them. The browser reconnects by itself after a network
 * loss; a refused stream (session over) is not retried.
 */
export function useLiveNotifications(enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({ connected: false, lastArrival: null });
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream', { withCredentials: true });
    source.addEventListener('hello', (event) => {
      queryClient.setQueryData<UnreadCount>(timelineKeys.unread, JSON.parse((event as MessageEvent<string>).data) as UnreadCount);
      // Anything that arrived while disconnected is in the lists once refetched.
      void queryClient.invalidateQueries({ queryKey: ['timeline', 'list'] });
      setState((s) => ({ ...s, connected: true }));
    });
    source.addEventListener('notification', (event) => {
      const item = JSON.parse((event as MessageEvent<string>).data) as TimelineItem;
      queryClient.setQueryData<UnreadCount>(timelineKeys.unread, (old) =>
        old ? { unread: old.unread + 1, byService: { ...old.byService, [item.service]: (old.byService[item.service] ?? 0) + 1 } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['timeline', 'list'] });
      setState({ connected: true, lastArrival: item });
    });
    source.addEventListener('read', () => {
      void queryClient.invalidateQueries({ queryKey: timelineKeys.all });
    });
    source.onerror = () => setState((s) => ({ ...s, connected: source.readyState === EventSource.OPEN }));
    return () => source.close();
  }, [enabled, queryClient]);
  return state;
}
