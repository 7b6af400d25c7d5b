import type { Assessment } from '@preau/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { recordingMailer } from '../../kernel/notify/index.js';
import { loginAs } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { notifyTestApp } from '../timeline/timeline.testing.js';
import { publishDueAssessments } from './grades.publication.js';

// Wednesday 25 November 2026, 20:30 in Paris (UTC+1): the families' quiet hours start at 20:00.
const EVENING = '2026-11-25T19:30:00.000Z';

/** A grade published in the evening reaches the timeline at once, but no student's e-mail before 07:00. */
describeEachDatabase('grades: no notification at night', (database) => {
  const mailer = recordingMailer();
  let t: Awaited<ReturnType<typeof notifyTestApp>>;
  beforeAll(async () => {
    await insertWorld(database().db, school);
    t = await notifyTestApp(database(), { mailer, publicUrl: 'https://ent.example.org' }, { now: '2026-11-25T10:00:00.000Z' });
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('publishes at 20:30 (timeline), e-mails the student at 07:00 the next morning', async () => {
    const alice = await loginAs(t.app, 'alice.martin');
    expect((await t.app.inject({ method: 'PUT', url: '/api/notifications/preferences', headers: alice.headers, payload: { emailFrequency: 'immediate' } })).statusCode).toBe(200);
    const theo = await loginAs(t.app, 'theo.petit');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/grades/establishments/etab-a/assessments',
      headers: theo.headers,
      payload: { groupId: 'a-5b', subjectId: 'a-maths', title: 'Contrôle du soir', date: '2026-11-25', scale: 20, coefficient: 1, studentsAt: EVENING },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<Assessment>().id;
    expect((await t.app.inject({ method: 'PUT', url: `/api/grades/establishments/etab-a/assessments/${id}/grades`, headers: theo.headers, payload: { grades: [{ studentId: 'alice', value: 13 }] } })).statusCode).toBe(204);

    t.clock.set(EVENING);
    expect(await publishDueAssessments(t.ctx)).toBe(2);
    await t.notifier.fanOut();
    const inTimeline = await database().db.selectFrom('notifications').select(['person_id', 'email_state']).where('person_id', '=', 'alice').execute();
    expect(inTimeline).toHaveLength(1);
    await t.notifier.sendEmails();
    t.clock.set('2026-11-26T05:59:00.000Z'); // Thursday 06:59
    await t.notifier.sendEmails();
    expect(mailer.sent.filter((m) => m.to === 'alice@example.org')).toEqual([]);
    t.clock.set('2026-11-26T06:00:00.000Z'); // Thursday 07:00
    await t.notifier.sendEmails();
    const sent = mailer.sent.filter((m) => m.to === 'alice@example.org');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('Nouvelle note en Mathématiques : Contrôle du soir');
  });
});
