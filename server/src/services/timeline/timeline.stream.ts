import type { LiveMessage } from '@preau/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../kernel/auth/actor.js';
import type { AppContext } from '../../kernel/context.js';
import type { Notifier } from '../../kernel/notify/index.js';
import { unreadCounts } from './timeline.queries.js';

interface Stream {
  sessionId: string;
  write(chunk: string): void;
  end(): void;
}

/**
 * Server-sent events to each open tab: `hello` with the unread count, then `notification` and
 * `read` as they happen, and a comment every heartbeat so proxies keep the connection. At each
 * heartbeat the sessions of all open streams are checked in one query: a stream whose session was
 * revoked or expired ends (the browser reconnects, and the guard answers 401).
 */
export function createStreams(ctx: AppContext, notifier: Notifier) {
  const open = new Set<Stream>();
  const heartbeat = setInterval(() => void beat(), notifier.options.heartbeatMs);
  heartbeat.unref();

  async function beat() {
    for (const s of open) s.write(': ping\n\n');
    const ids = [...new Set([...open].map((s) => s.sessionId))];
    if (!ids.length) return;
    const now = ctx.clock.now().getTime();
    const idleMs = ctx.config.session.idleMinutes * 60_000;
    const live = new Set<string>();
    try {
      for (let i = 0; i < ids.length; i += 1000) {
        const rows = await ctx.db.selectFrom('sessions').select(['id', 'last_seen_at', 'expires_at']).where('id', 'in', ids.slice(i, i + 1000)).execute();
        for (const r of rows) {
          if (new Date(r.expires_at).getTime() > now && new Date(r.last_seen_at).getTime() + idleMs > now) live.add(r.id);
        }
      }
    } catch {
      return; // database unavailable: check again next beat rather than drop every stream
    }
    for (const s of open) if (!live.has(s.sessionId)) s.end();
  }

  async function serve(request: FastifyRequest, reply: FastifyReply, actor: Actor) {
    const counts = await unreadCounts(ctx.db, actor.personId);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream
      'x-accel-buffering': 'no',
    });
    let closed = false;
    const stream: Stream = {
      sessionId: actor.sessionId,
      write: (chunk) => {
        if (!closed) raw.write(chunk);
      },
      end: () => {
        if (closed) return;
        closed = true;
        open.delete(stream);
        disconnect();
        raw.end();
      },
    };
    const send = (event: string, data: unknown) => stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const disconnect = notifier.hub.connect(actor.personId, (message: LiveMessage) => {
      if (message.kind === 'notification') send('notification', message.item);
      else send('read', {});
    });
    open.add(stream);
    request.raw.on('close', () => stream.end());
    stream.write('retry: 5000\n\n');
    send('hello', counts);
  }

  return {
    serve,
    /** Ends every stream (server shutdown: browsers reconnect to another process). */
    close: () => {
      clearInterval(heartbeat);
      for (const s of open) s.end();
    },
    /** For tests: run one heartbeat now. */
    beat,
    count: () => open.size,
  };
}
