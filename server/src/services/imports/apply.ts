import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';
import { newActivationCode } from '../admin/index.js';
import { LoginAllocator, sortKey } from '../directory/index.js';
import { detectDuplicates } from '../duplicates/index.js';
import type { EstablishmentFeed } from './feed.js';
import { insertMany, updateManyById } from './bulk.js';
import { chunks, scopeFor } from './imports.queries.js';
import { structuresWanted } from './plan.js';
import { type ExistingState, type ImportPlan, NATIONAL_SOURCES } from './plan.types.js';

/** Accounts start unactivated: their codes go on the activation letters. */
const ACTIVATION_DAYS = 120;
/** Ids per lookup or delete: a collège's students in one statement, far below SQLite's parameter limit. */
const BATCH = 2000;

export interface CreatedAccount {
  externalId: string;
  personId: string;
  login: string;
  activationCode: string;
}

const FIELD_COLUMNS = {
  firstName: 'first_name',
  firstNames: 'first_names',
  lastName: 'last_name',
  birthDate: 'birth_date',
  email: 'email',
  phone: 'phone',
  nationalId: 'national_id',
} as const;

/**
 * Writes a plan. Must run inside the establishment's transaction, with the state loaded in that same
 * transaction: a crash leaves the previous state, and running the same feed again plans nothing.
 */
export async function applyPlan(trx: Db, clock: Clock, feed: EstablishmentFeed, state: ExistingState, plan: ImportPlan): Promise<CreatedAccount[]> {
  const now = clock.now().toISOString();
  const establishmentId = state.establishment.id;
  const scope = scopeFor(feed.source, state.establishment.uai);

  const subjectIds = new Map([...state.subjects].map(([code, s]) => [code, s.id]));
  const newSubjects = plan.subjectsToCreate.map((s) => ({ id: newId(), establishment_id: establishmentId, code: s.code, name: s.name }));
  await insertMany(trx, 'subjects', newSubjects);
  for (const s of newSubjects) subjectIds.set(s.code, s.id);

  const structureIds = new Map([...state.structures].map(([code, s]) => [code, s.id]));
  const newStructures = plan.structuresToCreate.map((s) => ({ id: newId(), establishment_id: establishmentId, external_id: s.code, kind: s.kind, name: s.name, level: s.level ?? null }));
  await insertMany(trx, 'groups', newStructures);
  for (const s of newStructures) structureIds.set(s.external_id, s.id);
  for (const u of plan.structuresToUpdate) {
    await trx.updateTable('groups').set({ name: u.structure.name, level: u.structure.level ?? null, external_id: u.structure.code }).where('id', '=', u.id).execute();
  }
  const spans = feed.structures.flatMap((s) => (s.classCodes ?? []).map((c) => ({ group_id: structureIds.get(s.code)!, class_id: structureIds.get(c) })));
  const validSpans = spans.filter((s): s is { group_id: string; class_id: string } => !!s.class_id && !!s.group_id);
  await insertMany(trx, 'group_classes', validSpans, (oc) => oc.doNothing());

  // New accounts, with logins "prenom.nom" unique on the whole platform.
  const logins = new LoginAllocator(trx);
  await logins.prime(plan.creations.map((c) => c.person));
  const created: CreatedAccount[] = [];
  const personIdOf = new Map<string, string>();
  const peopleRows = [];
  for (const { person } of plan.creations) {
    const id = newId();
    const login = await logins.allocate(person.firstName, person.lastName);
    const code = newActivationCode();
    created.push({ externalId: person.externalId, personId: id, login, activationCode: code });
    personIdOf.set(person.externalId, id);
    peopleRows.push({
      id,
      external_id: person.externalId,
      source: feed.source,
      login,
      first_name: person.firstName,
      first_names: person.firstNames ?? null,
      last_name: person.lastName,
      sort_key: sortKey(person.firstName, person.lastName),
      birth_date: person.birthDate ?? null,
      email: person.email ?? null,
      phone: person.phone ?? null,
      national_id: person.nationalId ?? null,
      state: 'awaiting_activation',
      password_hash: null,
      activation_code: code,
      activation_expires_at: new Date(clock.now().getTime() + ACTIVATION_DAYS * 86_400_000).toISOString(),
      terms_accepted_at: null,
      platform_admin: 0,
      created_at: now,
      updated_at: now,
    });
  }
  await insertMany(trx, 'people', peopleRows);
  const links = created.map((c) => ({ source: feed.source, scope, external_id: c.externalId, person_id: c.personId }));

  const updates = [];
  for (const u of plan.updates) {
    personIdOf.set(u.person.externalId, u.personId);
    const set: { id: string } & Record<string, string | null> = { id: u.personId, updated_at: now };
    // Columns in a fixed order: people changing the same fields are written by one statement.
    for (const field of Object.keys(FIELD_COLUMNS) as (keyof typeof FIELD_COLUMNS)[]) {
      const change = u.changes.find((c) => c.field === field);
      if (change) set[FIELD_COLUMNS[field]] = change.to;
    }
    // Search, sorting and duplicate detection read the sort key: it follows a change of name.
    if (u.changes.some((c) => c.field === 'firstName' || c.field === 'lastName')) set.sort_key = sortKey(u.person.firstName, u.person.lastName);
    if (NATIONAL_SOURCES.includes(feed.source)) set.source = feed.source;
    updates.push(set);
    if (u.via === 'national_id') links.push({ source: feed.source, scope, external_id: u.person.externalId, person_id: u.personId });
  }
  await updateManyById(trx, 'people', updates);
  await insertMany(trx, 'person_sources', links, (oc) => oc.doNothing());
  for (const k of plan.kept) if (k.personId) personIdOf.set(k.person.externalId, k.personId);

  await writeMemberships(trx, feed, establishmentId, plan, personIdOf);
  await writeGroupMembers(trx, feed, plan, personIdOf, structureIds, establishmentId);
  await writeRelations(trx, feed, personIdOf);
  await writeTeachings(trx, feed, state, personIdOf, structureIds, subjectIds, establishmentId);
  await deactivate(trx, now, feed, establishmentId, plan);
  // Same transaction: the accounts and the proposals about them appear together, whichever path applied them.
  plan.duplicateProposals = await detectDuplicates(trx, clock, { establishmentId });
  return created;
}

