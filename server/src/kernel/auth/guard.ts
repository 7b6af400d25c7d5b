import { timingSafeEqual } from 'node:crypto';
import type { Right } from '@preau/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../context.js';
import { AppError, forbidden, unauthorized } from '../errors/app-error.js';
import type { Actor } from './actor.js';
import { SESSION_COOKIE } from './sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The workflow right this route needs; checked in the route's establishment when it has one. */
    right?: Right;
    /** Reachable without a session (login, health, activation). */
    public?: boolean;
    /** Writes that cannot carry a CSRF token because no session exists yet (login, activation). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/**
 * Every /api route declares either a right or `public: true` (checked when the route is added, so a
 * forgotten guard fails at start, not in production). Authentication, CSRF and the right are checked
 * on request, before the body is even parsed.
 */
async function guardPlugin(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const config = route.config ?? {};
    if (!config.public && !config.right) {
      throw new Error(`Route ${route.method} ${route.url} declares neither a right nor public: true`);
    }
    if (config.right && !ctx.rights.knows(config.right)) {
      throw new Error(`Route ${route.method} ${route.url} needs right ${config.right}, which no policy grants`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config ?? {};
    // Public routes, static files and docs need no session: no database work for them.
    if (config.public || !config.right) return;
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) request.actor = (await ctx.sessions.actorFor(token)) ?? null;
    const actor = requireActor(request);
    if (!SAFE_METHODS.has(request.method) && !config.csrfExempt) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, actor.csrfToken)) throw new AppError('auth.csrf_invalid', 403);
    }
    const establishmentId = (request.params as { establishmentId?: string } | undefined)?.establishmentId;
    if (!ctx.rights.holds(actor, config.right, establishmentId)) {
      throw forbidden(establishmentId && !actor.memberships.some((m) => m.establishmentId === establishmentId) && !actor.platformAdmin ? 'access.not_member' : 'access.forbidden');
    }
  });
}

export const guard = fp(guardPlugin, { name: 'preau-guard' });
