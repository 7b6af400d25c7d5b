import type { GroupKind, GroupRef, PersonnelFunction, Profile } from '@preau/contracts';
import type { Db } from '../../../kernel/db/database.js';
import { fold } from '../../directory/index.js';

export interface AdminPeopleFilter {
  q?: string;
  profile?: Profile;
  groupId?: string;
  state?: string;
  after?: [string, string];
  limit: number;
}

/** One page of an establishment's members for its administrators: everyone, whatever the directory's visibility. */
export function listMembers(db: Db, establishmentId: string, f: AdminPeopleFilter) {
  let q = db
    .selectFrom('people')
    .select(['people.id', 'people.login', 'people.first_name', 'people.last_name', 'people.sort_key', 'people.state'])
    .where('people.id', 'in', (eb) => {
      let members = eb.selectFrom('memberships').select('memberships.person_id').where('memberships.establishment_id', '=', establishmentId);
      if (f.profile) members = members.where('memberships.profile', '=', f.profile);
      return members;
    })
    .orderBy('people.sort_key')
    .orderBy('people.id')
    .limit(f.limit + 1);
  // Each word must appear in the folded name or the login: "lefevre" finds Lefèvre, "dupont.m" a login.
  for (const word of fold(f.q ?? '').replace(/[%_\\]/g, '').split(' ').filter(Boolean)) {
    const pattern = `%${word}%`;
    q = q.where((eb) => eb.or([eb('people.sort_key', 'like', pattern), eb('people.login', 'like', pattern)]));
  }
  if (f.groupId) {
    const groupId = f.groupId;
    q = q.where('people.id', 'in', (eb) => eb.selectFrom('group_members').select('group_members.person_id').where('group_members.group_id', '=', groupId));
  }
  if (f.state) q = q.where('people.state', '=', f.state);
  if (f.after) {
    const [key, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('people.sort_key', 'people.id'), '>', eb.tuple(key, id)));
  }
  return q.execute();
}

export interface MemberFacts {
  profiles: Profile[];
  functions: PersonnelFunction[];
  classes: GroupRef[];
}

/** Profiles, functions and classes of a page of people in one establishment: three queries per page. */
export async function memberFacts(db: Db, establishmentId: string, personIds: string[]): Promise<Map<string, MemberFacts>> {
  const facts = new Map<string, MemberFacts>(personIds.map((id) => [id, { profiles: [], functions: [], classes: [] }]));
  if (personIds.length === 0) return facts;
  const [profiles, functions, classes] = await Promise.all([
    db.selectFrom('memberships').select(['person_id', 'profile']).where('establishment_id', '=', establishmentId).where('person_id', 'in', personIds).orderBy('profile').execute(),
    db.selectFrom('person_functions').select(['person_id', 'function']).where('establishment_id', '=', establishmentId).where('person_id', 'in', personIds).orderBy('function').execute(),
    classesOf(db, establishmentId, personIds),
  ]);
  for (const r of profiles) facts.get(r.person_id)?.profiles.push(r.profile as Profile);
  for (const r of functions) facts.get(r.person_id)?.functions.push(r.function as PersonnelFunction);
  for (const [personId, list] of classes) {
    const f = facts.get(personId);
    if (f) f.classes = list;
  }
  return facts;
}

/** The classes (kind `class`) of several people in one establishment. */
export async function classesOf(db: Db, establishmentId: string, personIds: string[]): Promise<Map<string, GroupRef[]>> {
  const result = new Map<string, GroupRef[]>();
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['group_members.person_id', 'groups.id', 'groups.name', 'groups.kind', 'groups.level'])
    .where('groups.establishment_id', '=', establishmentId)
    .where('groups.kind', '=', 'class')
    .where('group_members.person_id', 'in', personIds)
    .orderBy('groups.name')
    .execute();
  for (const r of rows) {
    const list = result.get(r.person_id) ?? [];
    if (!list.some((g) => g.id === r.id)) list.push({ id: r.id, name: r.name, kind: r.kind as GroupKind, level: r.level });
    result.set(r.person_id, list);
  }
  return result;
}

export function findMember(db: Db, establishmentId: string, personId: string) {
  return db
    .selectFrom('people')
    .select([
      'id',
      'login',
      'first_name',
      'last_name',
      'state',
      'birth_date',
      'email',
      'phone',
      'national_id',
      'source',
      'created_at',
      'activation_expires_at',
      'platform_admin',
    ])
    .where('id', '=', personId)
    .where('id', 'in', (eb) => eb.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishmentId))
    .executeTakeFirst();
}

/** Every class and group of the person here, with role, head teacher flag, subjects taught and who manages it. */
export async function groupsOfMember(db: Db, establishmentId: string, personId: string) {
  const [groups, teachings] = await Promise.all([
    db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['groups.id', 'groups.name', 'groups.kind', 'groups.level', 'group_members.role', 'group_members.head_teacher', 'group_members.source'])
      .where('groups.establishment_id', '=', establishmentId)
      .where('group_members.person_id', '=', personId)
      .orderBy('groups.kind')
      .orderBy('groups.name')
      .execute(),
    db
      .selectFrom('teachings')
      .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
      .select(['teachings.group_id', 'subjects.name'])
      .where('teachings.person_id', '=', personId)
      .where('subjects.establishment_id', '=', establishmentId)
      .orderBy('subjects.name')
      .execute(),
  ]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    kind: g.kind as GroupKind,
    level: g.level,
    role: g.role as 'student' | 'teacher',
    headTeacher: g.head_teacher === 1,
    subjects: teachings.filter((t) => t.group_id === g.id).map((t) => t.name),
    managedBy: g.source ?? null,
  }));
}

/** A student's relatives, or a relative's children who belong to this establishment. */
export function relatedPeople(db: Db, establishmentId: string, personId: string, direction: 'relatives' | 'children') {
  const [self, other] = direction === 'relatives' ? (['student_id', 'relative_id'] as const) : (['relative_id', 'student_id'] as const);
  let q = db
    .selectFrom('relatives')
    .innerJoin('people', 'people.id', `relatives.${other}`)
    .select(['people.id', 'people.first_name', 'people.last_name', 'people.email', 'people.phone', 'relatives.legal_guardian', 'relatives.relationship'])
    .where(`relatives.${self}`, '=', personId)
    .where('people.state', '!=', 'left')
    .orderBy('people.sort_key');
  if (direction === 'children') {
    q = q.where('people.id', 'in', (eb) => eb.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishmentId).where('profile', '=', 'student'));
  }
  return q.execute();
}

export async function establishmentsOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('memberships').select('establishment_id').distinct().where('person_id', '=', personId).execute();
  return rows.map((r) => r.establishment_id);
}