async function writeMemberships(trx: Db, feed: EstablishmentFeed, establishmentId: string, plan: ImportPlan, ids: Map<string, string>) {
  const rows = plan.kept.map(({ person }) => ({ person_id: ids.get(person.externalId)!, establishment_id: establishmentId, profile: person.profile, source: feed.source }));
  await insertMany(trx, 'memberships', rows, (oc) => oc.columns(['person_id', 'establishment_id', 'profile']).doUpdateSet((eb) => ({ source: eb.ref('excluded.source') })));
  const functions = plan.kept.flatMap(({ person }) => (person.functions ?? []).map((f) => ({ person_id: ids.get(person.externalId)!, establishment_id: establishmentId, function: f })));
  await insertMany(trx, 'person_functions', functions, (oc) => oc.doNothing());
}

async function writeGroupMembers(trx: Db, feed: EstablishmentFeed, plan: ImportPlan, ids: Map<string, string>, structureIds: Map<string, string>, establishmentId: string) {
  const rows = [];
  for (const { person } of plan.kept) {
    const role = person.profile === 'student' ? 'student' : person.profile === 'teacher' ? 'teacher' : null;
    if (!role) continue;
    for (const code of structuresWanted(person)) {
      const groupId = structureIds.get(code);
      if (groupId) rows.push({ group_id: groupId, person_id: ids.get(person.externalId)!, role, head_teacher: person.headTeacherOf?.includes(code) ? 1 : 0, source: feed.source });
    }
  }
  // Moves: leave the classes and groups this source no longer lists (manual memberships stay).
  // One statement per 2,000 moved people (a new school year moves every student), each keeping its own groups.
  for (const part of chunks(plan.moves.filter((m): m is typeof m & { personId: string } => !!m.personId), BATCH)) {
    const keep = part.flatMap((move) => move.to.map((code) => structureIds.get(code)).filter((x): x is string => !!x).map((groupId) => [move.personId, groupId] as const));
    let q = trx
      .deleteFrom('group_members')
      .where('person_id', 'in', part.map((m) => m.personId))
      .where('source', '=', feed.source)
      .where('group_id', 'in', (eb) => eb.selectFrom('groups').select('id').where('establishment_id', '=', establishmentId));
    if (keep.length) q = q.where((eb) => eb.not(eb(eb.refTuple('person_id', 'group_id'), 'in', keep.map(([p, g]) => eb.tuple(p, g)))));
    await q.execute();
  }
  await insertMany(trx, 'group_members', rows, (oc) =>
    oc.columns(['group_id', 'person_id', 'role']).doUpdateSet((eb) => ({ head_teacher: eb.ref('excluded.head_teacher'), source: eb.ref('excluded.source') })),
  );
}

