import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, apiError, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { ReportCardsPage } from './ReportCardsPage';

const base = '/api/report-cards/establishments/e-1';
const college = { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' as const };
const period = { id: 't1', name: 'Trimestre 1', startsOn: '2000-01-01', endsOn: '2100-12-31' };
const council = { id: 'c-1', group: { id: 'g-1', name: '4e B' }, period: { ...period, last: false }, state: 'open', closedAt: null, publishAt: null, published: false };
const member = (profiles: string[], functions: string[], rights: string[]) =>
  makeMe({ memberships: [{ establishment: college, profiles: profiles as never, functions: functions as never, rights: ['portal.use', ...rights] as never, groups: [] }] });

describe('ReportCardsPage', () => {
  it('lists a student’s published bulletins as PDF links', async () => {
    mockFetch({
      [`GET ${base}/students/p-1/report-cards`]: () =>
        json({ student: { id: 'p-1', name: 'Camille MARTIN' }, reportCards: [{ councilId: 'c-1', period: { name: 'Trimestre 1', startsOn: '2026-09-01' }, group: { id: 'g-1', name: '4e B' }, publishAt: '2026-12-10T16:00:00.000Z', published: true }] }),
    });
    renderPage(<ReportCardsPage />, { path: '/', me: member(['student'], [], ['report_cards.read']) });
    const link = await screen.findByRole('link', { name: 'Bulletin du Trimestre 1 (4e B), PDF' });
    expect(link.getAttribute('href')).toBe(`${base}/students/p-1/report-cards/c-1/pdf`);
    expect(screen.queryByRole('heading', { name: 'Appréciations et conseils de classe' })).toBeNull();
  });

  it('shows a legal guardian their child’s bulletins, and says when there is none', async () => {
    const { calls } = mockFetch({ [`GET ${base}/students/kid/report-cards`]: () => json({ student: { id: 'kid', name: 'Léo MARTIN' }, reportCards: [] }) });
    const child = { id: 'kid', firstName: 'Léo', lastName: 'Martin', legalGuardian: true, establishments: [{ establishment: college, groups: [] }] };
    const other = { ...child, id: 'not-mine', firstName: 'Zoé', legalGuardian: false };
    renderPage(<ReportCardsPage />, { path: '/', me: { ...member(['relative'], [], ['report_cards.read']), children: [other, child] } });
    await screen.findByRole('heading', { name: 'Bulletins de Léo Martin' });
    await screen.findByText('Aucun bulletin publié pour le moment.');
    expect(calls.some((c) => c.path.includes('not-mine'))).toBe(false);
  });

  it('lets a teacher write appreciations for the class, refusing one too long before sending', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/classes`]: () => json({ periods: [period], classes: [{ group: council.group, headTeacher: false, manages: false, subjects: [{ id: 's-maths', name: 'Mathématiques' }] }] }),
      [`GET ${base}/appreciations`]: () =>
        json({
          council,
          subject: { id: 's-maths', name: 'Mathématiques' },
          editable: true,
          classFigures: { average: 14, min: 12, max: 16 },
          students: [
            { id: 'st-1', name: 'Alice MARTIN', average: 12.5, appreciation: 'Bien.' },
            { id: 'st-2', name: 'Bob DURAND', average: null, appreciation: null },
          ],
        }),
      [`PUT ${base}/appreciations`]: () => new Response(null, { status: 204 }),
    });
    renderPage(<ReportCardsPage />, { path: '/', me: member(['teacher'], [], ['report_cards.read', 'report_cards.write']) });
    const table = await screen.findByRole('table', { name: 'Appréciations de Mathématiques en 4e B' });
    expect(within(table).getAllByRole('row').map((r) => r.querySelector('td')?.textContent ?? '')).toEqual(['', '12,5', '—']);
    const bob = within(table).getByRole('textbox', { name: 'Appréciation pour Bob DURAND' });
    await user.click(bob);
    await user.paste('x'.repeat(501));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les appréciations' }));
    expect(await screen.findByText('Trop long : 500 caractères au plus.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.clear(bob);
    await user.type(bob, 'Doit participer davantage.');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les appréciations' }));
    await screen.findByText('Appréciations enregistrées.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      groupId: 'g-1',
      periodId: 't1',
      subjectId: 's-maths',
      appreciations: [
        { studentId: 'st-1', text: 'Bien.' },
        { studentId: 'st-2', text: 'Doit participer davantage.' },
      ],
    });
  }, 30_000);

  it('lets the head record the council’s decisions and close it, showing errors from the server', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/classes`]: () => json({ periods: [period], classes: [{ group: council.group, headTeacher: false, manages: true, subjects: [] }] }),
      [`GET ${base}/council`]: () =>
        json({
          council,
          canWriteGeneral: true,
          canDecide: true,
          generalFigures: { average: 11.75, min: 11.5, max: 12 },
          students: [{ id: 'st-1', name: 'Alice MARTIN', general: 11.5, generalAppreciation: 'Sérieux.', decision: { distinction: null, workWarning: false, behaviourWarning: false, orientation: null }, missingAppreciations: 1 }],
        }),
      [`PUT ${base}/council/decisions`]: () => new Response(null, { status: 204 }),
      [`POST ${base}/council/close`]: () => apiError(409, 'report_cards.council_closed'),
    });
    renderPage(<ReportCardsPage />, { path: '/', me: member(['personnel'], ['head'], ['report_cards.read', 'report_cards.write', 'report_cards.manage']) });
    const table = await screen.findByRole('table', { name: 'Conseil de classe de 4e B · Trimestre 1' });
    expect(within(table).getByRole('textbox', { name: 'Appréciation générale pour Alice MARTIN' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Bulletin de Alice MARTIN (PDF)' }).getAttribute('href')).toBe(`${base}/students/st-1/report-cards/c-1/pdf`);
    await user.click(within(table).getByRole('button', { name: /Mention pour Alice MARTIN/ }));
    await user.click(await screen.findByRole('option', { name: 'Encouragements' }));
    await user.click(within(table).getByRole('checkbox', { name: 'Mise en garde (comportement)' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les décisions' }));
    await screen.findByText('Décisions enregistrées.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      groupId: 'g-1',
      periodId: 't1',
      decisions: [{ studentId: 'st-1', distinction: 'encouragements', workWarning: false, behaviourWarning: true, orientation: '' }],
    });
    await user.click(screen.getByRole('button', { name: 'Clôturer le conseil (figer les bulletins)' }));
    await screen.findByText('Le conseil de classe a eu lieu : le bulletin ne peut plus être modifié.');
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/close'))?.body).toEqual({ groupId: 'g-1', periodId: 't1' });
  }, 30_000);
});
