import type { GroupKind, GroupRef, PersonnelFunction, Profile } from '@preau/contracts';
import { sql } from 'kysely';
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
/**
 * Profiles, functions, classes and subjects of the listed people in this establishment, in one
 * round trip (a UNION ALL of the four lists, each row tagged with what it is): a directory page is
 * read on every visit, and on PostgreSQL each extra query is a round trip and a pool connection.
 */
export async function factsAbout(db: Db, establishmentId: string, personIds: string[]): Promise<Map<string, PersonFacts>> {
  const facts = new Map<string, PersonFacts>(personIds.map((id) => [id, { profiles: [], functions: [], groups: [], subjects: [] }]));
  if (personIds.length === 0) return facts;
  const none = sql<string | null>`cast(null as text)`;
  const rows = await db
    .selectFrom('memberships')
    .select(['person_id', sql.lit('p').as('fact'), 'profile as value', none.as('name'), none.as('kind'), none.as('level')])
    .where('establishment_id', '=', establishmentId)
    .where('person_id', 'in', personIds)
    .unionAll(
      db
        .selectFrom('person_functions')
        .select(['person_id', sql.lit('f').as('fact'), 'function as value', none.as('name'), none.as('kind'), none.as('level')])
        .where('establishment_id', '=', establishmentId)
        .where('person_id', 'in', personIds),
    )
    .unionAll(
      db
        .selectFrom('group_members')
        .innerJoin('groups', 'groups.id', 'group_members.group_id')
        .select(['group_members.person_id', sql.lit('g').as('fact'), 'groups.id as value', 'groups.name', 'groups.kind', 'groups.level'])
        .where('groups.establishment_id', '=', establishmentId)
        .where('group_members.person_id', 'in', personIds)
        .where('groups.kind', '=', 'class'),
    )
    .unionAll(
      db
        .selectFrom('teachings')
        .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
        .select(['teachings.person_id', sql.lit('s').as('fact'), 'subjects.name as value', none.as('name'), none.as('kind'), none.as('level')])
        .where('subjects.establishment_id', '=', establishmentId)
        .where('teachings.person_id', 'in', personIds),
    )
    .execute();
  // Each list in its own order: codes (profiles, functions) as they are, names (classes, subjects) in French order.
  const key = (r: (typeof rows)[number]) => (r.fact === 'g' ? (r.name ?? '') : r.value);
  const order = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.fact === 'p' || a.fact === 'f' ? compare(a.value, b.value) : frenchOrder.compare(key(a), key(b)) || compare(a.value, b.value);
  rows.sort((a, b) => (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : order(a, b)));
  for (const r of rows) {
    const f = facts.get(r.person_id);
    if (!f) continue;
    if (r.fact === 'p') f.profiles.push(r.value as Profile);
    else if (r.fact === 'f') f.functions.push(r.value as PersonnelFunction);
    else if (r.fact === 's') {
      if (!f.subjects.includes(r.value)) f.subjects.push(r.value);
    } else if (!f.groups.some((g) => g.id === r.value)) f.groups.push({ id: r.value, name: r.name ?? '', kind: r.kind as GroupKind, level: r.level });
  }
  return facts;
}

const frenchOrder = new Intl.Collator('fr', { numeric: true });

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
