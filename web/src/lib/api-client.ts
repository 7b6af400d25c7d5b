import { ErrorBody } from '@preau/contracts';

/** One failed API call: the server's error code (translated by the UI), HTTP status and field details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: { field: string; issue: string; message: string }[];
  /** Seconds from the Retry-After header (429), when present. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: { field: string; issue: string; message: string }[];
    retryAfterSeconds?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The only writes the server accepts without a CSRF token: they are the ones that hand it out. */
const CSRF_EXEMPT_PATHS = new Set(['/api/auth/login', '/api/auth/activate']);

let csrfToken: string | null = null;
let pendingCsrf: Promise<string> | null = null;
let currentLanguage: () => string = () => 'fr';

/** Called by login/activation (token in their response) and by logout (cleared). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/** The i18n module registers how to read the chosen language, so the API answers in it. */
export function setLanguageSource(source: () => string): void {
  currentLanguage = source;
}

/** Asks the server for the session's CSRF token once, however many writes are waiting for it. */
export function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return Promise.resolve(csrfToken);
  pendingCsrf ??= request<{ csrfToken: string }>('GET', '/api/auth/csrf')
    .then((body) => {
      csrfToken = body.csrfToken;
      return body.csrfToken;
    })
    .finally(() => {
      pendingCsrf = null;
    });
  return pendingCsrf;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('retry-after');
  const retryAfterSeconds = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to a code derived from the status.
  }
  const parsed = ErrorBody.safeParse(payload);
  if (parsed.success) {
    return new ApiError({ status: response.status, retryAfterSeconds, ...parsed.data.error });
  }
  const code =
    response.status === 401
      ? 'auth.required'
      : response.status === 403
        ? 'access.forbidden'
        : response.status === 404
          ? 'request.not_found'
          : response.status === 413
            ? 'request.too_large' // often a reverse proxy's own page, before the request reaches Préau
            : response.status === 429
              ? 'auth.throttled'
              : 'internal';
  return new ApiError({ status: response.status, code, message: response.statusText, retryAfterSeconds });
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  // Files go as multipart: the browser writes the Content-Type itself, with the part boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && !CSRF_EXEMPT_PATHS.has(path) && csrfToken) {
    headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'include', // the session cookie, also when the API sits behind another origin in development
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: 'Network error' });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function write<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (!CSRF_EXEMPT_PATHS.has(path)) await ensureCsrfToken();
  try {
    return await request<T>(method, path, body);
  } catch (error) {
    // The token may have been rotated by another tab's login: fetch a fresh one and retry once.
    if (isApiError(error, 'auth.csrf_invalid')) {
      csrfToken = null;
      await ensureCsrfToken();
      return request<T>(method, path, body);
    }
    throw error;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => write<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => write<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => write<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => write<T>('DELETE', path),
};
