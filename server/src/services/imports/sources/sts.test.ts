import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EstablishmentFeed } from '../feed';
import { chunked, fixture, fixturePath } from './fixtures/streams';
import { unusable } from './fixtures/unusable';
import { parseSts } from './sts';

const STS = 'sts_emp_0750042N_2025.xml';

const person = (feed: EstablishmentFeed, id: string) => feed.people.find((entry) => entry.externalId === id);


const PARAMETRES = '<PARAMETRES><UAJ CODE="0750042N"/><ANNEE_SCOLAIRE ANNEE="2025"/></PARAMETRES>';
const MATIERES = '<NOMENCLATURES><MATIERES><MATIERE CODE="061300"><LIBELLE_LONG>MATHEMATIQUES</LIBELLE_LONG></MATIERE></MATIERES></NOMENCLATURES>';
const INDIVIDUS = '<INDIVIDUS><INDIVIDU ID="9" TYPE="epp"><NOM_USAGE>ROUX</NOM_USAGE><PRENOM>ANNE</PRENOM></INDIVIDU></INDIVIDUS>';
const STRUCTURE =
  '<STRUCTURE><DIVISIONS><DIVISION CODE="4A"><SERVICES><SERVICE CODE_MATIERE="061300"><ENSEIGNANTS><ENSEIGNANT ID="9" TYPE="epp"/></ENSEIGNANTS></SERVICE></SERVICES></DIVISION></DIVISIONS></STRUCTURE>';
