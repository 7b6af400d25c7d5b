import type { ActivateBody, LoginBody, Me, SessionStarted } from '@preau/contracts';
import { api, isApiError, setCsrfToken } from '../../lib/api-client';

export async function login(body: LoginBody): Promise<void> {
  const started = await api.post<SessionStarted>('/api/auth/login', body);
  setCsrfToken(started.csrfToken);
}

export async function activate(body: ActivateBody): Promise<void> {
  const started = await api.post<SessionStarted>('/api/auth/activate', body);
  setCsrfToken(started.csrfToken);
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout');
  } finally {
    // Even if the server is unreachable, this tab must stop acting as the user.
    setCsrfToken(null);
  }
  // The caller then runs forgetSession() so the shell shows the logged-out state.
}

/** The signed-in person, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}
