import { type Zippable, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unusable } from '../sources/fixtures/unusable.js';
import { BULK, TILLEULS, TILLEULS_FILES, bundleBytes, bundleInput, manifestWith } from './fixtures/bundle.js';
import { parseOneRoster } from './index.js';

const TODAY = '2026-11-25';
const parse = (changes: Record<string, string | null> = {}, options: { uai?: string } = {}) => parseOneRoster(bundleInput(bundleBytes(changes)), { today: TODAY, ...options });

describe('OneRoster 1.2 bundle → feeds', () => {
  it('maps orgs, users and roles, classes and enrollments, agents and demographics', async () => {
    const [feed, ...others] = await parse();
    expect(others).toEqual([]);
    expect(feed).toMatchObject({ uai: TILLEULS, source: 'oneroster', schoolYear: 2026 });
    expect(feed.covers).toEqual(expect.arrayContaining(['student', 'relative', 'teacher', 'personnel']));
    expect(feed.structures).toEqual([
      { code: 'cl-5a', kind: 'class', name: '5e A', level: '5e' },
      { code: 'cl-lat', kind: 'teaching_group', name: 'Latin 5e', level: '5e' },
    ]);
    expect(feed.subjects).toEqual([
      { code: 'MATHS', name: 'Mathématiques' },
      { code: 'FRANC', name: 'Français' },
      { code: 'LATIN', name: 'Latin' },
    ]);
    const byId = new Map(feed.people.map((p) => [p.externalId, p]));
    expect([...byId.keys()].sort()).toEqual(['personnel:u-a1', 'relative:u-p1', 'relative:u-p2', 'student:u-hugo', 'student:u-ines', 'student:u-lea', 'teacher:u-t1', 'teacher:u-t2']);
    expect(byId.get('student:u-lea')).toMatchObject({
      profile: 'student',
      firstName: 'Léa',
      firstNames: 'Léa Marie',
      lastName: 'Fontaine',
      birthDate: '2013-05-14',
      nationalId: '1234567890A',
      email: 'lea.fontaine@example.org',
      classes: ['cl-5a'],
      groups: ['cl-lat'],
      leftOn: null,
      origin: { file: 'users.csv', line: 2 },
    });
    expect(byId.get('student:u-ines')).toMatchObject({ birthDate: null, classes: ['cl-5a'] });
    expect(byId.get('student:u-hugo')?.leftOn).toBe(TODAY);
    expect(byId.get('teacher:u-t1')).toMatchObject({ classes: ['cl-5a'], headTeacherOf: ['cl-5a'], teachings: [{ structure: 'cl-5a', subjectCode: 'MATHS' }] });
    // A class with a single subject gives it to its teachers without the extension column.
    expect(byId.get('teacher:u-t2')).toMatchObject({ groups: ['cl-lat'], headTeacherOf: [], teachings: [{ structure: 'cl-lat', subjectCode: 'LATIN' }] });
    expect(byId.get('personnel:u-a1')).toMatchObject({ functions: ['head'] });
    expect(byId.get('relative:u-p2')).toMatchObject({ phone: '+33600000012' });
    // Two guardians: one listed by the parent's agents, the other only by the student's.
    expect(feed.relations).toEqual([
      { relativeExternalId: 'relative:u-p1', studentExternalId: 'student:u-lea', legalGuardian: true, financial: false, contact: true, relationship: null },
      { relativeExternalId: 'relative:u-p2', studentExternalId: 'student:u-lea', legalGuardian: true, financial: false, contact: true, relationship: null },
    ]);
  });

  it('rejects each unusable record with its file, line and reason, and imports the rest', async () => {
    const [feed] = await parse();
    const rejected = feed.rejected.map((r) => ({ file: r.file, line: r.line, reason: r.reason, externalId: r.externalId ?? null }));
    expect(rejected).toEqual(
      expect.arrayContaining([
        { file: 'users.csv', line: 10, reason: 'duplicate_id', externalId: null },
        { file: 'users.csv', line: 11, reason: 'missing_field', externalId: 'student:u-bad' },
        { file: 'roles.csv', line: 11, reason: 'unsupported_role', externalId: null },
        { file: 'enrollments.csv', line: 8, reason: 'unknown_structure', externalId: null },
        { file: 'demographics.csv', line: 3, reason: 'invalid_date', externalId: null },
      ]),
    );
    expect(rejected).toHaveLength(5);
    expect(feed.people.find((p) => p.externalId === 'student:u-ines')?.lastName).toBe('Carpentier');
  });

  it('keeps only the school asked for in a bundle of several, and refuses a UAI it does not describe', async () => {
    const orgs = `${TILLEULS_FILES['orgs.csv']}\norg-2,,,École du Port,school,0690002C,org-dist`;
    const roles = `${TILLEULS_FILES['roles.csv']}\nr-t1b,,,u-t1,secondary,teacher,,,org-2,`;
    const feeds = await parse({ 'orgs.csv': orgs, 'roles.csv': roles });
    expect(feeds.map((f) => f.uai)).toEqual([TILLEULS, '0690002C']);
    expect(feeds[1].people.map((p) => p.externalId)).toEqual(['teacher:u-t1']);
    const only = await parse({ 'orgs.csv': orgs, 'roles.csv': roles }, { uai: '0690002C' });
    expect(only.map((f) => f.uai)).toEqual(['0690002C']);
    // The Tilleuls' own problems (its users, roles, enrollments) are not reported to the other school.
    expect(only[0].rejected.map((r) => `${r.file}:${r.reason}`)).toEqual(['users.csv:duplicate_id', 'demographics.csv:invalid_date']);
    expect((await unusable(parse({}, { uai: '0690002C' }))).reason).toBe('wrong_uai');
  });

  it('reads entries stored without compression and archives cut into 1-byte chunks', async () => {
    const files: Zippable = Object.fromEntries(Object.entries(TILLEULS_FILES).map(([n, t]) => [n, [strToU8(`${t}\n`), { level: 0 }]]));
    const stored = zipSync(files);
    const [feed] = await parseOneRoster(bundleInput(stored, 'stored.zip', 1), { today: TODAY });
    expect(feed.people).toHaveLength(8);
  });
});

