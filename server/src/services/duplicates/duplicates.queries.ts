import type { DuplicateStatus } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';

export type CandidateRow = Awaited<ReturnType<typeof listCandidates>>[number];

/**
 * Proposals of one status, newest first; with an establishment, those where at least one of the
 * two people belongs to it. Open proposals whose account was closed or retired meanwhile are not
 * shown (nothing left to decide).
 */
export function listCandidates(db: Db, f: { establishmentId?: string; status: DuplicateStatus; before?: [string, string]; limit: number; id?: string }) {
  let q = db
    .selectFrom('duplicate_candidates as c')
    .innerJoin('people as a', 'a.id', 'c.person_a')
    .innerJoin('people as b', 'b.id', 'c.person_b')
    .select(['c.id', 'c.person_a', 'c.person_b', 'c.reason', 'c.status', 'c.detected_at', 'c.decided_at', 'c.kept_id'])
    .where('c.status', '=', f.status)
    .orderBy('c.detected_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1);
  if (f.status === 'open') q = q.where('a.state', 'not in', ['left', 'merged']).where('b.state', 'not in', ['left', 'merged']);
  if (f.id) q = q.where('c.id', '=', f.id);
  if (f.establishmentId) {
    const establishmentId = f.establishmentId;
    q = q.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('memberships as m').select('m.person_id').whereRef('m.person_id', '=', 'c.person_a').where('m.establishment_id', '=', establishmentId)),
        eb.exists(eb.selectFrom('memberships as m').select('m.person_id').whereRef('m.person_id', '=', 'c.person_b').where('m.establishment_id', '=', establishmentId)),
      ]),
    );
  }
  if (f.before) {
    const [at, id] = f.before;
    q = q.where((eb) => eb(eb.refTuple('c.detected_at', 'c.id'), '<', eb.tuple(at, id)));
  }
  return q.execute();
}

export interface PersonDetails {
  id: string;
  login: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  email: string | null;
  national_id: string | null;
  state: string;
  password_hash: string | null;
  platform_admin: number;
  created_at: string;
  sources: string[];
  establishments: { id: string; uai: string; name: string; profiles: string[] }[];
}

/** Everything the comparison shows for a page of proposals, in three queries whatever its size. */
export async function detailsOf(db: Db, personIds: string[]): Promise<Map<string, PersonDetails>> {
  const details = new Map<string, PersonDetails>();
  if (personIds.length === 0) return details;
  const [people, memberships, sources] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'login', 'first_name', 'last_name', 'birth_date', 'email', 'national_id', 'state', 'password_hash', 'platform_admin', 'created_at'])
      .where('id', 'in', personIds)
      .execute(),
    db
      .selectFrom('memberships')
      .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
      .select(['memberships.person_id', 'memberships.profile', 'establishments.id', 'establishments.uai', 'establishments.name'])
      .where('memberships.person_id', 'in', personIds)
      .orderBy('establishments.name')
      .orderBy('memberships.profile')
      .execute(),
    db.selectFrom('person_sources').select(['person_id', 'source']).distinct().where('person_id', 'in', personIds).orderBy('source').execute(),
  ]);
  for (const p of people) details.set(p.id, { ...p, sources: [], establishments: [] });
  for (const m of memberships) {
    const person = details.get(m.person_id);
    if (!person) continue;
    let establishment = person.establishments.find((e) => e.id === m.id);
    if (!establishment) person.establishments.push((establishment = { id: m.id, uai: m.uai, name: m.name, profiles: [] }));
    establishment.profiles.push(m.profile);
  }
  for (const s of sources) details.get(s.person_id)?.sources.push(s.source);
  return details;
}

export function dismissCandidate(db: Db, candidateId: string, actorId: string, now: string) {
  return db
    .updateTable('duplicate_candidates')
    .set({ status: 'dismissed', decided_at: now, decided_by: actorId })
    .where('id', '=', candidateId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}
