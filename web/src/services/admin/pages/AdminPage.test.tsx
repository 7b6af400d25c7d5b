import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderPage } from '../../../test/render';
import { adminMe } from '../fixtures';
import { AdminPage } from './AdminPage';

const lea = {
  id: 'p-2',
  login: 'lea.petit',
  firstName: 'Léa',
  lastName: 'Petit',
  displayName: 'Léa PETIT',
  state: 'active',
  profiles: ['student'],
  functions: [],
  classes: [{ id: 'g-5b', name: '5B', kind: 'class', level: '5e' }],
};
const fiveB = { id: 'g-5b', name: '5B', kind: 'class', level: '5e', externalId: null, classes: [], studentCount: 27, teacherCount: 9 };

function mockAdmin(state: { lea: typeof lea }, extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
    'GET /api/admin/establishments/e-1/people': () => json({ items: [state.lea], nextCursor: null }),
    'GET /api/admin/establishments/e-1/structures': () => json({ items: [fiveB], nextCursor: null }),
    'GET /api/directory/establishments/e-1/groups': () => json({ items: [{ id: 'g-5b', name: '5B', kind: 'class', level: '5e', memberCount: 27 }], nextCursor: null }),
    ...extra,
  });
}

// A busy CI machine renders slowly: queries wait up to 5 s, each test has 20 s.
configure({ asyncUtilTimeout: 5_000 });
describe('AdminPage', { timeout: 20_000 }, () => {
  it('lists accounts with their state and links each to its page; the console sections are in a nav', async () => {
    mockAdmin({ lea });
    renderPage(<AdminPage />, { path: '/admin', me: adminMe });
    const row = (await screen.findByRole('link', { name: 'Léa PETIT' })).closest('tr') as HTMLElement;
    expect(screen.getByRole('link', { name: 'Léa PETIT' }).getAttribute('href')).toBe('/admin/personnes/p-2');
    expect(within(row).getByText('actif')).toBeTruthy();
    expect(within(row).getByText('5B')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Administration de l’établissement' });
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Comptes', 'Classes et groupes', 'Services', 'Imports']);
  });

  it('filters by class: the search sends the class chosen', async () => {
    const { calls } = mockAdmin({ lea });
    renderPage(<AdminPage />, { path: '/admin', me: adminMe });
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Léa PETIT' });
    await user.type(screen.getByRole('searchbox', { name: /Nom ou identifiant/ }), 'lefèvre');
    await user.click(screen.getByRole('button', { name: /Classe/ }));
    await user.click(await screen.findByRole('option', { name: '5B' }));
    await user.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(calls.some((c) => c.path.includes('groupId=g-5b'))).toBe(true));
    const search = calls.find((c) => c.path.includes('groupId=g-5b'));
    expect(search?.path).toContain(`q=${encodeURIComponent('lefèvre')}`);
  });

  it('suspends after confirmation, then reactivates, showing the state the server returned', async () => {
    const state = { lea };
    const { calls } = mockAdmin(state, {
      'POST /api/admin/establishments/e-1/people/p-2/suspend': () => {
        state.lea = { ...lea, state: 'suspended' };
        return json({ login: 'lea.petit', state: 'suspended' });
      },
      'POST /api/admin/establishments/e-1/people/p-2/reactivate': () => {
        state.lea = { ...lea, state: 'active' };
        return json({ login: 'lea.petit', state: 'active' });
      },
    });
    renderPage(<AdminPage />, { path: '/admin', me: adminMe });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Suspendre le compte de Léa PETIT' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suspendre le compte de Léa PETIT ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Suspendre le compte' }));
    await waitFor(() => expect(document.querySelector('.account-status')?.textContent).toBe('Compte de Léa PETIT : suspendu.'));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Réactiver le compte de Léa PETIT' }));
    expect(await screen.findByRole('button', { name: 'Suspendre le compte de Léa PETIT' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/admin/establishments/e-1/people/p-2/suspend',
      '/api/admin/establishments/e-1/people/p-2/reactivate',
    ]);
  });

  it('links each class to its activation letters and codes', async () => {
    mockAdmin({ lea });
    renderPage(<AdminPage />, { path: '/admin', me: adminMe });
    const section = await screen.findByRole('region', { name: 'Lettres d’activation' });
    const pdf = await within(section).findByRole('link', { name: 'Lettres (PDF) de la classe 5B' });
    expect(pdf.getAttribute('href')).toBe('/api/admin/establishments/e-1/groups/g-5b/activation-letters.pdf');
  });
});
