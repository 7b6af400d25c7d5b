import type { AuditPage } from '@preau/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export const AUDIT_PAGE_SIZE = 25;

export function fetchAudit(action: string, cursor: string | null): Promise<AuditPage> {
  return api.get<AuditPage>('/api/audit', { action: action.trim() || undefined, cursor, limit: AUDIT_PAGE_SIZE });
}

export function useAuditQuery(action: string, cursor: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', action, cursor],
    queryFn: () => fetchAudit(action, cursor),
    placeholderData: keepPreviousData, // keep the table while the next page loads
    enabled,
  });
}
