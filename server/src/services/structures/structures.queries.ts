import type { GroupKind } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';

export interface StructureRow {
  id: string;
  name: string;
  kind: string;
  level: string | null;
  external_id: string | null;
}

/** Student and teacher counts of each listed group, as correlated subqueries (one statement). */
function withCounts(db: Db, establishmentId: string) {
  return db
    .selectFrom('groups')
    .select((eb) => [
      'groups.id',
      'groups.name',
      'groups.kind',
      'groups.level',
      'groups.external_id',
      eb.selectFrom('group_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('group_members.group_id', '=', 'groups.id').where('group_members.role', '=', 'student').as('student_count'),
      eb.selectFrom('group_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('group_members.group_id', '=', 'groups.id').where('group_members.role', '=', 'teacher').as('teacher_count'),
    ])
    .where('groups.establishment_id', '=', establishmentId);
}

export function listStructures(db: Db, establishmentId: string, f: { kind?: GroupKind; q?: string; after?: [string, string]; limit: number }) {
  let q = withCounts(db, establishmentId).orderBy('groups.name').orderBy('groups.id').limit(f.limit + 1);
  if (f.kind) q = q.where('groups.kind', '=', f.kind);
  const term = (f.q ?? '').toLowerCase().replace(/[%_\\]/g, '');
  if (term) q = q.where((eb) => eb(eb.fn('lower', ['groups.name']), 'like', `%${term}%`));
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('groups.name', 'groups.id'), '>', eb.tuple(name, id)));
  }
  return q.execute();
}

export function findStructure(db: Db, establishmentId: string, groupId: string) {
  return withCounts(db, establishmentId).where('groups.id', '=', groupId).executeTakeFirst();
}

/** The classes each of these teaching groups spans. */
export async function spannedClasses(db: Db, groupIds: string[]) {
  const result = new Map<string, { id: string; name: string }[]>();
  if (groupIds.length === 0) return result;
  const rows = await db
    .selectFrom('group_classes')
    .innerJoin('groups as c', 'c.id', 'group_classes.class_id')
    .select(['group_classes.group_id', 'c.id', 'c.name'])
    .where('group_classes.group_id', 'in', groupIds)
    .orderBy('c.name')
    .execute();
  for (const r of rows) result.set(r.group_id, [...(result.get(r.group_id) ?? []), { id: r.id, name: r.name }]);
  return result;
}

export async function membersOf(db: Db, groupId: string) {
  const [members, teachings] = await Promise.all([
    db
      .selectFrom('group_members')
      .innerJoin('people', 'people.id', 'group_members.person_id')
      .select(['people.id', 'people.login', 'people.first_name', 'people.last_name', 'people.state', 'group_members.role', 'group_members.head_teacher', 'group_members.source'])
      .where('group_members.group_id', '=', groupId)
      .orderBy('people.sort_key')
      .orderBy('people.id')
      .execute(),
    db
      .selectFrom('teachings')
      .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
      .select(['teachings.person_id', 'subjects.id', 'subjects.name'])
      .where('teachings.group_id', '=', groupId)
      .orderBy('subjects.name')
      .execute(),
  ]);
  return { members, teachings };
}

/** Of these ids, the people holding `profile` in the establishment and not gone. */
export async function holdersOf(db: Db, establishmentId: string, profile: 'student' | 'teacher', personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select('memberships.person_id')
    .where('memberships.establishment_id', '=', establishmentId)
    .where('memberships.profile', '=', profile)
    .where('memberships.person_id', 'in', personIds)
    .where('people.state', '!=', 'left')
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function classesAmong(db: Db, establishmentId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('groups').select('id').where('establishment_id', '=', establishmentId).where('kind', '=', 'class').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function nameTaken(db: Db, establishmentId: string, kind: string, name: string, exceptId?: string) {
  let q = db.selectFrom('groups').select('id').where('establishment_id', '=', establishmentId).where('kind', '=', kind).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export function listSubjects(db: Db, establishmentId: string) {
  return db.selectFrom('subjects').select(['id', 'code', 'name']).where('establishment_id', '=', establishmentId).orderBy('name').orderBy('id').execute();
}

export function findSubject(db: Db, establishmentId: string, subjectId: string) {
  return db.selectFrom('subjects').select(['id', 'name']).where('establishment_id', '=', establishmentId).where('id', '=', subjectId).executeTakeFirst();
}
