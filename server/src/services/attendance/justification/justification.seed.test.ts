import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { fixedClock } from '../../../kernel/clock.js';
import { school } from '../../../kernel/testing/school.js';
import { testApp } from '../../../kernel/testing/test-app.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { followUpNewEvents } from './justification.followup.js';
import { seedJustification } from './justification.seed.js';
import { insertEvent } from './justification.testing.js';

describeEachDatabase('demo justification seed', (database) => {
  beforeAll(async () => {
    await insertWorld(database().db, school);
  });

  it('marks the seeded events as history, so starting the demo announces nothing, but later events are announced', async () => {
    const { db } = database();
    await insertEvent(db, { studentId: 'alice', startsAt: '2026-11-23T07:00:00.000Z', endsAt: '2026-11-23T08:00:00.000Z' });
    expect(await seedJustification(db, { now: new Date('2026-11-25T06:00:00.000Z') })).toBe(1);
    expect(await seedJustification(db, { now: new Date('2026-11-25T06:00:00.000Z') })).toBe(0);
    const env = await testApp(database());
    expect(await followUpNewEvents(env.ctx)).toEqual({ handled: 0, notified: 0, linked: 0 });
    await insertEvent(db, { studentId: 'alice', startsAt: '2026-11-24T07:00:00.000Z', endsAt: '2026-11-24T08:00:00.000Z' });
    expect(await followUpNewEvents({ ...env.ctx, clock: fixedClock('2026-11-25T10:00:00.000Z') })).toMatchObject({ handled: 1, notified: 1 });
    await env.app.close();
  });
});
