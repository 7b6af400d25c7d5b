import { MarkRead, TimelinePage, TimelineQuery, UnreadCount } from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import type { Notifier } from '../../kernel/notify/index.js';
import { listTimeline, markRead, unreadCounts } from './timeline.queries.js';
import { createStreams } from './timeline.stream.js';

/** The caller's own timeline: never another person's (no person id is ever taken from the request). */
export function timelineRoutes(ctx: AppContext, notifier: Notifier): FastifyPluginAsyncZod {
  return async (app) => {
    const streams = createStreams(ctx, notifier);
    // preClose: open streams would otherwise keep the HTTP server from closing.
    app.addHook('preClose', async () => streams.close());

    app.get(
      '/api/timeline',
      { config: { right: 'notifications.use' }, schema: { tags: ['timeline'], querystring: TimelineQuery, response: { 200: TimelinePage } } },
      async (request) => listTimeline(ctx.db, requireActor(request).personId, request.query),
    );

    app.get(
      '/api/timeline/unread',
      { config: { right: 'notifications.use' }, schema: { tags: ['timeline'], response: { 200: UnreadCount } } },
      async (request) => unreadCounts(ctx.db, requireActor(request).personId),
    );

    app.post(
      '/api/timeline/read',
      { config: { right: 'notifications.use' }, schema: { tags: ['timeline'], body: MarkRead, response: { 200: z.object({ marked: z.number().int() }) } } },
      async (request) => {
        const actor = requireActor(request);
        const marked = await markRead(ctx.db, actor.personId, request.body, ctx.clock.now().toISOString());
        // The person's other tabs and devices refresh their count.
        if (marked > 0) await notifier.hub.publish({ personIds: [actor.personId], message: { kind: 'read' } });
        return { marked };
      },
    );

    app.get(
      '/api/notifications/stream',
      { config: { right: 'notifications.use' }, schema: { tags: ['timeline'], hide: true } },
      async (request, reply) => streams.serve(request, reply, requireActor(request)),
    );
  };
}
