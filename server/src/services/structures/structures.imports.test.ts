import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import type { EstablishmentFeed } from '../imports/feed.js';
import { runImport } from '../imports/index.js';

const origin = { file: 'test.xml', line: 1 };
const siecle = (): EstablishmentFeed => ({
  uai: '0750001U',
  source: 'siecle',
  schoolYear: 2026,
  covers: ['student'],
  structures: [{ code: '3A', kind: 'class', name: '3A', level: '3e' }],
  subjects: [],
  people: [{ externalId: 'E1', profile: 'student', firstName: 'Zoé', lastName: 'Lefèvre', birthDate: '2011-04-02', classes: ['3A'], groups: [], origin }],
  relations: [],
  rejected: [],
});
const sts = (): EstablishmentFeed => ({
  uai: '0750001U',
  source: 'sts',
  schoolYear: 2026,
  covers: ['teacher'],
  structures: [{ code: '3A', kind: 'class', name: '3A', level: '3e' }],
  subjects: [{ code: 'HG', name: 'Histoire-géographie' }],
  people: [{ externalId: 'T1', profile: 'teacher', firstName: 'Paul', lastName: 'Verne', classes: [], groups: [], teachings: [{ structure: '3A', subjectCode: 'HG' }], origin }],
  relations: [],
  rejected: [],
});

/**
 * What the admin console changes by hand against what the national imports feed: the import
 * planner only removes the memberships it created itself (group_members.source), so hand-made ones stay.
 */
describeEachDatabase('structures and imports', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn;
  const apply = (feed: EstablishmentFeed) => runImport(database().db, env.clock, feed, { apply: true, files: ['test.xml'] });
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    env.app.inject({ method, url: `/api/admin/establishments/etab-a/${url}`, headers: ada.headers, ...(payload ? { payload } : {}) });
  const idOf = async (source: string, externalId: string) =>
    (await database().db.selectFrom('person_sources').select('person_id').where('source', '=', source).where('external_id', '=', externalId).executeTakeFirstOrThrow()).person_id;

  it('keeps students added by hand to an imported class when the import runs again', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    ada = await loginAs(env.app, 'ada.morel');
    await apply(siecle());
    const threeA = (await call('GET', 'structures?q=3a')).json().items[0];
    expect(threeA).toMatchObject({ externalId: '3A', studentCount: 1 });
    const zoe = await idOf('siecle', 'E1');

    await call('POST', `structures/${threeA.id}/students`, { personIds: ['bob'] });
    const club = (await call('POST', 'structures', { kind: 'free_group', name: 'Club théâtre' })).json();
    await call('POST', `structures/${club.id}/students`, { personIds: [zoe] });

    await apply(siecle());
    const after = (await call('GET', `structures/${threeA.id}`)).json();
    expect(after.students.map((s: { id: string; managedBy: string | null }) => [s.id, s.managedBy]).sort()).toEqual([['bob', null], [zoe, 'siecle']].sort());
    expect((await call('GET', `structures/${club.id}`)).json().students.map((s: { id: string }) => s.id)).toEqual([zoe]);
  });

  it('lets the next import restore what it feeds: the name of its class and its own members', async () => {
    const threeA = (await call('GET', 'structures?q=3a')).json().items[0];
    const zoe = await idOf('siecle', 'E1');
    await call('PATCH', `structures/${threeA.id}`, { name: '3e A' });
    await call('DELETE', `structures/${threeA.id}/students/${zoe}`);
    await apply(siecle());
    const after = (await call('GET', `structures/${threeA.id}`)).json();
    expect(after.name).toBe('3A');
    expect(after.externalId).toBe('3A');
    expect(after.students.map((s: { id: string }) => s.id)).toContain(zoe);
  });

  it('an STS import replaces the teachings it fed and keeps those attached by hand', async () => {
    await apply(sts());
    const paul = await idOf('sts', 'T1');
    const added = await call('POST', 'structures/a-5b/teachers', { personId: paul, subjectId: 'a-fr' });
    expect(added.statusCode).toBe(200);
    await apply(sts());
    const fiveB = (await call('GET', 'structures/a-5b')).json();
    const teacher = fiveB.teachers.find((t: { id: string }) => t.id === paul);
    // Neither the membership nor the subject added by hand is the import's to remove.
    expect(teacher).toMatchObject({ managedBy: null });
    expect(teacher.subjects).toHaveLength(1);

    // What the import fed and no longer lists goes; the hand-made subject stays.
    const withoutHistory = sts();
    withoutHistory.people[0]!.teachings = [];
    const report = await apply(withoutHistory);
    expect(report.report.teachings).toEqual({ added: 0, removed: 1 });
    const rows = await database().db.selectFrom('teachings').select(['group_id', 'source']).where('person_id', '=', paul).execute();
    expect(rows).toEqual([{ group_id: 'a-5b', source: null }]);
  });
});
