import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { insertWorld } from '../../kernel/testing/world.js';
import type { EstablishmentFeed, FeedPerson } from '../imports/feed.js';
import { runImport } from '../imports/index.js';
import { mergeAccounts } from './duplicates.merge.js';

/**
 * Imports and duplicates together: a CSV of one school and SIECLE of another create the same
 * student twice, a teacher of two schools comes twice from STS-web; the proposals appear after the
 * imports, the merge moves everything, and each source then updates the merged account.
 */
const A = '0750001U';
const B = '0690002C';
const origin = { file: 'test', line: 1 };
const base = { classes: [], groups: [], origin };
const zoe = (extra: Partial<FeedPerson> = {}): FeedPerson => ({ ...base, externalId: 'eleve:1', profile: 'student', firstName: 'Zoé', lastName: 'Lefèvre', birthDate: '2013-04-02', nationalId: '123456789AB', classes: ['5B'], ...extra });
const anne: FeedPerson = { ...base, externalId: 'personne:1', profile: 'relative', firstName: 'Anne', lastName: 'Lefèvre', email: 'anne@example.org' };

function siecle(people: FeedPerson[] = [zoe(), anne]): EstablishmentFeed {
  return {
    uai: A,
    source: 'siecle',
    covers: ['student', 'relative'],
    structures: [{ code: '5B', kind: 'class', name: '5B', level: '5e' }],
    subjects: [],
    people,
    relations: [{ relativeExternalId: 'personne:1', studentExternalId: 'eleve:1', legalGuardian: true, financial: true, contact: true, relationship: 'mother' }],
    rejected: [],
  };
}
/** The other school's CSV: the same girl, spelt without accents, no INE. */
function csv(extra: Partial<FeedPerson> = {}): EstablishmentFeed {
  const person: FeedPerson = { ...base, externalId: 'student:77', profile: 'student', firstName: 'ZOE', lastName: 'LEFEVRE', birthDate: '2013-04-02', classes: ['6C'], ...extra };
  return { uai: B, source: 'csv', covers: ['student'], structures: [{ code: '6C', kind: 'class', name: '6C' }], subjects: [], people: [person], relations: [], rejected: [] };
}
function sts(uai: string, lastName = 'Durand', csvFile = false): EstablishmentFeed {
  const paul: FeedPerson = csvFile
    ? { ...base, externalId: 'teacher:P1', profile: 'teacher', firstName: 'Paul', lastName }
    : { ...base, externalId: '4101', profile: 'teacher', firstName: 'Paul', lastName, birthDate: '1980-05-05' };
  return { uai, source: csvFile ? 'csv' : 'sts', covers: ['teacher'], structures: [], subjects: [], people: [paul], relations: [], rejected: [] };
}

