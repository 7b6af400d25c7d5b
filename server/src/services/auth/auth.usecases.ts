import { timingSafeEqual } from 'node:crypto';
import type { ActivateBody, ChangePasswordBody, LoginBody } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import { createSession } from '../../kernel/auth/sessions.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest, forbidden, tooManyRequests, unauthorized } from '../../kernel/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { activateAccount, findAccountByLogin, findPasswordHash, setPassword } from './auth.queries.js';
import { dummyPasswordHash, hashPassword, meetsPasswordPolicy, verifyPassword } from './passwords.js';
import { Throttle } from './throttle.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const normalizeLogin = (login: string) => login.trim().toLowerCase();

function throttleKeys(ctx: AppContext, scope: string, login: string, ip: string | null) {
  const keys = [{ key: `${scope}:${login}`, allowed: ctx.config.throttle.accountFailures }];
  if (ip) keys.push({ key: `ip:${ip}`, allowed: ctx.config.throttle.ipFailures });
  return keys;
}

async function refuseIfLocked(ctx: AppContext, throttle: Throttle, keys: { key: string }[], audit: { login: string; ip: string | null }) {
  const wait = await throttle.lockedFor(keys.map((k) => k.key));
  if (wait > 0) {
    await recordAudit(ctx.db, ctx.clock, { action: 'auth.throttled', ip: audit.ip, details: { login: audit.login } });
    throw tooManyRequests(wait);
  }
}

/** One generic refusal for unknown logins and wrong passwords, in the same time. */
export async function login(ctx: AppContext, body: LoginBody, client: ClientInfo) {
  const loginName = normalizeLogin(body.login);
  const throttle = new Throttle(ctx.db, ctx.clock, ctx.config.throttle);
  const keys = throttleKeys(ctx, 'login', loginName, client.ip);
  await refuseIfLocked(ctx, throttle, keys, { login: loginName, ip: client.ip });

  const account = await findAccountByLogin(ctx.db, loginName);
  const ok = await verifyPassword(account?.password_hash ?? (await dummyPasswordHash()), body.password);
  if (!account?.password_hash || !ok) {
    await throttle.recordFailure(keys);
    await recordAudit(ctx.db, ctx.clock, {
      action: 'auth.login.failed',
      targetId: account?.id ?? null,
      ip: client.ip,
      details: { login: loginName },
    });
    throw unauthorized('auth.invalid_credentials');
  }
  if (account.state !== 'active') {
    await recordAudit(ctx.db, ctx.clock, { action: 'auth.login.refused', targetId: account.id, ip: client.ip, details: { state: account.state } });
    throw forbidden('auth.account_not_active');
  }
  await throttle.clear(keys[0].key);
  const session = await createSession(ctx.db, ctx.clock, ctx.config.session, account.id, client);
  await recordAudit(ctx.db, ctx.clock, { action: 'auth.login.succeeded', actorId: account.id, ip: client.ip });
  return session;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a.toUpperCase());
  const y = Buffer.from(b.toUpperCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

/** First connection: activation code + a password meeting the CNIL rule + the terms of use. */
export async function activate(ctx: AppContext, body: ActivateBody, client: ClientInfo) {
  if (!body.acceptTerms) throw badRequest('auth.terms_not_accepted', [{ field: 'body.acceptTerms', issue: 'required' }]);
  if (!meetsPasswordPolicy(body.password)) throw badRequest('auth.weak_password', [{ field: 'body.password', issue: 'weak' }]);
  const loginName = normalizeLogin(body.login);
  const throttle = new Throttle(ctx.db, ctx.clock, ctx.config.throttle);
  const keys = throttleKeys(ctx, 'activate', loginName, client.ip);
  await refuseIfLocked(ctx, throttle, keys, { login: loginName, ip: client.ip });

  const account = await findAccountByLogin(ctx.db, loginName);
  const now = ctx.clock.now();
  const valid =
    account?.state === 'awaiting_activation' &&
    !!account.activation_code &&
    sameSecret(account.activation_code, body.activationCode.trim()) &&
    (!account.activation_expires_at || new Date(account.activation_expires_at) > now);
  if (!account || !valid) {
    await throttle.recordFailure(keys);
    await recordAudit(ctx.db, ctx.clock, { action: 'auth.activation.failed', targetId: account?.id ?? null, ip: client.ip, details: { login: loginName } });
    throw unauthorized('auth.invalid_activation');
  }
  const passwordHash = await hashPassword(body.password);
  await activateAccount(ctx.db, account.id, passwordHash, now.toISOString());
  await throttle.clear(keys[0].key);
  const session = await createSession(ctx.db, ctx.clock, ctx.config.session, account.id, client);
  await recordAudit(ctx.db, ctx.clock, { action: 'auth.activation.succeeded', actorId: account.id, ip: client.ip });
  return session;
}

/** A new password ends every other session: a stolen session must not outlive the change. */
export async function changePassword(ctx: AppContext, actor: Actor, body: ChangePasswordBody, client: ClientInfo) {
  const current = await findPasswordHash(ctx.db, actor.personId);
  if (!current?.password_hash || !(await verifyPassword(current.password_hash, body.currentPassword))) {
    await recordAudit(ctx.db, ctx.clock, { action: 'account.password.refused', actorId: actor.personId, ip: client.ip });
    throw forbidden('auth.wrong_current_password');
  }
  if (!meetsPasswordPolicy(body.newPassword)) throw badRequest('auth.weak_password', [{ field: 'body.newPassword', issue: 'weak' }]);
  if (body.newPassword === body.currentPassword) throw new AppError('auth.password_reused', 400, [{ field: 'body.newPassword', issue: 'reused' }]);
  await setPassword(ctx.db, actor.personId, await hashPassword(body.newPassword), ctx.clock.now().toISOString());
  await ctx.sessions.revokeAll(actor.personId, actor.sessionId);
  await recordAudit(ctx.db, ctx.clock, { action: 'account.password.changed', actorId: actor.personId, ip: client.ip });
}
