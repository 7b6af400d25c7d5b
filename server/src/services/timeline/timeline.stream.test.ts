import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { openSse } from './sse-client.js';
import { emit, messageEvent, notifyTestApp } from './timeline.testing.js';

describeEachDatabase('live notifications (SSE, one process)', (database) => {
  let t: Awaited<ReturnType<typeof notifyTestApp>>;
  let base: string;

  beforeAll(async () => {
    await insertWorld(database().db, school);
    // The job queue runs: the outbox is watched and fanned out as in production.
    t = await notifyTestApp(database(), { heartbeatMs: 200 }, { jobs: true });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('streams the unread count, then each new notification, to its recipient only', async () => {
    const alice = await loginAs(t.app, 'alice.martin');
    const chloe = await loginAs(t.app, 'chloe.lefevre');
    const aliceStream = await openSse(`${base}/api/notifications/stream`, alice.cookie);
    const chloeStream = await openSse(`${base}/api/notifications/stream`, chloe.cookie);
    try {
      expect(aliceStream.status).toBe(200);
      expect(aliceStream.headers.get('content-type')).toContain('text/event-stream');
      expect((await aliceStream.next('hello')).data).toEqual({ unread: 0, byService: {} });
      await chloeStream.next('hello');

      await emit(database(), t.clock, messageEvent(['alice'], 'Conseil de classe'));
      const received = await aliceStream.next('notification');
      expect(received.data).toMatchObject({ type: 'message.received', summary: { subject: 'Conseil de classe' }, read: false });

      // Marking read is echoed to the person's streams (other tabs refresh their count).
      const read = await t.app.inject({ method: 'POST', url: '/api/timeline/read', headers: alice.headers, payload: { all: true } });
      expect(read.json()).toEqual({ marked: 1 });
      await aliceStream.next('read');

      // Heartbeats keep the stream open.
      await new Promise((r) => setTimeout(r, 450));
      expect(aliceStream.comments).toBeGreaterThan(0);
      expect(chloeStream.events.filter((e) => e.event === 'notification')).toHaveLength(0);
    } finally {
      aliceStream.close();
      chloeStream.close();
    }
  });

  it('refuses a stream without a session and ends one whose session ended', async () => {
    const anonymous = await openSse(`${base}/api/notifications/stream`, 'preau_session=forged');
    expect(anonymous.status).toBe(401);

    const bob = await loginAs(t.app, 'bob.durand');
    const stream = await openSse(`${base}/api/notifications/stream`, bob.cookie);
    await stream.next('hello');
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bob.headers });
    expect(logout.statusCode).toBeLessThan(300);
    expect(await stream.waitEnd(3000)).toBe(true);
  });
});
