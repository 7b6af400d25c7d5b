import type { GroupKind, GroupRef, PersonnelFunction, Profile } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';
import { fold } from './names.js';
import type { DirectoryAudience } from './directory.policy.js';
import { contactVisibleTo, visibleTo } from './directory.visibility.js';

export interface PeopleFilter {
  q?: string;
  profile?: Profile;
  groupId?: string;
  personId?: string;
  after?: [string, string];
  limit: number;
}

export function findEstablishment(db: Db, establishmentId: string) {
  return db.selectFrom('establishments').select(['id', 'uai', 'name', 'type']).where('id', '=', establishmentId).executeTakeFirst();
}

/** Whether `relativeId` is one of the relatives (any link) of `studentId`. */
export async function isRelativeOf(db: Db, relativeId: string, studentId: string): Promise<boolean> {
  const row = await db.selectFrom('relatives').select('student_id').where('relative_id', '=', relativeId).where('student_id', '=', studentId).executeTakeFirst();
  return row !== undefined;
}

export function findGroup(db: Db, establishmentId: string, groupId: string) {
  return db.selectFrom('groups').select(['id']).where('id', '=', groupId).where('establishment_id', '=', establishmentId).executeTakeFirst();
}

/** One page of the people a viewer may see in an establishment, sorted by last then first name. */
export function listVisiblePeople(db: Db, viewerId: string, establishmentId: string, audience: DirectoryAudience, f: PeopleFilter) {
  let q = db
    .selectFrom('people')
    .select((eb) => [
      'people.id',
      'people.first_name',
      'people.last_name',
      'people.sort_key',
      'people.email',
      'people.phone',
      // One evaluation of the contact rule per row; the fields are blanked in presentation.
      eb.case().when(contactVisibleTo(eb, viewerId, establishmentId, audience)).then(1).else(0).end().as('contact_visible'),
    ])
    .where((eb) => visibleTo(eb, viewerId, establishmentId, audience))
    .where('people.state', '!=', 'left')
    .orderBy('people.sort_key')
    .orderBy('people.id')
    .limit(f.limit + 1);
  for (const word of fold(f.q ?? '').split(' ').filter(Boolean)) {
    q = q.where('people.sort_key', 'like', `%${word.replace(/[%_\\]/g, '')}%`);
  }
  if (f.personId) q = q.where('people.id', '=', f.personId);
  if (f.profile) {
    const profile = f.profile;
    q = q.where('people.id', 'in', (eb) =>
      eb.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishmentId).where('profile', '=', profile),
    );
  }
  if (f.groupId) {
    const groupId = f.groupId;
    q = q.where('people.id', 'in', (eb) => eb.selectFrom('group_members').select('person_id').where('group_id', '=', groupId));
  }
  if (f.after) {
    const [key, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('people.sort_key', 'people.id'), '>', eb.tuple(key, id)));
  }
  return q.execute();
}

export interface PersonFacts {
  profiles: Profile[];
  functions: PersonnelFunction[];
  groups: GroupRef[];
  subjects: string[];
}

/** Profiles, functions, groups and subjects of a page of people in one establishment: four queries per page. */
export async function factsAbout(db: Db, establishmentId: string, personIds: string[]): Promise<Map<string, PersonFacts>> {
  const facts = new Map<string, PersonFacts>(personIds.map((id) => [id, { profiles: [], functions: [], groups: [], subjects: [] }]));
  if (personIds.length === 0) return facts;
  const [profiles, functions, groups, subjects] = await Promise.all([
    db.selectFrom('memberships').select(['person_id', 'profile']).where('establishment_id', '=', establishmentId).where('person_id', 'in', personIds).orderBy('profile').execute(),
    db.selectFrom('person_functions').select(['person_id', 'function']).where('establishment_id', '=', establishmentId).where('person_id', 'in', personIds).orderBy('function').execute(),
    db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.person_id', 'groups.id', 'groups.name', 'groups.kind', 'groups.level'])
      .where('groups.establishment_id', '=', establishmentId)
      .where('group_members.person_id', 'in', personIds)
      .where('groups.kind', '=', 'class')
      .orderBy('groups.name')
      .execute(),
    db
      .selectFrom('teachings')
      .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
      .select(['teachings.person_id', 'subjects.name'])
      .distinct()
      .where('subjects.establishment_id', '=', establishmentId)
      .where('teachings.person_id', 'in', personIds)
      .orderBy('subjects.name')
      .execute(),
  ]);
  for (const r of profiles) facts.get(r.person_id)?.profiles.push(r.profile as Profile);
  for (const r of functions) facts.get(r.person_id)?.functions.push(r.function as PersonnelFunction);
  for (const r of groups) {
    const f = facts.get(r.person_id);
    if (f && !f.groups.some((g) => g.id === r.id)) f.groups.push({ id: r.id, name: r.name, kind: r.kind as GroupKind, level: r.level });
  }
  for (const r of subjects) facts.get(r.person_id)?.subjects.push(r.name);
  return facts;
}

export function listGroups(
  db: Db,
  establishmentId: string,
  f: { kind?: GroupKind; onlyOf?: string[]; after?: [string, string]; limit: number },
) {
  let q = db
    .selectFrom('groups')
    .select((eb) => [
      'groups.id',
      'groups.name',
      'groups.kind',
      'groups.level',
      eb.selectFrom('group_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('group_members.group_id', '=', 'groups.id').as('member_count'),
    ])
    .where('groups.establishment_id', '=', establishmentId)
    .orderBy('groups.name')
    .orderBy('groups.id')
    .limit(f.limit + 1);
  if (f.kind) q = q.where('groups.kind', '=', f.kind);
  if (f.onlyOf) {
    const ids = f.onlyOf;
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('groups.id', 'in', (eb) => eb.selectFrom('group_members').select('group_id').where('person_id', 'in', ids));
  }
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('groups.name', 'groups.id'), '>', eb.tuple(name, id)));
  }
  return q.execute();
}

export async function childrenIds(db: Db, relativeId: string): Promise<string[]> {
  const rows = await db.selectFrom('relatives').select('student_id').where('relative_id', '=', relativeId).execute();
  return rows.map((r) => r.student_id);
}
