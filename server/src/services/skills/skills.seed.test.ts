import type { SkillSummary } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { seedGrades } from '../grades/grades.seed.js';
import { seedSkills } from './skills.seed.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describeEachDatabase('demo skills', (database) => {
  beforeAll(async () => {
    await insertWorld(database().db, school);
    await seedGrades(database().db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
  });

  const snapshot = async () => {
    const { db } = database();
    return {
      items: await db.selectFrom('skill_items').select(['id', 'component', 'subject_id', 'label']).orderBy('id').execute(),
      assessments: await db.selectFrom('skill_assessments').select(['id', 'grade_assessment_id', 'title', 'date', 'students_at']).orderBy('id').execute(),
      skills: await db.selectFrom('skill_assessment_skills').select(['id', 'assessment_id', 'component', 'item_id']).orderBy('id').execute(),
      results: await db.selectFrom('skill_results').select(['skill_id', 'student_id', 'level', 'absent']).orderBy('skill_id').orderBy('student_id').execute(),
    };
  };

  it('seeds published skill assessments for the student’s class, one beside a grade, the same each time', async () => {
    const { db } = database();
    await seedSkills(db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
    const first = await snapshot();
    // 5B has one teaching (maths): its three skills, two assessments (the second beside the first graded one).
    expect(first.items.map((i) => i.component)).toEqual(expect.arrayContaining(['D1.3', 'D1.3', 'D4']));
    expect(first.assessments).toHaveLength(2);
    expect(first.assessments.filter((a) => a.grade_assessment_id !== null)).toHaveLength(1);
    expect(first.skills).toHaveLength(4);
    // Two skills × three students per assessment, each a level 1–4 or absent.
    expect(first.results).toHaveLength(12);
    expect(first.results.every((r) => (r.absent === 1 && r.level === null) || (r.absent === 0 && r.level !== null && r.level >= 1 && r.level <= 4))).toBe(true);

    await db.deleteFrom('skill_assessments').execute();
    await db.deleteFrom('skill_items').execute();
    await seedSkills(db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
    expect(await snapshot()).toEqual(first);

    const env = await testApp(database());
    const alice = await loginAs(env.app, 'alice.martin');
    const res = await env.app.inject({ method: 'GET', url: '/api/skills/establishments/etab-a/summary?studentId=alice', headers: alice.headers });
    expect(res.statusCode, res.body).toBe(200);
    const d13 = res.json<SkillSummary>().components.find((c) => c.component === 'D1.3');
    expect(d13?.results.length).toBeGreaterThan(0);
    await env.app.close();
  });
});
