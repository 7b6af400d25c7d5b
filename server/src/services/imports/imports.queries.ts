import type { Profile } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';
import { sortKey } from '../directory/index.js';
import type { EstablishmentFeed, ImportSource } from './feed.js';
import { identityKey } from './plan.js';
import type { ExistingPerson, ExistingState } from './plan.types.js';

/** SIECLE, STS and CSV ids are unique within one establishment's base; AAF's jointure across the académie. */
export function scopeFor(source: ImportSource, uai: string): string {
  return source === 'aaf' ? '' : uai;
}

export function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Keys per lookup: one round trip for a whole collège, far below SQLite's 32,766 parameters. */
const LOOKUP_CHUNK = 2000;

const PERSON_COLUMNS = [
  'people.id',
  'people.login',
  'people.source',
  'people.first_name',
  'people.first_names',
  'people.last_name',
  'people.birth_date',
  'people.email',
  'people.phone',
  'people.national_id',
  'people.email_set_by_user',
  'people.state',
] as const;

export function findEstablishmentByUai(db: Db, uai: string) {
  return db.selectFrom('establishments').select(['id', 'uai', 'name']).where('uai', '=', uai).executeTakeFirst();
}

/**
 * The people this source knows by the feed's ids, and those it manages here. Ids scoped to one
 * establishment are read whole; académie-wide ids (AAF, scope '') are looked up for this feed only,
 * or each establishment of an académie would read the whole académie.
 */
async function linkedPeople(db: Db, establishmentId: string, feed: EstablishmentFeed, scope: string) {
  const base = () =>
    db
      .selectFrom('person_sources')
      .innerJoin('people', 'people.id', 'person_sources.person_id')
      .select([...PERSON_COLUMNS, 'person_sources.external_id'])
      .where('person_sources.source', '=', feed.source)
      .where('person_sources.scope', '=', scope);
  if (scope !== '') return base().execute();
  const rows = await base()
    .where('people.id', 'in', (eb) => eb.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishmentId).where('source', '=', feed.source))
    .execute();
  const seen = new Set(rows.map((r) => r.external_id));
  const ids = [...new Set(feed.people.map((p) => p.externalId))].filter((id) => !seen.has(id));
  for (const part of chunks(ids, LOOKUP_CHUNK)) rows.push(...(await base().where('person_sources.external_id', 'in', part).execute()));
  return rows;
}

