import type { GroupKind, GroupRef } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';

/** The person and their classes and groups by establishment, in one round trip (what /api/me shows first). */
export async function personWithGroups(db: Db, personId: string) {
  const rows = await db
    .selectFrom('people')
    .leftJoin('group_members', 'group_members.person_id', 'people.id')
    .leftJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['people.id', 'people.login', 'people.first_name', 'people.last_name', 'people.email', 'people.phone', 'people.birth_date', 'people.state', 'people.platform_admin'])
    .select(['groups.establishment_id', 'groups.id as group_id', 'groups.name as group_name', 'groups.kind as group_kind', 'groups.level as group_level'])
    .where('people.id', '=', personId)
    .orderBy('groups.kind')
    .orderBy('groups.name')
    .execute();
  const person = rows[0];
  if (!person) throw new Error(`person ${personId} not found`);
  const groups = new Map<string, GroupRef[]>();
  for (const r of rows) {
    if (r.group_id === null || r.establishment_id === null || r.group_name === null || r.group_kind === null) continue;
    const list = groups.get(r.establishment_id) ?? [];
    // A teacher is a member of a group once per role: the group is listed once.
    if (!list.some((g) => g.id === r.group_id)) list.push({ id: r.group_id, name: r.group_name, kind: r.group_kind as GroupKind, level: r.group_level });
    groups.set(r.establishment_id, list);
  }
  return { person, groups };
}

/** Classes and groups of several people, by person then establishment. */
export async function groupsOf(db: Db, personIds: string[]) {
  const result = new Map<string, Map<string, GroupRef[]>>();
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['group_members.person_id', 'groups.establishment_id', 'groups.id', 'groups.name', 'groups.kind', 'groups.level'])
    .where('group_members.person_id', 'in', personIds)
    .orderBy('groups.kind')
    .orderBy('groups.name')
    .execute();
  for (const r of rows) {
    let byEstablishment = result.get(r.person_id);
    if (!byEstablishment) result.set(r.person_id, (byEstablishment = new Map()));
    const list = byEstablishment.get(r.establishment_id) ?? [];
    if (!list.some((g) => g.id === r.id)) list.push({ id: r.id, name: r.name, kind: r.kind as GroupKind, level: r.level });
    byEstablishment.set(r.establishment_id, list);
  }
  return result;
}

export function childrenOf(db: Db, relativeId: string) {
  return db
    .selectFrom('relatives')
    .innerJoin('people', 'people.id', 'relatives.student_id')
    .select(['people.id', 'people.first_name', 'people.last_name', 'relatives.legal_guardian'])
    .where('relatives.relative_id', '=', relativeId)
    .where('people.state', '!=', 'left')
    .orderBy('people.sort_key')
    .execute();
}

export async function studentEstablishments(db: Db, studentIds: string[]) {
  if (studentIds.length === 0) return [];
  return db
    .selectFrom('memberships')
    .select(['person_id', 'establishment_id'])
    .where('person_id', 'in', studentIds)
    .where('profile', '=', 'student')
    .execute();
}
