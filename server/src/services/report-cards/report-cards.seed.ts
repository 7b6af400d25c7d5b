import type { Insertable } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Database } from '../../kernel/db/schema.js';
import { Rng } from '../../seed/prng.js';
import { classSnapshot } from './report-cards.figures.js';

const SUBJECT_TEXTS: [number, string[]][] = [
  [15, ['Excellent trimestre, travail rigoureux.', 'Très bons résultats, participation active.']],
  [12, ['Bon trimestre, des efforts réguliers.', 'Travail sérieux, continuez ainsi.']],
  [10, ['Résultats corrects, il faut approfondir les leçons.', 'Ensemble satisfaisant, mais plus de régularité est attendue.']],
  [0, ['Trimestre difficile : il faut se remettre au travail.', 'Des lacunes à combler, n’hésitez pas à poser des questions.']],
];
const GENERAL_TEXTS: [number, string][] = [
  [15, 'Excellent trimestre dans l’ensemble des matières. Félicitations.'],
  [12, 'Bon trimestre, sérieux et régulier. Il faut garder ce rythme.'],
  [10, 'Trimestre correct ; un travail plus approfondi permettra de progresser.'],
  [0, 'Trimestre insuffisant : un effort important est attendu au prochain trimestre.'],
];
const pick = <T>(table: [number, T][], average: number | null) => (table.find(([floor]) => (average ?? 0) >= floor) ?? table[table.length - 1])?.[1] as T;

/**
 * Demo bulletins: the first trimester's council of the demo student's class, held and published
 * (already announced: the seed sends nothing), with an appreciation per subject from the averages,
 * the head teacher's general appreciation and the usual distinctions. Runs after the demo grades;
 * same seed and `now` ⇒ same rows.
 */
export async function seedReportCards(db: Db, options: { seed: number; now: Date; studentLogin: string }): Promise<void> {
  const student = await db
    .selectFrom('people')
    .innerJoin('group_members as gm', 'gm.person_id', 'people.id')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['g.id as class_id', 'g.establishment_id'])
    .where('people.login', '=', options.studentLogin)
    .where('g.kind', '=', 'class')
    .executeTakeFirst();
  if (!student) return;
  const periods = await db.selectFrom('grade_periods').select(['id', 'name', 'starts_on', 'ends_on']).where('establishment_id', '=', student.establishment_id).orderBy('starts_on').execute();
  const first = periods[0];
  if (!first) return;
  const [teachings, head] = await Promise.all([
    db.selectFrom('teachings').select(['subject_id', 'person_id']).where('group_id', '=', student.class_id).orderBy('person_id').execute(),
    db.selectFrom('group_members').select('person_id').where('group_id', '=', student.class_id).where('role', '=', 'teacher').where('head_teacher', '=', 1).executeTakeFirst(),
  ]);
  const rng = new Rng(options.seed, 90_031);
  const snapshot = await classSnapshot(db, student.establishment_id, student.class_id, { startsOn: first.starts_on, endsOn: first.ends_on }, options.now);
  // Held and published yesterday afternoon (16:00 UTC), before the demo starts.
  const published = new Date(options.now.getTime() - 86_400_000);
  published.setUTCHours(16, 0, 0, 0);
  const at = published.toISOString();
  const councilId = rng.id();
  const appreciations: Insertable<Database['report_card_appreciations']>[] = [];
  const students: Insertable<Database['report_card_students']>[] = [];
  for (const s of snapshot.students) {
    const studentId = s.id;
    for (const subject of s.subjects) {
      const texts = pick(SUBJECT_TEXTS, subject.average);
      appreciations.push({
        council_id: councilId,
        student_id: studentId,
        subject_id: subject.id,
        text: texts[rng.int(0, texts.length - 1)] as string,
        author_id: teachings.find((t) => t.subject_id === subject.id)?.person_id ?? null,
        updated_at: at,
      });
    }
    const general = s.general ?? 0;
    students.push({
      council_id: councilId,
      student_id: studentId,
      general_appreciation: pick(GENERAL_TEXTS, s.general),
      general_author_id: head?.person_id ?? null,
      distinction: general >= 16 ? 'congratulations' : general >= 14 ? 'compliments' : general >= 12.5 ? 'encouragements' : null,
      work_warning: s.general !== null && general < 8 ? 1 : 0,
      behaviour_warning: 0,
      orientation: null,
      updated_at: at,
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_card_councils')
      .values({
        id: councilId,
        establishment_id: student.establishment_id,
        group_id: student.class_id,
        period_id: first.id,
        period_name: first.name,
        period_starts_on: first.starts_on,
        period_ends_on: first.ends_on,
        last_period: periods.length === 1 ? 1 : 0,
        state: 'closed',
        snapshot_json: JSON.stringify(snapshot),
        closed_at: at,
        closed_by: null,
        publish_at: at,
        notified_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (let i = 0; i < appreciations.length; i += 500) await trx.insertInto('report_card_appreciations').values(appreciations.slice(i, i + 500)).execute();
    if (students.length) await trx.insertInto('report_card_students').values(students).execute();
  });
}
