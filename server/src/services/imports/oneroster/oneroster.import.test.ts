import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../../kernel/clock.js';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { runImport } from '../imports.usecases.js';
import { TILLEULS, TILLEULS_FILES, bundleBytes, bundleInput } from './fixtures/bundle.js';
import { parseOneRoster } from './index.js';

const clock = fixedClock('2026-11-25T10:00:00.000Z');
const feedOf = async (changes: Record<string, string | null> = {}) => (await parseOneRoster(bundleInput(bundleBytes(changes)), { uai: TILLEULS, today: '2026-11-25' }))[0];
// The first year's bundle: Hugo is still there.
const HUGO_PRESENT = { 'users.csv': TILLEULS_FILES['users.csv'].replace('u-hugo,tobedeleted,', 'u-hugo,,') };

describeEachDatabase('OneRoster import through the import engine', (database) => {
  const db = () => database().db;
  const run = async (apply: boolean, changes: Record<string, string | null> = {}) => (await runImport(db(), clock, await feedOf(changes), { apply, files: ['tilleuls.zip'] })).report;

  beforeAll(async () => {
    await insertWorld(db(), { establishments: [{ id: 'etab-t', uai: TILLEULS, name: 'Collège des Tilleuls', type: 'college' }], people: [], groups: [], members: [], subjects: [], teachings: [], relatives: [] });
  });

  it('plans without writing, then applies accounts, classes, relations and teachings', async () => {
    const dry = await run(false, HUGO_PRESENT);
    expect(dry).toMatchObject({ applied: false, source: 'oneroster', created: { count: 8 }, rejected: { count: 5 } });
    expect(await db().selectFrom('people').select('id').execute()).toEqual([]);

    const applied = await run(true, HUGO_PRESENT);
    expect(applied.created.count).toBe(8);
    expect(applied.relations.added).toBe(2);
    expect(applied.teachings.added).toBe(2);
    const people = await db()
      .selectFrom('people')
      .innerJoin('memberships', 'memberships.person_id', 'people.id')
      .select(['people.login', 'memberships.profile', 'people.birth_date', 'people.national_id', 'people.state', 'people.activation_code'])
      .orderBy('people.login')
      .execute();
    expect(people.map((p) => `${p.login}:${p.profile}`)).toEqual([
      'claire.fontaine:relative',
      'hugo.benard:student',
      'ines.carpentier:student',
      'lea.fontaine:student',
      'marc.aubert:teacher',
      'nadia.roussel:personnel',
      'pierre.fontaine:relative',
      'sophie.lemaire:teacher',
    ]);
    expect(people.find((p) => p.login === 'lea.fontaine')).toMatchObject({ birth_date: '2013-05-14', national_id: '1234567890A', state: 'awaiting_activation' });
    expect(people.every((p) => p.activation_code)).toBe(true);
    const head = await db()
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .innerJoin('people', 'people.id', 'group_members.person_id')
      .select(['groups.name', 'groups.kind', 'people.login', 'group_members.head_teacher'])
      .where('group_members.role', '=', 'teacher')
      .orderBy('people.login')
      .execute();
    expect(head).toEqual([
      { name: '5e A', kind: 'class', login: 'marc.aubert', head_teacher: 1 },
      { name: 'Latin 5e', kind: 'teaching_group', login: 'sophie.lemaire', head_teacher: 0 },
    ]);
    const functions = await db().selectFrom('person_functions').innerJoin('people', 'people.id', 'person_functions.person_id').select(['people.login', 'function']).execute();
    expect(functions).toEqual([{ login: 'nadia.roussel', function: 'head' }]);
    const guardians = await db().selectFrom('relatives').innerJoin('people', 'people.id', 'relatives.relative_id').select(['people.login', 'legal_guardian']).orderBy('people.login').execute();
    expect(guardians).toEqual([
      { login: 'claire.fontaine', legal_guardian: 1 },
      { login: 'pierre.fontaine', legal_guardian: 1 },
    ]);
  });

  it('changes nothing when the same bundle is imported again', async () => {
    const again = await run(true, HUGO_PRESENT);
    expect({ created: again.created.count, updated: again.updated.count, moved: again.moved.count, deactivated: again.deactivated.count }).toEqual({ created: 0, updated: 0, moved: 0, deactivated: 0 });
    expect(again.relations).toEqual({ added: 0, updated: 0, removed: 0 });
    expect(again.teachings).toEqual({ added: 0, removed: 0 });
  });

  it('closes the account of a user marked tobedeleted, and of a student absent from the next bulk bundle', async () => {
    const users = TILLEULS_FILES['users.csv'].split('\n').filter((l) => !l.startsWith('u-ines,')).join('\n');
    const next = await run(true, { 'users.csv': users });
    const gone = next.deactivated.items.map((d) => ({ name: d.name, reason: d.reason }));
    expect(gone).toEqual(expect.arrayContaining([{ name: 'Hugo Benard', reason: 'left' }, { name: 'Inès Carpentier', reason: 'absent_from_feed' }]));
    expect(gone).toHaveLength(2);
    const hugo = await db().selectFrom('people').select(['state', 'left_at']).where('login', '=', 'hugo.benard').executeTakeFirstOrThrow();
    expect(hugo.state).toBe('left');
    expect((await run(true, { 'users.csv': users })).deactivated.count).toBe(0);
  });
});
