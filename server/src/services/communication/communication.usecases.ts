import type { Profile, RecipientGroup, RecipientPerson } from '@preau/contracts';
import type { Actor } from '../../kernel/auth/actor.js';
import { membershipIn } from '../../kernel/auth/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { displayName, fold } from '../directory/index.js';
import { loadRules } from './communication.queries.js';
import { type GroupTarget, type PersonIds, addressableGroups, reachable } from './communication.reach.js';
import { type Reach, reachOf } from './communication.rules.js';

/** What the logged-in person may reach in one establishment (their rules, read once per request). */
export async function reachOfActor(db: Db, actor: Actor, establishmentId: string): Promise<Reach> {
  const { rules } = await loadRules(db, establishmentId);
  return reachOf(rules, membershipIn(actor, establishmentId)?.profiles ?? [], actor.platformAdmin);
}

/** Same for any member (the administrator's preview "who can X write to?"). */
export async function reachOfPerson(db: Db, personId: string, establishmentId: string): Promise<{ reach: Reach; profiles: Profile[] }> {
  const [{ rules }, rows] = await Promise.all([
    loadRules(db, establishmentId),
    db.selectFrom('memberships').select('profile').where('person_id', '=', personId).where('establishment_id', '=', establishmentId).execute(),
  ]);
  const profiles = rows.map((r) => r.profile as Profile);
  return { reach: reachOf(rules, profiles), profiles };
}

function likeWords(q: string | undefined): string[] {
  return fold(q ?? '')
    .split(' ')
    .filter(Boolean)
    .map((w) => `%${w.replace(/[%_\\]/g, '')}%`);
}

/** Profiles, a student's class, a relative's children: enough to tell homonyms apart (three queries per page). */
async function describe(db: Db, establishmentId: string, rows: { id: string; first_name: string; last_name: string }[]): Promise<RecipientPerson[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [profiles, classes, children] = await Promise.all([
    db.selectFrom('memberships').select(['person_id', 'profile']).where('establishment_id', '=', establishmentId).where('person_id', 'in', ids).orderBy('profile').execute(),
    db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.person_id', 'groups.name'])
      .where('groups.establishment_id', '=', establishmentId)
      .where('groups.kind', '=', 'class')
      .where('group_members.role', '=', 'student')
      .where('group_members.person_id', 'in', ids)
      .orderBy('groups.name')
      .execute(),
    db
      .selectFrom('relatives')
      .innerJoin('people', 'people.id', 'relatives.student_id')
      .innerJoin('memberships', (j) => j.onRef('memberships.person_id', '=', 'relatives.student_id').on('memberships.establishment_id', '=', establishmentId))
      .select(['relatives.relative_id', 'people.first_name', 'people.last_name'])
      .where('relatives.relative_id', 'in', ids)
      .orderBy('people.first_name')
      .execute(),
  ]);
  return rows.map((r) => {
    const own = profiles.filter((p) => p.person_id === r.id).map((p) => p.profile as Profile);
    const cls = classes.filter((c) => c.person_id === r.id).map((c) => c.name);
    const kids = children.filter((c) => c.relative_id === r.id).map((c) => displayName(c.first_name, c.last_name));
    const detail = cls.length ? cls.join(', ') : kids.length ? kids.join(', ') : null;
    return { id: r.id, displayName: displayName(r.first_name, r.last_name), profiles: [...new Set(own)], detail };
  });
}

/** One page of the people the sender may write to, by name (accents and case ignored). */
export async function reachablePeople(
  db: Db,
  senderId: string,
  establishmentId: string,
  reach: Reach,
  f: { q?: string; after?: [string, string]; limit: number },
) {
  // Whole-establishment reach starts from the establishment's memberships (a join, not IN): with
  // IN, PostgreSQL walks the académie's name index in order and filters it row by row (1.5 s for a
  // teacher among 353,000 people; a few ms this way).
  let q = reach.everyone
    ? db
        .selectFrom('memberships as m')
        .innerJoin('people', 'people.id', 'm.person_id')
        .select(['people.id', 'people.first_name', 'people.last_name', 'people.sort_key'])
        .distinct()
        .where('m.establishment_id', '=', establishmentId)
        .where('people.id', '!=', senderId)
        .where('people.state', '!=', 'left')
    : db
        .selectFrom('people')
        .select(['people.id', 'people.first_name', 'people.last_name', 'people.sort_key'])
        .where('people.id', 'in', reachable(db, senderId, establishmentId, reach));
  q = q.orderBy('people.sort_key').orderBy('people.id').limit(f.limit + 1);
  for (const word of likeWords(f.q)) q = q.where('people.sort_key', 'like', word);
  if (f.after) {
    const [key, id] = f.after;
    q = q.where((eb) => eb(eb.refTuple('people.sort_key', 'people.id'), '>', eb.tuple(key, id)));
  }
  const rows = await q.execute();
  const described = await describe(db, establishmentId, rows.slice(0, f.limit));
  return { rows, people: described };
}

