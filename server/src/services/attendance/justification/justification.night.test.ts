import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { recordingMailer } from '../../../kernel/notify/index.js';
import { loginAs } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { notifyTestApp } from '../../timeline/timeline.testing.js';
import { followUpNewEvents } from './justification.followup.js';
import { insertEvent } from './justification.testing.js';

// Wednesday 25 November 2026, 20:30 in Paris (UTC+1): the families' quiet hours start at 20:00.
const EVENING = '2026-11-25T19:30:00.000Z';

/** An absence recorded in the evening is in the parent's timeline at once, e-mailed only at 07:00. */
describeEachDatabase('absences to justify: quiet hours', (database) => {
  const mailer = recordingMailer();
  let t: Awaited<ReturnType<typeof notifyTestApp>>;
  beforeAll(async () => {
    await insertWorld(database().db, school);
    t = await notifyTestApp(database(), { mailer, publicUrl: 'https://ent.example.org' }, { now: '2026-11-25T10:00:00.000Z' });
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('tells Alice’s father at once in the timeline and by e-mail the next morning', async () => {
    const remi = await loginAs(t.app, 'remi.martin');
    expect((await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: remi.headers, payload: { emailFrequency: 'immediate' } })).statusCode).toBe(200);
    t.clock.set(EVENING);
    await insertEvent(database().db, { studentId: 'alice', startsAt: '2026-11-25T15:00:00.000Z', endsAt: '2026-11-25T16:00:00.000Z', source: 'staff', createdAt: EVENING });
    expect(await followUpNewEvents(t.ctx)).toMatchObject({ handled: 1, notified: 1 });
    await t.notifier.fanOut();
    expect(await database().db.selectFrom('notifications').select('person_id').where('service', '=', 'attendance').execute()).toEqual([{ person_id: 'remi' }]);
    await t.notifier.sendEmails();
    t.clock.set('2026-11-26T05:59:00.000Z'); // Thursday 06:59
    await t.notifier.sendEmails();
    expect(mailer.sent.filter((m) => m.to === 'remi@example.org')).toEqual([]);
    t.clock.set('2026-11-26T06:00:00.000Z'); // Thursday 07:00
    await t.notifier.sendEmails();
    const sent = mailer.sent.filter((m) => m.to === 'remi@example.org');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('Absence de Alice Martin le 2026-11-25 : à justifier');
    expect(sent[0]?.text).toContain('https://ent.example.org/absences');
  });
});
