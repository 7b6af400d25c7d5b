import { ActivationReset, PersonParams, PersonState } from '@preau/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { resetActivation, setSuspended } from './admin.usecases.js';

export function adminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/establishments/:establishmentId/people/:personId/activation-reset',
      {
        config: { right: 'admin.accounts.manage' },
        schema: { tags: ['admin'], params: PersonParams, response: { 200: ActivationReset } },
      },
      async (request) => {
        const { establishmentId, personId } = request.params;
        return resetActivation(ctx, requireActor(request), establishmentId, personId, request.ip);
      },
    );

    for (const [verb, suspended] of [['suspend', true], ['reactivate', false]] as const) {
      app.post(
        `/api/admin/establishments/:establishmentId/people/:personId/${verb}`,
        {
          config: { right: 'admin.accounts.manage' },
          schema: { tags: ['admin'], params: PersonParams, response: { 200: z.object({ login: z.string(), state: PersonState }) } },
        },
        async (request) => {
          const { establishmentId, personId } = request.params;
          const result = await setSuspended(ctx, requireActor(request), establishmentId, personId, suspended, request.ip);
          return { login: result.login, state: result.state as PersonState };
        },
      );
    }
  };
}
