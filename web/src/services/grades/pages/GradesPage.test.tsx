import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { GradesPage } from './GradesPage';

const base = '/api/grades/establishments/e-1';
const periods = { periods: [{ id: 'year-long', name: 'Année entière', startsOn: '2000-01-01', endsOn: '2100-12-31' }] };
const assessment = {
  id: 'as-1',
  group: { id: 'g-1', name: '4e B' },
  subject: { id: 's-maths', name: 'Mathématiques' },
  title: 'Contrôle fractions',
  date: '2026-11-18',
  kind: 'normal',
  scale: 20,
  coefficient: 2,
  studentsAt: null,
  relativesAt: null,
  figures: { average: 14, min: 12, max: 16 },
  grades: {
    'st-1': { value: 12, special: null, countsAsZero: false, comment: null },
    'st-2': { value: null, special: 'not_handed_in', countsAsZero: true, comment: null },
  },
};
const sheet = {
  group: { id: 'g-1', name: '4e B' },
  subject: { id: 's-maths', name: 'Mathématiques' },
  students: [
    { id: 'st-1', displayName: 'Alice MARTIN', average: 12 },
    { id: 'st-2', displayName: 'Bob DURAND', average: 0 },
  ],
  assessments: [assessment],
  figures: { average: 6, min: 0, max: 12 },
};
const classTable = {
  group: { id: 'g-1', name: '4e B' },
  period: periods.periods[0],
  subjects: [
    { subject: { id: 's-fr', name: 'Français' }, coefficient: 1, figures: { average: 9.5, min: 8, max: 11 } },
    { subject: { id: 's-maths', name: 'Mathématiques' }, coefficient: 3, figures: { average: 15, min: 14, max: 16 } },
  ],
  students: [
    { id: 'st-1', displayName: 'Alice MARTIN', averages: { 's-fr': 11, 's-maths': 14 }, general: 13.25 },
    { id: 'st-2', displayName: 'Bob DURAND', averages: { 's-fr': 8, 's-maths': null }, general: 8 },
  ],
  general: { average: 10.63, min: 8, max: 13.25 },
};
const teacherMe = () =>
  makeMe({
    memberships: [
      {
        establishment: { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' },
        profiles: ['teacher'],
        functions: [],
        rights: ['portal.use', 'grades.read', 'grades.write'],
        groups: [{ id: 'g-1', name: '4e B', kind: 'class', level: '4e' }],
      },
    ],
  });

describe('GradesPage for teachers and the head', () => {
  it('lets the teacher edit an assessment and delete it with its grades after confirming', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/periods`]: () => json(periods),
      [`GET ${base}/teachings`]: () => json({ teachings: [{ group: sheet.group, subject: sheet.subject, canEnter: true }] }),
      [`GET ${base}/sheet`]: () => json(sheet),
      [`GET ${base}/classes`]: () => json({ classes: [] }),
      [`PUT ${base}/assessments/as-1`]: (call) => json({ ...assessment, ...(call.body as object) }),
      [`DELETE ${base}/assessments/as-1`]: () => new Response(null, { status: 204 }),
    });
    renderPage(<GradesPage />, { path: '/', me: teacherMe() });
    const grid = await screen.findByRole('table', { name: 'Notes de 4e B en Mathématiques' });
    // A special value that counts as 0 says so.
    expect(within(grid).getByText('Non rendu (compte 0)')).toBeTruthy();

    await user.click(within(grid).getByRole('button', { name: 'Modifier : Contrôle fractions' }));
    const form = await screen.findByRole('form', { name: 'Modifier : Contrôle fractions' });
    const title = within(form).getByRole('textbox', { name: /Intitulé/ });
    expect((title as HTMLInputElement).value).toBe('Contrôle fractions');
    expect((within(form).getByRole('textbox', { name: /Coefficient/ }) as HTMLInputElement).value).toBe('2');
    await user.clear(title);
    await user.type(title, 'Contrôle fractions (corrigé)');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer les modifications' }));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toMatchObject({ groupId: 'g-1', subjectId: 's-maths', title: 'Contrôle fractions (corrigé)', scale: 20, coefficient: 2, kind: 'normal', studentsAt: null, relativesAt: null });

    await user.click(within(grid).getByRole('button', { name: 'Supprimer : Contrôle fractions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Supprimer « Contrôle fractions » ?' });
    expect(dialog.textContent).toContain('Les 2 notes saisies seront supprimées');
    await user.click(within(dialog).getByRole('button', { name: 'Supprimer l’évaluation' }));
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe(`${base}/assessments/as-1?withGrades=true`);
  }, 30_000);

  it('shows the head the class’s averages with class figures, and saves the subject coefficients', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/periods`]: () => json(periods),
      [`GET ${base}/teachings`]: () => json({ teachings: [] }),
      [`GET ${base}/classes`]: () => json({ classes: [{ id: 'g-1', name: '4e B' }] }),
      [`GET ${base}/class-averages`]: () => json(classTable),
      [`GET ${base}/coefficients`]: () =>
        json({
          group: { id: 'g-1', name: '4e B' },
          subjects: [
            { subject: { id: 's-fr', name: 'Français' }, coefficient: 1, isSet: false },
            { subject: { id: 's-maths', name: 'Mathématiques' }, coefficient: 3, isSet: true },
          ],
        }),
      [`PUT ${base}/coefficients`]: () => new Response(null, { status: 204 }),
      [`PUT ${base}/periods`]: () => json(periods),
    });
    const head = makeMe({
      memberships: [
        {
          establishment: { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' },
          profiles: ['personnel'],
          functions: ['head'],
          rights: ['portal.use', 'grades.read', 'grades.manage'],
          groups: [],
        },
      ],
    });
    renderPage(<GradesPage />, { path: '/', me: head });
    const table = await screen.findByRole('table', { name: 'Moyennes de 4e B — Année entière' });
    expect(calls.find((c) => c.path.startsWith(`${base}/class-averages`))?.path).toBe(`${base}/class-averages?groupId=g-1&periodId=year-long`);
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'ÉlèveFrançais (coef. 1)Mathématiques (coef. 3)Moyenne générale',
      'Alice MARTIN111413,25',
      'Bob DURAND8—8',
      'Moyenne de la classe9,51510,63',
      'Moyenne la plus basse8148',
      'Moyenne la plus haute111613,25',
    ]);

    const form = await screen.findByRole('form', { name: 'Coefficients des matières de 4e B' });
    const french = within(form).getByRole('textbox', { name: 'Coefficient de Français' });
    await user.clear(french);
    await user.type(french, 'deux');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer les coefficients' }));
    expect(await within(form).findByText(/Coefficient non reconnu pour Français/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT' && c.path === `${base}/coefficients`)).toBe(false);
    await user.clear(french);
    await user.type(french, '1,5');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer les coefficients' }));
    expect(await within(form).findByText('Coefficients enregistrés.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT' && c.path === `${base}/coefficients`)?.body).toEqual({
      groupId: 'g-1',
      coefficients: [
        { subjectId: 's-fr', coefficient: 1.5 },
        { subjectId: 's-maths', coefficient: 3 },
      ],
    });
  }, 30_000);
});