describe('OneRoster bundles that cannot be used', () => {
  it.each([
    ['not a zip', () => parseOneRoster(bundleInput(strToU8('sourcedId,status\n1,active\n'), 'users.csv')), 'not_zip'],
    ['an empty file', () => parseOneRoster(bundleInput(new Uint8Array(0), 'empty.zip')), 'not_zip'],
    ['no manifest', () => parse({ 'manifest.csv': null }), 'no_manifest'],
    ['OneRoster 1.1', () => parse({ 'manifest.csv': manifestWith(BULK).replace('oneroster.version,1.2', 'oneroster.version,1.1') }), 'wrong_version'],
    ['a delta bundle', () => parse({ 'manifest.csv': manifestWith({ ...BULK, users: 'delta' }) }), 'delta_not_supported'],
    ['enrollments absent', () => parse({ 'manifest.csv': manifestWith({ ...BULK, enrollments: 'absent' }) }), 'missing_file'],
    ['a listed file missing', () => parse({ 'roles.csv': null }), 'missing_file'],
    ['a required column missing', () => parse({ 'roles.csv': 'sourcedId,userSourcedId,role\nr1,u-lea,student' }), 'missing_columns'],
    ['no school with a UAI', () => parse({ 'orgs.csv': 'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\norg-1,,,Tilleuls,school,TILLEULS,' }), 'missing_uai'],
    ['broken CSV quoting', () => parse({ 'classes.csv': `${TILLEULS_FILES['classes.csv']}\ncl-x,,,"5e B,07` }), 'invalid_csv'],
    ['a truncated archive', () => parseOneRoster(bundleInput(bundleBytes().subarray(0, 900), 'cut.zip')), 'corrupt_zip'],
    ['Latin-1 text', () => parseOneRoster(bundleInput(zipSync({ 'orgs.csv': Buffer.from('sourcedId,name,type,identifier\norg-1,Coll\xe8ge,school,0750001U\n', 'latin1') }))), 'not_utf8'],
  ])('refuses %s with a clear message', async (_label, run, reason) => {
    const error = await unusable(run());
    expect(error.reason).toBe(reason);
    expect(error.message.length).toBeGreaterThan(20);
  });

  it('stops reading an archive that inflates beyond the limit (zip bomb)', async () => {
    const bomb = zipSync({ 'manifest.csv': strToU8(manifestWith(BULK)), 'users.csv': new Uint8Array(4 * 1024 * 1024).fill(44) });
    const error = await unusable(parseOneRoster(bundleInput(bomb, 'bomb.zip', 4096), { limits: { maxInflatedBytes: 1024 * 1024 } }));
    expect(error.reason).toBe('too_large');
  });
});
