import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import type { Database } from '../../kernel/db/schema.js';
import type { Reach } from './communication.rules.js';

/** A subquery of person ids (one column, `person_id`), usable in `IN (…)` and `INSERT … SELECT`. */
// biome-ignore lint/suspicious/noExplicitAny: the FROM clause differs between the union's branches
export type PersonIds = SelectQueryBuilder<Database, any, { person_id: string }>;

function inGroupsOf(db: Db, establishmentId: string, personIds: PersonIds, role: 'student' | 'teacher', mateRole: 'student' | 'teacher') {
  return db
    .selectFrom('group_members as mine')
    .innerJoin('groups as g', 'g.id', 'mine.group_id')
    .innerJoin('group_members as mate', 'mate.group_id', 'mine.group_id')
    .select('mate.person_id as person_id')
    .where('mine.person_id', 'in', personIds)
    .where('mine.role', '=', role)
    .where('mate.role', '=', mateRole)
    .where('g.establishment_id', '=', establishmentId);
}

function self(db: Db, senderId: string): PersonIds {
  return db.selectFrom('people').select('people.id as person_id').where('people.id', '=', senderId);
}

function childrenOf(db: Db, senderId: string): PersonIds {
  return db.selectFrom('relatives').select('relatives.student_id as person_id').where('relatives.relative_id', '=', senderId);
}

/** The sender and their children: the students whose classes a relation target starts from. */
function selfAndChildren(db: Db, senderId: string): PersonIds {
  return self(db, senderId).union(childrenOf(db, senderId));
}

/**
 * The candidate set of one sender, as a UNION of small sets (like the directory's visibility): whole
 * profiles of the establishment, then each relation the rules open. Null when nothing is open.
 */
function candidates(db: Db, senderId: string, establishmentId: string, reach: Reach): PersonIds | null {
  const parts: PersonIds[] = [];
  if (reach.profiles.length > 0) {
    parts.push(
      db.selectFrom('memberships').select('memberships.person_id as person_id').where('memberships.establishment_id', '=', establishmentId).where('memberships.profile', 'in', reach.profiles),
    );
  }
  const r = reach.relations;
  if (r.has('own_teachers')) parts.push(inGroupsOf(db, establishmentId, selfAndChildren(db, senderId), 'student', 'teacher'));
  if (r.has('classmates')) parts.push(inGroupsOf(db, establishmentId, self(db, senderId), 'student', 'student'));
  if (r.has('own_relatives')) parts.push(db.selectFrom('relatives').select('relatives.relative_id as person_id').where('relatives.student_id', '=', senderId));
  if (r.has('children')) parts.push(childrenOf(db, senderId));
  if (r.has('pupils_relatives')) {
    parts.push(
      db
        .selectFrom('relatives')
        .select('relatives.relative_id as person_id')
        .where('relatives.student_id', 'in', inGroupsOf(db, establishmentId, self(db, senderId), 'teacher', 'student')),
    );
  }
  if (r.has('classmates_relatives')) {
    parts.push(
      db
        .selectFrom('relatives')
        .select('relatives.relative_id as person_id')
        .where('relatives.student_id', 'in', inGroupsOf(db, establishmentId, selfAndChildren(db, senderId), 'student', 'student')),
    );
  }
  const [first, ...rest] = parts;
  if (!first) return null;
  return rest.reduce((acc, part) => acc.union(part), first);
}

/**
 * Everyone `senderId` may start a conversation with in the establishment: members of it, not
 * gone, not the sender. One SQL subquery, so lists, checks and the set-based send all use it.
 */
export function reachable(db: Db, senderId: string, establishmentId: string, reach: Reach): PersonIds {
  const base = db
    .selectFrom('people')
    .select('people.id as person_id')
    .where('people.id', '!=', senderId)
    .where('people.state', '!=', 'left');
  if (reach.everyone) {
    return base.where('people.id', 'in', db.selectFrom('memberships').select('memberships.person_id').where('memberships.establishment_id', '=', establishmentId));
  }
  const set = candidates(db, senderId, establishmentId, reach);
  if (!set) return base.where('people.id', '=', '');
  return base
    .where('people.id', 'in', set)
    .where((eb) =>
      eb.exists(eb.selectFrom('memberships as m').select('m.person_id').whereRef('m.person_id', '=', 'people.id').where('m.establishment_id', '=', establishmentId)),
    );
}

