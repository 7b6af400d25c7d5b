import type { GradeReport } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { seedGrades } from './grades.seed.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describeEachDatabase('demo grades', (database) => {
  beforeAll(async () => {
    await insertWorld(database().db, school);
  });

  const snapshot = async () => {
    const { db } = database();
    return {
      assessments: await db.selectFrom('grade_assessments').select(['id', 'subject_id', 'date', 'kind', 'scale_centi', 'coefficient_centi', 'students_at']).orderBy('id').execute(),
      entries: await db.selectFrom('grade_entries').select(['assessment_id', 'student_id', 'value_centi', 'special']).orderBy('assessment_id').orderBy('student_id').execute(),
    };
  };

  it('seeds published assessments for every class of the establishment, the same each time, shown with averages', async () => {
    const { db } = database();
    await seedGrades(db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
    const first = await snapshot();
    // Collège A has two teachings (5B maths, 4A French): five assessments each in the first trimester,
    // each graded for the group's students (three in 5B, one in 4A).
    expect(first.assessments).toHaveLength(10);
    expect(first.entries).toHaveLength(5 * 3 + 5 * 1);
    expect(first.assessments.every((a) => (a.students_at as string) < NOW.toISOString() && a.date >= '2026-09-01' && a.date <= '2026-11-25')).toBe(true);
    expect(first.assessments.filter((a) => a.kind === 'optional').every((a) => a.scale_centi === 1000)).toBe(true);
    expect(first.entries.every((e) => e.special !== null || (e.value_centi !== null && e.value_centi >= 0 && e.value_centi <= 2000))).toBe(true);

    await db.deleteFrom('grade_assessments').execute();
    await db.deleteFrom('grade_periods').execute();
    await seedGrades(db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
    expect(await snapshot()).toEqual(first);

    const env = await testApp(database());
    const alice = await loginAs(env.app, 'alice.martin');
    const res = await env.app.inject({ method: 'GET', url: '/api/grades/establishments/etab-a/report?studentId=alice', headers: alice.headers });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<GradeReport>();
    expect(report.subjects[0]?.assessments).toHaveLength(5);
    expect(report.general.classFigures.average).not.toBeNull();
    await env.app.close();
  });
});
