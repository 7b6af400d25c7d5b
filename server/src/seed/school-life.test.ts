import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../kernel/db/test-databases.js';
import { lessonsOf } from '../services/timetable/index.js';
import { seedDemo } from './index.js';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describeEachDatabase('demo school life', (database) => {
  let student: { id: string; establishment_id: string };

  beforeAll(async () => {
    const { db } = database();
    await seedDemo(db, { password: 'Demo-Password-2026!', seed: 5, now: NOW });
    student = await db
      .selectFrom('people')
      .innerJoin('memberships as m', 'm.person_id', 'people.id')
      .select(['people.id', 'm.establishment_id'])
      .where('people.login', '=', 'demo.student')
      .executeTakeFirstOrThrow();
  }, 120_000);

  it('gives demo.student a full week without clashes, with one cancelled and one replaced lesson', async () => {
    const lessons = await lessonsOf(database().db, student.establishment_id, { kind: 'student', studentId: student.id }, '2026-11-23', '2026-11-27');
    expect(lessons.length).toBeGreaterThanOrEqual(20);
    const starts = lessons.map((l) => l.startsAt);
    expect(new Set(starts).size).toBe(starts.length);
    expect(lessons.some((l) => l.subject.name === 'Mathématiques' && l.teacher?.displayName === 'Thomas LEFÈVRE')).toBe(true);
    expect(lessons.filter((l) => l.cancelled)).toHaveLength(1);
    expect(lessons.filter((l) => l.usualTeacher !== null && l.room?.code === 'CDI')).toHaveLength(1);
  });

  it('fills 5B’s cahier de textes for the past month, with homework due in the coming days and one session prepared', async () => {
    const { db } = database();
    const entries = await db.selectFrom('textbook_entries').select(['date', 'publish_at', 'notified_at']).where('establishment_id', '=', student.establishment_id).execute();
    expect(entries.length).toBeGreaterThan(40);
    expect(entries.filter((e) => e.publish_at > NOW.toISOString())).toHaveLength(1);
    const due = await db.selectFrom('homework_items').select('due_on').where('due_on', '>=', '2026-11-25').execute();
    expect(due.length).toBeGreaterThan(3);
    const teacherClasses = await db
      .selectFrom('timetable_slots as s')
      .innerJoin('people as p', 'p.id', 's.teacher_id')
      .select((eb) => eb.fn.count<number>('s.group_id').distinct().as('n'))
      .where('p.login', '=', 'demo.teacher')
      .executeTakeFirst();
    expect(Number(teacherClasses?.n)).toBeGreaterThanOrEqual(2);
  });
});
