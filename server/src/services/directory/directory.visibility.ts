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
  return eb.selectFrom('relatives').select('relatives.student_id as person_id').where('relatives.relative_id', '=', relativeId);
}

function relativesOf(eb: PeopleEb, studentId: string) {
  return eb.selectFrom('relatives').select('relatives.relative_id as person_id').where('relatives.student_id', '=', studentId);
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
    .select('r.relative_id as person_id')
    .where('mine.person_id', '=', teacherId)
    .where('mine.role', '=', 'teacher')
    .where('pupil.role', '=', 'student')
    .where('g.establishment_id', '=', establishmentId);
}

/**
 * The people of one establishment a viewer may see, as one SQL condition on `people.id`: lists are
 * filtered set-wise in the database, never person by person. For viewers who see only part of the
 * establishment the condition starts from the small set of people they may see (one UNION), so the
 * database never walks the whole académie's name index to filter it row by row.
 */
export function visibleTo(eb: PeopleEb, viewerId: string, establishmentId: string, a: DirectoryAudience): Expression<SqlBool> {
  if (a.everyone) return eb('people.id', 'in', members(eb, establishmentId));
  let candidates = eb.selectFrom('people as me').select('me.id as person_id').where('me.id', '=', viewerId);
  if (a.profiles.length > 0) candidates = candidates.union(members(eb, establishmentId, a.profiles));
  if (a.classmatesAndTheirTeachers) candidates = candidates.union(groupMates(eb, establishmentId, viewerId));
  if (a.ownRelatives) candidates = candidates.union(relativesOf(eb, viewerId));
  if (a.children) candidates = candidates.union(childrenOf(eb, viewerId));
  if (a.childrensTeachers) candidates = candidates.union(childrensTeachers(eb, establishmentId, viewerId));
  if (a.pupilsRelatives) candidates = candidates.union(pupilsRelatives(eb, establishmentId, viewerId));
  const inEstablishment = eb.exists(
    eb.selectFrom('memberships as m').select('m.person_id').whereRef('m.person_id', '=', 'people.id').where('m.establishment_id', '=', establishmentId),
  );
  return eb.and([eb('people.id', 'in', candidates), inEstablishment]);
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
