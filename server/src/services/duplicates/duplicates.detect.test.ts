import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { insertWorld, type WorldPerson } from '../../kernel/testing/world.js';
import { detectDuplicates } from './duplicates.detect.js';
import { mergeAccounts } from './duplicates.merge.js';

const A = 'etab-a';
const B = 'etab-b';
const person = (id: string, first: string, last: string, establishment: string, profile: string, extra: Partial<WorldPerson> = {}): WorldPerson => ({
  id,
  login: id,
  firstName: first,
  lastName: last,
  in: [{ establishment, profiles: [profile] }],
  ...extra,
});

describeEachDatabase('duplicates: detection', (database) => {
  const clock = fixedClock('2026-09-02T06:00:00.000Z');
  const db = () => database().db;
  const pairs = async () =>
    (await db().selectFrom('duplicate_candidates').select(['person_a', 'person_b', 'reason', 'status']).orderBy('person_a').orderBy('person_b').execute()).map(
      (c) => `${c.person_a}+${c.person_b} ${c.reason} ${c.status}`,
    );

  beforeAll(async () => {
    await insertWorld(db(), {
      establishments: [
        { id: A, uai: '0750001U', name: 'Collège Jean Moulin', type: 'college' },
        { id: B, uai: '0690002C', name: 'Collège Lumière', type: 'college' },
      ],
      people: [
        person('ine-1', 'Zoé', 'Lefèvre', A, 'student'),
        person('ine-2', 'Zoe', 'Lefevre-Roux', B, 'student'),
        person('acc-1', 'Jean-Baptiste', "D'Almeida", A, 'student'),
        person('acc-2', 'JEAN BAPTISTE', 'DALMEIDA', B, 'student'),
        person('hom-1', 'Louis', 'Martin', A, 'student'),
        person('hom-2', 'Louis', 'Martin', B, 'student'),
        person('adu-1', 'Marie', 'Dupont', A, 'relative', { email: 'Marie.Dupont@example.org' }),
        person('adu-2', 'Marie', 'DUPONT', B, 'teacher', { email: 'marie.dupont@example.org' }),
        person('mom', 'Claire', 'Roux', A, 'relative', { email: 'claire@example.org' }),
        person('kid', 'Claire', 'Roux', A, 'relative', { email: 'claire@example.org' }),
        person('twin-1', 'Léo', 'Petit', A, 'student'),
        person('twin-2', 'Léo', 'Petit', B, 'student'),
        person('gone-1', 'Ana', 'Vidal', A, 'student', { state: 'left' }),
        person('gone-2', 'Ana', 'Vidal', B, 'student'),
        person('csv-t', 'Paul', 'Durand', A, 'teacher'),
        person('sts-t', 'Paul', 'Durand', A, 'teacher'),
        person('oth-t', 'Paul', 'Durand', B, 'teacher'),
      ],
      groups: [],
      members: [],
      subjects: [],
      teachings: [],
      // "kid" is also a relative here only to show that a relative↔student link rules a pair out.
      relatives: [{ relative: 'mom', student: 'kid' }],
    });
    const set = (id: string, values: { birth_date?: string; national_id?: string }) => db().updateTable('people').set(values).where('id', '=', id).execute();
    await set('ine-1', { birth_date: '2013-04-02', national_id: '123456789AB' });
    await set('ine-2', { birth_date: '2013-04-03', national_id: '123456789AB' }); // a typo in the birth date: the INE decides
    await set('acc-1', { birth_date: '2012-01-05' });
    await set('acc-2', { birth_date: '2012-01-05' });
    await set('hom-1', { birth_date: '2013-01-01' });
    await set('hom-2', { birth_date: '2013-02-02' }); // homonyms born on other days: not proposed
    await set('twin-1', { birth_date: '2013-06-06', national_id: '111111111AA' });
    await set('twin-2', { birth_date: '2013-06-06', national_id: '222222222BB' }); // two INEs: two students
    await set('gone-1', { birth_date: '2011-03-03' });
    await set('gone-2', { birth_date: '2011-03-03' });
    await set('sts-t', { birth_date: '1980-05-05' });
    await set('oth-t', { birth_date: '1975-01-01' });
    await db().insertInto('person_sources').values([
      { source: 'sts', scope: '0750001U', external_id: '4101', person_id: 'sts-t' },
      { source: 'sts', scope: '0690002C', external_id: '4101', person_id: 'oth-t' },
      // Local STS ids and SIECLE ids are numbered per establishment: equal values mean nothing.
      { source: 'sts', scope: '0750001U', external_id: 'local-7', person_id: 'hom-1' },
      { source: 'sts', scope: '0690002C', external_id: 'local-7', person_id: 'hom-2' },
      { source: 'siecle', scope: '0750001U', external_id: 'eleve:1', person_id: 'twin-1' },
      { source: 'siecle', scope: '0690002C', external_id: 'eleve:1', person_id: 'twin-2' },
    ]).execute();
  });

  it('proposes by INE, shared source id, names and birth date, names and e-mail, names in the same establishment — and nothing else', async () => {
    const proposed = await detectDuplicates(db(), clock, { all: true });
    expect(await pairs()).toEqual([
      'acc-1+acc-2 name_birth_date open',
      'adu-1+adu-2 name_email open',
      'csv-t+sts-t name_establishment open',
      'ine-1+ine-2 national_id open',
      'oth-t+sts-t shared_source_id open',
    ]);
    expect(proposed).toBe(5);
  });

  it('finds nothing new the second time, and never proposes a dismissed pair again', async () => {
    await db().updateTable('duplicate_candidates').set({ status: 'dismissed', decided_at: clock.now().toISOString() }).where('person_a', '=', 'acc-1').execute();
    expect(await detectDuplicates(db(), clock, { all: true })).toBe(0);
    expect(await detectDuplicates(db(), clock, { establishmentId: A })).toBe(0);
    expect(await pairs()).toContain('acc-1+acc-2 name_birth_date dismissed');
  });

  it('an establishment-scoped run finds the pairs touching its people, across establishments', async () => {
    await db().deleteFrom('duplicate_candidates').where('status', '=', 'open').execute();
    expect(await detectDuplicates(db(), clock, { establishmentId: B })).toBe(3); // ine, adu, sts (acc stays dismissed)
    expect(await detectDuplicates(db(), clock, { establishmentId: A })).toBe(1); // csv-t + sts-t, both in A only
    expect(await detectDuplicates(db(), clock, { personIds: ['hom-1'] })).toBe(0);
    await db().deleteFrom('duplicate_candidates').where('status', '=', 'open').execute();
    expect(await detectDuplicates(db(), clock, { personIds: [] })).toBe(0);
    expect(await detectDuplicates(db(), clock, { personIds: ['adu-2'] })).toBe(1);
    expect(await detectDuplicates(db(), clock, { all: true })).toBe(3);
  });

  it('a merge carries "not the same person" over to the kept account, and detection respects it', async () => {
    await db().updateTable('duplicate_candidates').set({ status: 'dismissed', decided_by: 'someone' }).where('id', '=', 'csv-t~sts-t').execute();
    await mergeAccounts(db(), clock, { candidateId: 'oth-t~sts-t', keptId: 'oth-t', retiredId: 'sts-t', actorId: null });
    // oth-t now teaches in A too, under the same name as csv-t (no birth date): remembered, not proposed.
    expect(await pairs()).toEqual(expect.arrayContaining(['csv-t+oth-t name_establishment dismissed', 'oth-t+sts-t shared_source_id merged']));
    expect(await detectDuplicates(db(), clock, { all: true })).toBe(0);
    const carried = await db().selectFrom('duplicate_candidates').select(['decided_by']).where('id', '=', 'csv-t~oth-t').executeTakeFirstOrThrow();
    expect(carried.decided_by).toBe('someone');
  });
});