/** The members of a class or group (students and teachers), present and not the sender. */
export function groupMembers(db: Db, groupIds: string[], exceptId: string): PersonIds {
  return db
    .selectFrom('group_members as gm')
    .innerJoin('people as p', 'p.id', 'gm.person_id')
    .select('gm.person_id as person_id')
    .where('gm.group_id', 'in', groupIds.length ? groupIds : [''])
    .where('gm.person_id', '!=', exceptId)
    .where('p.state', '!=', 'left');
}

/** The relatives of the students of a class or group who belong to the establishment. */
export function groupRelatives(db: Db, establishmentId: string, groupIds: string[], exceptId: string): PersonIds {
  return db
    .selectFrom('group_members as gm')
    .innerJoin('relatives as r', 'r.student_id', 'gm.person_id')
    .innerJoin('people as p', 'p.id', 'r.relative_id')
    .select('r.relative_id as person_id')
    .where('gm.group_id', 'in', groupIds.length ? groupIds : [''])
    .where('gm.role', '=', 'student')
    .where('r.relative_id', '!=', exceptId)
    .where('p.state', '!=', 'left')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.person_id')
          .whereRef('m.person_id', '=', 'r.relative_id')
          .where('m.establishment_id', '=', establishmentId)
          .where('m.profile', '=', 'relative'),
      ),
    );
}

export type GroupTarget = 'group' | 'group_relatives';

/**
 * The classes and groups the sender may address as a whole: those with at least one recipient,
 * every one of whom the sender may reach. Checked per group in SQL (NOT EXISTS), never member by member.
 */
export function addressableGroups(db: Db, senderId: string, establishmentId: string, reach: Reach, target: GroupTarget, onlyIds?: string[]) {
  const allowed = reachable(db, senderId, establishmentId, reach);
  // The recipients a group address expands to, correlated with the outer `groups` row.
  const members = (eb: ExpressionBuilder<Database, 'groups'>, outOfReach = false) =>
    eb
      .selectFrom('group_members as gm')
      .innerJoin('people as p', 'p.id', 'gm.person_id')
      .whereRef('gm.group_id', '=', 'groups.id')
      .where('gm.person_id', '!=', senderId)
      .where('p.state', '!=', 'left')
      .$if(outOfReach, (q) => q.where('gm.person_id', 'not in', allowed));
  const relatives = (eb: ExpressionBuilder<Database, 'groups'>, outOfReach = false) =>
    eb
      .selectFrom('group_members as gm')
      .innerJoin('relatives as r', 'r.student_id', 'gm.person_id')
      .innerJoin('people as p', 'p.id', 'r.relative_id')
      .whereRef('gm.group_id', '=', 'groups.id')
      .where('gm.role', '=', 'student')
      .where('r.relative_id', '!=', senderId)
      .where('p.state', '!=', 'left')
      // EXISTS rather than a join: a join lets SQLite start from every relative of the establishment.
      .where((e) =>
        e.exists(
          e
            .selectFrom('memberships as m')
            .select('m.person_id')
            .whereRef('m.person_id', '=', 'r.relative_id')
            .where('m.establishment_id', '=', establishmentId)
            .where('m.profile', '=', 'relative'),
        ),
      )
      .$if(outOfReach, (q) => q.where('r.relative_id', 'not in', allowed));
  const count = (eb: ExpressionBuilder<Database, 'groups'>) =>
    target === 'group'
      ? members(eb).select((e) => e.fn.countAll<number>().as('n'))
      : relatives(eb).select((e) => e.fn.count<number>('r.relative_id').distinct().as('n'));
  const any = (eb: ExpressionBuilder<Database, 'groups'>, outOfReach = false) =>
    target === 'group' ? members(eb, outOfReach).select('gm.person_id') : relatives(eb, outOfReach).select('r.relative_id');
  return db
    .selectFrom('groups')
    .select((eb) => ['groups.id', 'groups.name', 'groups.kind', count(eb).as('member_count')])
    .where('groups.establishment_id', '=', establishmentId)
    .$if(onlyIds !== undefined, (q) => q.where('groups.id', 'in', onlyIds?.length ? onlyIds : ['']))
    .where((eb) => eb.exists(any(eb)))
    .$if(!reach.everyone, (q) => q.where((eb) => eb.not(eb.exists(any(eb, true)))));
}
