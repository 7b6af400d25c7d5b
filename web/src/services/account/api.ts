import type { ChangePasswordBody, SessionInfo } from '@preau/contracts';
import { api } from '../../lib/api-client';

export function changePassword(body: ChangePasswordBody): Promise<void> {
  return api.post<void>('/api/account/password', body);
}

export async function fetchSessions(): Promise<SessionInfo[]> {
  const list = await api.get<{ items: SessionInfo[] }>('/api/account/sessions');
  return list.items;
}

export function revokeSession(sessionId: string): Promise<void> {
  return api.delete<void>(`/api/account/sessions/${encodeURIComponent(sessionId)}`);
}

/** Ends every session of the account, this one included. */
export function revokeAllSessions(): Promise<void> {
  return api.post<void>('/api/account/sessions/revoke-all');
}
