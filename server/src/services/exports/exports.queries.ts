import type { Db } from '../../kernel/db/database.js';

/** One establishment, or every establishment of the platform. */
export type ExportScope = { kind: 'establishment'; establishmentId: string } | { kind: 'platform' };

/** Profiles that have a OneRoster role; inspectors, internship tutors and guests are not rostering data. */
export const EXPORTED_PROFILES = ['student', 'relative', 'teacher', 'personnel', 'agent'] as const;
/** Free groups are ad-hoc (clubs, projects): only classes and teaching groups are rostered. */
const EXPORTED_GROUP_KINDS = ['class', 'teaching_group'];
export const BATCH = 1000;

function scoped<Q extends { where: (...args: never[]) => Q }>(q: Q, column: string, scope: ExportScope): Q {
  // biome-ignore lint/suspicious/noExplicitAny: the column is one of the callers' own, typed where they build the query
  return scope.kind === 'establishment' ? (q.where as any)(column, '=', scope.establishmentId) : q;
}

export function listEstablishments(db: Db, scope: ExportScope) {
  return scoped(db.selectFrom('establishments').select(['id', 'uai', 'name']).orderBy('uai'), 'id', scope).execute();
}

export function listSubjects(db: Db, establishmentId: string) {
  return db.selectFrom('subjects').select(['id', 'code', 'name']).where('establishment_id', '=', establishmentId).orderBy('code').execute();
}

/** Classes and teaching groups of one establishment, with the subjects taught in each. */
export async function listGroups(db: Db, establishmentId: string) {
  const [groups, taught] = await Promise.all([
    db.selectFrom('groups').select(['id', 'kind', 'name', 'level']).where('establishment_id', '=', establishmentId).where('kind', 'in', EXPORTED_GROUP_KINDS).orderBy('name').orderBy('id').execute(),
    db
      .selectFrom('teachings')
      .innerJoin('groups', 'groups.id', 'teachings.group_id')
      .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
      .select(['teachings.group_id', 'subjects.id as subject_id', 'subjects.code', 'subjects.name'])
      .distinct()
      .where('groups.establishment_id', '=', establishmentId)
      .orderBy('subjects.code')
      .execute(),
  ]);
  return groups.map((g) => ({ ...g, subjects: taught.filter((t) => t.group_id === g.id) }));
}

interface IdRange {
  db: Db;
  scope: ExportScope;
  after: string | null;
  last: string;
}

/**
 * `column` among the batch's people: the ids of the scope's members in (after, last], as a subquery.
 * One statement for every batch (an IN list of a thousand ids is prepared anew each time), and an
 * establishment's export reads its own members only, not everyone whose id falls in the range.
 */
function inRange<Q extends { where: (...args: never[]) => Q }>(q: Q, column: string, range: IdRange): Q {
  let ids = scoped(range.db.selectFrom('memberships').select('memberships.person_id').where('memberships.profile', 'in', [...EXPORTED_PROFILES]), 'memberships.establishment_id', range.scope).where(
    'memberships.person_id',
    '<=',
    range.last,
  );
  if (range.after) ids = ids.where('memberships.person_id', '>', range.after);
  // biome-ignore lint/suspicious/noExplicitAny: the column is one of the callers' own, typed where they build the query
  return (q.where as any)(column, 'in', ids) as Q;
}

