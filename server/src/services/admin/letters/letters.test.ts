import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../kernel/app.js';
import { fixedClock } from '../../../kernel/clock.js';
import type { DatabaseHandle } from '../../../kernel/db/database.js';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { school } from '../../../kernel/testing/school.js';
import { type LoggedIn, loginAs, testConfig } from '../../../kernel/testing/test-app.js';
import { insertWorld, type World } from '../../../kernel/testing/world.js';
import { csvCell } from './letters.csv.js';
import { winAnsi } from './letters.pdf.js';

/**
 * Added to the shared school: Pauline, awaiting activation, mother of Alice and Nina (5B) and of
 * Chloé (4A); Victor, awaiting, father of Chloé only; Oscar, a 5B pupil whose code has expired.
 */
const families: World = {
  establishments: [],
  people: [
    { id: 'pauline', login: 'pauline.nouvelle', firstName: 'Pauline', lastName: 'Nouvelle', password: false, activationCode: 'PNPN2345', in: [{ establishment: 'etab-a', profiles: ['relative'] }] },
    { id: 'victor', login: 'victor.lefevre', firstName: 'Victor', lastName: 'Lefèvre', password: false, activationCode: 'VLVL2345', in: [{ establishment: 'etab-a', profiles: ['relative'] }] },
    { id: 'oscar', login: 'oscar.vieux', firstName: 'Oscar', lastName: 'Vieux', password: false, activationCode: 'OSOS2345', in: [{ establishment: 'etab-a', profiles: ['student'] }] },
  ],
  groups: [],
  members: [{ group: 'a-5b', person: 'oscar', role: 'student' }],
  subjects: [],
  teachings: [],
  relatives: [
    { relative: 'pauline', student: 'alice' },
    { relative: 'pauline', student: 'newbie' },
    { relative: 'pauline', student: 'chloe' },
    { relative: 'victor', student: 'chloe' },
  ],
};

/** The app as app.ts builds it, with uncompressed PDFs so their text can be read. */
async function lettersApp(database: DatabaseHandle): Promise<FastifyInstance> {
  const { app } = await buildApp({ config: testConfig({ publicUrl: 'https://ent.example.fr', compressPdf: false }), database, clock: fixedClock('2026-11-25T10:00:00.000Z') });
  await app.ready();
  return app;
}

