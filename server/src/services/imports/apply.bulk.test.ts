import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { insertWorld } from '../../kernel/testing/world.js';
import type { EstablishmentFeed, FeedPerson } from './feed.js';
import { runImport } from './imports.usecases.js';

/**
 * Updates and moves are written set-wise (one statement for many people): each person must still
 * get exactly their own changes — their own fields, their own classes kept — and nothing else.
 */
const UAI = '0750001U';
const origin = { file: 'eleves.csv', line: 2 };
const student = (id: string, first: string, last: string, classes: string[], groups: string[], extra: Partial<FeedPerson> = {}): FeedPerson => ({
  externalId: id,
  profile: 'student',
  firstName: first,
  lastName: last,
  birthDate: '2014-05-06',
  classes,
  groups,
  origin,
  ...extra,
});
const structures = ['6A', '6B', '5A', '5B'].map((code) => ({ code, kind: 'class' as const, name: code, level: null }));
const feed = (people: FeedPerson[]): EstablishmentFeed => ({
  uai: UAI,
  source: 'csv',
  schoolYear: 2026,
  covers: ['student'],
  structures: [...structures, { code: 'LATIN', kind: 'teaching_group', name: 'Latin', level: null }, { code: 'CHOIR', kind: 'teaching_group', name: 'Chorale', level: null }],
  subjects: [],
  people,
  relations: [],
  rejected: [],
});

describeEachDatabase('imports: many people updated and moved at once', (database) => {
  const clock = fixedClock('2026-09-01T06:00:00.000Z');
  const db = () => database().db;
  const placesOf = async (externalId: string) => {
    const rows = await db()
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .innerJoin('person_sources', 'person_sources.person_id', 'group_members.person_id')
      .select(['groups.external_id', 'group_members.source'])
      .where('person_sources.external_id', '=', externalId)
      .orderBy('groups.external_id')
      .execute();
    return rows.map((r) => `${r.external_id}:${r.source ?? 'manual'}`);
  };
  const personOf = (externalId: string) =>
    db()
      .selectFrom('people')
      .innerJoin('person_sources', 'person_sources.person_id', 'people.id')
      .select(['people.first_name', 'people.last_name', 'people.sort_key', 'people.email', 'people.phone'])
      .where('person_sources.external_id', '=', externalId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    await insertWorld(db(), { establishments: [{ id: 'etab-a', uai: UAI, name: 'Collège A', type: 'college' }], people: [], groups: [], members: [], subjects: [], teachings: [], relatives: [] });
    await runImport(db(), clock, feed([
      student('S1', 'Zoé', 'Lefèvre', ['6A'], ['LATIN']),
      student('S2', 'Noé', 'Durand', ['6A'], ['CHOIR'], { email: 'noe@example.org' }),
      student('S3', 'Inès', 'Roux', ['6B'], ['LATIN', 'CHOIR']),
      student('S4', 'Léo', 'Petit', ['6B'], []),
    ]), { apply: true, files: ['year1.csv'] });
    // A class membership added by hand in the console: no import removes it.
    const s4 = await db().selectFrom('person_sources').select('person_id').where('external_id', '=', 'S4').executeTakeFirstOrThrow();
    const choir = await db().selectFrom('groups').select('id').where('external_id', '=', 'CHOIR').executeTakeFirstOrThrow();
    await db().insertInto('group_members').values({ group_id: choir.id, person_id: s4.person_id, role: 'student', head_teacher: 0, source: null }).execute();
  });

  it('gives each person their own fields and keeps each person their own groups', async () => {
    const next = feed([
      student('S1', 'Zoé', 'Lefèvre-Roux', ['5A'], ['LATIN']), // new name, new class, keeps Latin
      student('S2', 'Noé', 'Durand', ['5B'], [], { email: 'noe.durand@example.org', phone: '0601020304' }), // new e-mail and phone, leaves the choir
      student('S3', 'Inès', 'Roux', ['6B'], ['CHOIR']), // same class, leaves Latin only
      student('S4', 'Léo', 'Petit', ['5A'], []), // moved; the choir set by hand stays
    ]);
    const { report } = await runImport(db(), clock, next, { apply: true, files: ['year2.csv'] });
    expect(report.updated.items.map((u) => [u.externalId, u.changes.map((c) => c.field)])).toEqual([
      ['S1', ['lastName']],
      ['S2', ['email', 'phone']],
    ]);
    expect(report.moved.count).toBe(4);

    expect(await personOf('S1')).toEqual({ first_name: 'Zoé', last_name: 'Lefèvre-Roux', sort_key: 'lefevre-roux zoe', email: null, phone: null });
    expect(await personOf('S2')).toEqual({ first_name: 'Noé', last_name: 'Durand', sort_key: 'durand noe', email: 'noe.durand@example.org', phone: '0601020304' });
    expect(await personOf('S3')).toMatchObject({ last_name: 'Roux', email: null, phone: null });
    expect(await placesOf('S1')).toEqual(['5A:csv', 'LATIN:csv']);
    expect(await placesOf('S2')).toEqual(['5B:csv']);
    expect(await placesOf('S3')).toEqual(['6B:csv', 'CHOIR:csv']);
    expect(await placesOf('S4')).toEqual(['5A:csv', 'CHOIR:manual']);

    const again = await runImport(db(), clock, next, { apply: true, files: ['year2.csv'] });
    expect([again.report.created.count, again.report.updated.count, again.report.moved.count]).toEqual([0, 0, 0]);
  });
});
