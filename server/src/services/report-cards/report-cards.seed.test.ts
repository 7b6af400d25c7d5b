import type { ReportCard, ReportCardList } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { seedGrades } from '../grades/grades.seed.js';
import { seedReportCards } from './report-cards.seed.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describeEachDatabase('demo report cards', (database) => {
  beforeAll(async () => {
    await insertWorld(database().db, school);
  });

  const snapshot = async () => {
    const { db } = database();
    return {
      councils: await db.selectFrom('report_card_councils').select(['id', 'period_name', 'state', 'publish_at', 'snapshot_json']).execute(),
      appreciations: await db.selectFrom('report_card_appreciations').selectAll().orderBy('student_id').orderBy('subject_id').execute(),
      students: await db.selectFrom('report_card_students').selectAll().orderBy('student_id').execute(),
    };
  };

  it('publishes the first trimester’s bulletin of the student’s class, the same each time, for the student and their parent', async () => {
    const { db } = database();
    await seedGrades(db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
    await seedReportCards(db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
    const first = await snapshot();
    expect(first.councils).toMatchObject([{ period_name: 'Trimestre 1', state: 'closed', publish_at: '2026-11-24T16:00:00.000Z' }]);
    // 5B: three students, one subject (maths).
    expect(first.appreciations).toHaveLength(3);
    expect(first.students).toHaveLength(3);
    expect(first.students.every((s) => s.general_appreciation)).toBe(true);

    await db.deleteFrom('report_card_councils').execute();
    await seedReportCards(db, { seed: 5, now: NOW, studentLogin: 'alice.martin' });
    expect(await snapshot()).toEqual(first);

    const env = await testApp(database());
    for (const login of ['alice.martin', 'remi.martin']) {
      const headers = (await loginAs(env.app, login)).headers;
      const list = (await env.app.inject({ method: 'GET', url: '/api/report-cards/establishments/etab-a/students/alice/report-cards', headers })).json<ReportCardList>();
      expect(list.reportCards, login).toMatchObject([{ period: { name: 'Trimestre 1' }, published: true }]);
      const url = `/api/report-cards/establishments/etab-a/students/alice/report-cards/${list.reportCards[0]?.councilId}`;
      const card = (await env.app.inject({ method: 'GET', url, headers })).json<ReportCard>();
      expect(card.subjects.map((s) => [s.subject.name, s.appreciation !== null, s.average !== null])).toEqual([['Mathématiques', true, true]]);
      const pdf = await env.app.inject({ method: 'GET', url: `${url}/pdf`, headers });
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.length).toBeGreaterThan(1000);
    }
    await env.app.close();
  });
});
