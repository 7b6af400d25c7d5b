import { expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { purgeLeavers } from './retention.js';
import { testApp } from '../../kernel/testing/test-app.js';

describeEachDatabase('retention of leavers’ personal data', (database) => {
  it('deletes accounts three months after the person left, not before, with everything attached', async () => {
    const db = database().db;
    await insertWorld(db, school);
    await db.updateTable('people').set({ state: 'left', left_at: '2026-07-04T10:00:00.000Z' }).where('id', 'in', ['alice', 'rose']).execute();
    await db.updateTable('people').set({ state: 'left', left_at: '2026-10-01T10:00:00.000Z' }).where('id', '=', 'bob').execute();
    const clock = fixedClock('2026-10-03T00:00:00.000Z');
    expect(await purgeLeavers(db, clock, { afterDays: 90, dryRun: true })).toBe(2);
    expect(await purgeLeavers(db, clock, { afterDays: 90 })).toBe(2);
    const left = await db.selectFrom('people').select('id').where('id', 'in', ['alice', 'rose', 'bob']).execute();
    expect(left.map((p) => p.id)).toEqual(['bob']);
    const links = await db.selectFrom('relatives').select('student_id').where('student_id', '=', 'alice').execute();
    expect(links).toEqual([]);
    const members = await db.selectFrom('group_members').select('person_id').where('person_id', '=', 'alice').execute();
    expect(members).toEqual([]);
    expect(await purgeLeavers(db, clock, { afterDays: 90 })).toBe(0);
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'retention.leavers.purged').execute();
    expect(JSON.parse(audit[0].details)).toEqual({ count: 2, afterDays: 90 });
  });
});

describeEachDatabase('retention runs by itself once the app is up', (database) => {
  it('queues the daily purge when Préau starts', async () => {
    const db = database().db;
    await insertWorld(db, school);
    await db.updateTable('people').set({ state: 'left', left_at: '2026-01-04T10:00:00.000Z' }).where('id', '=', 'chloe').execute();
    const { app } = await testApp(database(), {}, { jobs: true });
    try {
      let gone = false;
      for (let i = 0; i < 200 && !gone; i++) {
        gone = (await db.selectFrom('people').select('id').where('id', '=', 'chloe').execute()).length === 0;
        if (!gone) await new Promise((r) => setTimeout(r, 50));
      }
      expect(gone).toBe(true);
      expect(await db.selectFrom('people').select('id').where('id', '=', 'alice').execute()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
