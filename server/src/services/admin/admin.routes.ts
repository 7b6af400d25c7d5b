import { ActivationReset, PersonParams } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { resetActivation } from './admin.usecases.js';

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
  };
}
