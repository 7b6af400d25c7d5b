import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { EstablishmentAdminsPage } from './EstablishmentAdminsPage';

const superadmin = makeMe({ id: 'p-super', platformAdmin: true, platformRights: ['platform.establishments.manage'], memberships: [] });
const establishment = { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin' };
const ada = { id: 'p-ada', login: 'ada.morel', displayName: 'Ada MOREL', state: 'active', profiles: ['personnel'] };
const person = (id: string, displayName: string, profiles: string[]) => ({ id, login: id, firstName: '', lastName: '', displayName, state: 'active', profiles, functions: [], classes: [] });

// A busy CI machine renders slowly: queries wait up to 5 s, each test has 20 s.
configure({ asyncUtilTimeout: 5_000 });
describe('EstablishmentAdminsPage', { timeout: 20_000 }, () => {
  it('offers only staff and teachers, appoints one, and keeps the last administrator with the server’s reason', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/platform/establishments/e-1/admins': () => json({ establishment, items: [ada] }),
      'GET /api/admin/establishments/e-1/people': () =>
        json({ items: [person('carl', 'Carl BLANC', ['personnel']), person('alice', 'Alice MARTIN', ['student']), person('theo', 'Théo PETIT', ['teacher'])], nextCursor: null }),
      'POST /api/platform/establishments/e-1/admins': () => json({ establishment, items: [ada, { ...ada, id: 'carl', login: 'carl', displayName: 'Carl BLANC' }] }),
      'DELETE /api/platform/establishments/e-1/admins/p-ada': () => apiError(409, 'admin.last_admin'),
    });
    renderPage(<EstablishmentAdminsPage />, { path: '/etablissements/:establishmentId/administrateurs', url: '/etablissements/e-1/administrateurs', me: superadmin });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Administrateurs de Collège Jean Moulin' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Chercher' }));
    await screen.findByRole('button', { name: 'Nommer Carl BLANC administrateur' });
    expect(screen.getByRole('button', { name: 'Nommer Théo PETIT administrateur' })).toBeTruthy();
    expect(screen.queryByText(/Alice MARTIN/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Nommer Carl BLANC administrateur' }));
    expect(await screen.findByText('Carl BLANC est maintenant administrateur.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ personId: 'carl' });

    await user.click(screen.getByRole('button', { name: 'Retirer Ada MOREL des administrateurs' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer Ada MOREL des administrateurs ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Retirer' }));
    expect(await within(dialog).findByText(/dernier administrateur actif/)).toBeTruthy();
  });
});
