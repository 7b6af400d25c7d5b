import { ActivateBody, CsrfToken, LoginBody, SessionStarted } from '@preau/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import { SESSION_COOKIE } from '../../kernel/auth/sessions.js';
import type { AppContext } from '../../kernel/context.js';
import { recordAudit } from '../audit/index.js';
import { activate, login } from './auth.usecases.js';

export function clientOf(request: FastifyRequest) {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: ctx.config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/**
 * Login and activation are exempt from the CSRF token (no session exists yet); they only accept
 * JSON bodies, which a cross-site form cannot send without a CORS preflight that Préau refuses.
 */
export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { public: true, csrfExempt: true },
        schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionStarted } },
      },
      async (request, reply) => {
        const session = await login(ctx, request.body, clientOf(request));
        setSessionCookie(ctx, reply, session.token);
        return { csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/api/auth/activate',
      {
        config: { public: true, csrfExempt: true },
        schema: { tags: ['auth'], body: ActivateBody, response: { 200: SessionStarted } },
      },
      async (request, reply) => {
        const session = await activate(ctx, request.body, clientOf(request));
        setSessionCookie(ctx, reply, session.token);
        return { csrfToken: session.csrfToken };
      },
    );

    app.get(
      '/api/auth/csrf',
      { config: { right: 'portal.use' }, schema: { tags: ['auth'], response: { 200: CsrfToken } } },
      async (request) => ({ csrfToken: requireActor(request).csrfToken }),
    );

    app.post('/api/auth/logout', { config: { right: 'portal.use' }, schema: { tags: ['auth'] } }, async (request, reply) => {
      const actor = requireActor(request);
      await ctx.sessions.revoke(actor.personId, actor.sessionId);
      await recordAudit(ctx.db, ctx.clock, { action: 'auth.logout', actorId: actor.personId, ip: request.ip });
      clearSessionCookie(reply);
      return reply.status(204).send();
    });
  };
}
