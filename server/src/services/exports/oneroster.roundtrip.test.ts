import { buffer } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import type { Db, DatabaseHandle } from '../../kernel/db/database.js';
import { createTestDatabase, describeEachDatabase } from '../../kernel/db/test-databases.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { runImport } from '../imports/index.js';
import { parseOneRoster } from '../imports/oneroster/index.js';
import { exportOneRoster } from './exports.usecases.js';

const clock = fixedClock('2026-11-25T10:00:00.000Z');
const ETAB_A = school.establishments[0];

/** What an establishment's accounts look like, independent of ids: people, classes, families, teachings. */
async function snapshot(db: Db, establishmentId: string) {
  const people = await db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .select(['people.login', 'memberships.profile', 'people.first_name', 'people.first_names', 'people.last_name', 'people.email', 'people.phone', 'people.birth_date'])
    .where('memberships.establishment_id', '=', establishmentId)
    .where('memberships.profile', 'not in', ['inspector', 'guest'])
    .orderBy('people.login')
    .orderBy('memberships.profile')
    .execute();
  const members = await db
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .innerJoin('people', 'people.id', 'group_members.person_id')
    .select(['groups.name', 'groups.kind', 'groups.level', 'people.login', 'group_members.role', 'group_members.head_teacher'])
    .where('groups.establishment_id', '=', establishmentId)
    .orderBy('groups.name')
    .orderBy('people.login')
    .execute();
  const families = await db
    .selectFrom('relatives')
    .innerJoin('people as r', 'r.id', 'relatives.relative_id')
    .innerJoin('people as s', 's.id', 'relatives.student_id')
    .innerJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 's.id').on('m.establishment_id', '=', establishmentId))
    .select(['r.login as relative', 's.login as student', 'relatives.legal_guardian'])
    .orderBy('r.login')
    .orderBy('s.login')
    .execute();
  const teachings = await db
    .selectFrom('teachings')
    .innerJoin('groups', 'groups.id', 'teachings.group_id')
    .innerJoin('people', 'people.id', 'teachings.person_id')
    .innerJoin('subjects', 'subjects.id', 'teachings.subject_id')
    .select(['people.login', 'groups.name', 'subjects.code', 'subjects.name as subject'])
    .where('groups.establishment_id', '=', establishmentId)
    .orderBy('people.login')
    .execute();
  const functions = await db
    .selectFrom('person_functions')
    .innerJoin('people', 'people.id', 'person_functions.person_id')
    .select(['people.login', 'person_functions.function'])
    .where('person_functions.establishment_id', '=', establishmentId)
    .orderBy('people.login')
    .orderBy('person_functions.function')
    .execute();
  return { people, members, families, teachings, functions };
}

describeEachDatabase('OneRoster round trip: export an establishment, import it into a fresh database', (database, kind) => {
  let fresh: DatabaseHandle;
  let bundle: Buffer;
  const importBundle = async () => {
    const [feed] = await parseOneRoster({ name: 'export.zip', stream: Readable.from([bundle]) }, { uai: ETAB_A.uai, today: '2026-11-25' });
    return (await runImport(fresh.db, clock, feed, { apply: true, files: ['export.zip'] })).report;
  };

  beforeAll(async () => {
    await insertWorld(database().db, school);
    await database().db.updateTable('people').set({ birth_date: '2013-04-02', first_names: 'Alice Jeanne' }).where('id', '=', 'alice').execute();
    const { stream } = await exportOneRoster(database().db, clock, { scope: { kind: 'establishment', establishmentId: ETAB_A.id }, uai: ETAB_A.uai, demographics: true, actorId: null, ip: null, via: 'cli' });
    bundle = await buffer(stream);
    fresh = await createTestDatabase(kind);
    await insertWorld(fresh.db, { establishments: [ETAB_A], people: [], groups: [], members: [], subjects: [], teachings: [], relatives: [] });
  });
  afterAll(() => fresh?.close());

  it('creates the same accounts, classes, families, teachings and functions', async () => {
    const report = await importBundle();
    expect(report.rejected.items).toEqual([]);
    expect(report.created.count).toBe(11);
    const [before, after] = [await snapshot(database().db, ETAB_A.id), await snapshot(fresh.db, ETAB_A.id)];
    expect([before.people.length, before.members.length, before.families.length, before.teachings.length, before.functions.length]).toEqual([11, 6, 2, 2, 4]);
    expect(after.people).toEqual(before.people);
    expect(after.members).toEqual(before.members);
    expect(after.families).toEqual(before.families);
    expect(after.teachings).toEqual(before.teachings);
    expect(after.functions).toEqual(before.functions);
    expect(after.people.find((p) => p.login === 'alice.martin')).toMatchObject({ birth_date: '2013-04-02', first_names: 'Alice Jeanne' });
  });

  it('changes nothing when the same bundle is imported again', async () => {
    const again = await importBundle();
    expect({ created: again.created.count, updated: again.updated.count, moved: again.moved.count, deactivated: again.deactivated.count, conflicts: again.conflicts.count }).toEqual({
      created: 0,
      updated: 0,
      moved: 0,
      deactivated: 0,
      conflicts: 0,
    });
    expect(again.relations).toEqual({ added: 0, updated: 0, removed: 0 });
    expect(again.teachings).toEqual({ added: 0, removed: 0 });
    expect(again.structures).toEqual({ created: [], updated: [] });
  });
});
