import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { insertWorld } from '../../kernel/testing/world.js';
import type { EstablishmentFeed, FeedPerson } from './feed.js';
import { UnknownEstablishmentError, runImport } from './imports.usecases.js';

const UAI = '0750001U';
const origin = { file: 'test.xml', line: 1 };
const student = (id: string, first: string, last: string, cls: string, extra: Partial<FeedPerson> = {}): FeedPerson => ({
  externalId: id,
  profile: 'student',
  firstName: first,
  lastName: last,
  birthDate: '2013-04-02',
  classes: [cls],
  groups: [],
  origin,
  ...extra,
});
const relative = (id: string, first: string, last: string, extra: Partial<FeedPerson> = {}): FeedPerson => ({
  externalId: id,
  profile: 'relative',
  firstName: first,
  lastName: last,
  classes: [],
  groups: [],
  origin,
  ...extra,
});

function year1(): EstablishmentFeed {
  return {
    uai: UAI,
    source: 'siecle',
    schoolYear: 2026,
    covers: ['student', 'relative'],
    structures: [
      { code: '5B', kind: 'class', name: '5B', level: '5e' },
      { code: '4A', kind: 'class', name: '4A', level: '4e' },
      { code: 'LATIN', kind: 'teaching_group', name: 'Latin 5e', classCodes: ['5B'] },
    ],
    subjects: [],
    people: [
      student('E1', 'Zoé', 'Lefèvre', '5B', { groups: ['LATIN'], nationalId: '123456789AB' }),
      student('E2', 'Jean-Baptiste', "D'Almeida", '5B'),
      student('E3', 'Maël', 'Martin', '4A'),
      relative('R1', 'Anne', 'Lefèvre', { email: 'anne@example.org' }),
      relative('R2', 'Paul', 'Martin'),
    ],
    relations: [
      { relativeExternalId: 'R1', studentExternalId: 'E1', legalGuardian: true, financial: true, contact: true, relationship: 'mother' },
      { relativeExternalId: 'R2', studentExternalId: 'E3', legalGuardian: true, financial: false, contact: true, relationship: 'father' },
    ],
    rejected: [{ file: 'test.xml', line: 42, reason: 'invalid_date', detail: 'DATE_NAISS 31/02/2013' }],
  };
}

