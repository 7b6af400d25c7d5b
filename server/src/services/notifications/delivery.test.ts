import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { recordingMailer } from '../../kernel/notify/index.js';
import { loginAs } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { emit, messageEvent, notifyTestApp } from '../timeline/timeline.testing.js';
import { startPushService } from './push-service.testing.js';

// Wednesday 25 November 2026, 21:00 in Paris (UTC+1): inside the families' quiet hours.
const WEDNESDAY_21H = '2026-11-25T20:00:00.000Z';

describeEachDatabase('e-mail and push delivery (fixed clock, Europe/Paris)', (database) => {
  const mailer = recordingMailer();
  let push: Awaited<ReturnType<typeof startPushService>>;
  let t: Awaited<ReturnType<typeof notifyTestApp>>;
  const sentTo = (address: string) => mailer.sent.filter((m) => m.to === address);

  beforeAll(async () => {
    await insertWorld(database().db, school);
    push = await startPushService();
    t = await notifyTestApp(database(), { mailer, publicUrl: 'https://ent.example.org' }, { now: WEDNESDAY_21H });
  });
  afterAll(async () => {
    await t.app.close();
    await push.close();
  });
  beforeEach(async () => {
    const { db } = database();
    await db.deleteFrom('notifications').execute();
    await db.deleteFrom('outbox_events').execute();
    await db.deleteFrom('notification_settings').execute();
    await db.deleteFrom('notification_preferences').execute();
    await db.deleteFrom('push_subscriptions').execute();
    mailer.sent.length = 0;
    mailer.failFor.clear();
    push.received.length = 0;
    t.clock.set(WEDNESDAY_21H);
  });

  const setPreferences = async (login: string, payload: object) => {
    const who = await loginAs(t.app, login);
    const res = await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: who.headers, payload });
    expect(res.statusCode).toBe(200);
  };
  const subscribe = async (personId: string, device: ReturnType<typeof push.device>) => {
    await database()
      .db.insertInto('push_subscriptions')
      .values({ id: `sub-${personId}-${Math.random()}`, person_id: personId, endpoint: device.endpoint, p256dh: device.keys.p256dh, auth: device.keys.auth, user_agent: null, created_at: WEDNESDAY_21H, last_success_at: null })
      .execute();
  };

  it('holds a student’s immediate e-mail through quiet hours, staff get theirs at once', async () => {
    await setPreferences('alice.martin', { emailFrequency: 'immediate' });
    await emit(database(), t.clock, messageEvent(['alice', 'theo', 'bob'], 'Sortie au Louvre'));
    await t.notifier.fanOut();
    expect(await t.notifier.sendEmails()).toEqual({ sent: 1, failed: 0 });
    expect(sentTo('theo@example.org')).toHaveLength(1);
    expect(sentTo('theo@example.org')[0]).toMatchObject({ subject: '[Préau] Nouveau message : Sortie au Louvre' });
    expect(sentTo('theo@example.org')[0]?.text).toMatch(/Ouvrir Préau : https:\/\/ent\.example\.org\/messagerie\/conversation\/conv-\d+/);
    expect(sentTo('theo@example.org')[0]?.text).toContain('https://ent.example.org/notifications');

    t.clock.set('2026-11-26T05:59:00.000Z'); // Thursday 06:59
    await t.notifier.sendEmails();
    expect(sentTo('alice@example.org')).toHaveLength(0);
    t.clock.set('2026-11-26T06:00:00.000Z'); // Thursday 07:00
    await t.notifier.sendEmails();
    expect(sentTo('alice@example.org')).toHaveLength(1);
    expect(sentTo('alice@example.org')[0]?.text).toContain('Nouveau message : Sortie au Louvre — Théo PETIT');
    // Bob has no e-mail address: nothing pending for him, nothing sent twice to the others.
    const bob = await database().db.selectFrom('notifications').select('email_state').where('person_id', '=', 'bob').executeTakeFirstOrThrow();
    expect(bob.email_state).toBe('none');
    await t.notifier.sendEmails();
    expect(mailer.sent).toHaveLength(2);
  });

  it('gathers a relative’s day into one digest at 17:00', async () => {
    t.clock.set('2026-11-26T09:00:00.000Z'); // Thursday 10:00
    await emit(database(), t.clock, messageEvent(['remi'], 'Réunion parents-professeurs'));
    t.clock.advance(60_000);
    await emit(database(), t.clock, { type: 'news.published', establishmentId: 'etab-a', actorId: 'helene', recipientIds: ['remi'], resource: { kind: 'news', id: 'n-1' }, summary: { title: 'Marché de Noël' } });
    await t.notifier.fanOut();
    t.clock.set('2026-11-26T15:59:00.000Z');
    await t.notifier.sendEmails();
    expect(sentTo('remi@example.org')).toHaveLength(0);
    t.clock.set('2026-11-26T16:00:00.000Z');
    await t.notifier.sendEmails();
    const [digest] = sentTo('remi@example.org');
    expect(digest?.subject).toBe('[Préau] 2 nouvelles notifications');
    expect(digest?.text).toContain('Nouveau message : Réunion parents-professeurs');
    expect(digest?.text).toContain('Nouvelle actualité : Marché de Noël');
    expect(digest?.html).toContain('<li>Nouvelle actualité : Marché de Noël — Hélène GARNIER</li>');
    await t.notifier.sendEmails();
    expect(sentTo('remi@example.org')).toHaveLength(1);
  });

  it('keeps Sunday quiet for families: the e-mail leaves on Monday at 07:00', async () => {
    await setPreferences('rose.lefevre', { emailFrequency: 'immediate' });
    t.clock.set('2026-11-29T10:00:00.000Z'); // Sunday 11:00
    await emit(database(), t.clock, messageEvent(['rose']));
    await t.notifier.fanOut();
    for (const at of ['2026-11-29T10:00:00.000Z', '2026-11-29T16:00:00.000Z', '2026-11-30T05:59:00.000Z']) {
      t.clock.set(at);
      await t.notifier.sendEmails();
    }
    expect(sentTo('rose@example.org')).toHaveLength(0);
    t.clock.set('2026-11-30T06:00:00.000Z');
    await t.notifier.sendEmails();
    expect(sentTo('rose@example.org')).toHaveLength(1);
  });

  it('waits across the spring change of time: Saturday 21:00 CET → Monday 07:00 CEST (05:00 UTC)', async () => {
    await setPreferences('rose.lefevre', { emailFrequency: 'immediate' });
    t.clock.set('2026-03-28T20:00:00.000Z'); // Saturday 21:00 CET
    await emit(database(), t.clock, messageEvent(['rose'], 'Printemps'));
    await t.notifier.fanOut();
    for (const at of ['2026-03-28T20:00:00.000Z', '2026-03-29T12:00:00.000Z', '2026-03-30T04:59:00.000Z']) {
      t.clock.set(at);
      await t.notifier.sendEmails();
    }
    expect(sentTo('rose@example.org')).toHaveLength(0);
    t.clock.set('2026-03-30T05:00:00.000Z'); // Monday 07:00 CEST
    await t.notifier.sendEmails();
    expect(sentTo('rose@example.org').map((m) => m.subject)).toEqual(['[Préau] Nouveau message : Printemps']);
  });

  it('respects a service turned off for e-mail, and retries after an SMTP failure', async () => {
    await setPreferences('theo.petit', { channels: [{ service: 'news', channel: 'email', enabled: false }] });
    await emit(database(), t.clock, { type: 'news.published', establishmentId: 'etab-a', actorId: 'helene', recipientIds: ['theo'], resource: { kind: 'news', id: 'n-2' }, summary: { title: 'Cross' } });
    await emit(database(), t.clock, messageEvent(['theo'], 'Copies'));
    await t.notifier.fanOut();
    mailer.failFor.add('theo@example.org');
    expect(await t.notifier.sendEmails()).toEqual({ sent: 0, failed: 1 });
    mailer.failFor.clear();
    expect(await t.notifier.sendEmails()).toEqual({ sent: 1, failed: 0 });
    expect(sentTo('theo@example.org').map((m) => m.subject)).toEqual(['[Préau] Nouveau message : Copies']);
  });

  it('pushes to a staff member’s device at once, signed with the VAPID key and encrypted for the device', async () => {
    const device = push.device('theo-phone');
    await subscribe('theo', device);
    await emit(database(), t.clock, messageEvent(['theo'], 'Conseil pédagogique'));
    await t.notifier.fanOut();
    expect(await t.notifier.sendPushes()).toEqual({ sent: 1, failed: 0 });
    expect(push.received).toHaveLength(1);
    const [received] = push.received;
    expect(received?.payload).toMatchObject({ title: 'Nouveau message : Conseil pédagogique', count: 1 });
    const { publicKey } = await t.notifier.vapid();
    expect(received?.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`));
    expect(received?.headers['content-encoding']).toBe('aes128gcm');
    await t.notifier.sendPushes();
    expect(push.received).toHaveLength(1);
  });

  it('holds a student’s pushes through quiet hours, then sends one summary', async () => {
    await subscribe('alice', push.device('alice-phone'));
    await emit(database(), t.clock, messageEvent(['alice'], 'Un'));
    t.clock.advance(60_000);
    await emit(database(), t.clock, messageEvent(['alice'], 'Deux'));
    await t.notifier.fanOut();
    await t.notifier.sendPushes();
    expect(push.received).toHaveLength(0);
    t.clock.set('2026-11-26T06:00:00.000Z');
    await t.notifier.sendPushes();
    expect(push.received.map((p) => p.payload)).toEqual([expect.objectContaining({ title: '2 nouvelles notifications', count: 2 })]);
  });

  it('forgets a device the push service no longer knows (410)', async () => {
    const device = push.device('gone');
    push.statusFor.set('/push/gone', 410);
    await subscribe('theo', device);
    await emit(database(), t.clock, messageEvent(['theo']));
    await t.notifier.fanOut();
    await t.notifier.sendPushes();
    expect(await database().db.selectFrom('push_subscriptions').select('id').where('person_id', '=', 'theo').execute()).toHaveLength(0);
    const row = await database().db.selectFrom('notifications').select('push_state').where('person_id', '=', 'theo').executeTakeFirstOrThrow();
    expect(row.push_state).toBe('none');
  });
});
