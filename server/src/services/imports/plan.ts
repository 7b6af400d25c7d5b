import { sortKey } from '../directory/index.js';
import type { EstablishmentFeed, FeedPerson } from './feed.js';
import {
  type ExistingPerson,
  type ExistingState,
  type FieldChange,
  type ImportPlan,
  NATIONAL_SOURCES,
  type PlannedCreation,
  type PlannedUpdate,
} from './plan.types.js';

export interface PlanOptions {
  /** The administrator accepts that a local (CSV) feed overwrites accounts fed by a national source. */
  overrideNationalSource?: boolean;
}

const nameOf = (p: FeedPerson) => `${p.firstName} ${p.lastName}`;
export const identityKey = (firstName: string, lastName: string, birthDate: string | null | undefined) =>
  `${sortKey(firstName, lastName)}|${birthDate ?? ''}`;

function changesBetween(existing: ExistingPerson, p: FeedPerson): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: FieldChange['field'], from: string | null, to: string | null | undefined) => {
    // A source that does not provide a field leaves it alone; it never erases what it does not know.
    if (to === undefined || to === null || to === '') return;
    if ((from ?? null) !== to) changes.push({ field, from: from ?? null, to });
  };
  compare('firstName', existing.first_name, p.firstName);
  compare('lastName', existing.last_name, p.lastName);
  compare('firstNames', existing.first_names, p.firstNames);
  compare('birthDate', existing.birth_date, p.birthDate);
  compare('nationalId', existing.national_id, p.nationalId);
  // An address the person chose themselves is theirs: the feed never overwrites it.
  if (!existing.email_set_by_user) compare('email', existing.email, p.email);
  compare('phone', existing.phone, p.phone);
  return changes;
}

/** Classes and groups a person belongs to: their own, and for a teacher those they teach. */
export function structuresWanted(person: FeedPerson): string[] {
  return [...new Set([...person.classes, ...person.groups, ...(person.teachings ?? []).map((t) => t.structure)])];
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Compares a feed with what the database holds for that establishment and source. Pure: the same
 * feed and state always give the same plan, which is both the dry-run report and what `apply` does.
 */
export function planImport(feed: EstablishmentFeed, state: ExistingState, options: PlanOptions = {}): ImportPlan {
  const plan: ImportPlan = {
    establishment: state.establishment,
    source: feed.source,
    subjectsToCreate: feed.subjects.filter((s) => !state.subjects.has(s.code)),
    structuresToCreate: [],
    structuresToUpdate: [],
    creations: [],
    updates: [],
    kept: [],
    moves: [],
    deactivations: [],
    conflicts: [],
    relations: { added: 0, updated: 0, removed: 0 },
    teachings: { added: 0, removed: 0 },
    rejected: [...feed.rejected],
  };

  for (const s of feed.structures) {
    const existing = state.structures.get(s.code);
    if (!existing) plan.structuresToCreate.push(s);
    else {
      const changes: string[] = [];
      if (existing.name !== s.name) changes.push('name');
      if ((s.level ?? null) !== null && existing.level !== s.level) changes.push('level');
      if (changes.length) plan.structuresToUpdate.push({ id: existing.id, structure: s, changes });
    }
  }

  const presentIds = new Set<string>();
  for (const p of feed.people) {
    if (p.leftOn) continue; // handled with the leavers below
    presentIds.add(p.externalId);
    let existing = state.linked.get(p.externalId);
    let via: PlannedUpdate['via'] = 'source_id';
    if (!existing && p.nationalId) {
      existing = state.byNationalId.get(p.nationalId);
      via = 'national_id';
    }
    if (existing) {
      const changes = changesBetween(existing, p);
      // Source priority: a local feed leaves a national source's account alone unless the admin says so.
      const overridesNational = !NATIONAL_SOURCES.includes(feed.source) && NATIONAL_SOURCES.includes(existing.source);
      if (overridesNational && !options.overrideNationalSource) {
        plan.conflicts.push({
          externalId: p.externalId,
          name: nameOf(p),
          reason: 'fed_by_national_source',
          personId: existing.id,
          detail: `account ${existing.login} is fed by ${existing.source}`,
          changes,
        });
        continue;
      }
      const profiles = state.profiles.get(existing.id);
      if (changes.length || via === 'national_id' || !profiles?.has(p.profile)) {
        plan.updates.push({ personId: existing.id, login: existing.login, person: p, via, changes, overridesNational });
      }
      plan.kept.push({ person: p, personId: existing.id });
    } else {
      const creation: PlannedCreation = {
        person: p,
        possibleDuplicates: (state.byIdentity.get(identityKey(p.firstName, p.lastName, p.birthDate)) ?? []).map((d) => ({
          personId: d.id,
          login: d.login,
          uais: d.uais,
        })),
      };
      plan.creations.push(creation);
      plan.kept.push({ person: p, personId: null });
    }
    // Moves are about the classes this source put the person in: only accounts it already knew.
    const known = state.linked.get(p.externalId);
    if (known) {
      const now = state.structuresOf.get(known.id) ?? new Set<string>();
      const wanted = new Set(structuresWanted(p));
      if (!sameSet(now, wanted)) plan.moves.push({ personId: known.id, externalId: p.externalId, name: nameOf(p), from: [...now].sort(), to: [...wanted].sort() });
    }
  }

  const leaving = new Set(feed.people.filter((p) => p.leftOn).map((p) => p.externalId));
  // A record present but unusable (a typo in a date) is not a departure: its account stays as it is.
  const unusable = new Set(feed.rejected.map((r) => r.externalId).filter((id): id is string => !!id));
  for (const m of state.managed) {
    if (!feed.covers.includes(m.profile)) continue;
    if (m.externalId && (presentIds.has(m.externalId) || unusable.has(m.externalId))) continue;
    plan.deactivations.push({
      personId: m.personId,
      externalId: m.externalId,
      name: m.name,
      profile: m.profile,
      reason: m.externalId && leaving.has(m.externalId) ? 'left' : 'absent_from_feed',
    });
  }

  countRelations(feed, state, presentIds, plan);
  countTeachings(feed, state, presentIds, plan);
  return plan;
}

function countRelations(feed: EstablishmentFeed, state: ExistingState, present: Set<string>, plan: ImportPlan) {
  const wanted = new Set<string>();
  for (const r of feed.relations) {
    if (!present.has(r.relativeExternalId) || !present.has(r.studentExternalId)) continue;
    const key = `${r.relativeExternalId}|${r.studentExternalId}`;
    wanted.add(key);
    const existing = state.relations.get(key);
    if (!existing) plan.relations.added++;
    else if (
      existing.legal_guardian !== Number(r.legalGuardian) ||
      existing.financial !== Number(r.financial) ||
      existing.contact !== Number(r.contact) ||
      (r.relationship ?? null) !== existing.relationship
    ) {
      plan.relations.updated++;
    }
  }
  if (feed.covers.includes('relative')) {
    for (const key of state.relations.keys()) if (!wanted.has(key)) plan.relations.removed++;
  }
}

function countTeachings(feed: EstablishmentFeed, state: ExistingState, present: Set<string>, plan: ImportPlan) {
  if (!feed.covers.includes('teacher')) return;
  const wanted = new Set<string>();
  for (const p of feed.people) {
    if (!present.has(p.externalId)) continue;
    for (const t of p.teachings ?? []) wanted.add(`${p.externalId}|${t.structure}|${t.subjectCode}`);
  }
  for (const key of wanted) if (!state.teachings.has(key)) plan.teachings.added++;
  for (const key of state.teachings) if (!wanted.has(key)) plan.teachings.removed++;
}
