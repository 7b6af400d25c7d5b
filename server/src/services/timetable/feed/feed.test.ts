import ical, { type VEvent } from 'node-ical';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { enterTimetable } from '../timetable.testing.js';

describeEachDatabase('timetable: personal calendar feed', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let alice: LoggedIn;
  let ids: Awaited<ReturnType<typeof enterTimetable>>;
  const fetchFeed = (url: string) => env.app.inject({ method: 'GET', url: new URL(url).pathname });

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database(), { publicUrl: 'https://ent.example.fr' });
    // A Wednesday ten days before the change to winter time (Sunday 25 October 2026).
    env.clock.set('2026-10-14T08:00:00.000Z');
    ids = await enterTimetable(env.app, await loginAs(env.app, 'ada.morel'));
    alice = await loginAs(env.app, 'alice.martin');
    const theo = await loginAs(env.app, 'theo.petit');
    const entry = await env.app.inject({
      method: 'POST',
      url: '/api/homework/establishments/etab-a/entries',
      headers: theo.headers,
      payload: { groupId: 'a-5b', subjectId: 'a-maths', slotId: ids.slots.monday, date: '2026-10-12', title: 'Fractions', homework: [{ kind: 'exercise', instructionsHtml: '<p>Exercices 3 et 4 p. 52</p>', dueOn: '2026-10-15' }] },
    });
    expect(entry.statusCode).toBe(201);
  });

  it('serves a secret URL without cookie, as text/calendar that node-ical reads back with Paris times across the DST change', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/timetable/feed', headers: alice.headers });
    const { url } = res.json<{ url: string }>();
    expect(url).toMatch(/^https:\/\/ent\.example\.fr\/api\/timetable\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    // Asking again gives the same URL: a phone already subscribed keeps working.
    expect((await env.app.inject({ method: 'GET', url: '/api/timetable/feed', headers: alice.headers })).json().url).toBe(url);

    const feed = await fetchFeed(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(feed.body)).filter((c): c is VEvent => c?.type === 'VEVENT');
    const lessons = events.filter((e) => String(e.summary).startsWith('Mathématiques')).map((e) => [(e.start as Date).toISOString(), (e.end as Date).toISOString()]);
    // Monday 8:00 in Paris: 6:00 UTC in summer time, 7:00 UTC from 26 October; no lessons in the Toussaint holidays.
    expect(lessons).toContainEqual(['2026-10-12T06:00:00.000Z', '2026-10-12T07:00:00.000Z']);
    expect(lessons).toContainEqual(['2026-11-02T07:00:00.000Z', '2026-11-02T08:00:00.000Z']);
    expect(lessons.filter(([start]) => start.startsWith('2026-10-19') || start.startsWith('2026-10-26'))).toEqual([]);
    // Thursday 10:00 only in week A: 15 October (A), not 5 November (B), again on 12 November (A).
    expect(lessons).toContainEqual(['2026-10-15T08:00:00.000Z', '2026-10-15T09:00:00.000Z']);
    expect(lessons.some(([start]) => start.startsWith('2026-11-05'))).toBe(false);
    expect(lessons).toContainEqual(['2026-11-12T09:00:00.000Z', '2026-11-12T10:00:00.000Z']);
    const homework = events.find((e) => String(e.summary).startsWith('À faire'));
    expect(homework?.datetype).toBe('date');
    expect(homework?.description).toContain('Exercices 3 et 4');
    const due = homework?.start as Date;
    expect([due.getFullYear(), due.getMonth() + 1, due.getDate()]).toEqual([2026, 10, 15]);
  });

  it('marks a cancelled lesson as cancelled and names the child in a relative’s feed', async () => {
    const ada = await loginAs(env.app, 'ada.morel');
    await env.app.inject({ method: 'PUT', url: `/api/timetable/establishments/etab-a/slots/${ids.slots.monday}/exceptions/2026-11-02`, headers: ada.headers, payload: { cancelled: true } });
    const remi = await loginAs(env.app, 'remi.martin');
    const { url } = (await env.app.inject({ method: 'GET', url: '/api/timetable/feed', headers: remi.headers })).json<{ url: string }>();
    const events = Object.values(ical.sync.parseICS((await fetchFeed(url)).body)).filter((c): c is VEvent => c?.type === 'VEVENT');
    const cancelled = events.find((e) => (e.start as Date).toISOString() === '2026-11-02T07:00:00.000Z');
    expect(cancelled?.status).toBe('CANCELLED');
    expect(String(cancelled?.summary)).toBe('Alice — Annulé : Mathématiques (5B)');
  });

  it('revokes: a renewed URL replaces the old one at once, a deleted feed answers 404', async () => {
    const old = (await env.app.inject({ method: 'GET', url: '/api/timetable/feed', headers: alice.headers })).json<{ url: string }>().url;
    const renewed = (await env.app.inject({ method: 'POST', url: '/api/timetable/feed/renew', headers: alice.headers })).json<{ url: string }>().url;
    expect(renewed).not.toBe(old);
    expect((await fetchFeed(old)).statusCode).toBe(404);
    expect((await fetchFeed(renewed)).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'DELETE', url: '/api/timetable/feed', headers: alice.headers })).statusCode).toBe(204);
    const gone = await fetchFeed(renewed);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('timetable.feed_not_found');
    expect((await env.app.inject({ method: 'GET', url: '/api/timetable/feed/not-a-token.ics' })).statusCode).toBe(404);
    // Without a session the URL cannot be asked for.
    expect((await env.app.inject({ method: 'GET', url: '/api/timetable/feed' })).statusCode).toBe(401);
  });

  it('stops serving the feed of a suspended account', async () => {
    const bob = await loginAs(env.app, 'bob.durand');
    const { url } = (await env.app.inject({ method: 'GET', url: '/api/timetable/feed', headers: bob.headers })).json<{ url: string }>();
    await database().db.updateTable('people').set({ state: 'suspended' }).where('id', '=', 'bob').execute();
    expect((await fetchFeed(url)).statusCode).toBe(404);
    await database().db.updateTable('people').set({ state: 'active' }).where('id', '=', 'bob').execute();
  });
});
