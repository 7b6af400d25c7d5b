import type { DisciplineList } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { seedDiscipline } from './discipline.seed.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describeEachDatabase('demo discipline', (database) => {
  beforeAll(async () => {
    await insertWorld(database().db, school);
  });

  it('seeds a published incident and detention for the student, an unpublished remark, the same each time', async () => {
    const { db } = database();
    await seedDiscipline(db, { seed: 3, now: NOW, teacherLogin: 'theo.petit', studentLogin: 'alice.martin' });
    const snapshot = async () => ({
      incidents: await db.selectFrom('discipline_incidents').select(['id', 'occurred_at', 'published_at']).orderBy('id').execute(),
      measures: await db.selectFrom('discipline_measures').select(['id', 'kind', 'scheduled_at', 'published_at']).orderBy('id').execute(),
    });
    const first = await snapshot();
    // Ten days before Wednesday 25 November, 10:20 in Paris; the detention on Wednesday 2 December, 13:30.
    expect(first.incidents.map((i) => i.occurred_at)).toEqual(['2026-11-15T09:20:00.000Z']);
    expect(first.measures.find((m) => m.kind === 'detention')?.scheduled_at).toBe('2026-12-02T12:30:00.000Z');
    await db.deleteFrom('discipline_incidents').execute();
    await db.deleteFrom('discipline_measures').execute();
    await seedDiscipline(db, { seed: 3, now: NOW, teacherLogin: 'theo.petit', studentLogin: 'alice.martin' });
    expect(await snapshot()).toEqual(first);

    const env = await testApp(database());
    const remi = await loginAs(env.app, 'remi.martin');
    const res = await env.app.inject({ method: 'GET', url: '/api/discipline/establishments/etab-a/records?studentId=alice', headers: remi.headers });
    expect(res.statusCode, res.body).toBe(200);
    const records = res.json<DisciplineList>();
    expect(records.incidents.map((i) => i.students.map((s) => `${s.id}:${s.role}`))).toEqual([['alice:author']]);
    expect(records.measures.map((m) => m.kind)).toEqual(['detention']);
    await env.app.close();
  });
});