/** Text shown by an uncompressed pdfkit file: built-in fonts write WinAnsi hex strings in TJ arrays. */
function pdfTexts(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join(''),
  );
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describeEachDatabase('admin: activation letters', (database) => {
  let app: FastifyInstance;
  let ada: LoggedIn;
  const get = (s: LoggedIn | null, establishment: string, group: string, file: string) =>
    app.inject({ method: 'GET', url: `/api/admin/establishments/${establishment}/groups/${group}/${file}`, headers: s ? { cookie: s.cookie } : {} });

  beforeAll(async () => {
    const { db } = database();
    await insertWorld(db, school);
    await insertWorld(db, families);
    await db.updateTable('people').set({ activation_expires_at: '2026-10-01T00:00:00.000Z' }).where('id', '=', 'oscar').execute();
    app = await lettersApp(database());
    ada = await loginAs(app, 'ada.morel');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports the codes of a class as CSV: pupils and relatives awaiting activation, family by family', async () => {
    const res = await get(ada, 'etab-a', 'a-5b', 'activation-codes.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="codes-activation-5B.csv"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // Alice and Bob are active, Oscar's code has expired, Rémi (Alice's father) is active.
    expect(res.body.slice(1).split('\r\n')).toEqual([
      "Classe;Nom;Prénom;Profil;Enfant(s);Identifiant;Code d'activation;Expire le",
      '5B;Nouvelle;Pauline;Responsable;Alice MARTIN et Nina NOUVELLE;pauline.nouvelle;PNPN2345;01/01/2027',
      '5B;Nouvelle;Nina;Élève;;nina.nouvelle;ABCD2345;01/01/2027',
      '',
    ]);
  });

  it('gives a relative of children in two classes a letter in each class, naming that class’s child', async () => {
    const res = await get(ada, 'etab-a', 'a-4a', 'activation-codes.csv');
    expect(res.statusCode).toBe(200);
    expect(res.body.slice(1).split('\r\n').slice(1, -1)).toEqual([
      '4A;Lefèvre;Victor;Responsable;Chloé LEFÈVRE;victor.lefevre;VLVL2345;01/01/2027',
      '4A;Nouvelle;Pauline;Responsable;Chloé LEFÈVRE;pauline.nouvelle;PNPN2345;01/01/2027',
    ]);
  });

  it('prints one tagged A4 page per account with the login, the code and the instructions', async () => {
    const res = await get(ada, 'etab-a', 'a-5b', 'activation-letters.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="codes-activation-5B.pdf"');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pageCount(pdf)).toBe(2);
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (fr-FR)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/DisplayDocTitle true');
    const texts = pdfTexts(pdf);
    for (const t of ['pauline.nouvelle', 'PNPN2345', 'nina.nouvelle', 'ABCD2345', 'Collège Jean Moulin', 'UAI 0750001U · classe 5B', 'Élève · classe 5B']) {
      expect(texts, t).toContain(t);
    }
    expect(texts).toContain('Responsable de Alice MARTIN et Nina NOUVELLE · classe 5B');
    expect(texts).toContain('À utiliser avant le 1er janvier 2027.');
    expect(texts.join(' ')).toContain('https://ent.example.fr/activation');
    expect(texts).not.toContain('bob.durand');
    expect(texts).not.toContain('OSOS2345');
  });

  it('records each export in the audit log, without the codes', async () => {
    const rows = await database().db.selectFrom('audit_log').selectAll().where('action', '=', 'admin.activation_letters.exported').execute();
    // The test clock stands still, so the three entries share one timestamp: compare them as a set.
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => ({ actor: r.actor_id, establishment: r.establishment_id, details: JSON.parse(r.details) }))).toEqual(expect.arrayContaining([
      { actor: 'ada', establishment: 'etab-a', details: { groupId: 'a-5b', count: 2, format: 'csv' } },
      { actor: 'ada', establishment: 'etab-a', details: { groupId: 'a-4a', count: 2, format: 'csv' } },
      { actor: 'ada', establishment: 'etab-a', details: { groupId: 'a-5b', count: 2, format: 'pdf' } },
    ]));
    expect(rows.map((r) => r.details).join()).not.toMatch(/2345/);
  });

  it('prints a page saying so when no account of the class awaits activation', async () => {
    const sarah = await loginAs(app, 'sarah.admin');
    const res = await get(sarah, 'etab-b', 'b-6a', 'activation-letters.pdf');
    expect(res.statusCode).toBe(200);
    expect(pageCount(res.rawPayload)).toBe(1);
    expect(pdfTexts(res.rawPayload).join(' ')).toContain('Aucun compte');
  });

  it('lets the head export too', async () => {
    expect((await get(await loginAs(app, 'helene.garnier'), 'etab-a', 'a-5b', 'activation-codes.csv')).statusCode).toBe(200);
  });

  it('is refused to teachers, the CPE and parents, and to the administrator of another establishment', async () => {
    for (const login of ['theo.petit', 'carl.blanc', 'remi.martin', 'hugo.bonnet']) {
      const s = await loginAs(app, login);
      for (const file of ['activation-letters.pdf', 'activation-codes.csv']) {
        expect((await get(s, 'etab-a', 'a-5b', file)).statusCode, `${login} ${file}`).toBe(403);
      }
    }
  });

  it('does not find a group of another establishment', async () => {
    for (const file of ['activation-letters.pdf', 'activation-codes.csv']) {
      const res = await get(ada, 'etab-a', 'b-6a', file);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('directory.group_not_found');
    }
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/admin/establishments/{establishmentId}/groups/{groupId}/activation-letters.pdf',
        '/api/admin/establishments/{establishmentId}/groups/{groupId}/activation-codes.csv',
      ]),
    );
  });

  it('needs a session', async () => {
    expect((await get(null, 'etab-a', 'a-5b', 'activation-letters.pdf')).statusCode).toBe(401);
    expect((await get(null, 'etab-a', 'a-5b', 'activation-codes.csv')).statusCode).toBe(401);
  });
});

describe('activation letters: text helpers', () => {
  it('keeps spreadsheet cells inert and well quoted', () => {
    expect(csvCell('Lefèvre')).toBe('Lefèvre');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('Dupont; Fils')).toBe('"Dupont; Fils"');
  });

  it('keeps French text as is and brings other letters back to what the built-in fonts can draw', () => {
    expect(winAnsi('Œuvre « Élève » d’Anaïs, 12 €')).toBe('Œuvre « Élève » d’Anaïs, 12 €');
    expect(winAnsi('Łukasz Ștefănescu')).toBe('Lukasz Stefanescu');
    expect(winAnsi('李')).toBe('?');
  });
});
