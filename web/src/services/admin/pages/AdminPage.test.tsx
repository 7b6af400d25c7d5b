import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { AdminPage } from './AdminPage';

const admin = makeMe({
  id: 'p-admin',
  memberships: [{ ...makeMe().memberships[0], functions: ['admin_local'], rights: ['portal.use', 'directory.read', 'admin.accounts.manage'] }],
});
const lea = {
  id: 'p-2',
  firstName: 'Léa',
  lastName: 'Petit',
  displayName: 'Léa Petit',
  profiles: ['student'],
  functions: [],
  groups: [],
  subjects: [],
  email: null,
  phone: null,
};

function mockDirectory(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
    'GET /api/directory/establishments/e-1/people': () => json({ items: [lea], nextCursor: null }),
    'GET /api/directory/establishments/e-1/groups': () =>
      json({ items: [{ id: 'g-5b', name: '5B', kind: 'class', level: '5e', memberCount: 27 }], nextCursor: null }),
    ...extra,
  });
}

describe('AdminPage', () => {
  it('suspends after confirmation, then reactivates, showing the state the server returned', async () => {
    const { calls } = mockDirectory({
      'POST /api/admin/establishments/e-1/people/p-2/suspend': () => json({ login: 'lea.petit', state: 'suspended' }),
      'POST /api/admin/establishments/e-1/people/p-2/reactivate': () => json({ login: 'lea.petit', state: 'active' }),
    });
    renderPage(<AdminPage />, { path: '/admin', me: admin });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Suspendre le compte de Léa Petit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Suspendre le compte de Léa Petit ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Suspendre le compte' }));
    await waitFor(() => expect(document.querySelector('.account-status')?.textContent).toBe('Compte de Léa Petit : suspendu.'));
    expect(document.querySelector('.account-status')?.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('État : suspendu')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Réactiver le compte de Léa Petit' }));
    expect(await screen.findByText('État : actif')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/admin/establishments/e-1/people/p-2/suspend',
      '/api/admin/establishments/e-1/people/p-2/reactivate',
    ]);
  });

  it('links each class to its activation letters and codes', async () => {
    const { calls } = mockDirectory();
    renderPage(<AdminPage />, { path: '/admin', me: admin });
    const section = await screen.findByRole('region', { name: 'Lettres d’activation' });
    const pdf = await within(section).findByRole('link', { name: 'Lettres (PDF) de la classe 5B' });
    const csv = within(section).getByRole('link', { name: 'Codes (CSV) de la classe 5B' });
    expect(pdf.getAttribute('href')).toBe('/api/admin/establishments/e-1/groups/g-5b/activation-letters.pdf');
    expect(csv.getAttribute('href')).toBe('/api/admin/establishments/e-1/groups/g-5b/activation-codes.csv');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(calls.find((c) => c.path.includes('/groups'))?.path).toContain('kind=class');
  });
});