async function writeRelations(trx: Db, feed: EstablishmentFeed, ids: Map<string, string>) {
  const rows = feed.relations
    .filter((r) => ids.has(r.relativeExternalId) && ids.has(r.studentExternalId))
    .map((r) => ({
      relative_id: ids.get(r.relativeExternalId)!,
      student_id: ids.get(r.studentExternalId)!,
      legal_guardian: Number(r.legalGuardian),
      financial: Number(r.financial),
      contact: Number(r.contact),
      relationship: r.relationship ?? null,
      source: feed.source,
    }));
  await insertMany(trx, 'relatives', rows, (oc) =>
    oc.columns(['relative_id', 'student_id']).doUpdateSet((eb) => ({
      legal_guardian: eb.ref('excluded.legal_guardian'),
      financial: eb.ref('excluded.financial'),
      contact: eb.ref('excluded.contact'),
      relationship: eb.ref('excluded.relationship'),
      source: eb.ref('excluded.source'),
    })),
  );
  if (!feed.covers.includes('relative')) return;
  // Links this source made for the students of the feed and no longer lists are removed.
  const wanted = new Set(rows.map((r) => `${r.relative_id}|${r.student_id}`));
  const students = [...new Set(feed.people.filter((p) => p.profile === 'student' && ids.has(p.externalId)).map((p) => ids.get(p.externalId)!))];
  for (const part of chunks(students, BATCH)) {
    const existing = await trx.selectFrom('relatives').select(['relative_id', 'student_id']).where('source', '=', feed.source).where('student_id', 'in', part).execute();
    const stale = existing.filter((r) => !wanted.has(`${r.relative_id}|${r.student_id}`));
    if (stale.length) {
      await trx
        .deleteFrom('relatives')
        .where((eb) => eb(eb.refTuple('relative_id', 'student_id'), 'in', stale.map((r) => eb.tuple(r.relative_id, r.student_id))))
        .execute();
    }
  }
}

async function writeTeachings(
  trx: Db,
  feed: EstablishmentFeed,
  state: ExistingState,
  ids: Map<string, string>,
  structureIds: Map<string, string>,
  subjectIds: Map<string, string>,
  establishmentId: string,
) {
  if (!feed.covers.includes('teacher')) return;
  const rows = feed.people.flatMap((p) =>
    (p.teachings ?? [])
      .filter(() => ids.has(p.externalId))
      .map((t) => ({ group_id: structureIds.get(t.structure), person_id: ids.get(p.externalId)!, subject_id: subjectIds.get(t.subjectCode), source: feed.source }))
      .filter((r): r is { group_id: string; person_id: string; subject_id: string; source: typeof feed.source } => !!r.group_id && !!r.subject_id),
  );
  const wanted = new Set(rows.map((r) => `${r.group_id}|${r.person_id}|${r.subject_id}`));
  const teachers = [...new Set(rows.map((r) => r.person_id).concat([...state.linked.values()].map((p) => p.id)))];
  for (const part of chunks(teachers, BATCH)) {
    const existing = await trx
      .selectFrom('teachings')
      .select(['group_id', 'person_id', 'subject_id'])
      .where('person_id', 'in', part)
      .where('group_id', 'in', (eb) => eb.selectFrom('groups').select('id').where('establishment_id', '=', establishmentId))
      // Subjects attached by hand in the console are not the import's to remove.
      .where('source', 'is not', null)
      .execute();
    const stale = existing.filter((r) => !wanted.has(`${r.group_id}|${r.person_id}|${r.subject_id}`));
    if (stale.length) {
      await trx
        .deleteFrom('teachings')
        .where((eb) => eb(eb.refTuple('group_id', 'person_id', 'subject_id'), 'in', stale.map((r) => eb.tuple(r.group_id, r.person_id, r.subject_id))))
        .execute();
    }
  }
  await insertMany(trx, 'teachings', rows, (oc) => oc.doNothing());
}

/** Leavers lose this establishment at once; with no establishment left the account is closed. */
async function deactivate(trx: Db, now: string, feed: EstablishmentFeed, establishmentId: string, plan: ImportPlan) {
  for (const part of chunks(plan.deactivations, BATCH)) {
    const ids = [...new Set(part.map((d) => d.personId))];
    await trx
      .deleteFrom('memberships')
      .where('establishment_id', '=', establishmentId)
      .where((eb) => eb(eb.refTuple('person_id', 'profile'), 'in', part.map((d) => eb.tuple(d.personId, d.profile))))
      .execute();
    await trx
      .deleteFrom('group_members')
      .where('person_id', 'in', ids)
      .where('source', '=', feed.source)
      .where('group_id', 'in', (eb) => eb.selectFrom('groups').select('id').where('establishment_id', '=', establishmentId))
      .execute();
    const stillMembers = new Set((await trx.selectFrom('memberships').select('person_id').distinct().where('person_id', 'in', ids).execute()).map((m) => m.person_id));
    const closed = ids.filter((id) => !stillMembers.has(id));
    if (closed.length) {
      await trx.updateTable('people').set({ state: 'left', left_at: now, updated_at: now }).where('id', 'in', closed).execute();
      await trx.deleteFrom('sessions').where('person_id', 'in', closed).execute();
    }
  }
}
