import type { DuplicateReason } from '@preau/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { matchName, SHARED_ID_SOURCES } from './duplicates.keys.js';

/** Whose duplicates to look for: everyone, the members of one establishment, or a few accounts. */
export type DetectionScope = { all: true } | { establishmentId: string } | { personIds: string[] };

/** Ids per statement: far below the bind-parameter limits of SQLite (32,766) and PostgreSQL (65,535). */
const SCOPE_CHUNK = 1000;

const live = (alias: 'p' | 'o') => sql`${sql.ref(`${alias}.state`)} not in ('left', 'merged')`;

/** A relative and their own child may share a name and an address: never the same person. */
const notRelated = sql`not exists (select 1 from relatives r where (r.relative_id = p.id and r.student_id = o.id) or (r.relative_id = o.id and r.student_id = p.id))`;
/** Two different INEs are two different students, whatever their names. */
const compatibleIne = sql`(p.national_id is null or o.national_id is null or p.national_id = o.national_id)`;
const compatibleBirth = sql`(p.birth_date is null or o.birth_date is null or p.birth_date = o.birth_date)`;
const noStudent = (alias: 'p' | 'o') => sql`not exists (select 1 from memberships ms where ms.person_id = ${sql.ref(`${alias}.id`)} and ms.profile = 'student')`;

/**
 * The name-based reasons in one pass over the name index (each person probes it once), the
 * strongest that holds chosen by the CASE; every condition is symmetric in `p` and `o`.
 */
const sameNameReason = sql`case
    when p.birth_date is not null and o.birth_date = p.birth_date then 'name_birth_date'
    when p.email is not null and lower(o.email) = lower(p.email) and ${compatibleBirth} and ${noStudent('p')} and ${noStudent('o')} then 'name_email'
    when (p.birth_date is null or o.birth_date is null)
      and exists (select 1 from memberships mp join memberships mo on mo.establishment_id = mp.establishment_id and mo.profile = mp.profile
                  where mp.person_id = p.id and mo.person_id = o.id) then 'name_establishment'
  end`;

const reasonIs = (reason: DuplicateReason) => sql`cast(${reason} as text)`;

/** Strongest first: a pair already recorded (by a stronger reason, or decided) is left as it is. */
function passes(inScope: RawBuilder<unknown>): { reason: RawBuilder<unknown>; pairs: RawBuilder<unknown> }[] {
  return [
    { reason: reasonIs('national_id'), pairs: sql`from people p join people o on o.national_id = p.national_id and o.id <> p.id where ${inScope} and p.national_id is not null` },
    {
      reason: reasonIs('shared_source_id'),
      pairs: sql`from people p
        join person_sources sp on sp.person_id = p.id
        join person_sources so on so.source = sp.source and so.external_id = sp.external_id and so.scope <> sp.scope and so.person_id <> sp.person_id
        join people o on o.id = so.person_id
        where ${inScope} and sp.source in (${sql.join([...SHARED_ID_SOURCES])}) and sp.external_id not like '%-%' and ${compatibleIne}`,
    },
    {
      reason: sameNameReason,
      // Homonyms are many in an académie: only pairs one of the name reasons could hold go further.
      pairs: sql`from people p join people o on ${matchName('o')} = ${matchName('p')} and o.id <> p.id
        where ${inScope} and (o.birth_date = p.birth_date or p.birth_date is null or o.birth_date is null or lower(o.email) = lower(p.email)) and ${compatibleIne}`,
    },
  ];
}

/**
 * Records "probably the same person" proposals, set-wise in SQL (one INSERT … SELECT per pass,
 * each an indexed join, so it scales to an académie). Pairs already known — open, dismissed as
 * "not the same person", or merged — are left as they are: a dismissal is never proposed again.
 * Returns how many new proposals were recorded.
 */
export async function detectDuplicates(db: Db, clock: Clock, scope: DetectionScope): Promise<number> {
  const now = clock.now().toISOString();
  let proposed = 0;
  const detect = async (inScope: RawBuilder<unknown>) => {
    for (const pass of passes(inScope)) {
      const result = await sql`
        insert into duplicate_candidates (id, person_a, person_b, reason, status, detected_at)
        select distinct pair.a || '~' || pair.b, pair.a, pair.b, pair.reason, 'open', cast(${now} as text)
        from (
          select case when p.id < o.id then p.id else o.id end as a, case when p.id < o.id then o.id else p.id end as b, ${pass.reason} as reason
          ${pass.pairs} and ${live('p')} and ${live('o')} and ${notRelated}
        ) pair
        where pair.reason is not null
        on conflict do nothing`.execute(db);
      proposed += Number(result.numAffectedRows ?? 0n);
    }
  };
  if ('all' in scope) {
    await detect(sql`p.id is not null`);
    return proposed;
  }
  // The scope's ids are read first and given as lists: each then probes the primary key and the
  // name index, where a join or semi-join with memberships makes PostgreSQL scan every account.
  const ids =
    'establishmentId' in scope
      ? (await db.selectFrom('memberships').select('person_id').distinct().where('establishment_id', '=', scope.establishmentId).execute()).map((m) => m.person_id)
      : scope.personIds;
  for (let i = 0; i < ids.length; i += SCOPE_CHUNK) await detect(sql`p.id in (${sql.join(ids.slice(i, i + SCOPE_CHUNK))})`);
  return proposed;
}