/** Classes and groups the sender may address, as a whole or through their students' relatives. */
export async function reachableGroups(db: Db, senderId: string, establishmentId: string, reach: Reach, q?: string): Promise<RecipientGroup[]> {
  const [whole, relatives] = await Promise.all(
    (['group', 'group_relatives'] as const).map((target) => addressableGroups(db, senderId, establishmentId, reach, target).orderBy('groups.name').execute()),
  );
  const words = fold(q ?? '').split(' ').filter(Boolean);
  // Group names are few per establishment: matched here, accent-free like people's names.
  const matches = (name: string, type: GroupTarget) => {
    const text = fold(type === 'group_relatives' ? `${name} parents responsables` : name);
    return words.every((w) => text.includes(w));
  };
  const out: RecipientGroup[] = [];
  for (const [type, rows] of [['group', whole], ['group_relatives', relatives]] as const) {
    for (const g of rows ?? []) {
      if (matches(g.name, type)) out.push({ type, id: g.id, name: g.name, kind: g.kind as RecipientGroup['kind'], memberCount: Number(g.member_count ?? 0) });
    }
  }
  return out;
}

export interface AddressedIds {
  people: string[];
  groups: string[];
  relativesOf: string[];
}

/**
 * Refuses (403, with the refused addresses) anything the sender may not write to: people outside
 * their reach (except `contacts`, who wrote to them in the conversation being answered), classes
 * and groups with a member out of reach. Three queries, whatever the number of addresses.
 */
export async function checkAddresses(db: Db, senderId: string, establishmentId: string, reach: Reach, a: AddressedIds, contacts?: PersonIds): Promise<void> {
  const refused: { field: string; issue: string }[] = [];
  const people = [...new Set(a.people)];
  if (people.length > 0) {
    const allowed = reachable(db, senderId, establishmentId, reach);
    const ok = await db
      .selectFrom('people')
      .select('people.id')
      .where('people.id', 'in', people)
      .where((eb) => (contacts ? eb.or([eb('people.id', 'in', allowed), eb('people.id', 'in', contacts)]) : eb('people.id', 'in', allowed)))
      .execute();
    const okIds = new Set(ok.map((r) => r.id));
    for (const id of people) if (!okIds.has(id)) refused.push({ field: `person:${id}`, issue: 'not_allowed' });
  }
  for (const [target, ids] of [['group', a.groups], ['group_relatives', a.relativesOf]] as const) {
    const unique = [...new Set(ids)];
    if (unique.length === 0) continue;
    const ok = await addressableGroups(db, senderId, establishmentId, reach, target, unique).execute();
    const okIds = new Set(ok.map((g) => g.id));
    for (const id of unique) if (!okIds.has(id)) refused.push({ field: `${target}:${id}`, issue: 'not_allowed' });
  }
  if (refused.length > 0) {
    throw new AppError('communication.not_allowed', 403, refused);
  }
}

/** How many people of each profile a set reaches (the administrator's preview). */
export async function countsByProfile(db: Db, senderId: string, establishmentId: string, reach: Reach) {
  const rows = await db
    .selectFrom('memberships')
    .select(['memberships.profile', (eb) => eb.fn.count<number>('memberships.person_id').distinct().as('n')])
    .where('memberships.establishment_id', '=', establishmentId)
    .where('memberships.person_id', 'in', reachable(db, senderId, establishmentId, reach))
    .groupBy('memberships.profile')
    .execute();
  const total = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('people.id', 'in', reachable(db, senderId, establishmentId, reach))
    .executeTakeFirstOrThrow();
  return { counts: Object.fromEntries(rows.map((r) => [r.profile, Number(r.n)])), total: Number(total.n) };
}
