import type { Insertable } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Database } from '../../kernel/db/schema.js';
import { Rng } from '../../seed/prng.js';
import { addDays, parisToday, schoolYearOf } from '../timetable/index.js';

const TITLES = ['Évaluation de début de chapitre', 'Interrogation écrite', 'Devoir maison', 'Contrôle de fin de chapitre', 'Exposé', 'Évaluation bilan'];
/** Assessments per class (or group) and subject in a period: ≈ 60 grades a period for a student of 12 subjects. */
const PER_PERIOD = 5;
const BATCH = 500;

/**
 * Demo grades for the demo student's establishment: three trimesters, and in the current one five
 * published assessments for every class or group and subject taught (the second an optional quiz
 * out of 10, the fourth with coefficient 2), every student graded, the odd absence and the odd
 * "not handed in" counted as 0. The demo student's class also has its earlier trimesters, so its
 * year differs from its trimester. Already announced: the seed sends nothing. Same seed and `now`
 * ⇒ same rows. Sized for the benchmarks (a student's period of ≈ 60 grades, the conseil de
 * classe's table of 5B) while staying a few tens of thousands of rows, so the seed stays quick.
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
  const started = periods.filter((p) => p.starts_on <= today);
  const current = started.at(-1);

  const [teachings, members] = await Promise.all([
    db
      .selectFrom('teachings as t')
      .innerJoin('groups as g', 'g.id', 't.group_id')
      .innerJoin('subjects as s', 's.id', 't.subject_id')
      .select(['t.group_id', 't.subject_id', 't.person_id'])
      .where('g.establishment_id', '=', student.establishment_id)
      .orderBy('g.name')
      .orderBy('t.group_id')
      .orderBy('s.code')
      .orderBy('t.person_id')
      .execute(),
    db
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['m.group_id', 'm.person_id'])
      .where('g.establishment_id', '=', student.establishment_id)
      .where('m.role', '=', 'student')
      .orderBy('m.group_id')
      .orderBy('m.person_id')
      .execute(),
  ]);
  const pupils = new Map<string, string[]>();
  for (const m of members) pupils.set(m.group_id, [...(pupils.get(m.group_id) ?? []), m.person_id]);
  // The demo student's groups (class, LV2, Latin) get every started trimester; the others the current one.
  const demoGroups = new Set(groupsOf(members, student.class_id));
  const units = [...new Map(teachings.map((t) => [`${t.group_id}|${t.subject_id}`, t])).values()];

  const assessments: Insertable<Database['grade_assessments']>[] = [];
  const entries: Insertable<Database['grade_entries']>[] = [];
  const latest = new Date(options.now.getTime() - 60_000).toISOString();
  for (const unit of units) {
    const group = pupils.get(unit.group_id) ?? [];
    if (group.length === 0) continue;
    for (const period of demoGroups.has(unit.group_id) ? started : current ? [current] : []) {
      // Dates are ISO strings: the earlier of the period's end and today, by text order.
      const last = [period.ends_on, today].sort()[0] as string;
      const span = Math.max(0, daysBetween(period.starts_on, last));
      for (let k = 0; k < PER_PERIOD; k++) {
        const date = addDays(period.starts_on, Math.floor((span * (k + 0.5)) / PER_PERIOD));
        const optional = k === 1;
        const scale = optional ? 1000 : 2000;
        const due = `${addDays(date, 2)}T16:00:00.000Z`;
        const published = due < latest ? due : latest;
        const id = rng.id();
        assessments.push({
          id,
          establishment_id: student.establishment_id,
          group_id: unit.group_id,
          subject_id: unit.subject_id,
          author_id: unit.person_id,
          title: TITLES[(k + rng.int(0, TITLES.length - 1)) % TITLES.length] as string,
          date,
          kind: optional ? 'optional' : 'normal',
          scale_centi: scale,
          coefficient_centi: k === 3 ? 200 : 100,
          students_at: published,
          relatives_at: null,
          notified_at: published,
          relatives_notified_at: published,
          created_at: `${date}T17:00:00.000Z`,
          updated_at: `${date}T17:00:00.000Z`,
        });
        for (const p of group) {
          const roll = rng.int(0, 99);
          // Half points, mostly between 8 and 18 out of 20.
          const value = Math.min(scale, Math.round(((rng.int(16, 36) + rng.int(0, 4)) * scale) / 40 / 50) * 50);
          const special = roll < 4 ? 'absent' : roll === 4 ? 'not_handed_in' : null;
          entries.push({ assessment_id: id, student_id: p, value_centi: special ? null : value, special, counts_as_zero: special === 'not_handed_in' ? 1 : 0, comment: null, updated_at: published });
        }
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('grade_periods').values(periods).execute();
    for (let i = 0; i < assessments.length; i += BATCH) await trx.insertInto('grade_assessments').values(assessments.slice(i, i + BATCH)).execute();
    for (let i = 0; i < entries.length; i += BATCH) await trx.insertInto('grade_entries').values(entries.slice(i, i + BATCH)).execute();
  });
}

/** Every group a class's students belong to (the class itself, LV2 and Latin groups). */
function groupsOf(members: { group_id: string; person_id: string }[], classId: string): string[] {
  const inClass = new Set(members.filter((m) => m.group_id === classId).map((m) => m.person_id));
  return [...new Set(members.filter((m) => inClass.has(m.person_id)).map((m) => m.group_id))];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
