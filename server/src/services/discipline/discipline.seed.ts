import type { Db } from '../../kernel/db/database.js';
import { Rng } from '../../seed/prng.js';
import { addDays, parisInstant, parisToday } from '../timetable/index.js';
import { ensureIncidentTypes } from './discipline.types.js';

/**
 * Demo discipline for demo.student: a published incident reported by demo.teacher ten days ago
 * (disrupting a lesson, with a classmate as witness) and the detention he gave for it, published,
 * next Wednesday afternoon; plus an unpublished remark the family does not see. Nothing is
 * announced (already history). Same seed and `now` ⇒ same rows.
 */
export async function seedDiscipline(db: Db, options: { seed: number; now: Date; teacherLogin: string; studentLogin: string }): Promise<void> {
  const student = await db
    .selectFrom('people')
    .innerJoin('group_members as gm', 'gm.person_id', 'people.id')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['people.id', 'g.id as class_id', 'g.establishment_id'])
    .where('people.login', '=', options.studentLogin)
    .where('g.kind', '=', 'class')
    .executeTakeFirst();
  const teacher = await db.selectFrom('people').select('id').where('login', '=', options.teacherLogin).executeTakeFirst();
  if (!student || !teacher) return;
  const rng = new Rng(options.seed, 90_016);
  const establishmentId = student.establishment_id;
  await ensureIncidentTypes(db, establishmentId, options.now);
  const type = await db.selectFrom('discipline_incident_types').select('id').where('establishment_id', '=', establishmentId).where('code', '=', 'disruption').executeTakeFirstOrThrow();
  const witness = await db
    .selectFrom('group_members')
    .select('person_id')
    .where('group_id', '=', student.class_id)
    .where('role', '=', 'student')
    .where('person_id', '!=', student.id)
    .orderBy('person_id')
    .executeTakeFirst();
  const today = parisToday(options.now);
  const day = addDays(today, -10);
  const occurredAt = parisInstant(day, '10:20').toISOString();
  const publishedAt = parisInstant(day, '17:00').toISOString();
  const incidentId = rng.id();
  // The Wednesday after today (or today's Wednesday), 13:30, one hour.
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const wednesday = addDays(today, ((3 - weekday + 7) % 7) || 7);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('discipline_incidents')
      .values({ id: incidentId, establishment_id: establishmentId, type_id: type.id, occurred_at: occurredAt, place: 'Salle B12', description: 'Bavardages répétés et refus de se mettre au travail malgré plusieurs rappels.', reported_by: teacher.id, published_at: publishedAt, published_by: teacher.id, created_at: occurredAt, updated_at: publishedAt })
      .execute();
    await trx
      .insertInto('discipline_incident_students')
      .values([{ incident_id: incidentId, student_id: student.id, role: 'author' }, ...(witness ? [{ incident_id: incidentId, student_id: witness.person_id, role: 'witness' }] : [])])
      .execute();
    const base = { establishment_id: establishmentId, student_id: student.id, decided_on: day, decided_by: teacher.id, cancelled_at: null, created_at: publishedAt, updated_at: publishedAt, category: 'punishment', authority: 'staff' };
    await trx
      .insertInto('discipline_measures')
      .values([
        { ...base, id: rng.id(), incident_id: incidentId, kind: 'detention', reason: 'Bavardages répétés en cours.', scheduled_at: parisInstant(wednesday, '13:30').toISOString(), duration_minutes: 60, starts_on: null, ends_on: null, published_at: publishedAt, published_by: teacher.id },
        { ...base, id: rng.id(), incident_id: null, kind: 'note', reason: 'Oubli du matériel.', scheduled_at: null, duration_minutes: null, starts_on: null, ends_on: null, published_at: null, published_by: null },
      ])
      .execute();
  });
}
