import type { Db } from '../db/database.js';
import { hashPassword } from '../../services/auth/passwords.js';
import { sortKey } from '../../services/directory/names.js';

/** A small school world for tests, written as plain objects. */
export interface WorldPerson {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  state?: string;
  email?: string;
  phone?: string;
  password?: boolean;
  platformAdmin?: boolean;
  activationCode?: string;
  in?: { establishment: string; profiles: string[]; functions?: string[] }[];
}

export interface World {
  establishments: { id: string; uai: string; name: string; type: string }[];
  people: WorldPerson[];
  groups: { id: string; establishment: string; kind: string; name: string; level?: string }[];
  members: { group: string; person: string; role: 'student' | 'teacher'; headTeacher?: boolean }[];
  subjects: { id: string; establishment: string; code: string; name: string }[];
  teachings: { group: string; person: string; subject: string }[];
  relatives: { relative: string; student: string; legalGuardian?: boolean }[];
}

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';
let sharedHash: Promise<string> | undefined;

export async function insertWorld(db: Db, world: World): Promise<void> {
  sharedHash ??= hashPassword(TEST_PASSWORD);
  const hash = await sharedHash;
  const now = '2026-09-01T08:00:00.000Z';
  await db.transaction().execute(async (trx) => {
    if (world.establishments.length) await trx.insertInto('establishments').values(world.establishments.map((e) => ({ ...e, academy: null, address: null, postal_code: null, city: null, created_at: now }))).execute();
    if (world.people.length) await trx
      .insertInto('people')
      .values(
        world.people.map((p) => ({
          id: p.id,
          external_id: null,
          source: 'test',
          login: p.login,
          first_name: p.firstName,
          first_names: null,
          last_name: p.lastName,
          sort_key: sortKey(p.firstName, p.lastName),
          birth_date: null,
          email: p.email ?? null,
          phone: p.phone ?? null,
          state: p.state ?? (p.password === false ? 'awaiting_activation' : 'active'),
          password_hash: p.password === false ? null : hash,
          activation_code: p.activationCode ?? null,
          activation_expires_at: p.activationCode ? '2027-01-01T00:00:00.000Z' : null,
          terms_accepted_at: null,
          platform_admin: p.platformAdmin ? 1 : 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const memberships = world.people.flatMap((p) => (p.in ?? []).flatMap((m) => m.profiles.map((profile) => ({ person_id: p.id, establishment_id: m.establishment, profile }))));
    if (memberships.length) await trx.insertInto('memberships').values(memberships).execute();
    const functions = world.people.flatMap((p) => (p.in ?? []).flatMap((m) => (m.functions ?? []).map((f) => ({ person_id: p.id, establishment_id: m.establishment, function: f }))));
    if (functions.length) await trx.insertInto('person_functions').values(functions).execute();
    if (world.groups.length) await trx.insertInto('groups').values(world.groups.map((g) => ({ id: g.id, establishment_id: g.establishment, external_id: null, kind: g.kind, name: g.name, level: g.level ?? null }))).execute();
    if (world.members.length) await trx.insertInto('group_members').values(world.members.map((m) => ({ group_id: m.group, person_id: m.person, role: m.role, head_teacher: m.headTeacher ? 1 : 0 }))).execute();
    if (world.subjects.length) await trx.insertInto('subjects').values(world.subjects.map((s) => ({ id: s.id, establishment_id: s.establishment, code: s.code, name: s.name }))).execute();
    if (world.teachings.length) await trx.insertInto('teachings').values(world.teachings.map((t) => ({ group_id: t.group, person_id: t.person, subject_id: t.subject }))).execute();
    if (world.relatives.length) await trx.insertInto('relatives').values(world.relatives.map((r) => ({ relative_id: r.relative, student_id: r.student, legal_guardian: r.legalGuardian === false ? 0 : 1, financial: 0, contact: 1, relationship: null }))).execute();
  });
}