const sts = (inside: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<STS_EDT>${inside}</STS_EDT>`;

describe('parseSts (ISO-8859-1 fixture)', () => {
  it('reads the establishment and the school year from attributes', async () => {
    const feed = await parseSts(fixture(STS));
    expect(feed).toMatchObject({ uai: '0750042N', source: 'sts', schoolYear: 2025, relations: [] });
  });

  it('lists subjects under their national code, with their printed name', async () => {
    const feed = await parseSts(fixture(STS));
    expect(feed.subjects).toEqual([
      { code: '020100', name: 'Français' },
      { code: '061300', name: 'Mathématiques' },
      { code: '030201', name: 'ANGLAIS LV1' },
      { code: '020700', name: 'LCA latin' },
      { code: '100100', name: 'Éducation physique et sportive' },
    ]);
  });

  it('lists classes with their MEF level and a group spanning two classes', async () => {
    const feed = await parseSts(fixture(STS));
    expect(feed.structures).toEqual([
      { code: '6A', kind: 'class', name: '6A', level: '6EME' },
      { code: '6B', kind: 'class', name: '6B', level: '6EME' },
      { code: '5A', kind: 'class', name: '5A', level: '5EME' },
      { code: '6LAT', kind: 'teaching_group', name: '6e LCA latin', level: null, classCodes: ['6A', '6B'] },
    ]);
  });

  it('gives each teacher their teachings in classes and groups, once each', async () => {
    const feed = await parseSts(fixture(STS));
    expect(person(feed, '4101')).toEqual({
      externalId: '4101',
      profile: 'teacher',
      firstName: 'Hélène',
      lastName: 'BÉRANGER',
      birthDate: '1980-05-17',
      classes: [],
      groups: [],
      teachings: [
        { structure: '6A', subjectCode: '020100' },
        { structure: '6B', subjectCode: '020100' },
        { structure: '6LAT', subjectCode: '020700' },
      ],
      headTeacherOf: ['6A'],
      origin: { file: STS, line: 54 },
    });
    expect(person(feed, '4102')).toMatchObject({ firstName: 'Jérôme', lastName: 'LEFÈVRE', teachings: [{ structure: '6A' }, { structure: '5A' }] });
    expect(person(feed, '4103')).toMatchObject({ firstName: 'Siobhán', lastName: "O'CONNOR" });
    // A locally created individual keeps a distinct id, and is matched by ID and TYPE.
    expect(person(feed, 'local-77')).toMatchObject({ firstName: 'Marc-Antoine', lastName: 'DURAND-ÉCHEVIN', teachings: [{ structure: '6B', subjectCode: '061300' }] });
    expect(feed.people.filter((entry) => entry.profile === 'teacher')).toHaveLength(4);
  });

  it('imports staff whose function is known, and then covers personnel too', async () => {
    const feed = await parseSts(fixture(STS));
    expect(person(feed, '4201')).toMatchObject({ profile: 'personnel', functions: ['head'], firstName: 'Agnès', teachings: [] });
    expect(person(feed, '4202')).toMatchObject({ profile: 'personnel', functions: ['cpe'] });
    expect(feed.covers).toEqual(['teacher', 'personnel']);
  });

  it('reports what it could not use, with lines', async () => {
    const feed = await parseSts(fixture(STS));
    expect(feed.rejected.map(({ line, reason, externalId }) => ({ line, reason, externalId }))).toEqual([
      { line: 100, reason: 'invalid_date', externalId: '4104' },
      { line: 188, reason: 'unknown_teacher', externalId: '99999' },
      { line: 116, reason: 'unmapped_function', externalId: '4203' },
    ]);
    expect(feed.rejected[2].detail).toContain('ADF');
  });
});

describe('parseSts: order and variants', () => {
  it('joins records given in any order, with text values instead of attributes', async () => {
    const parametres = '<PARAMETRES><UAJ>0750042N</UAJ><ANNEE_SCOLAIRE>2025-2026</ANNEE_SCOLAIRE></PARAMETRES>';
    const feed = await parseSts(chunked('reordered.xml', sts(`<DONNEES>${STRUCTURE}${INDIVIDUS}</DONNEES>${MATIERES}${parametres}`), 5));
    expect(feed).toMatchObject({ uai: '0750042N', schoolYear: 2025, covers: ['teacher'] });
    expect(feed.people).toMatchObject([{ externalId: '9', firstName: 'Anne', teachings: [{ structure: '4A', subjectCode: '061300' }] }]);
    expect(feed.subjects).toEqual([{ code: '061300', name: 'MATHEMATIQUES' }]);
  });

  it('reports a service in a subject missing from the nomenclature', async () => {
    const feed = await parseSts(chunked('s.xml', sts(`${PARAMETRES}<DONNEES>${INDIVIDUS}${STRUCTURE}</DONNEES>`)));
    expect(feed.rejected.map((rejection) => rejection.reason)).toEqual(['unknown_subject']);
    // Still a teacher (named in a service, though without FONCTION), without that teaching.
    expect(feed.people).toMatchObject([{ externalId: '9', profile: 'teacher', teachings: [] }]);
  });
});

describe('parseSts: unusable files', () => {
  it('refuses a file whose root is not STS_EDT, naming the file and the root', async () => {
    const error = await unusable(parseSts(fixture('ElevesSansAdresses.xml')));
    expect(error.reason).toBe('wrong_root');
    expect(error.message).toContain('ElevesSansAdresses.xml');
    expect(error.message).toContain('<BEE_ELEVES>');
  });

  it('explains the mix-up with the file sent to STS-web', async () => {
    const error = await unusable(parseSts(chunked('emp_sts_0750042N_2025.xml', '<EDT_STS><PARAMETRES/></EDT_STS>')));
    expect(error.message).toContain('sts_emp');
  });

  it('refuses an export for another establishment', async () => {
    expect((await unusable(parseSts(fixture(STS), { expectedUai: '0930001W' }))).reason).toBe('wrong_uai');
  });

  it('refuses what is not XML, a truncated export, and one without any individual', async () => {
    expect((await unusable(parseSts(chunked('sts.pdf', '%PDF-1.4 ...')))).reason).toBe('not_xml');
    const bytes = readFileSync(fixturePath(STS));
    expect((await unusable(parseSts(chunked(STS, bytes.subarray(0, bytes.length / 2), 1000)))).reason).toBe('malformed_xml');
    expect((await unusable(parseSts(chunked('s.xml', sts(`${PARAMETRES}${MATIERES}<DONNEES/>`))))).reason).toBe('no_records');
  });
});
