import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../test/fetch-mock';
import { ApiError, api, isApiError, setCsrfToken, setLanguageSource } from './api-client';

describe('api client', () => {
  it('sends the CSRF token on writes, not on reads', async () => {
    const { calls } = mockFetch({
      'POST /api/account/password': () => new Response(null, { status: 204 }),
      'GET /api/me': () => json({ id: 'p-1' }),
    });
    setCsrfToken('token-123');
    await api.post('/api/account/password', { currentPassword: 'a', newPassword: 'b' });
    await api.get('/api/me');
    expect(calls[0].headers['x-csrf-token']).toBe('token-123');
    expect(calls[0].headers['content-type']).toBe('application/json');
    expect(calls[0].body).toEqual({ currentPassword: 'a', newPassword: 'b' });
    expect(calls[1].headers['x-csrf-token']).toBeUndefined();
  });

  it('sends FormData as is, letting the browser set the multipart Content-Type', async () => {
    const { calls } = mockFetch({ 'POST /api/upload': () => json({}) });
    setCsrfToken('token-123');
    const form = new FormData();
    form.append('files', new File(['a;b'], 'eleves.csv'));
    await api.post('/api/upload', form);
    expect(calls[0].body).toBe(form);
    expect(calls[0].headers['content-type']).toBeUndefined();
    expect(calls[0].headers['x-csrf-token']).toBe('token-123');
  });

  it('fetches the CSRF token first when the page was reloaded with a session', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 'fresh' }),
      'DELETE /api/account/sessions/s-2': () => new Response(null, { status: 204 }),
    });
    await api.delete('/api/account/sessions/s-2');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/auth/csrf', 'DELETE /api/account/sessions/s-2']);
    expect(calls[1].headers['x-csrf-token']).toBe('fresh');
  });

  it('does not ask for a token to log in', async () => {
    const { calls } = mockFetch({ 'POST /api/auth/login': () => json({ csrfToken: 't' }) });
    await api.post('/api/auth/login', { login: 'a', password: 'b' });
    expect(calls).toHaveLength(1);
    expect(calls[0].headers['x-csrf-token']).toBeUndefined();
  });

  it('retries once with a new token when the server rejects the old one', async () => {
    let attempts = 0;
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 'renewed' }),
      'POST /api/account/sessions/revoke-all': () =>
        ++attempts === 1 ? apiError(403, 'auth.csrf_invalid') : new Response(null, { status: 204 }),
    });
    setCsrfToken('stale');
    await api.post('/api/account/sessions/revoke-all');
    expect(calls.map((c) => c.headers['x-csrf-token'] ?? '-')).toEqual(['stale', '-', 'renewed']);
  });

  it('sends the chosen language', async () => {
    const { calls } = mockFetch({ 'GET /api/me': () => json({}) });
    setLanguageSource(() => 'en');
    await api.get('/api/me');
    setLanguageSource(() => 'fr');
    expect(calls[0].headers['accept-language']).toBe('en');
  });

  it('turns {error:{code,message}} into a typed ApiError', async () => {
    mockFetch({
      'POST /api/auth/login': () => apiError(429, 'auth.throttled', 'Trop de tentatives.', { 'retry-after': '30' }),
    });
    const error = await api.post('/api/auth/login', { login: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error, 'auth.throttled')).toBe(true);
    expect(error).toMatchObject({ status: 429, code: 'auth.throttled', message: 'Trop de tentatives.', retryAfterSeconds: 30 });
  });

  it('keeps field details of validation errors', async () => {
    mockFetch({
      'POST /api/auth/activate': () =>
        json({ error: { code: 'validation.failed', message: 'x', details: [{ field: 'login', issue: 'too_small', message: 'm' }] } }, 400),
    });
    const error = await api.post('/api/auth/activate', {}).catch((e: unknown) => e);
    expect((error as ApiError).details).toEqual([{ field: 'login', issue: 'too_small', message: 'm' }]);
  });

  it('maps a non-JSON failure to a code from the status', async () => {
    mockFetch({ 'GET /api/me': () => new Response('<html>Bad gateway</html>', { status: 502 }) });
    const error = await api.get('/api/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'internal' });
  });

  it('reads a bare 413 (a proxy refusing a big upload) as request.too_large', async () => {
    mockFetch({ 'POST /api/upload': () => new Response('<html>413</html>', { status: 413 }) });
    setCsrfToken('t');
    const error = await api.post('/api/upload', new FormData()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, code: 'request.too_large' });
  });

  it('reports an unreachable server as a network error', async () => {
    const { spy } = mockFetch({});
    spy.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await api.get('/api/me').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('encodes query parameters and drops empty ones', async () => {
    const { calls } = mockFetch({ 'GET /api/audit': () => json({ items: [], nextCursor: null }) });
    await api.get('/api/audit', { action: 'auth.login', cursor: null, q: '' , limit: 25 });
    expect(calls[0].path).toBe('/api/audit?action=auth.login&limit=25');
  });
});