/** Everything the planner compares the feed with, in a bounded number of set-based queries. */
export async function loadExistingState(db: Db, establishment: { id: string; uai: string; name: string }, feed: EstablishmentFeed): Promise<ExistingState> {
  const scope = scopeFor(feed.source, establishment.uai);
  const source = feed.source;
  const linkedRows = await linkedPeople(db, establishment.id, feed, scope);
  const linked = new Map<string, ExistingPerson>(linkedRows.map((r) => [r.external_id, r]));
  const externalOf = new Map(linkedRows.map((r) => [r.id, r.external_id]));

  const unlinked = feed.people.filter((p) => !linked.has(p.externalId));
  const byNationalId = new Map<string, ExistingPerson>();
  const ines = unlinked.map((p) => p.nationalId).filter((x): x is string => !!x);
  for (const part of chunks(ines, LOOKUP_CHUNK)) {
    for (const r of await db.selectFrom('people').select(PERSON_COLUMNS).where('national_id', 'in', part).execute()) {
      if (r.national_id) byNationalId.set(r.national_id, r);
    }
  }

  const byIdentity = new Map<string, (ExistingPerson & { uais: string[] })[]>();
  // Birth dates wanted per name: homonyms born another day are never proposed, so they are not read
  // (at académie scale a common name has dozens of them).
  const datesOf = new Map<string, Set<string | null>>();
  for (const p of unlinked.filter((p) => !p.nationalId || !byNationalId.has(p.nationalId))) {
    const key = sortKey(p.firstName, p.lastName);
    datesOf.set(key, (datesOf.get(key) ?? new Set()).add(p.birthDate ?? null));
  }
  for (const part of chunks([...datesOf.keys()], LOOKUP_CHUNK)) {
    const dates = new Set(part.flatMap((k) => [...datesOf.get(k)!]));
    const known = [...dates].filter((d): d is string => d !== null);
    const rows = await db
      .selectFrom('people')
      .select(PERSON_COLUMNS)
      .where('people.sort_key', 'in', part)
      .where((eb) => eb.or([...(known.length ? [eb('people.birth_date', 'in', known)] : []), ...(dates.has(null) ? [eb('people.birth_date', 'is', null)] : [])]))
      // Closed accounts and accounts retired by a merge are nobody's duplicate any more.
      .where('people.state', 'not in', ['left', 'merged'])
      .execute();
    const found = rows.filter((r) => !externalOf.has(r.id));
    // Their establishments in a second query by id (the primary key of memberships): joined in the
    // first, PostgreSQL hashed the whole memberships table for every batch of names.
    const uaisOf = new Map<string, string[]>();
    for (const ids of chunks(found.map((r) => r.id), LOOKUP_CHUNK)) {
      const places = await db
        .selectFrom('memberships')
        .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
        .select(['memberships.person_id', 'establishments.uai'])
        .where('memberships.person_id', 'in', ids)
        .execute();
      for (const m of places) {
        const list = uaisOf.get(m.person_id) ?? [];
        if (!list.includes(m.uai)) list.push(m.uai);
        uaisOf.set(m.person_id, list);
      }
    }
    for (const r of found) {
      const key = identityKey(r.first_name, r.last_name, r.birth_date);
      const list = byIdentity.get(key) ?? [];
      if (!list.some((e) => e.id === r.id)) list.push({ ...r, uais: uaisOf.get(r.id) ?? [] });
      byIdentity.set(key, list);
    }
  }

  const [memberships, structureRows, groupMembers, subjects, relations, teachings] = await Promise.all([
    db.selectFrom('memberships').select(['person_id', 'profile', 'source']).where('establishment_id', '=', establishment.id).execute(),
    db.selectFrom('groups').select(['id', 'external_id', 'kind', 'name', 'level']).where('establishment_id', '=', establishment.id).execute(),
    db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['group_members.person_id', 'groups.external_id', 'groups.name'])
      .where('groups.establishment_id', '=', establishment.id)
      .where('group_members.source', '=', source)
      .execute(),
    db.selectFrom('subjects').select(['id', 'code', 'name']).where('establishment_id', '=', establishment.id).execute(),
    db
      .selectFrom('relatives')
      .innerJoin('person_sources as rs', (j) => j.onRef('rs.person_id', '=', 'relatives.relative_id').on('rs.source', '=', source).on('rs.scope', '=', scope))
      .innerJoin('person_sources as ss', (j) => j.onRef('ss.person_id', '=', 'relatives.student_id').on('ss.source', '=', source).on('ss.scope', '=', scope))
      .select(['rs.external_id as relative', 'ss.external_id as student', 'legal_guardian', 'financial', 'contact', 'relationship'])
      .where('relatives.source', '=', source)
      // Académie-wide ids (AAF): only the relations of this establishment's students.
      .$if(scope === '', (q) => q.where('relatives.student_id', 'in', (eb) => eb.selectFrom('memberships').select('person_id').where('establishment_id', '=', establishment.id)))
      .execute(),
    db
      .selectFrom('teachings')
      .innerJoin('groups', 'groups.id', 'teachings.group_id')
      .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
      .innerJoin('person_sources as ps', (j) => j.onRef('ps.person_id', '=', 'teachings.person_id').on('ps.source', '=', source).on('ps.scope', '=', scope))
      .select(['ps.external_id', 'groups.external_id as structure', 'groups.name', 'subjects.code'])
      .where('groups.establishment_id', '=', establishment.id)
      .where('teachings.source', 'is not', null)
      .execute(),
  ]);

  const profiles = new Map<string, Set<string>>();
  for (const m of memberships) {
    const set = profiles.get(m.person_id) ?? new Set<string>();
    set.add(m.profile);
    profiles.set(m.person_id, set);
  }
  const structures = new Map<string, { id: string; kind: string; name: string; level: string | null }>();
  for (const g of structureRows) structures.set(g.external_id ?? g.name, g);
  const structuresOf = new Map<string, Set<string>>();
  for (const g of groupMembers) {
    const set = structuresOf.get(g.person_id) ?? new Set<string>();
    set.add(g.external_id ?? g.name);
    structuresOf.set(g.person_id, set);
  }
  const names = new Map(linkedRows.map((r) => [r.id, `${r.first_name} ${r.last_name}`]));
  const managedRows = memberships.filter((m) => m.source === source);
  const missingNames = managedRows.filter((m) => !names.has(m.person_id)).map((m) => m.person_id);
  for (const part of chunks(missingNames, LOOKUP_CHUNK)) {
    for (const r of await db.selectFrom('people').select(['id', 'first_name', 'last_name']).where('id', 'in', part).execute()) {
      names.set(r.id, `${r.first_name} ${r.last_name}`);
    }
  }

  return {
    establishment,
    linked,
    byNationalId,
    byIdentity,
    profiles,
    structuresOf,
    structures,
    subjects: new Map(subjects.map((s) => [s.code, { id: s.id, name: s.name }])),
    relations: new Map(relations.map((r) => [`${r.relative}|${r.student}`, r])),
    teachings: new Set(teachings.map((t) => `${t.external_id}|${t.structure ?? t.name}|${t.code}`)),
    managed: managedRows.map((m) => ({
      personId: m.person_id,
      externalId: externalOf.get(m.person_id) ?? null,
      profile: m.profile as Profile,
      name: names.get(m.person_id) ?? m.person_id,
    })),
  };
}
