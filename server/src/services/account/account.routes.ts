import { ChangePasswordBody, SessionList } from '@preau/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import { listSessions } from '../../kernel/auth/sessions.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { recordAudit } from '../audit/index.js';
import { changePassword, clearSessionCookie, clientOf } from '../auth/index.js';

export function accountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/account/password',
      { config: { right: 'account.manage' }, schema: { tags: ['account'], body: ChangePasswordBody } },
      async (request, reply) => {
        await changePassword(ctx, requireActor(request), request.body, clientOf(request));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/account/sessions',
      { config: { right: 'account.manage' }, schema: { tags: ['account'], response: { 200: SessionList } } },
      async (request) => {
        const actor = requireActor(request);
        const rows = await listSessions(ctx.db, actor.personId);
        return {
          items: rows.map((s) => ({
            id: s.id,
            createdAt: s.created_at,
            lastSeenAt: s.last_seen_at,
            expiresAt: s.expires_at,
            ip: s.ip,
            userAgent: s.user_agent,
            current: s.id === actor.sessionId,
          })),
        };
      },
    );

    app.delete(
      '/api/account/sessions/:sessionId',
      {
        config: { right: 'account.manage' },
        schema: { tags: ['account'], params: z.object({ sessionId: z.string().min(1).max(64) }) },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!(await ctx.sessions.revoke(actor.personId, request.params.sessionId))) throw notFound('account.session_not_found');
        await recordAudit(ctx.db, ctx.clock, { action: 'account.session.revoked', actorId: actor.personId, ip: request.ip });
        if (request.params.sessionId === actor.sessionId) clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/account/sessions/revoke-all',
      { config: { right: 'account.manage' }, schema: { tags: ['account'] } },
      async (request, reply) => {
        const actor = requireActor(request);
        await ctx.sessions.revokeAll(actor.personId);
        await recordAudit(ctx.db, ctx.clock, { action: 'account.sessions.revoked_all', actorId: actor.personId, ip: request.ip });
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );
  };
}
