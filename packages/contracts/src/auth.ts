import { z } from 'zod';

export const Login = z.string().trim().min(1).max(120);

export const LoginBody = z.object({ login: Login, password: z.string().min(1).max(1024) });
export type LoginBody = z.infer<typeof LoginBody>;

export const ActivateBody = z.object({
  login: Login,
  activationCode: z.string().trim().min(4).max(64),
  password: z.string().min(1).max(1024),
  acceptTerms: z.boolean(),
});
export type ActivateBody = z.infer<typeof ActivateBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** Returned by login and activation: the CSRF token to send as `x-csrf-token` on writes. */
export const SessionStarted = z.object({ csrfToken: z.string() });
export type SessionStarted = z.infer<typeof SessionStarted>;

export const CsrfToken = z.object({ csrfToken: z.string() });

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionList = z.object({ items: z.array(SessionInfo) });
