import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import type { DirectoryAudience } from './directory.policy.js';

type PeopleEb = ExpressionBuilder<Database, 'people'>;

/** Members of the establishment, optionally of some profiles only. */
function members(eb: PeopleEb, establishmentId: string, profiles?: string[]) {
  let q = eb.selectFrom('memberships').select('memberships.person_id').where('memberships.establishment_id', '=', establishmentId);
  if (profiles) q = q.where('memberships.profile', 'in', profiles);
  return q;
}

/** Everyone sharing a class or group of this establishment with `personId` (pupils and teachers). */
function groupMates(eb: PeopleEb, establishmentId: string, personId: string, mateRole?: string) {
  let q = eb
    .selectFrom('group_members as mine')
    .innerJoin('groups as g', 'g.id', 'mine.group_id')
    .innerJoin('group_members as mate', 'mate.group_id', 'mine.group_id')
    .select('mate.person_id')
    .where('mine.person_id', '=', personId)
    .where('g.establishment_id', '=', establishmentId);
  if (mateRole) q = q.where('mate.role', '=', mateRole);
  return q;
}

function childrenOf(eb: PeopleEb, relativeId: string) {
  return eb.selectFrom('relatives').select('relatives.student_id').where('relatives.relative_id', '=', relativeId);
}

function relativesOf(eb: PeopleEb, studentId: string) {
  return eb.selectFrom('relatives').select('relatives.relative_id').where('relatives.student_id', '=', studentId);
}

function childrensTeachers(eb: PeopleEb, establishmentId: string, relativeId: string) {
  return eb
    .selectFrom('relatives as r')
    .innerJoin('group_members as child', 'child.person_id', 'r.student_id')
    .innerJoin('groups as g', 'g.id', 'child.group_id')
    .innerJoin('group_members as teacher', 'teacher.group_id', 'child.group_id')
    .select('teacher.person_id')
    .where('r.relative_id', '=', relativeId)
    .where('teacher.role', '=', 'teacher')
    .where('g.establishment_id', '=', establishmentId);
}

function pupilsRelatives(eb: PeopleEb, establishmentId: string, teacherId: string) {
  return eb
    .selectFrom('group_members as mine')
    .innerJoin('groups as g', 'g.id', 'mine.group_id')
    .innerJoin('group_members as pupil', 'pupil.group_id', 'mine.group_id')
    .innerJoin('relatives as r', 'r.student_id', 'pupil.person_id')
    .select('r.relative_id')
    .where('mine.person_id', '=', teacherId)
    .where('mine.role', '=', 'teacher')
    .where('pupil.role', '=', 'student')
    .where('g.establishment_id', '=', establishmentId);
}

/**
 * The people of one establishment a viewer may see, as one SQL condition on `people.id`: lists are
 * filtered set-wise in the database, never person by person.
 */
export function visibleTo(eb: PeopleEb, viewerId: string, establishmentId: string, a: DirectoryAudience): Expression<SqlBool> {
  const inEstablishment = eb('people.id', 'in', members(eb, establishmentId));
  if (a.everyone) return inEstablishment;
  const reasons: Expression<SqlBool>[] = [eb('people.id', '=', viewerId)];
  if (a.profiles.length > 0) reasons.push(eb('people.id', 'in', members(eb, establishmentId, a.profiles)));
  if (a.classmatesAndTheirTeachers) reasons.push(eb('people.id', 'in', groupMates(eb, establishmentId, viewerId)));
  if (a.ownRelatives) reasons.push(eb('people.id', 'in', relativesOf(eb, viewerId)));
  if (a.children) reasons.push(eb('people.id', 'in', childrenOf(eb, viewerId)));
  if (a.childrensTeachers) reasons.push(eb('people.id', 'in', childrensTeachers(eb, establishmentId, viewerId)));
  if (a.pupilsRelatives) reasons.push(eb('people.id', 'in', pupilsRelatives(eb, establishmentId, viewerId)));
  return eb.and([inEstablishment, eb.or(reasons)]);
}

/** Whether the viewer sees this row's e-mail and phone. */
export function contactVisibleTo(eb: PeopleEb, viewerId: string, establishmentId: string, a: DirectoryAudience): Expression<SqlBool> {
  if (a.contacts === 'all') return eb.lit(true);
  const self = eb('people.id', '=', viewerId);
  if (a.contacts === 'none') return self;
  return eb.or([
    self,
    eb('people.id', 'in', members(eb, establishmentId, ['teacher', 'personnel'])),
    eb('people.id', 'in', pupilsRelatives(eb, establishmentId, viewerId)),
  ]);
}