describeEachDatabase('imports: dry run, apply, idempotence, next year', (database) => {
  const clock = fixedClock('2026-09-01T06:00:00.000Z');
  const db = () => database().db;
  const count = async (table: 'people' | 'groups' | 'relatives' | 'memberships') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    await insertWorld(db(), {
      establishments: [
        { id: 'etab-a', uai: UAI, name: 'Collège Jean Moulin', type: 'college' },
        { id: 'etab-b', uai: '0690002C', name: 'Collège Lumière', type: 'college' },
      ],
      people: [{ id: 'maël-b', login: 'mael.martin', firstName: 'Maël', lastName: 'Martin', in: [{ establishment: 'etab-b', profiles: ['student'] }] }],
      groups: [],
      members: [],
      subjects: [],
      teachings: [],
      relatives: [],
    });
    await db().updateTable('people').set({ birth_date: '2013-04-02' }).where('id', '=', 'maël-b').execute();
  });

  it('refuses an establishment that is not on the platform', async () => {
    await expect(runImport(db(), clock, { ...year1(), uai: '0061234J' }, { apply: false, files: [] })).rejects.toBeInstanceOf(UnknownEstablishmentError);
  });

  it('dry run: reports what it would do and writes nothing but the run', async () => {
    const before = await count('people');
    const { report } = await runImport(db(), clock, year1(), { apply: false, files: ['ElevesSansAdresses.xml'] });
    expect(report.applied).toBe(false);
    expect(report.created.count).toBe(5);
    expect(report.rejected.items).toEqual([expect.objectContaining({ line: 42, reason: 'invalid_date' })]);
    expect(report.structures.created).toEqual(['5B', '4A', 'LATIN']);
    expect(report.relations.added).toBe(2);
    // Maël Martin, same birth date, already has an account elsewhere: proposed, not merged.
    expect(report.duplicates.items).toEqual([expect.objectContaining({ externalId: 'E3', candidates: [expect.objectContaining({ login: 'mael.martin', uais: ['0690002C'] })] })]);
    expect(await count('people')).toBe(before);
    const runs = await db().selectFrom('import_runs').select(['status', 'dry_run']).execute();
    expect(runs).toEqual([{ status: 'planned', dry_run: 1 }]);
  });

  it('applies: accounts awaiting activation, classes, groups, relations', async () => {
    const { report } = await runImport(db(), clock, year1(), { apply: true, files: ['ElevesSansAdresses.xml'] });
    expect(report.applied).toBe(true);
    expect(report.created.items.map((c) => c.login).sort()).toEqual(['anne.lefevre', 'jean-baptiste.dalmeida', 'mael.martin2', 'paul.martin', 'zoe.lefevre']);
    const zoe = await db().selectFrom('people').selectAll().where('login', '=', 'zoe.lefevre').executeTakeFirstOrThrow();
    expect(zoe).toMatchObject({ state: 'awaiting_activation', source: 'siecle', national_id: '123456789AB', birth_date: '2013-04-02' });
    expect(zoe.activation_code).toMatch(/^[A-Z2-9]{8}$/);
    const groups = await db().selectFrom('group_members').innerJoin('groups', 'groups.id', 'group_members.group_id').select('groups.name').where('person_id', '=', zoe.id).orderBy('groups.name').execute();
    expect(groups.map((g) => g.name)).toEqual(['5B', 'Latin 5e']);
    expect(await count('relatives')).toBe(2);
  });

  it('is idempotent: the same files again change nothing', async () => {
    const before = { people: await count('people'), groups: await count('groups'), relatives: await count('relatives'), memberships: await count('memberships') };
    const { report } = await runImport(db(), clock, year1(), { apply: true, files: [] });
    expect([report.created.count, report.updated.count, report.moved.count, report.deactivated.count, report.relations.added, report.relations.updated, report.relations.removed]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect({ people: await count('people'), groups: await count('groups'), relatives: await count('relatives'), memberships: await count('memberships') }).toEqual(before);
  });

  it('never overwrites an e-mail the person chose', async () => {
    await db().updateTable('people').set({ email: 'anne.perso@example.org', email_set_by_user: 1 }).where('login', '=', 'anne.lefevre').execute();
    const { report } = await runImport(db(), clock, year1(), { apply: true, files: [] });
    expect(report.updated.count).toBe(0);
    const anne = await db().selectFrom('people').select('email').where('login', '=', 'anne.lefevre').executeTakeFirstOrThrow();
    expect(anne.email).toBe('anne.perso@example.org');
  });

  it('next year: moves, renames field by field, new students, leavers deactivated at once', async () => {
    const feed = year1();
    feed.schoolYear = 2027;
    feed.structures.push({ code: '4B', kind: 'class', name: '4B', level: '4e' });
    feed.people = [
      student('E1', 'Zoé', 'Lefèvre-Roux', '4B', { nationalId: '123456789AB' }), // moved, name changed, left Latin
      student('E2', 'Jean-Baptiste', "D'Almeida", '4B', { leftOn: '2027-07-04' }), // left during the summer
      student('E4', 'Inès', 'Nouvelle', '5B'),
      relative('R1', 'Anne', 'Lefèvre', { email: 'anne@example.org' }),
      relative('R2', 'Paul', 'Martin'),
    ];
    feed.relations = feed.relations.filter((r) => r.studentExternalId === 'E1'); // E3 is gone, with his father's link
    feed.rejected = [];
    const { report } = await runImport(db(), clock, feed, { apply: true, files: [] });
    expect(report.created.items.map((c) => c.name)).toEqual(['Inès Nouvelle']);
    expect(report.updated.items).toEqual([expect.objectContaining({ externalId: 'E1', changes: [{ field: 'lastName', from: 'Lefèvre', to: 'Lefèvre-Roux' }] })]);
    expect(report.moved.items).toEqual([expect.objectContaining({ externalId: 'E1', from: ['5B', 'LATIN'], to: ['4B'] })]);
    expect(report.deactivated.items.map((d) => [d.externalId, d.reason]).sort()).toEqual([
      ['E2', 'left'],
      ['E3', 'absent_from_feed'],
    ]);
    const left = await db().selectFrom('people').select(['state', 'left_at']).where('login', '=', 'mael.martin2').executeTakeFirstOrThrow();
    expect(left).toEqual({ state: 'left', left_at: '2026-09-01T06:00:00.000Z' });
    const zoeGroups = await db()
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .innerJoin('people', 'people.id', 'group_members.person_id')
      .select('groups.name')
      .where('people.login', '=', 'zoe.lefevre')
      .execute();
    expect(zoeGroups.map((g) => g.name)).toEqual(['4B']);
    expect(report.relations.removed).toBe(1);
    // And once more: nothing left to do.
    const again = await runImport(db(), clock, feed, { apply: true, files: [] });
    expect([again.report.created.count, again.report.updated.count, again.report.moved.count, again.report.deactivated.count]).toEqual([0, 0, 0, 0]);
  });

  it('keeps the account of a student whose record is present but unusable this time', async () => {
    const feed = year1();
    feed.people = feed.people.filter((p) => p.externalId !== 'E1');
    feed.rejected = [{ file: 'test.xml', line: 7, reason: 'invalid_date', detail: 'DATE_NAISS 31/02/2013', externalId: 'E1' }];
    const { report } = await runImport(db(), clock, feed, { apply: false, files: [] });
    expect(report.deactivated.items.map((d) => d.externalId)).not.toContain('E1');
  });

  it('a CSV never overrides a national account unless the administrator says so', async () => {
    const csv: EstablishmentFeed = {
      uai: UAI,
      source: 'csv',
      covers: [],
      structures: [],
      subjects: [],
      people: [student('csv-1', 'Zoé', 'Lefèvre-Roux', '4B', { nationalId: '123456789AB', birthDate: '2013-05-02' })],
      relations: [],
      rejected: [],
    };
    const refused = await runImport(db(), clock, csv, { apply: true, files: [] });
    expect(refused.report.conflicts.items).toEqual([expect.objectContaining({ reason: 'fed_by_national_source' })]);
    expect(refused.report.updated.count).toBe(0);
    const forced = await runImport(db(), clock, csv, { apply: true, files: [], overrideNationalSource: true });
    expect(forced.report.updated.items).toEqual([expect.objectContaining({ via: 'national_id', changes: [{ field: 'birthDate', from: '2013-04-02', to: '2013-05-02' }] })]);
  });

  it('rolls everything back when the apply fails half-way', async () => {
    const before = { people: await count('people'), groups: await count('groups') };
    let calls = 0;
    const failing = { now: () => (++calls > 2 ? (() => { throw new Error('killed'); })() : clock.now()) };
    const feed = year1();
    feed.uai = '0690002C';
    await expect(runImport(db(), failing, feed, { apply: true, files: [] })).rejects.toThrow('killed');
    expect({ people: await count('people'), groups: await count('groups') }).toEqual(before);
  });
});
