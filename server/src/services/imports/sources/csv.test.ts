import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UnusableFileError } from '../feed.js';
import { parseCsv } from './csv.js';
import { TEMPLATES } from './csv-columns.js';

const input = (name: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8') => ({ name, stream: Readable.from([Buffer.from(text, encoding)]) });

describe('CSV import files', () => {
  it('reads students with French headers, semicolons and Windows-1252 accents', async () => {
    const text = `${TEMPLATES.student}\n1;Lefèvre;Zoé;02/04/2013;5B;Latin|LV2 Espagnol;123456789AB;\n2;Cœur;Noël;2012-12-25;4A;;;noel@example.org\n`;
    const feed = await parseCsv([input('eleves.csv', text.replace('Œ', 'OE').replace('œ', 'oe'), 'latin1')], { uai: '0061234J' });
    expect(feed.covers).toEqual(['student']);
    expect(feed.people[0]).toMatchObject({ externalId: 'student:1', firstName: 'Zoé', lastName: 'Lefèvre', birthDate: '2013-04-02', classes: ['5B'], groups: ['Latin', 'LV2 Espagnol'], nationalId: '123456789AB' });
    expect(feed.people[1]).toMatchObject({ birthDate: '2012-12-25', email: 'noel@example.org' });
    expect(feed.structures.map((s) => [s.code, s.kind])).toEqual([
      ['5B', 'class'],
      ['Latin', 'teaching_group'],
      ['LV2 Espagnol', 'teaching_group'],
      ['4A', 'class'],
    ]);
  });

  it('detects commas and a UTF-8 BOM, links relatives to their children', async () => {
    const text = '\uFEFFIdentifiant,Nom,Prénom,Email,Téléphone,Enfants,Responsable légal\nR1,Lefèvre,Anne,anne@example.org,0600000000,1|2,oui\nR2,Lefèvre,Marc,,,1,non\n';
    const feed = await parseCsv([input('responsables.csv', text)], { uai: '0061234J' });
    expect(feed.people.map((p) => p.externalId)).toEqual(['relative:R1', 'relative:R2']);
    expect(feed.relations).toEqual([
      expect.objectContaining({ relativeExternalId: 'relative:R1', studentExternalId: 'student:1', legalGuardian: true }),
      expect.objectContaining({ relativeExternalId: 'relative:R1', studentExternalId: 'student:2' }),
      expect.objectContaining({ relativeExternalId: 'relative:R2', legalGuardian: false }),
    ]);
  });

  it('rejects bad lines with their number and reason, keeps the good ones', async () => {
    const text = `${TEMPLATES.student}\n1;Lefèvre;Zoé;31/02/2013;5B;;;\n2;;Anonyme;01/01/2013;5B;;;\n3;Martin;Maël;05/06/2012;4A;;;mael@\n3;Martin;Léo;05/06/2012;4A;;;\n4;Petit;Lou;05/06/2012;4A;;;\n`;
    const feed = await parseCsv([input('eleves.csv', text)], { uai: '0061234J' });
    expect(feed.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'invalid_date'],
      [3, 'missing_field'],
      [4, 'invalid_email'],
      // The same identifier twice is reported, even when its first line was itself rejected.
      [5, 'duplicate_id'],
    ]);
    expect(feed.people.map((p) => p.externalId)).toEqual(['student:4']);
  });

  it('reads teachers with their classes and subjects, staff with their functions', async () => {
    const teachers = `${TEMPLATES.teacher}\nT1;Petit;Théo;theo@example.org;5B|4A;Mathématiques\n`;
    const staff = `${TEMPLATES.personnel}\nP1;Garnier;Hélène;;Principal\nP2;Blanc;Carl;;CPE|Administrateur\n`;
    const feed = await parseCsv([input('enseignants.csv', teachers), input('personnels.csv', staff)], { uai: '0061234J' });
    expect(feed.covers).toEqual(['teacher', 'personnel']);
    expect(feed.people[0].teachings).toEqual([
      { structure: '5B', subjectCode: 'Mathématiques' },
      { structure: '4A', subjectCode: 'Mathématiques' },
    ]);
    expect(feed.people[1].functions).toEqual(['head']);
    expect(feed.people[2].functions).toEqual(['cpe', 'admin_local']);
  });

  it('refuses files it cannot use, with a message that says why', async () => {
    await expect(parseCsv([input('export.csv', TEMPLATES.student)], { uai: '0061234J' })).rejects.toThrow(/which profile/);
    await expect(parseCsv([input('eleves.csv', 'Nom;Prénom\nA;B\n')], { uai: '0061234J' })).rejects.toThrow(/missing column/);
    await expect(parseCsv([input('eleves.csv', '')], { uai: '0061234J' })).rejects.toBeInstanceOf(UnusableFileError);
  });
});
