import type { GroupKind, GroupRef } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';

export function findPerson(db: Db, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'login', 'first_name', 'last_name', 'email', 'phone', 'birth_date', 'state', 'platform_admin'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
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
