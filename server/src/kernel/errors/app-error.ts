import type { ErrorCode } from '@preau/contracts';

export interface ErrorDetail {
  field: string;
  issue: string;
}

/** An error the client may see: a code (translated on both sides) and an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

export const badRequest = (code: ErrorCode = 'validation.failed', details?: ErrorDetail[]) => new AppError(code, 400, details);
export const unauthorized = (code: ErrorCode = 'auth.required') => new AppError(code, 401);
export const forbidden = (code: ErrorCode = 'access.forbidden') => new AppError(code, 403);
export const notFound = (code: ErrorCode) => new AppError(code, 404);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('auth.throttled', 429, undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
