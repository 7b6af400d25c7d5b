import { z } from 'zod';
import {
  DetectionResult,
  DuplicateCandidate,
  DuplicateParams,
  DuplicatesPage,
  DuplicatesQuery,
  EstablishmentParams,
  MergeDuplicate,
  MergeResult,
  PlatformDuplicateParams,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { dismissDuplicate, listDuplicates, mergeDuplicate, type Place, runDetection } from './duplicates.usecases.js';

const tags = ['duplicates'];

/**
 * The same four actions for an establishment's administrator (proposals about its people) and for
 * platform administrators (every proposal): list, look again, merge, "not the same person".
 */
export function duplicatesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const places = [
      { prefix: '/api/admin/establishments/:establishmentId/duplicates', right: 'admin.duplicates.manage', params: EstablishmentParams, itemParams: DuplicateParams },
      { prefix: '/api/platform/duplicates', right: 'platform.duplicates.manage', params: z.object({}), itemParams: PlatformDuplicateParams },
    ] as const;
    for (const { prefix, right, params, itemParams } of places) {
      const placeOf = (p: unknown): Place => {
        const establishmentId = (p as { establishmentId?: string }).establishmentId;
        return establishmentId ? { establishmentId } : { platform: true };
      };

      app.get(prefix, { config: { right }, schema: { tags, params, querystring: DuplicatesQuery, response: { 200: DuplicatesPage } } }, async (request) =>
        listDuplicates(ctx, requireActor(request), placeOf(request.params), request.query),
      );

      app.post(`${prefix}/detect`, { config: { right }, schema: { tags, params, response: { 200: DetectionResult } } }, async (request) =>
        runDetection(ctx, placeOf(request.params)),
      );

      app.post(
        `${prefix}/:candidateId/merge`,
        { config: { right }, schema: { tags, params: itemParams, body: MergeDuplicate, response: { 200: MergeResult } } },
        async (request) => mergeDuplicate(ctx, requireActor(request), placeOf(request.params), request.params.candidateId, request.body.keepId, request.ip),
      );

      app.post(
        `${prefix}/:candidateId/dismiss`,
        { config: { right }, schema: { tags, params: itemParams, response: { 200: DuplicateCandidate } } },
        async (request) => dismissDuplicate(ctx, requireActor(request), placeOf(request.params), request.params.candidateId, request.ip),
      );
    }
  };
}