describeEachDatabase('duplicates: after imports, merge, and the sources afterwards', (database) => {
  const clock = fixedClock('2026-09-01T06:00:00.000Z');
  const db = () => database().db;
  const idOf = async (login: string) => (await db().selectFrom('people').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
  const open = () => db().selectFrom('duplicate_candidates').select(['id', 'person_a', 'person_b', 'reason']).where('status', '=', 'open').execute();
  const peopleCount = async () => Number((await db().selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    await insertWorld(db(), {
      establishments: [
        { id: 'etab-a', uai: A, name: 'Collège Jean Moulin', type: 'college' },
        { id: 'etab-b', uai: B, name: 'Collège Lumière', type: 'college' },
      ],
      people: [],
      groups: [],
      members: [],
      subjects: [],
      teachings: [],
      relatives: [],
    });
  });

  it('proposes the same student from SIECLE in one school and a CSV in another, after the import is applied', async () => {
    await runImport(db(), clock, siecle(), { apply: true, files: [] });
    const dry = await runImport(db(), clock, csv(), { apply: false, files: [] });
    expect(dry.report.duplicates.items).toEqual([expect.objectContaining({ externalId: 'student:77', candidates: [expect.objectContaining({ login: 'zoe.lefevre', uais: [A] })] })]);
    expect(await open()).toEqual([]); // a dry run records nothing
    const applied = await runImport(db(), clock, csv(), { apply: true, files: [] });
    expect(applied.report.created.items.map((c) => c.login)).toEqual(['zoe.lefevre2']);
    expect(applied.report.duplicateProposals).toBe(1);
    const [proposal] = await open();
    expect(proposal?.reason).toBe('name_birth_date');
  });

  it('merges: the activated account keeps its login, password, e-mail and sessions, and receives everything else', async () => {
    const kept = await idOf('zoe.lefevre2');
    const retired = await idOf('zoe.lefevre');
    // Zoé activated the CSV account, chose her e-mail and is logged in; the SIECLE one never was.
    await db().updateTable('people').set({ state: 'active', password_hash: 'argon2-hash', email: 'zoe@example.org', email_set_by_user: 1, terms_accepted_at: '2026-09-01T00:00:00.000Z' }).where('id', '=', kept).execute();
    const session = (id: string, person: string) => ({ id, token_hash: id, person_id: person, csrf_token: 'x', created_at: '2026-09-01T00:00:00.000Z', last_seen_at: '2026-09-01T00:00:00.000Z', expires_at: '2026-09-02T00:00:00.000Z', ip: null, user_agent: null });
    await db().insertInto('sessions').values([session('s-kept', kept), session('s-retired', retired)]).execute();
    const [proposal] = await open();
    const result = await mergeAccounts(db(), clock, { candidateId: proposal!.id, keptId: kept, retiredId: retired, actorId: null });
    expect(result.moved).toEqual({ memberships: 1, groups: 1, relatives: 1, teachings: 0, sourceIds: 1 });

    const after = await db().selectFrom('people').selectAll().where('id', '=', kept).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ login: 'zoe.lefevre2', password_hash: 'argon2-hash', email: 'zoe@example.org', email_set_by_user: 1, national_id: '123456789AB', source: 'siecle', state: 'active' });
    const memberships = await db().selectFrom('memberships').select(['establishment_id', 'profile']).where('person_id', '=', kept).orderBy('establishment_id').execute();
    expect(memberships).toEqual([
      { establishment_id: 'etab-a', profile: 'student' },
      { establishment_id: 'etab-b', profile: 'student' },
    ]);
    const groups = await db().selectFrom('group_members').innerJoin('groups', 'groups.id', 'group_members.group_id').select('groups.name').where('person_id', '=', kept).orderBy('groups.name').execute();
    expect(groups.map((g) => g.name)).toEqual(['5B', '6C']);
    const mother = await db().selectFrom('relatives').select('relative_id').where('student_id', '=', kept).execute();
    expect(mother).toEqual([{ relative_id: await idOf('anne.lefevre') }]);
    const sources = await db().selectFrom('person_sources').select(['source', 'scope']).where('person_id', '=', kept).orderBy('source').execute();
    expect(sources).toEqual([
      { source: 'csv', scope: B },
      { source: 'siecle', scope: A },
    ]);
    expect((await db().selectFrom('sessions').select('id').execute()).map((s) => s.id)).toEqual(['s-kept']);

    const gone = await db().selectFrom('people').selectAll().where('id', '=', retired).executeTakeFirstOrThrow();
    expect(gone).toMatchObject({ state: 'merged', merged_into: kept, password_hash: null, activation_code: null, national_id: null, email: null });
    expect(await db().selectFrom('memberships').select('person_id').where('person_id', '=', retired).execute()).toEqual([]);
    const audit = await db().selectFrom('audit_log').select(['action', 'target_id', 'details']).where('action', '=', 'duplicates.merged').executeTakeFirstOrThrow();
    expect(audit.target_id).toBe(kept);
    expect(JSON.parse(audit.details)).toMatchObject({ kept, retired, keptLogin: 'zoe.lefevre2', retiredLogin: 'zoe.lefevre' });
    await expect(mergeAccounts(db(), clock, { candidateId: proposal!.id, keptId: kept, retiredId: retired, actorId: null })).rejects.toMatchObject({ code: 'duplicates.already_decided' });
  });

  it('SIECLE then updates the merged account, without recreating the duplicate', async () => {
    const kept = await idOf('zoe.lefevre2');
    const before = await peopleCount();
    const { report } = await runImport(db(), clock, siecle([zoe({ lastName: 'Lefèvre-Roux' }), anne]), { apply: true, files: [] });
    expect(report.created.count).toBe(0);
    expect(report.deactivated.count).toBe(0);
    expect(report.updated.items).toEqual([expect.objectContaining({ personId: kept, changes: expect.arrayContaining([{ field: 'lastName', from: 'LEFEVRE', to: 'Lefèvre-Roux' }]) })]);
    expect(report.duplicateProposals).toBe(0);
    expect(await peopleCount()).toBe(before);
    // What the person set herself stays: password, chosen e-mail, accepted terms, her session.
    const after = await db().selectFrom('people').select(['last_name', 'sort_key', 'email', 'password_hash', 'terms_accepted_at', 'state']).where('id', '=', kept).executeTakeFirstOrThrow();
    expect(after).toEqual({ last_name: 'Lefèvre-Roux', sort_key: 'lefevre-roux zoe', email: 'zoe@example.org', password_hash: 'argon2-hash', terms_accepted_at: '2026-09-01T00:00:00.000Z', state: 'active' });
    expect((await db().selectFrom('sessions').select('id').where('person_id', '=', kept).execute()).map((s) => s.id)).toEqual(['s-kept']);
    // The retired account is nobody's "possible duplicate" in later reports.
    const dry = await runImport(db(), clock, csv({ externalId: 'student:78', firstName: 'Zoé', lastName: 'Lefèvre' }), { apply: false, files: [] });
    expect(dry.report.duplicates.items).toEqual([]);
  });

  it('the CSV now meets a SIECLE-fed account: a conflict in the report and no change, unless overridden (audited)', async () => {
    const kept = await idOf('zoe.lefevre2');
    const before = await peopleCount();
    const refused = await runImport(db(), clock, csv({ email: 'csv@example.org' }), { apply: true, files: [] });
    expect(refused.report.created.count).toBe(0);
    expect(refused.report.conflicts.items).toEqual([
      expect.objectContaining({ personId: kept, reason: 'fed_by_national_source', changes: expect.arrayContaining([{ field: 'lastName', from: 'Lefèvre-Roux', to: 'LEFEVRE' }]) }),
    ]);
    expect(refused.report.deactivated.count).toBe(0); // in conflict is not absent
    expect((await db().selectFrom('people').select('last_name').where('id', '=', kept).executeTakeFirstOrThrow()).last_name).toBe('Lefèvre-Roux');

    const forced = await runImport(db(), clock, csv({ email: 'csv@example.org' }), { apply: true, files: [], overrideNationalSource: true, requestedBy: 'someone' });
    expect(forced.report.created.count).toBe(0);
    const update = forced.report.updated.items[0];
    expect(update).toMatchObject({ personId: kept, overridesNational: true });
    // Even overridden, the e-mail the person chose stays hers.
    expect(update?.changes.map((c) => c.field)).not.toContain('email');
    const after = await db().selectFrom('people').select(['last_name', 'email', 'password_hash', 'state']).where('id', '=', kept).executeTakeFirstOrThrow();
    expect(after).toEqual({ last_name: 'LEFEVRE', email: 'zoe@example.org', password_hash: 'argon2-hash', state: 'active' });
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'imports.national_override').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe('someone');
    expect(JSON.parse(audit.details)).toEqual({ source: 'csv', count: 1, people: [kept] });
    expect(await peopleCount()).toBe(before);
  });

  it('a teacher of two schools comes twice from STS-web: proposed by the shared EPP id, merged, then both schools update one account', async () => {
    await runImport(db(), clock, sts(A), { apply: true, files: [] });
    const second = await runImport(db(), clock, sts(B), { apply: true, files: [] });
    expect(second.report.created.count).toBe(1);
    const proposals = (await open()).filter((c) => c.reason === 'shared_source_id');
    expect(proposals).toHaveLength(1);
    const [kept, retired] = [await idOf('paul.durand'), await idOf('paul.durand2')];
    await mergeAccounts(db(), clock, { candidateId: proposals[0]!.id, keptId: kept, retiredId: retired, actorId: null });

    const before = await peopleCount();
    const inA = await runImport(db(), clock, sts(A), { apply: true, files: [] });
    const inB = await runImport(db(), clock, sts(B, 'Durand-Leroy'), { apply: true, files: [] });
    expect([inA.report.created.count, inA.report.deactivated.count, inB.report.created.count, inB.report.deactivated.count]).toEqual([0, 0, 0, 0]);
    expect(inB.report.updated.items).toEqual([expect.objectContaining({ personId: kept, changes: [{ field: 'lastName', from: 'Durand', to: 'Durand-Leroy' }] })]);
    expect(await peopleCount()).toBe(before);
    const memberships = await db().selectFrom('memberships').select(['establishment_id', 'source']).where('person_id', '=', kept).orderBy('establishment_id').execute();
    expect(memberships).toEqual([
      { establishment_id: 'etab-a', source: 'sts' },
      { establishment_id: 'etab-b', source: 'sts' },
    ]);
  });

  it('the same teacher from a CSV (no birth date) is proposed; once merged into the STS account, the CSV is a conflict', async () => {
    const applied = await runImport(db(), clock, sts(A, 'Durand-Leroy', true), { apply: true, files: [] });
    expect(applied.report.duplicateProposals).toBe(1);
    const proposal = (await open()).find((c) => c.reason === 'name_establishment');
    expect(proposal).toBeDefined();
    const kept = await idOf('paul.durand');
    const retired = proposal!.person_a === kept ? proposal!.person_b : proposal!.person_a;
    await mergeAccounts(db(), clock, { candidateId: proposal!.id, keptId: kept, retiredId: retired, actorId: null });
    const again = await runImport(db(), clock, sts(A, 'Durand-Leroy', true), { apply: true, files: [] });
    expect(again.report.created.count).toBe(0);
    // Nothing to change: the CSV agrees with STS-web, yet the account stays STS-web's.
    expect(again.report.conflicts.items).toEqual([expect.objectContaining({ personId: kept, reason: 'fed_by_national_source', changes: [] })]);
    expect((await db().selectFrom('people').select('source').where('id', '=', kept).executeTakeFirstOrThrow()).source).toBe('sts');
    // A CSV that disagrees with STS-web changes nothing either: the report says what it wanted.
    const renamed = await runImport(db(), clock, sts(A, 'Autre', true), { apply: true, files: [] });
    expect(renamed.report.conflicts.items).toEqual([expect.objectContaining({ changes: [{ field: 'lastName', from: 'Durand-Leroy', to: 'Autre' }] })]);
    expect(renamed.report.updated.count).toBe(0);
    expect((await db().selectFrom('people').select('last_name').where('id', '=', kept).executeTakeFirstOrThrow()).last_name).toBe('Durand-Leroy');
  });
});
