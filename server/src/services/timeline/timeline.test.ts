import type { TimelineItem } from '@preau/contracts';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { jobsDb } from '../../kernel/jobs/jobs.queries.js';
import { fanOutPending } from '../../kernel/notify/fanout.js';
import { type LoggedIn, loginAs } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { emit, messageEvent, notifyTestApp } from './timeline.testing.js';

describeEachDatabase('timeline', (database) => {
  let t: Awaited<ReturnType<typeof notifyTestApp>>;
  let alice: LoggedIn;
  let bob: LoggedIn;
  let chloe: LoggedIn;

  beforeAll(async () => {
    await insertWorld(database().db, school);
    t = await notifyTestApp(database());
    [alice, bob, chloe] = await Promise.all([loginAs(t.app, 'alice.martin'), loginAs(t.app, 'bob.durand'), loginAs(t.app, 'chloe.lefevre')]);
    return () => t.app.close();
  });
  beforeEach(async () => {
    await database().db.deleteFrom('notifications').execute();
    await database().db.deleteFrom('outbox_events').execute();
  });

  const timeline = async (who: LoggedIn, query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/timeline${query}`, headers: who.headers });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: TimelineItem[]; nextCursor: string | null }>();
  };
  const unread = async (who: LoggedIn) => (await t.app.inject({ method: 'GET', url: '/api/timeline/unread', headers: who.headers })).json<{ unread: number; byService: Record<string, number> }>();

  it('fans an event out to its recipients only, with its author and summary', async () => {
    await emit(database(), t.clock, messageEvent(['alice', 'bob'], 'Sortie au Louvre'));
    expect(await timeline(alice)).toEqual({ items: [], nextCursor: null });
    const result = await t.notifier.fanOut();
    expect(result).toMatchObject({ events: 1, notifications: 2 });
    const page = await timeline(alice);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      type: 'message.received',
      service: 'messaging',
      actor: { id: 'theo', displayName: 'Théo PETIT' },
      summary: { subject: 'Sortie au Louvre' },
      read: false,
      establishmentId: 'etab-a',
    });
    expect((await timeline(bob)).items).toHaveLength(1);
    expect((await timeline(chloe)).items).toHaveLength(0);
    expect(await unread(alice)).toEqual({ unread: 1, byService: { messaging: 1 } });
    // A second run finds nothing left to do.
    expect(await t.notifier.fanOut()).toMatchObject({ events: 0 });
  });

  it('filters by service and by read state, and marks read only one’s own', async () => {
    await emit(database(), t.clock, messageEvent(['alice', 'chloe']));
    t.clock.advance(1000);
    await emit(database(), t.clock, { type: 'news.published', establishmentId: 'etab-a', actorId: 'helene', recipientIds: ['alice'], resource: { kind: 'news', id: 'n1' }, summary: { title: 'Portes ouvertes' } });
    await t.notifier.fanOut();
    expect((await timeline(alice, '?service=news')).items.map((i) => i.type)).toEqual(['news.published']);
    expect((await timeline(alice)).items.map((i) => i.type)).toEqual(['news.published', 'message.received']);
    const messageId = (await timeline(alice, '?service=messaging')).items[0]?.id ?? '';

    // Chloé names Alice's notification: nothing of Alice's changes.
    const foreign = await t.app.inject({ method: 'POST', url: '/api/timeline/read', headers: chloe.headers, payload: { ids: [(await timeline(alice, '?service=news')).items[0]?.id] } });
    expect(foreign.json()).toEqual({ marked: 0 });
    expect((await unread(alice)).unread).toBe(2);

    const mine = await t.app.inject({ method: 'POST', url: '/api/timeline/read', headers: alice.headers, payload: { ids: [messageId] } });
    expect(mine.json()).toEqual({ marked: 1 });
    expect(await unread(alice)).toEqual({ unread: 1, byService: { news: 1 } });
    expect((await timeline(alice, '?unread=true')).items.map((i) => i.type)).toEqual(['news.published']);
    expect((await timeline(alice, '?unread=false')).items.map((i) => i.type)).toEqual(['message.received']);
    expect((await unread(chloe)).unread).toBe(1);

    const all = await t.app.inject({ method: 'POST', url: '/api/timeline/read', headers: alice.headers, payload: { all: true } });
    expect(all.json()).toEqual({ marked: 1 });
    expect((await unread(alice)).unread).toBe(0);
  });

  it('pages with a cursor, newest first', async () => {
    for (const subject of ['un', 'deux', 'trois']) {
      await emit(database(), t.clock, messageEvent(['bob'], subject));
      t.clock.advance(1000);
    }
    await t.notifier.fanOut();
    const first = await timeline(bob, '?limit=2');
    expect(first.items.map((i) => i.summary.subject)).toEqual(['trois', 'deux']);
    expect(first.nextCursor).not.toBeNull();
    const second = await timeline(bob, `?limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items.map((i) => i.summary.subject)).toEqual(['un']);
  });

  it('keeps out of the timeline a service whose web channel the person turned off', async () => {
    const off = await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: bob.headers, payload: { channels: [{ service: 'messaging', channel: 'web', enabled: false }] } });
    expect(off.statusCode).toBe(200);
    await emit(database(), t.clock, messageEvent(['alice', 'bob']));
    await t.notifier.fanOut();
    expect((await timeline(bob)).items).toHaveLength(0);
    expect((await timeline(alice)).items).toHaveLength(1);
    await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: bob.headers, payload: { channels: [{ service: 'messaging', channel: 'web', enabled: null }] } });
  });

  it('refuses bad input with 400 and no session with 401', async () => {
    for (const query of ['?service=cantine', '?limit=0', '?limit=500', '?cursor=garbage', '?unread=maybe']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/timeline${query}`, headers: alice.headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
    }
    for (const payload of [{}, { ids: [] }, { all: false }, { ids: ['x'], all: true }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/timeline/read', headers: alice.headers, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const csrf = await t.app.inject({ method: 'POST', url: '/api/timeline/read', headers: { cookie: alice.cookie }, payload: { all: true } });
    expect(csrf.statusCode).toBe(403);
    for (const url of ['/api/timeline', '/api/timeline/unread', '/api/notifications/stream']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });

  it('fans 2,000 recipients out in a handful of statements', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `crowd-${String(i).padStart(4, '0')}`);
    const { db } = database();
    await db
      .insertInto('people')
      .values(ids.map((id) => ({ id, source: 'manual', login: id, first_name: 'Élève', last_name: id, sort_key: id, state: 'active', email: `${id}@example.org`, platform_admin: 0, created_at: '2026-01-01', updated_at: '2026-01-01' })))
      .execute();
    await db.insertInto('memberships').values(ids.map((id) => ({ person_id: id, establishment_id: 'etab-a', profile: 'student' }))).execute();
    await emit(database(), t.clock, { type: 'news.published', establishmentId: 'etab-a', actorId: 'helene', recipientIds: ids, resource: { kind: 'news', id: 'crowd' }, summary: { title: 'Rentrée' } });
    let statements = 0;
    const counting = db.withPlugin({
      transformQuery: (args) => {
        statements += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const started = performance.now();
    const result = await fanOutPending(counting, database().kind, t.clock, t.notifier.hub, { email: true });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ events: 1, notifications: 2000, email: true });
    // pending check, claim, recipients, 2 × (memberships, settings, switches, defaults), 4 inserts, delete, update, live item
    expect(statements).toBeLessThanOrEqual(20);
    const count = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('service', '=', 'news').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2000);
    console.info(`fan-out of 2,000 recipients [${database().kind}]: ${statements} statements, ${elapsed.toFixed(0)} ms`);
  });

  it('forgets events older than the retention, with their notifications', async () => {
    const { db } = database();
    t.clock.set('2025-06-01T10:00:00.000Z');
    await emit(database(), t.clock, messageEvent(['bob'], 'Ancien'));
    t.clock.set('2026-11-25T10:00:00.000Z');
    await emit(database(), t.clock, messageEvent(['bob'], 'Récent'));
    await t.notifier.fanOut();
    // A finished delivery run from five days ago: the purge forgets it too.
    await jobsDb(db)
      .insertInto('jobs')
      .values({ id: 'old-run', name: 'notify_push', data: '{}', state: 'done', attempts: 1, retry_limit: 2, progress_done: null, progress_total: null, result: null, error: null, singleton_key: null, created_at: '2026-11-20T10:00:00.000Z', started_at: null, finished_at: '2026-11-20T10:00:01.000Z' })
      .execute();
    expect(await t.notifier.purge()).toEqual({ deleted: 1 });
    expect(await jobsDb(db).selectFrom('jobs').select('id').where('id', '=', 'old-run').execute()).toHaveLength(0);
    expect((await timeline(bob)).items.map((i) => i.summary.subject)).toEqual(['Récent']);
    const left = await db.selectFrom('notifications').select('event_id').where('person_id', '=', 'bob').execute();
    expect(left).toHaveLength(1);
  });
});
