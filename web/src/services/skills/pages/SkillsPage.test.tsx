import type { SkillClassView, SkillSheet, SkillSummary } from '@preau/contracts';
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { SkillsPage } from './SkillsPage';

const base = '/api/skills/establishments/e-1';
const establishment = { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' as const };
const teacher = makeMe({
  memberships: [{ establishment, profiles: ['teacher'], functions: [], rights: ['portal.use', 'skills.read', 'skills.write'], groups: [{ id: 'g-5b', name: '5B', kind: 'class', level: '5e' }] }],
});
const head = makeMe({
  memberships: [{ establishment, profiles: ['personnel'], functions: ['head'], rights: ['portal.use', 'skills.read', 'skills.write', 'skills.manage'], groups: [] }],
});
const student = makeMe({
  id: 'alice',
  memberships: [{ establishment, profiles: ['student'], functions: [], rights: ['portal.use', 'skills.read'], groups: [{ id: 'g-5b', name: '5B', kind: 'class', level: '5e' }] }],
});

const sheet: SkillSheet = {
  group: { id: 'g-5b', name: '5B' },
  subject: { id: 's-maths', name: 'Mathématiques' },
  canEnter: true,
  students: [
    { id: 'bob', displayName: 'Bob DURAND' },
    { id: 'alice', displayName: 'Alice MARTIN' },
  ],
  assessments: [
    {
      id: 'a-1',
      group: { id: 'g-5b', name: '5B' },
      subject: { id: 's-maths', name: 'Mathématiques' },
      gradeAssessmentId: null,
      title: 'Équations',
      date: '2026-11-20',
      studentsAt: '2026-11-20T16:00:00.000Z',
      relativesAt: null,
      skills: [
        { id: 'k-eq', component: 'D1.3', item: { id: 'i-eq', label: 'Résoudre une équation' } },
        { id: 'k-d2', component: 'D2', item: null },
      ],
      results: { 'k-eq': { alice: 2 }, 'k-d2': { bob: 'absent' } },
    },
  ],
  gradeAssessments: [{ id: 'g-1', title: 'Contrôle', date: '2026-11-18' }],
};
const classView: SkillClassView = { group: { id: 'g-5b', name: '5B' }, period: null, students: [{ id: 'alice', displayName: 'Alice MARTIN', positionings: { 'D1.3': 3 } }] };
const zero = [0, 0, 0, 0] as [number, number, number, number];
const summary: SkillSummary = {
  student: { id: 'alice', name: 'Alice MARTIN' },
  period: null,
  components: (['D1.1', 'D1.2', 'D1.3', 'D1.4', 'D2', 'D3', 'D4', 'D5'] as const).map((component) =>
    component === 'D1.3'
      ? {
          component,
          counts: [1, 1, 0, 0] as [number, number, number, number],
          positioning: 2 as const,
          results: [
            { date: '2026-11-18', subject: 'Mathématiques', assessment: 'Contrôle', skill: null, value: 1 as const },
            { date: '2026-11-20', subject: 'Mathématiques', assessment: 'Équations', skill: 'Résoudre une équation', value: 2 as const },
          ],
        }
      : { component, counts: zero, positioning: null, results: [] },
  ),
};

const teacherApi = () =>
  mockFetch({
    'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
    'GET /api/grades/establishments/e-1/periods': () => json({ periods: [] }),
    [`GET ${base}/teachings`]: () => json({ teachings: [{ group: sheet.group, subject: sheet.subject, canEnter: true }] }),
    [`GET ${base}/sheet`]: () => json(sheet),
    [`GET ${base}/items`]: () => json({ items: [{ id: 'i-eq', component: 'D1.3', subject: sheet.subject, label: 'Résoudre une équation', active: true }] }),
    [`GET ${base}/class`]: () => json(classView),
    [`PUT ${base}/assessments/a-1/results`]: () => new Response(null, { status: 204 }),
    [`POST ${base}/assessments`]: (call) => json({ ...sheet.assessments[0], id: 'a-2', ...(call.body as object) }, 201),
    [`DELETE ${base}/assessments/a-1`]: () => new Response(null, { status: 204 }),
  });

configure({ asyncUtilTimeout: 5_000 });
describe('SkillsPage', { timeout: 45_000 }, () => {
  it('lets a teacher enter a class’s levels from the keyboard, the level written in each cell, and saves them in one request', async () => {
    const { calls } = teacherApi();
    renderPage(<SkillsPage />, { path: '/competences', me: teacher });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Saisir : Équations' }));
    const cell = screen.getByRole('combobox', { name: 'Alice MARTIN — D1.3 · Résoudre une équation' }) as HTMLSelectElement;
    // The level is text in the list itself, the colour only follows it.
    expect(cell.selectedOptions[0]?.textContent).toBe('2 · Maîtrise fragile');
    expect(cell.dataset.level).toBe('2');
    await user.selectOptions(cell, '4');
    expect(cell.selectedOptions[0]?.textContent).toBe('4 · Très bonne maîtrise');
    expect(cell.dataset.level).toBe('4');
    // Keyboard: each cell is a native list, so Tab goes from one cell to the next along the row
    // (typing a level's digit in a focused list is the browser's own typeahead, which jsdom lacks).
    const bobEq = screen.getByRole('combobox', { name: 'Bob DURAND — D1.3 · Résoudre une équation' });
    const bobD2 = screen.getByRole('combobox', { name: 'Bob DURAND — D2' }) as HTMLSelectElement;
    bobEq.focus();
    await user.tab();
    expect(document.activeElement).toBe(bobD2);
    expect(bobD2.selectedOptions[0]?.textContent).toBe('Absent');
    await user.selectOptions(bobD2, '3');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les résultats' }));
    expect(await screen.findByText('Résultats enregistrés.')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      results: [
        { skillId: 'k-eq', studentId: 'bob', value: null },
        { skillId: 'k-eq', studentId: 'alice', value: 4 },
        { skillId: 'k-d2', studentId: 'bob', value: 3 },
        { skillId: 'k-d2', studentId: 'alice', value: null },
      ],
    });
    // The class view: students × components, the positioning written out for screen readers.
    const table = await screen.findByTestId('skills-class');
    expect(within(table).getByText('Maîtrise satisfaisante')).toBeTruthy();
    // Deleting asks once more, naming what goes.
    await user.click(screen.getByRole('button', { name: 'Supprimer : Équations' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Supprimer « Équations » et tous ses résultats' }));
    expect(await screen.findByText('Évaluation supprimée.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([`${base}/assessments/a-1`]);
  });

  it('creates a skills-only assessment with the components and school skills ticked, or asks for one', async () => {
    const { calls } = teacherApi();
    renderPage(<SkillsPage />, { path: '/competences', me: teacher });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /Titre/ }), 'Problèmes');
    await user.click(screen.getByRole('button', { name: 'Créer l’évaluation' }));
    expect(await screen.findByText('Choisissez au moins une compétence.')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'D2 (composante entière)' }));
    await user.click(await screen.findByRole('checkbox', { name: 'D1.3 · Résoudre une équation' }));
    await user.click(screen.getByRole('button', { name: 'Créer l’évaluation' }));
    expect(await screen.findByText('Évaluation créée.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST' && c.path === `${base}/assessments`);
    expect(post?.body).toMatchObject({
      groupId: 'g-5b',
      subjectId: 's-maths',
      gradeAssessmentId: null,
      title: 'Problèmes',
      skills: [
        { component: 'D2', itemId: null },
        { component: 'D1.3', itemId: 'i-eq' },
      ],
    });
    expect(typeof (post?.body as { studentsAt?: unknown } | undefined)?.studentsAt).toBe('string');
  });

  it('lets the head read a grid without entering it and add a skill shared by every subject', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/grades/establishments/e-1/periods': () => json({ periods: [] }),
      [`GET ${base}/teachings`]: () => json({ teachings: [{ group: sheet.group, subject: sheet.subject, canEnter: false }] }),
      [`GET ${base}/sheet`]: () => json({ ...sheet, canEnter: false }),
      [`GET ${base}/class`]: () => json(classView),
      [`POST ${base}/items`]: (call) => json({ id: 'i-new', subject: null, active: true, ...(call.body as object) }, 201),
    });
    renderPage(<SkillsPage />, { path: '/competences', me: head });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Compétences des classes' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Créer l’évaluation' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Saisir : Équations' }));
    // Read only: the levels as text, no list to change them.
    expect(screen.queryByRole('combobox', { name: /Alice MARTIN/ })).toBeNull();
    expect(screen.getByRole('table', { name: 'Résultats : Équations' }).textContent).toContain('MF');
    await user.type(screen.getByRole('textbox', { name: /Intitulé/ }), 'Organiser son travail');
    await user.click(screen.getByRole('checkbox', { name: 'Pour toutes les matières' }));
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(await screen.findByText('Compétence ajoutée.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === `${base}/items`)?.body).toEqual({ component: 'D1.1', subjectId: null, label: 'Organiser son travail' });
  });

  it('shows a student each component’s positioning and levels as text, in French and in English', async () => {
    mockFetch({
      'GET /api/grades/establishments/e-1/periods': () => json({ periods: [] }),
      [`GET ${base}/summary`]: () => json(summary),
    });
    const { i18n } = renderPage(<SkillsPage />, { path: '/competences', me: student });
    const table = await screen.findByTestId('skills-summary');
    const row = table.querySelector('[data-component="D1.3"]') as HTMLElement;
    // The positioning written out, and the levels behind it: 1 × MI, 1 × MF (read out in full).
    expect(within(row).getAllByText('Maîtrise fragile')).toHaveLength(2);
    expect(within(row).getByText('Maîtrise insuffisante')).toBeTruthy();
    expect(within(row).getByText('MI')).toBeTruthy();
    expect(within(table.querySelector('[data-component="D2"]') as HTMLElement).getAllByText('Non évalué')).toHaveLength(2);
    expect(screen.getByText(/Résoudre une équation/)).toBeTruthy();
    expect(screen.getByText(/moyenne des niveaux obtenus/)).toBeTruthy();
    await i18n.changeLanguage('en');
    expect(await within(row).findAllByText('Fragile mastery')).toHaveLength(2);
    expect(within(row).getByText(/mathematical, scientific and computing languages/)).toBeTruthy();
  });
});
