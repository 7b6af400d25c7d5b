import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EstablishmentFeed } from '../feed';
import { encodeLatin9 } from './fixtures/latin9';
import { chunked, fixture, fixturePath } from './fixtures/streams';
import { unusable } from './fixtures/unusable';
import { parseSiecle, streamSiecleStudents } from './siecle';

const ELEVES = 'ElevesSansAdresses.xml';
const RESPONSABLES = 'ResponsablesAvecAdresses.xml';

const person = (feed: EstablishmentFeed, id: string) => feed.people.find((entry) => entry.externalId === id);
const reasons = (feed: EstablishmentFeed) => feed.rejected.map(({ file, line, reason, externalId }) => ({ file, line, reason, externalId }));


/** A small student export written on the fly (UTF-8 unless bytes are given). */
function eleves(body: string, parametres = '<PARAMETRES><UAJ>0750042N</UAJ><ANNEE_SCOLAIRE>2025</ANNEE_SCOLAIRE></PARAMETRES>') {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<BEE_ELEVES VERSION="3.1">${parametres}<DONNEES>${body}</DONNEES></BEE_ELEVES>`;
}
const ELEVE = (id: string, last: string, first: string) =>
  `<ELEVE ELEVE_ID="${id}"><NOM_DE_FAMILLE>${last}</NOM_DE_FAMILLE><PRENOM>${first}</PRENOM><DATE_NAISS>01/02/2013</DATE_NAISS></ELEVE>`;
const MEMBER = (id: string, code: string, type: string) =>
  `<STRUCTURES_ELEVE ELEVE_ID="${id}"><STRUCTURE><CODE_STRUCTURE>${code}</CODE_STRUCTURE><TYPE_STRUCTURE>${type}</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>`;

describe('parseSiecle: students (ISO-8859-15 fixture)', () => {
  it('is really an ISO-8859-15 file: Œ and Š are single Latin-9 bytes', () => {
    const bytes = readFileSync(fixturePath(ELEVES));
    expect(bytes.subarray(0, 50).toString('latin1')).toContain('encoding="ISO-8859-15"');
    expect(bytes.includes(encodeLatin9('CŒURDEROY'))).toBe(true); // 0xBC for Œ
    expect(bytes.includes(encodeLatin9('ŠKODA'))).toBe(true); // 0xA6 for Š
    expect(bytes.includes(Buffer.from('Œ', 'utf8'))).toBe(false);
  });

  it('maps every field, with names decoded and first names in display case', async () => {
    const feed = await parseSiecle([fixture(ELEVES)]);
    expect(feed).toMatchObject({ uai: '0750042N', source: 'siecle', schoolYear: 2025, covers: ['student'], relations: [] });
    expect(person(feed, 'eleve:100001')).toEqual({
      externalId: 'eleve:100001',
      nationalId: '070000001AA',
      profile: 'student',
      firstName: 'Jean-Pierre',
      firstNames: 'Jean-Pierre Émile François',
      lastName: 'DE LA FONTAINE',
      birthDate: '2013-03-14',
      email: null,
      phone: null,
      classes: ['6A'],
      groups: ['6LAT'],
      leftOn: null,
      origin: { file: ELEVES, line: 11 },
    });
    // NOM_USAGE wins over NOM_DE_FAMILLE; a mixed-case first name is kept as typed.
    expect(person(feed, 'eleve:100002')).toMatchObject({ lastName: "D'ALMEIDA-CŒURDEROY", firstName: 'Zoé', firstNames: 'Zoé Anaïs' });
    expect(person(feed, 'eleve:100003')).toMatchObject({ firstNames: 'Noëlle Marie-Œnone', birthDate: '2012-02-29', leftOn: '2026-01-16', classes: ['6B'] });
    expect(person(feed, 'eleve:100005')).toMatchObject({ lastName: 'ŠKODA', firstName: 'Éloïse', groups: ['6LAT'] });
    expect(person(feed, 'eleve:100007')).toMatchObject({ lastName: "N'DIAYE", firstNames: "Aïssatou Marie-José D'Arc" });
    expect(feed.people.map((entry) => entry.externalId)).toEqual(['eleve:100001', 'eleve:100002', 'eleve:100003', 'eleve:100005', 'eleve:100007']);
  });

  it('lists classes and groups, a group spanning the classes of its members', async () => {
    const feed = await parseSiecle([fixture(ELEVES)]);
    expect(feed.structures).toEqual([
      { code: '6A', kind: 'class', name: '6A', level: null },
      { code: '6LAT', kind: 'teaching_group', name: '6LAT', level: null, classCodes: ['6A', '6B'] },
      { code: '6B', kind: 'class', name: '6B', level: null },
    ]);
  });

  it('reports unusable records with their line and id', async () => {
    const feed = await parseSiecle([fixture(ELEVES)]);
    expect(reasons(feed)).toEqual([
      { file: ELEVES, line: 49, reason: 'invalid_date', externalId: 'eleve:100004' },
      { file: ELEVES, line: 60, reason: 'duplicate_id', externalId: 'eleve:100002' },
      { file: ELEVES, line: 65, reason: 'missing_field', externalId: 'eleve:100006' },
      { file: ELEVES, line: 134, reason: 'unknown_student', externalId: 'eleve:100099' },
    ]);
    expect(feed.rejected[0].detail).toContain('31/02/2013');
    // The first record of a duplicated id is the one kept.
    expect(person(feed, 'eleve:100002')?.firstName).toBe('Zoé');
  });
});

describe('parseSiecle: guardians (UTF-8 fixture)', () => {
  it('imports relatives and their links, whichever file comes first', async () => {
    const feed = await parseSiecle([fixture(RESPONSABLES), fixture(ELEVES)]);
    expect(feed.covers).toEqual(['student', 'relative']);
    expect(person(feed, 'personne:200001')).toEqual({
      externalId: 'personne:200001',
      profile: 'relative',
      firstName: 'Hélène',
      lastName: 'DE LA FONTAINE',
      email: 'helene.dlf@example.org',
      phone: '06 00 00 00 01',
      classes: [],
      groups: [],
      origin: { file: RESPONSABLES, line: 11 },
    });
    // No mobile: the personal then the work phone; upper-case first name in display case.
    expect(person(feed, 'personne:200002')).toMatchObject({ firstName: 'Thanh-Long', phone: '01 00 00 00 02', email: null });
    expect(person(feed, 'personne:200005')).toMatchObject({ lastName: "D'ALMEIDA", firstName: 'Inês' });
    expect(feed.relations).toEqual([
      { relativeExternalId: 'personne:200001', studentExternalId: 'eleve:100001', legalGuardian: true, financial: true, contact: true, relationship: 'mother' },
      { relativeExternalId: 'personne:200002', studentExternalId: 'eleve:100001', legalGuardian: true, financial: false, contact: true, relationship: 'father' },
      { relativeExternalId: 'personne:200002', studentExternalId: 'eleve:100005', legalGuardian: true, financial: true, contact: true, relationship: 'father' },
      // RESP_LEGAL 0: still a relative, not a legal guardian.
      { relativeExternalId: 'personne:200003', studentExternalId: 'eleve:100001', legalGuardian: false, financial: false, contact: true, relationship: 'grandparent' },
      { relativeExternalId: 'personne:200005', studentExternalId: 'eleve:100002', legalGuardian: true, financial: true, contact: true, relationship: 'mother' },
    ]);
  });

  it('rejects people linked to no imported student, and stray links', async () => {
    const feed = await parseSiecle([fixture(ELEVES), fixture(RESPONSABLES)]);
    expect(person(feed, 'personne:200004')).toBeUndefined();
    expect(reasons(feed).filter((entry) => entry.file === RESPONSABLES)).toEqual([
      { file: RESPONSABLES, line: 47, reason: 'missing_field', externalId: 'personne:200006' },
      { file: RESPONSABLES, line: 107, reason: 'unknown_person', externalId: 'personne:200777' },
      { file: RESPONSABLES, line: 35, reason: 'no_student', externalId: 'personne:200004' },
      { file: RESPONSABLES, line: 101, reason: 'no_student', externalId: 'personne:200005' },
    ]);
  });
});

describe('parseSiecle: order and structure of the file', () => {
  it('joins STRUCTURES given before ELEVES and PARAMETRES given last', async () => {
    const body = `<STRUCTURES>${MEMBER('2', '5B', 'D')}${MEMBER('1', '5A', 'D')}${MEMBER('1', '5ESP', 'G')}</STRUCTURES><ELEVES>${ELEVE('1', 'ROUX', 'ANNE')}${ELEVE('2', 'BLANC', 'PAUL')}</ELEVES>`;
    const text = `<?xml version="1.0"?><BEE_ELEVES><DONNEES>${body}</DONNEES><PARAMETRES><UAJ>0750042N</UAJ></PARAMETRES></BEE_ELEVES>`;
    const feed = await parseSiecle([chunked('reordered.xml', text, 7)]);
    expect(feed.uai).toBe('0750042N');
    expect(feed.schoolYear).toBeNull();
    expect(feed.people.map(({ externalId, classes, groups }) => ({ externalId, classes, groups }))).toEqual([
      { externalId: 'eleve:1', classes: ['5A'], groups: ['5ESP'] },
      { externalId: 'eleve:2', classes: ['5B'], groups: [] },
    ]);
  });

  it('reports a structure of unknown type and a student without ELEVE_ID', async () => {
    const body = `<ELEVES><ELEVE><NOM_DE_FAMILLE>X</NOM_DE_FAMILLE><PRENOM>Y</PRENOM></ELEVE>${ELEVE('1', 'ROUX', 'ANNE')}</ELEVES><STRUCTURES>${MEMBER('1', '5Z', 'Q')}</STRUCTURES>`;
    const feed = await parseSiecle([chunked('odd.xml', eleves(body))]);
    expect(feed.rejected.map(({ reason, externalId }) => ({ reason, externalId }))).toEqual([
      { reason: 'missing_field', externalId: null },
      { reason: 'unknown_structure_type', externalId: 'eleve:1' },
    ]);
  });
});

describe('parseSiecle: unusable files', () => {
  it('refuses a file whose root is not a SIECLE export, naming file and root', async () => {
    const error = await unusable(parseSiecle([fixture('sts_emp_0750042N_2025.xml')]));
    expect(error.reason).toBe('wrong_root');
    expect(error.message).toContain('sts_emp_0750042N_2025.xml');
    expect(error.message).toContain('<STS_EDT>');
  });

  it('refuses an export for another establishment', async () => {
    const error = await unusable(parseSiecle([fixture(ELEVES)], { expectedUai: '0930001W' }));
    expect(error.reason).toBe('wrong_uai');
    expect((await parseSiecle([fixture(ELEVES)], { expectedUai: '0750042n' })).uai).toBe('0750042N');
  });

  it('refuses guardians of another establishment, a second student file, or no student file', async () => {
    const otherSchool = readFileSync(fixturePath(RESPONSABLES), 'utf8').replace('<UAJ>0750042N</UAJ>', '<UAJ>0750043P</UAJ>');
    expect((await unusable(parseSiecle([fixture(ELEVES), chunked(RESPONSABLES, otherSchool)]))).reason).toBe('uai_mismatch');
    expect((await unusable(parseSiecle([fixture(ELEVES), fixture(ELEVES)]))).reason).toBe('duplicate_file');
    expect((await unusable(parseSiecle([fixture(RESPONSABLES)]))).reason).toBe('missing_students_file');
  });

  it('refuses something that is not XML, an export without UAI, and one without students', async () => {
    expect((await unusable(parseSiecle([chunked('eleves.xlsx', 'PK\u0003\u0004 not xml')]))).reason).toBe('not_xml');
    expect((await unusable(parseSiecle([chunked('e.xml', eleves(ELEVE('1', 'A', 'B'), ''))]))).reason).toBe('missing_uai');
    expect((await unusable(parseSiecle([chunked('e.xml', eleves('<ELEVES></ELEVES>'))]))).reason).toBe('no_records');
  });
});

describe('streamSiecleStudents', () => {
  it('hands out header, students, memberships and rejections as it reads', async () => {
    const counts: Record<string, number> = {};
    for await (const item of streamSiecleStudents(fixture(ELEVES))) counts[item.type] = (counts[item.type] ?? 0) + 1;
    expect(counts).toEqual({ header: 1, student: 5, rejection: 3, membership: 9 });
  });

  it('refuses the guardians export, which it does not read', async () => {
    const error = await unusable(streamSiecleStudents(fixture(RESPONSABLES)).next());
    expect(error.message).toContain('<BEE_RESPONSABLES>');
  });
});
