import type { Insertable } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Database } from '../../kernel/db/schema.js';
import { Rng } from '../../seed/prng.js';
import { addDays, parisToday, schoolYearOf } from '../timetable/index.js';

const TITLES = ['Évaluation de début de chapitre', 'Interrogation écrite', 'Devoir maison', 'Contrôle de fin de chapitre'];

/**
 * Demo grades: three trimesters for the demo collège, and for the demo student's class three
 * published assessments in each of its first subjects over the past five weeks (one optional quiz
 * out of 10), every student graded, the odd absence. Already announced: the seed sends nothing.
 * Same seed and `now` ⇒ same rows.
 */
export async function seedGrades(db: Db, options: { seed: number; now: Date; studentLogin: string }): Promise<void> {
  const student = await db
    .selectFrom('people')
    .innerJoin('group_members as gm', 'gm.person_id', 'people.id')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['g.id as class_id', 'g.establishment_id'])
    .where('people.login', '=', options.studentLogin)
    .where('g.kind', '=', 'class')
    .executeTakeFirst();
  if (!student) return;
  const rng = new Rng(options.seed, 90_013);
  const today = parisToday(options.now);
  const year = schoolYearOf(today);
  const nowIso = options.now.toISOString();
  const periods: Insertable<Database['grade_periods']>[] = [
    ['Trimestre 1', `${year}-09-01`, `${year}-11-30`],
    ['Trimestre 2', `${year}-12-01`, `${year + 1}-03-08`],
    ['Trimestre 3', `${year + 1}-03-09`, `${year + 1}-07-04`],
  ].map(([name, starts, ends]) => ({ id: rng.id(), establishment_id: student.establishment_id, name: name as string, starts_on: starts as string, ends_on: ends as string, created_at: nowIso }));

  const [teachings, pupils] = await Promise.all([
    db
      .selectFrom('teachings as t')
      .innerJoin('subjects as s', 's.id', 't.subject_id')
      .select(['t.subject_id', 't.person_id'])
      .where('t.group_id', '=', student.class_id)
      .orderBy('s.code')
      .orderBy('t.person_id')
      .execute(),
    db.selectFrom('group_members').select('person_id').where('group_id', '=', student.class_id).where('role', '=', 'student').orderBy('person_id').execute(),
  ]);
  const subjects = [...new Map(teachings.map((t) => [t.subject_id, t.person_id])).entries()].slice(0, 6);
  const assessments: Insertable<Database['grade_assessments']>[] = [];
  const entries: Insertable<Database['grade_entries']>[] = [];
  for (const [subjectId, teacherId] of subjects) {
    for (let k = 0; k < 3; k++) {
      const date = addDays(today, -35 + k * 12 + rng.int(0, 4));
      const optional = k === 1;
      const scale = optional ? 1000 : 2000;
      const published = `${addDays(date, 3)}T16:00:00.000Z`;
      const id = rng.id();
      assessments.push({
        id,
        establishment_id: student.establishment_id,
        group_id: student.class_id,
        subject_id: subjectId,
        author_id: teacherId,
        title: TITLES[(k + rng.int(0, 3)) % TITLES.length] as string,
        date,
        kind: optional ? 'optional' : 'normal',
        scale_centi: scale,
        coefficient_centi: k === 2 ? 200 : 100,
        students_at: published,
        relatives_at: null,
        notified_at: published,
        relatives_notified_at: published,
        created_at: `${date}T17:00:00.000Z`,
        updated_at: `${date}T17:00:00.000Z`,
      });
      for (const p of pupils) {
        const absent = rng.chance(0.05);
        // Half points, mostly between 8 and 18 out of 20.
        const value = Math.min(scale, Math.round(((rng.int(16, 36) + rng.int(0, 4)) * scale) / 40 / 50) * 50);
        entries.push({ assessment_id: id, student_id: p.person_id, value_centi: absent ? null : value, special: absent ? 'absent' : null, counts_as_zero: 0, comment: null, updated_at: published });
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('grade_periods').values(periods).execute();
    if (assessments.length > 0) await trx.insertInto('grade_assessments').values(assessments).execute();
    for (let i = 0; i < entries.length; i += 500) await trx.insertInto('grade_entries').values(entries.slice(i, i + 500)).execute();
  });
}
