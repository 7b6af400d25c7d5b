import type { EstablishmentNotificationDefaults } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { notifyTestApp } from '../timeline/timeline.testing.js';

describeEachDatabase('notification preferences and establishment defaults', (database) => {
  let t: Awaited<ReturnType<typeof notifyTestApp>>;
  let who: Record<'alice' | 'sam' | 'theo' | 'ada' | 'hugo' | 'helene' | 'sarah' | 'remi', LoggedIn>;

  beforeAll(async () => {
    await insertWorld(database().db, school);
    t = await notifyTestApp(database());
    const logins = { alice: 'alice.martin', sam: 'sam.martin', theo: 'theo.petit', ada: 'ada.morel', hugo: 'hugo.bonnet', helene: 'helene.garnier', sarah: 'sarah.admin', remi: 'remi.martin' } as const;
    const entries = await Promise.all(Object.entries(logins).map(async ([k, login]) => [k, await loginAs(t.app, login)] as const));
    who = Object.fromEntries(entries) as typeof who;
    return () => t.app.close();
  });

  const get = (as: LoggedIn) => t.app.inject({ method: 'GET', url: '/api/notifications/preferences', headers: as.headers });
  const put = (as: LoggedIn, payload: unknown) => t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: as.headers, payload: payload as object });

  it('gives students and relatives quiet hours and a daily digest, staff immediate e-mails', async () => {
    const alice = (await get(who.alice)).json();
    expect(alice).toMatchObject({ audience: 'family', establishmentId: 'etab-a', hasEmail: true, timeZone: 'Europe/Paris', own: { emailFrequency: false, quietHours: false, channels: [] } });
    expect(alice.effective.quietHours).toEqual({ enabled: true, start: '20:00', end: '07:00', days: [0] });
    expect(alice.effective.emailFrequency).toBe('daily');
    const theo = (await get(who.theo)).json();
    expect(theo).toMatchObject({ audience: 'staff', effective: { emailFrequency: 'immediate', quietHours: { enabled: false } } });
    // A platform admin outside any establishment still has preferences.
    expect((await get(who.sarah)).json()).toMatchObject({ audience: 'staff', establishmentId: null });
  });

  it('saves one’s own choices and goes back to the default with null', async () => {
    const quiet = { enabled: true, start: '21:30', end: '06:45', days: [0, 6] };
    const saved = await put(who.alice, { emailFrequency: 'weekly', quietHours: quiet, channels: [{ service: 'grades', channel: 'email', enabled: false }] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ effective: { emailFrequency: 'weekly', quietHours: quiet }, own: { emailFrequency: true, quietHours: true, channels: [{ service: 'grades', channel: 'email' }] } });
    expect(saved.json().effective.channels.grades).toEqual({ web: true, email: false, push: true });
    // Only her own: Bob's neighbour Sam is unchanged.
    expect((await get(who.sam)).json().own).toEqual({ emailFrequency: false, quietHours: false, channels: [] });

    const partial = await put(who.alice, { quietHours: null });
    expect(partial.json()).toMatchObject({ effective: { emailFrequency: 'weekly', quietHours: { start: '20:00' } }, own: { emailFrequency: true, quietHours: false } });
    const reset = await put(who.alice, { emailFrequency: null, channels: [{ service: 'grades', channel: 'email', enabled: null }] });
    expect(reset.json()).toMatchObject({ effective: { emailFrequency: 'daily' }, own: { emailFrequency: false, channels: [] } });
  });

  it('refuses invalid preferences with 400 and changes nothing', async () => {
    for (const payload of [
      { emailFrequency: 'hourly' },
      { quietHours: { enabled: true, start: '25:00', end: '07:00', days: [] } },
      { quietHours: { enabled: true, start: '20:00', end: '07:00', days: [7] } },
      { channels: [{ service: 'cantine', channel: 'email', enabled: true }] },
      { channels: [{ service: 'grades', channel: 'sms', enabled: true }] },
      { personId: 'bob' },
    ]) {
      const res = await put(who.alice, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
    }
    expect((await get(who.alice)).json().own).toEqual({ emailFrequency: false, quietHours: false, channels: [] });
  });

  const defaultsUrl = (establishmentId: string) => `/api/notifications/establishments/${establishmentId}/defaults`;

  it('lets the establishment admin and the head edit their establishment’s defaults, which people inherit', async () => {
    const current = await t.app.inject({ method: 'GET', url: defaultsUrl('etab-a'), headers: who.ada.headers });
    expect(current.statusCode).toBe(200);
    const defaults = current.json<EstablishmentNotificationDefaults>();
    expect(defaults.family.quietHours).toEqual({ enabled: true, start: '20:00', end: '07:00', days: [0] });
    const changed: EstablishmentNotificationDefaults = {
      ...defaults,
      family: { ...defaults.family, emailFrequency: 'weekly', quietHours: { enabled: true, start: '19:00', end: '08:00', days: [0, 3] } },
    };
    const saved = await t.app.inject({ method: 'PUT', url: defaultsUrl('etab-a'), headers: who.ada.headers, payload: changed });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(changed);
    const alice = (await get(who.alice)).json();
    expect(alice.effective).toMatchObject({ emailFrequency: 'weekly', quietHours: { start: '19:00', days: [0, 3] } });
    // Rémi is a relative in A (his first establishment) and B: A's defaults apply to him.
    expect((await get(who.remi)).json().effective.emailFrequency).toBe('weekly');
    // Sam is in B: unchanged. Staff of A: unchanged.
    expect((await get(who.sam)).json().effective.emailFrequency).toBe('daily');
    expect((await get(who.theo)).json().effective.emailFrequency).toBe('immediate');

    const byHead = await t.app.inject({ method: 'PUT', url: defaultsUrl('etab-a'), headers: who.helene.headers, payload: defaults });
    expect(byHead.statusCode).toBe(200);
    const audit = await database().db.selectFrom('audit_log').select(['actor_id', 'establishment_id']).where('action', '=', 'notifications.defaults_changed').orderBy('id').execute();
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(expect.arrayContaining([{ actor_id: 'ada', establishment_id: 'etab-a' }, { actor_id: 'helene', establishment_id: 'etab-a' }]));
  });

  it('refuses another establishment’s admin, teachers, students and parents', async () => {
    const body = (await t.app.inject({ method: 'GET', url: defaultsUrl('etab-a'), headers: who.ada.headers })).json();
    for (const [name, as] of [['hugo', who.hugo], ['theo', who.theo], ['alice', who.alice], ['remi', who.remi]] as const) {
      const read = await t.app.inject({ method: 'GET', url: defaultsUrl('etab-a'), headers: as.headers });
      const write = await t.app.inject({ method: 'PUT', url: defaultsUrl('etab-a'), headers: as.headers, payload: body });
      expect(read.statusCode, name).toBe(403);
      expect(write.statusCode, name).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: defaultsUrl('etab-b'), headers: who.hugo.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: defaultsUrl('etab-b'), headers: who.sarah.headers })).statusCode).toBe(200);
    const missing = await t.app.inject({ method: 'PUT', url: defaultsUrl('nowhere'), headers: who.sarah.headers, payload: body });
    expect(missing.statusCode).toBe(404);
    const invalid = await t.app.inject({ method: 'PUT', url: defaultsUrl('etab-a'), headers: who.ada.headers, payload: { ...body, staff: { ...body.staff, emailFrequency: 'never' } } });
    expect(invalid.statusCode).toBe(400);
  });

  it('subscribes devices to web push, only over https, and unsubscribes only one’s own', async () => {
    const key = await t.app.inject({ method: 'GET', url: '/api/notifications/push/key', headers: who.theo.headers });
    expect(key.statusCode).toBe(200);
    expect(key.json().publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    // The key pair is kept in the database: the same on the next read and for every process.
    const stored = await database().db.selectFrom('app_secrets').select('value').where('name', '=', 'vapid').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value).publicKey).toBe(key.json().publicKey);

    const subscription = { endpoint: 'https://push.example.org/send/abc', keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } };
    const insecure = await t.app.inject({ method: 'POST', url: '/api/notifications/push/subscriptions', headers: who.theo.headers, payload: { ...subscription, endpoint: 'http://push.example.org/x' } });
    expect(insecure.statusCode).toBe(400);
    const created = await t.app.inject({ method: 'POST', url: '/api/notifications/push/subscriptions', headers: who.theo.headers, payload: subscription });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ devices: 1 });
    expect((await get(who.theo)).json().pushDevices).toBe(1);

    const url = `/api/notifications/push/subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`;
    const foreign = await t.app.inject({ method: 'DELETE', url, headers: who.alice.headers });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('notifications.push_subscription_not_found');
    const removed = await t.app.inject({ method: 'DELETE', url, headers: who.theo.headers });
    expect(removed.json()).toEqual({ devices: 0 });
  });
});
