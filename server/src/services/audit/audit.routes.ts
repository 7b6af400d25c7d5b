import { AuditPage, AuditQuery } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../kernel/context.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { listAudit } from './audit.queries.js';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { right: 'platform.audit.read' },
        schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } },
      },
      async (request) => {
        const { action, cursor, limit } = request.query;
        const before = decodeCursor(cursor, 2) as [string, string] | undefined;
        const rows = await listAudit(ctx.db, { action, before, limit });
        const page = paginate(rows, limit, (r) => [r.at, r.id]);
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((r) => ({
            id: r.id,
            at: r.at,
            action: r.action,
            actorId: r.actor_id,
            actorLogin: r.actor_login ?? null,
            targetId: r.target_id,
            establishmentId: r.establishment_id,
            ip: r.ip,
            details: JSON.parse(r.details) as Record<string, unknown>,
          })),
        };
      },
    );
  };
}