/** The next batch of people with an exported profile in scope, by id (keyset), with what users.csv needs. */
export async function peopleBatch(db: Db, scope: ExportScope, after: string | null) {
  let ids = scoped(db.selectFrom('memberships').select('person_id').distinct().where('profile', 'in', [...EXPORTED_PROFILES]), 'establishment_id', scope);
  if (after) ids = ids.where('person_id', '>', after);
  const idRows = await ids.orderBy('person_id').limit(BATCH).execute();
  const personIds = idRows.map((r) => r.person_id);
  if (!personIds.length) return [];
  const range: IdRange = { db, scope, after, last: personIds[personIds.length - 1] };
  const wanted = new Set(personIds);
  const [people, memberships, functions, asRelative, asStudent, memberOf] = await Promise.all([
    inRange(db.selectFrom('people').select(['id', 'login', 'first_name', 'first_names', 'last_name', 'birth_date', 'email', 'phone', 'national_id', 'state']), 'id', range)
      .orderBy('id')
      .execute(),
    inRange(scoped(db.selectFrom('memberships').select(['person_id', 'establishment_id', 'profile']).where('profile', 'in', [...EXPORTED_PROFILES]), 'establishment_id', scope), 'person_id', range)
      .orderBy('person_id')
      .orderBy('establishment_id')
      .orderBy('profile')
      .execute(),
    inRange(scoped(db.selectFrom('person_functions').select(['person_id', 'establishment_id', 'function']), 'establishment_id', scope), 'person_id', range).orderBy('function').execute(),
    // Links within the scope only: a parent's child in another school is not in this export.
    relativesOf(db, scope, range, 'relative_id'),
    relativesOf(db, scope, range, 'student_id'),
    inRange(db.selectFrom('group_members').select(['person_id', 'group_id']).where('role', '=', 'student'), 'person_id', range).execute(),
  ]);
  // Levels of the classes those students are in: a second query by the (few) groups concerned, as
  // SQLite would otherwise walk every group of the platform for each batch.
  const groupIds = [...new Set(memberOf.map((g) => g.group_id))];
  const levels = new Map<string, string | null>();
  for (let i = 0; i < groupIds.length; i += 500) {
    const part = groupIds.slice(i, i + 500);
    const rows = await scoped(db.selectFrom('groups').select(['id', 'level']).where('id', 'in', part).where('kind', '=', 'class'), 'establishment_id', scope).execute();
    for (const g of rows) levels.set(g.id, g.level);
  }
  const classes = memberOf.filter((g) => levels.has(g.group_id)).map((g) => ({ person_id: g.person_id, level: levels.get(g.group_id) ?? null }));
  const group = <T extends { person_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r]);
    return map;
  };
  const m = group(memberships);
  const f = group(functions);
  const rel = group(asRelative);
  const stu = group(asStudent);
  const cls = group(classes);
  return people
    .filter((p) => wanted.has(p.id))
    .map((p) => ({
    ...p,
    memberships: m.get(p.id) ?? [],
    functions: f.get(p.id) ?? [],
    children: rel.get(p.id) ?? [],
    relatives: stu.get(p.id) ?? [],
    levels: [...new Set((cls.get(p.id) ?? []).map((c) => c.level).filter((l): l is string => !!l))],
  }));
}
export type ExportedPerson = Awaited<ReturnType<typeof peopleBatch>>[number];

/** Relations of these people (as `side`), with the other person, both members of the scope. */
function relativesOf(db: Db, scope: ExportScope, range: IdRange, side: 'relative_id' | 'student_id') {
  const other = side === 'relative_id' ? 'student_id' : 'relative_id';
  const otherProfile = side === 'relative_id' ? 'student' : 'relative';
  const q = db
    .selectFrom('relatives')
    .select([`relatives.${side} as person_id`, `relatives.${other} as other_id`, 'relatives.legal_guardian'])
    .where((eb) =>
      eb.exists(
        scoped(
          eb
            .selectFrom('memberships')
            .select('memberships.person_id')
            .whereRef('memberships.person_id', '=', `relatives.${other}`)
            .where('memberships.profile', '=', otherProfile),
          'memberships.establishment_id',
          scope,
        ),
      ),
    );
  return inRange(q, `relatives.${side}`, range).orderBy(`relatives.${other}`).execute();
}

/** The next batch of class and group memberships in scope, with the subjects a teacher teaches there. */
export async function enrollmentsBatch(db: Db, scope: ExportScope, after: [string, string, string] | null) {
  let q = scoped(
    db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.group_id', 'group_members.person_id', 'group_members.role', 'group_members.head_teacher', 'groups.establishment_id', 'groups.kind'])
      .where('groups.kind', 'in', EXPORTED_GROUP_KINDS)
      .where('group_members.role', 'in', ['student', 'teacher'])
      // Only people exported in users.csv: a member whose membership of the school was removed is not.
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('memberships.person_id')
            .whereRef('memberships.person_id', '=', 'group_members.person_id')
            .whereRef('memberships.establishment_id', '=', 'groups.establishment_id')
            .whereRef('memberships.profile', '=', 'group_members.role'),
        ),
      ),
    'groups.establishment_id',
    scope,
  );
  if (after) q = q.where((eb) => eb(eb.refTuple('group_members.group_id', 'group_members.person_id', 'group_members.role'), '>', eb.tuple(...after)));
  const rows = await q.orderBy('group_members.group_id').orderBy('group_members.person_id').orderBy('group_members.role').limit(BATCH).execute();
  const teachers = rows.filter((r) => r.role === 'teacher');
  const teachings = teachers.length
    ? await db
        .selectFrom('teachings')
        .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
        .select(['teachings.group_id', 'teachings.person_id', 'subjects.code'])
        .where((eb) => eb(eb.refTuple('teachings.group_id', 'teachings.person_id'), 'in', teachers.map((t) => eb.tuple(t.group_id, t.person_id))))
        .orderBy('subjects.code')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    subjectCodes: r.role === 'teacher' ? teachings.filter((t) => t.group_id === r.group_id && t.person_id === r.person_id).map((t) => t.code) : [],
  }));
}
