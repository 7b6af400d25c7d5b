import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../kernel/db/database.js';
import { describeEachDatabase } from '../kernel/db/test-databases.js';
import { verifyPassword } from '../services/auth/passwords.js';
import { isValidUai } from '../services/directory/uai.js';
import { DEMO_LOGINS, isDatabaseEmpty, resetDatabase, type SeedSummary, seedDemo, seedPlatform } from './index.js';
import { Rng } from './prng.js';

const PASSWORD = 'Preau-Test-2026!';
const NOW = new Date('2025-10-06T07:30:00.000Z');
const LOGIN = /^[a-z0-9-]+\.[a-z0-9-]+\d*$/;

async function personByLogin(db: Db, login: string) {
  return db.selectFrom('people').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
}

async function profilesOf(db: Db, personId: string) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
    .select(['memberships.profile', 'establishments.type'])
    .where('person_id', '=', personId)
    .execute();
  return rows.map((r) => `${r.type}:${r.profile}`).sort();
}

async function functionsOf(db: Db, personId: string) {
  const rows = await db.selectFrom('person_functions').select('function').where('person_id', '=', personId).execute();
  return rows.map((r) => r.function).sort();
}

describe('Rng', () => {
  it('repeats its sequence for a seed and stream, and differs across streams', () => {
    const draw = (seed: number, stream: number) => {
      const rng = new Rng(seed, stream);
      return [rng.id(), rng.code(8), rng.int(1, 6)];
    };
    expect(draw(42, 3)).toEqual(draw(42, 3));
    expect(draw(42, 3)).not.toEqual(draw(42, 4));
    expect(draw(42, 3)[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(draw(42, 3)[1]).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
  });
});

describeEachDatabase('seedDemo', (database) => {
  let summary: SeedSummary;
  let db: Db;
  beforeAll(async () => {
    db = database().db;
    expect(await isDatabaseEmpty(db)).toBe(true);
    summary = await seedDemo(db, { password: PASSWORD, seed: 7, now: NOW });
  }, 120_000);

  it('builds a collège, an école and a lycée of realistic sizes', async () => {
    expect(summary.establishments).toEqual({ college: 1, ecole: 1, lycee: 1 });
    const counts = await db
      .selectFrom('memberships')
      .innerJoin('establishments', 'establishments.id', 'memberships.establishment_id')
      .select(['establishments.type', 'memberships.profile', db.fn.countAll<string>().as('n')])
      .groupBy(['establishments.type', 'memberships.profile'])
      .execute();
    const n = (type: string, profile: string) => Number(counts.find((c) => c.type === type && c.profile === profile)?.n ?? 0);
    expect(n('college', 'student')).toBeGreaterThanOrEqual(560);
    expect(n('college', 'student')).toBeLessThanOrEqual(660);
    expect(n('college', 'relative')).toBeGreaterThanOrEqual(850);
    expect(n('college', 'relative')).toBeLessThanOrEqual(1150);
    expect(n('college', 'teacher')).toBeGreaterThanOrEqual(38);
    expect(n('college', 'teacher')).toBeLessThanOrEqual(55);
    expect(n('college', 'personnel')).toBeGreaterThanOrEqual(12);
    expect(n('college', 'agent')).toBeGreaterThanOrEqual(2);
    expect(n('ecole', 'student')).toBeGreaterThanOrEqual(150);
    expect(n('ecole', 'student')).toBeLessThanOrEqual(260);
    expect(n('lycee', 'student')).toBeGreaterThanOrEqual(950);
    expect(summary.accounts).toBe(Number((await db.selectFrom('people').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));
    expect(summary.demoLogins.map((d) => d.login).sort()).toEqual([...DEMO_LOGINS].sort());
  });

  it('names the collège classes 6A…3F with their level, and spans LV2 groups over two classes', async () => {
    const college = await db.selectFrom('establishments').select('id').where('type', '=', 'college').executeTakeFirstOrThrow();
    const classes = await db.selectFrom('groups').select(['name', 'level']).where('establishment_id', '=', college.id).where('kind', '=', 'class').execute();
    expect(classes).toHaveLength(24);
    expect(classes).toContainEqual({ name: '5B', level: '5e' });
    expect(classes).toContainEqual({ name: '3F', level: '3e' });
    const spans = await db
      .selectFrom('group_classes')
      .innerJoin('groups as g', 'g.id', 'group_classes.group_id')
      .innerJoin('groups as c', 'c.id', 'group_classes.class_id')
      .select(['c.name'])
      .where('g.name', '=', 'LV2 Espagnol 4A-4B')
      .execute();
    expect(spans.map((s) => s.name).sort()).toEqual(['4A', '4B']);
  });

  it('gives every demo account its profiles, functions and a working password', async () => {
    const expected: Record<string, [string[], string[]]> = {
      'demo.head': [['college:personnel'], ['head']],
      'demo.teacher': [['college:teacher'], []],
      'demo.student': [['college:student'], []],
      'demo.parent': [['college:relative'], []],
      'demo.staff': [['college:personnel'], ['cpe']],
      'demo.admin': [['college:personnel'], ['admin_local', 'secretary']],
      'demo.inspector': [['college:inspector', 'lycee:inspector'], []],
      'demo.superadmin': [[], []],
    };
    for (const [login, [profiles, functions]] of Object.entries(expected)) {
      const person = await personByLogin(db, login);
      expect(await profilesOf(db, person.id), login).toEqual(profiles);
      expect(await functionsOf(db, person.id), login).toEqual(functions);
      expect(person.state).toBe('active');
      expect(person.terms_accepted_at).not.toBeNull();
      expect(person.platform_admin).toBe(login === 'demo.superadmin' ? 1 : 0);
    }
    expect(await verifyPassword((await personByLogin(db, 'demo.student')).password_hash ?? '', PASSWORD)).toBe(true);
    const student = await personByLogin(db, 'demo.student');
    expect([student.first_name, student.last_name]).toEqual(['Camille', 'Rousseau']);
    // One head per establishment: in the collège it is demo.head.
    const heads = await db.selectFrom('person_functions').select(['person_id', 'establishment_id']).where('function', '=', 'head').execute();
    expect(heads).toHaveLength(3);
    expect(heads.map((h) => h.person_id)).toContain((await personByLogin(db, 'demo.head')).id);
  });

  it('makes demo.parent the legal guardian of demo.student (5B) and of a sibling in another class', async () => {
    const parent = await personByLogin(db, 'demo.parent');
    const children = await db
      .selectFrom('relatives')
      .innerJoin('people', 'people.id', 'relatives.student_id')
      .innerJoin('group_members', (j) => j.onRef('group_members.person_id', '=', 'people.id').on('group_members.role', '=', 'student'))
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['people.login', 'groups.name', 'relatives.legal_guardian'])
      .where('relatives.relative_id', '=', parent.id)
      .where('groups.kind', '=', 'class')
      .execute();
    expect(children).toHaveLength(2);
    expect(children.every((c) => c.legal_guardian === 1)).toBe(true);
    expect(children.find((c) => c.login === 'demo.student')?.name).toBe('5B');
    expect(new Set(children.map((c) => c.name)).size).toBe(2);
  });

  it('makes demo.teacher teach Mathématiques in several classes, head teacher of 5B', async () => {
    const teacher = await personByLogin(db, 'demo.teacher');
    const rows = await db
      .selectFrom('teachings')
      .innerJoin('groups', 'groups.id', 'teachings.group_id')
      .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
      .innerJoin('group_members', (j) =>
        j.onRef('group_members.group_id', '=', 'teachings.group_id').onRef('group_members.person_id', '=', 'teachings.person_id'),
      )
      .select(['groups.name', 'subjects.name as subject', 'group_members.head_teacher'])
      .where('teachings.person_id', '=', teacher.id)
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r.subject))).toEqual(new Set(['Mathématiques']));
    expect(rows.filter((r) => r.head_teacher === 1).map((r) => r.name)).toEqual(['5B']);
  });

  it('gives every class exactly one head teacher, who teaches it', async () => {
    const rows = await db
      .selectFrom('groups')
      .leftJoin('group_members', (j) => j.onRef('group_members.group_id', '=', 'groups.id').on('group_members.head_teacher', '=', 1))
      .select(['groups.id', db.fn.count<string>('group_members.person_id').as('heads')])
      .where('groups.kind', '=', 'class')
      .groupBy('groups.id')
      .execute();
    expect(rows.length).toBe(64);
    expect(rows.every((r) => Number(r.heads) === 1)).toBe(true);
  });

  it('hands out unique, well-formed logins and valid UAIs', async () => {
    const people = await db.selectFrom('people').select(['login', 'state', 'activation_code', 'activation_expires_at', 'password_hash']).execute();
    expect(new Set(people.map((p) => p.login)).size).toBe(people.length);
    for (const p of people) expect(p.login).toMatch(LOGIN);
    const waiting = people.filter((p) => p.state === 'awaiting_activation');
    expect(waiting.length).toBe(people.length - DEMO_LOGINS.length);
    expect(waiting.every((p) => /^[A-Z2-9]{8}$/.test(p.activation_code ?? '') && p.activation_expires_at! > NOW.toISOString() && !p.password_hash)).toBe(true);
    const establishments = await db.selectFrom('establishments').select(['uai', 'type', 'academy', 'postal_code', 'city']).execute();
    for (const e of establishments) {
      expect(isValidUai(e.uai), e.uai).toBe(true);
      expect(e.postal_code).toMatch(/^\d{5}$/);
    }
  });

  it('gives students a birth date matching their level and an INE-like id', async () => {
    const rows = await db
      .selectFrom('people')
      .innerJoin('group_members', 'group_members.person_id', 'people.id')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['people.birth_date', 'people.external_id', 'people.source', 'groups.level'])
      .where('groups.kind', '=', 'class')
      .where('group_members.role', '=', 'student')
      .execute();
    const ages: Record<string, number> = { CP: 6, '6e': 11, '5e': 12, '3e': 14, '2nde': 15, Tle: 17 };
    for (const r of rows) {
      expect(r.external_id).toMatch(/^\d{10}[A-Z]$/);
      expect(r.source).toBe('seed');
      const age = ages[r.level ?? ''];
      if (age !== undefined) expect([2025 - age, 2025 - age - 1]).toContain(Number(r.birth_date?.slice(0, 4)));
    }
  });

  it('refuses to seed a database that is not empty', async () => {
    await expect(seedDemo(db, { password: PASSWORD })).rejects.toThrow(/empty/);
  });
});

