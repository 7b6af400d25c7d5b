import type { ComponentCode } from '@preau/contracts';
import type { Insertable } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Database } from '../../kernel/db/schema.js';
import { Rng } from '../../seed/prng.js';
import { addDays, parisToday } from '../timetable/index.js';

/** A few of the establishment's own skills per subject code, each under its component. */
const ITEMS: Record<string, [ComponentCode, string][]> = {
  MATHS: [
    ['D1.3', 'Résoudre une équation du premier degré'],
    ['D1.3', 'Calculer avec des fractions'],
    ['D4', 'Modéliser une situation par une fonction'],
  ],
  FRANC: [
    ['D1.1', 'Rédiger un texte cohérent et correct'],
    ['D1.1', 'S’exprimer à l’oral devant la classe'],
    ['D5', 'Situer une œuvre dans son époque'],
  ],
  HIGEO: [
    ['D5', 'Se repérer dans le temps et dans l’espace'],
    ['D3', 'Argumenter à partir d’un document'],
  ],
};
/** Any other subject: the methods domain, assessed as a whole. */
const FALLBACK: [ComponentCode, string | null][] = [
  ['D2', null],
  ['D3', null],
];

/**
 * Demo skills: for demo.student's class, two skill assessments in each of three of its subjects
 * (maths, French and history when it has them) over the past month (published, the odd absence), the second one beside the
 * subject's first graded assessment when the grades seed made one. Levels lean upwards.
 * Same seed and `now` ⇒ same rows.
 */
export async function seedSkills(db: Db, options: { seed: number; now: Date; studentLogin: string }): Promise<void> {
  const student = await db
    .selectFrom('people')
    .innerJoin('group_members as gm', 'gm.person_id', 'people.id')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['g.id as class_id', 'g.establishment_id'])
    .where('people.login', '=', options.studentLogin)
    .where('g.kind', '=', 'class')
    .executeTakeFirst();
  if (!student) return;
  const rng = new Rng(options.seed, 90_019);
  const today = parisToday(options.now);
  const nowIso = options.now.toISOString();
  const [teachings, pupils, graded] = await Promise.all([
    db
      .selectFrom('teachings as t')
      .innerJoin('subjects as s', 's.id', 't.subject_id')
      .select(['t.subject_id', 't.person_id', 's.code'])
      .where('t.group_id', '=', student.class_id)
      .orderBy('s.code')
      .orderBy('t.person_id')
      .execute(),
    db.selectFrom('group_members').select('person_id').where('group_id', '=', student.class_id).where('role', '=', 'student').orderBy('person_id').execute(),
    db.selectFrom('grade_assessments').select(['id', 'subject_id', 'title', 'date']).where('group_id', '=', student.class_id).orderBy('date').orderBy('id').execute(),
  ]);
  // Subjects with example skills first (maths, French, history: demo.teacher teaches maths), then the others.
  const subjects = [...new Map(teachings.map((t) => [t.subject_id, t])).values()].sort((a, b) => Number(!ITEMS[a.code]) - Number(!ITEMS[b.code]) || a.code.localeCompare(b.code)).slice(0, 3);
  const items: Insertable<Database['skill_items']>[] = [];
  const assessments: Insertable<Database['skill_assessments']>[] = [];
  const skills: Insertable<Database['skill_assessment_skills']>[] = [];
  const results: Insertable<Database['skill_results']>[] = [];
  for (const t of subjects) {
    const own = (ITEMS[t.code] ?? []).map(([component, label]) => {
      const id = rng.id();
      items.push({ id, establishment_id: student.establishment_id, component, subject_id: t.subject_id, label, active: 1, created_by: t.person_id, created_at: nowIso });
      return { component, itemId: id as string | null };
    });
    const assessed = own.length > 0 ? own : FALLBACK.map(([component]) => ({ component, itemId: null }));
    const beside = graded.find((g) => g.subject_id === t.subject_id);
    for (let k = 0; k < 2; k++) {
      const id = rng.id();
      const withGrade = k === 1 && beside !== undefined;
      const date = withGrade ? beside.date : addDays(today, -28 + rng.int(0, 6));
      const published = `${addDays(date, 2)}T16:00:00.000Z`;
      assessments.push({
        id,
        establishment_id: student.establishment_id,
        group_id: student.class_id,
        subject_id: t.subject_id,
        grade_assessment_id: withGrade ? beside.id : null,
        author_id: t.person_id,
        title: withGrade ? beside.title : 'Évaluation par compétences',
        date,
        students_at: withGrade ? null : published,
        relatives_at: null,
        // Already announced: the seed sends nothing.
        notified_at: withGrade ? null : published,
        relatives_notified_at: withGrade ? null : published,
        created_at: `${date}T17:00:00.000Z`,
        updated_at: `${date}T17:00:00.000Z`,
      });
      // Each assessment takes two of the subject's skills (or its components), in turn.
      for (const [position, s] of [assessed[k % assessed.length], assessed[(k + 1) % assessed.length]].entries()) {
        if (!s || (position === 1 && assessed.length === 1)) continue;
        const skillId = rng.id();
        skills.push({ id: skillId, assessment_id: id, component: s.component, item_id: s.itemId, position });
        for (const p of pupils) {
          const absent = rng.chance(0.04);
          const level = Math.min(4, Math.max(1, rng.int(1, 4) + (rng.chance(0.5) ? 1 : 0)));
          results.push({ skill_id: skillId, student_id: p.person_id, level: absent ? null : level, absent: absent ? 1 : 0, updated_at: published });
        }
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    if (items.length > 0) await trx.insertInto('skill_items').values(items).execute();
    if (assessments.length > 0) await trx.insertInto('skill_assessments').values(assessments).execute();
    if (skills.length > 0) await trx.insertInto('skill_assessment_skills').values(skills).execute();
    for (let i = 0; i < results.length; i += 500) await trx.insertInto('skill_results').values(results.slice(i, i + 500)).execute();
  });
}
