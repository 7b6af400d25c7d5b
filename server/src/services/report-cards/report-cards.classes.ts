import type { ReportCardClasses } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { chairsCouncils, readsEveryBulletin } from './report-cards.policy.js';

/**
 * The classes the reader works on, with the periods: for a teacher, the classes whose students
 * they teach (and in which subjects) and those they are head teacher of; for the head, deputies
 * and vie scolaire, every class of the establishment.
 */
export async function reportCardClasses(db: Db, actor: Actor, establishmentId: string): Promise<ReportCardClasses> {
  const everything = readsEveryBulletin(actor, establishmentId);
  const [periods, classes, taught, headOf] = await Promise.all([
    db.selectFrom('grade_periods').select(['id', 'name', 'starts_on', 'ends_on']).where('establishment_id', '=', establishmentId).orderBy('starts_on').execute(),
    db.selectFrom('groups').select(['id', 'name']).where('establishment_id', '=', establishmentId).where('kind', '=', 'class').orderBy('name').orderBy('id').execute(),
    // (class, subject) pairs: the teacher teaches the subject in a group one of the class's students belongs to.
    db
      .selectFrom('teachings as t')
      .innerJoin('group_members as m', (j) => j.onRef('m.group_id', '=', 't.group_id').on('m.role', '=', 'student'))
      .innerJoin('group_members as c', (j) => j.onRef('c.person_id', '=', 'm.person_id').on('c.role', '=', 'student'))
      .innerJoin('groups as g', 'g.id', 'c.group_id')
      .innerJoin('subjects as s', 's.id', 't.subject_id')
      .select(['g.id as class_id', 's.id as subject_id', 's.name as subject_name'])
      .distinct()
      .where('t.person_id', '=', actor.personId)
      .where('g.kind', '=', 'class')
      .where('g.establishment_id', '=', establishmentId)
      .orderBy('s.name')
      .execute(),
    db.selectFrom('group_members').select('group_id').where('person_id', '=', actor.personId).where('role', '=', 'teacher').where('head_teacher', '=', 1).execute(),
  ]);
  const heads = new Set(headOf.map((h) => h.group_id));
  const manages = chairsCouncils(actor, establishmentId);
  return {
    periods: periods.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on })),
    classes: classes
      .filter((c) => everything || heads.has(c.id) || taught.some((t) => t.class_id === c.id))
      .map((c) => ({
        group: c,
        headTeacher: heads.has(c.id),
        manages,
        subjects: taught.filter((t) => t.class_id === c.id).map((t) => ({ id: t.subject_id, name: t.subject_name })),
      })),
  };
}