// Determinism is checked on one database emptied between the runs: a second PostgreSQL test
// schema alongside the first trips Kysely's migrator, which looks for its tables in every schema.
describeEachDatabase('seedPlatform', (database, kind) => {
  const options = { password: PASSWORD, seed: 42, establishments: 5, now: NOW };
  const dump = (db: Db) =>
    db.selectFrom('people').select(['id', 'login', 'first_names', 'last_name', 'birth_date', 'activation_code', 'external_id']).orderBy('id').execute();
  let first: SeedSummary;
  let firstPeople: Awaited<ReturnType<typeof dump>>;

  it('builds a platform of 5 establishments with unique logins and valid UAIs', async () => {
    const { db } = database();
    const progress: number[] = [];
    first = await seedPlatform(db, { ...options, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    firstPeople = await dump(db);
    expect(firstPeople.length).toBe(first.accounts);
    expect(new Set(firstPeople.map((p) => p.login)).size).toBe(firstPeople.length);
    for (const p of firstPeople) expect(p.login).toMatch(LOGIN);
    const establishments = await db.selectFrom('establishments').select(['uai', 'type']).execute();
    expect(establishments).toHaveLength(5);
    expect(establishments.every((e) => isValidUai(e.uai))).toBe(true);
  }, 180_000);

  it('empties every table on reset, then rebuilds exactly the same platform from the same seed', async () => {
    const { db } = database();
    await resetDatabase(db, kind);
    expect(await isDatabaseEmpty(db)).toBe(true);
    expect(await db.selectFrom('people').select('id').execute()).toHaveLength(0);
    const second = await seedPlatform(db, options);
    expect(second.tables).toEqual(first.tables);
    expect(await dump(db)).toEqual(firstPeople);
  }, 180_000);

  it('builds other people from another seed, and refuses fewer than the 3 demo establishments', async () => {
    const { db } = database();
    await resetDatabase(db, kind);
    await seedDemo(db, { password: PASSWORD, seed: 43, now: NOW });
    const logins = new Set((await dump(db)).map((p) => p.login));
    expect(firstPeople.filter((p) => !logins.has(p.login)).length).toBeGreaterThan(0);
    await resetDatabase(db, kind);
    await expect(seedPlatform(db, { password: PASSWORD, establishments: 2 })).rejects.toThrow(RangeError);
  }, 120_000);
});
