import type { DuplicateReason } from '@preau/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { matchName, SHARED_ID_SOURCES } from './duplicates.keys.js';

/** Whose duplicates to look for: everyone, the members of one establishment, or a few accounts. */
export type DetectionScope = { all: true } | { establishmentId: string } | { personIds: string[] };

const live = (alias: 'p' | 'o') => sql`${sql.ref(`${alias}.state`)} not in ('left', 'merged')`;

/**
 * The people of the scope as `p`. An establishment's members are read from its memberships first,
 * then each probes the indexes for an `o`: a semi-join would make PostgreSQL scan every account.
 */
function scopePeople(scope: DetectionScope): RawBuilder<unknown> {
  if ('all' in scope) return sql`people p`;
  if ('establishmentId' in scope) {
    return sql`(select distinct m.person_id from memberships m where m.establishment_id = ${scope.establishmentId}) s join people p on p.id = s.person_id`;
  }
  // No account named: a scope that selects nobody (never "everyone").
  const ids = scope.personIds.length ? sql`id in (${sql.join(scope.personIds)})` : sql`1 = 0`;
  return sql`(select id as person_id from people where ${ids}) s join people p on p.id = s.person_id`;
}

/** A relative and their own child may share a name and an address: never the same person. */
const notRelated = sql`not exists (select 1 from relatives r where (r.relative_id = p.id and r.student_id = o.id) or (r.relative_id = o.id and r.student_id = p.id))`;
/** Two different INEs are two different students, whatever their names. */
const compatibleIne = sql`(p.national_id is null or o.national_id is null or p.national_id = o.national_id)`;
const compatibleBirth = sql`(p.birth_date is null or o.birth_date is null or p.birth_date = o.birth_date)`;
const noStudent = (alias: 'p' | 'o') => sql`not exists (select 1 from memberships ms where ms.person_id = ${sql.ref(`${alias}.id`)} and ms.profile = 'student')`;

/** How each reason pairs `p` (a person of the scope) with `o` (anyone else on the platform). */
function pairsFor(reason: DuplicateReason, p: RawBuilder<unknown>): RawBuilder<unknown> {
  switch (reason) {
    case 'national_id':
      return sql`from ${p} join people o on o.national_id = p.national_id and o.id <> p.id where p.national_id is not null`;
    case 'shared_source_id':
      return sql`from ${p}
        join person_sources sp on sp.person_id = p.id
        join person_sources so on so.source = sp.source and so.external_id = sp.external_id and so.scope <> sp.scope and so.person_id <> sp.person_id
        join people o on o.id = so.person_id
        where sp.source in (${sql.join([...SHARED_ID_SOURCES])}) and sp.external_id not like '%-%' and ${compatibleIne}`;
    case 'name_birth_date':
      return sql`from ${p} join people o on ${matchName('o')} = ${matchName('p')} and o.birth_date = p.birth_date and o.id <> p.id
        where p.birth_date is not null and ${compatibleIne}`;
    case 'name_email':
      // Adults: a child may carry a parent's name and address, so students are left out.
      return sql`from ${p} join people o on ${matchName('o')} = ${matchName('p')} and o.id <> p.id
        where p.email is not null and lower(o.email) = lower(p.email) and ${compatibleIne} and ${compatibleBirth} and ${noStudent('p')} and ${noStudent('o')}`;
    case 'name_establishment':
      // One birth date missing (a CSV has none): the same profile in the same establishment says more.
      return sql`from ${p} join people o on ${matchName('o')} = ${matchName('p')} and o.id <> p.id
        where (p.birth_date is null or o.birth_date is null) and ${compatibleIne}
        and exists (select 1 from memberships mp join memberships mo on mo.establishment_id = mp.establishment_id and mo.profile = mp.profile
                    where mp.person_id = p.id and mo.person_id = o.id)`;
  }
}

/** Strongest reason first: a pair found by several is recorded with the first. */
const ORDER: DuplicateReason[] = ['national_id', 'shared_source_id', 'name_birth_date', 'name_email', 'name_establishment'];

/**
 * Records "probably the same person" proposals, set-wise in SQL (one INSERT … SELECT per reason,
 * each an indexed join, so it scales to an académie). Pairs already known — open, dismissed as
 * "not the same person", or merged — are left as they are: a dismissal is never proposed again.
 * Returns how many new proposals were recorded.
 */
export async function detectDuplicates(db: Db, clock: Clock, scope: DetectionScope): Promise<number> {
  const now = clock.now().toISOString();
  let proposed = 0;
  for (const reason of ORDER) {
    const result = await sql`
      insert into duplicate_candidates (id, person_a, person_b, reason, status, detected_at)
      select distinct pair.a || '~' || pair.b, pair.a, pair.b, cast(${reason} as text), 'open', cast(${now} as text)
      from (
        select case when p.id < o.id then p.id else o.id end as a, case when p.id < o.id then o.id else p.id end as b
        ${pairsFor(reason, scopePeople(scope))} and ${live('p')} and ${live('o')} and ${notRelated}
      ) pair
      where true
      on conflict do nothing`.execute(db);
    proposed += Number(result.numAffectedRows ?? 0n);
  }
  return proposed;
}
