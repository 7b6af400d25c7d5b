import type { DuplicateCandidate, DuplicatePerson } from '@preau/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { DuplicatesPage } from './DuplicatesPage';

const admin = makeMe({
  memberships: [{ ...makeMe().memberships[0], functions: ['admin_local'], rights: ['portal.use', 'admin.duplicates.manage'] }],
});
const establishment = { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', profiles: ['student'] };
const person = (id: string, extra: Partial<DuplicatePerson> = {}): DuplicatePerson => ({
  id,
  login: id,
  firstName: 'Zoé',
  lastName: 'Lefèvre',
  birthDate: '2013-04-02',
  email: null,
  emailHidden: false,
  nationalId: null,
  state: 'awaiting_activation',
  activated: false,
  createdAt: '2026-09-01T08:00:00.000Z',
  sources: ['siecle'],
  establishments: [establishment],
  ...extra,
});
const candidate = (extra: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id: 'a~b',
  reason: 'name_birth_date',
  status: 'open',
  detectedAt: '2026-09-02T08:00:00.000Z',
  decidedAt: null,
  keptId: null,
  people: [person('zoe.lefevre'), person('zoe.lefevre2', { firstName: 'ZOE', lastName: 'LEFEVRE', state: 'active', activated: true, sources: ['csv'] })],
  canDecide: true,
  suggestedKeepId: 'zoe.lefevre2',
  ...extra,
});

describe('DuplicatesPage', () => {
  it('compares the two accounts, proposes the activated one, and merges after confirmation', async () => {
    let merged: unknown = null;
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/admin/establishments/e-1/duplicates': () => json({ items: merged ? [] : [candidate()], nextCursor: null }),
      'POST /api/admin/establishments/e-1/duplicates/a~b/merge': (call) => {
        merged = call.body;
        return json({ keptId: 'zoe.lefevre2', retiredId: 'zoe.lefevre', login: 'zoe.lefevre2', moved: { memberships: 1, groups: 1, relatives: 1, teachings: 0, sourceIds: 1 } });
      },
    });
    renderPage(<DuplicatesPage />, { path: '/admin/doublons', me: admin });
    const card = await screen.findByRole('article', { name: 'Zoé Lefèvre · ZOE LEFEVRE' });
    expect(within(card).getByText('Mêmes nom, prénom et date de naissance')).toBeTruthy();
    const table = within(card).getByRole('table', { name: /Comparaison des deux comptes/ });
    expect(within(table).getByRole('row', { name: /Alimenté par SIECLE CSV/ })).toBeTruthy();
    expect((within(card).getByRole('radio', { name: 'zoe.lefevre2 (activé)' }) as HTMLInputElement).checked).toBe(true);

    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Fusionner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Fusionner ces deux comptes ?' });
    expect(dialog.textContent).toContain('Le compte zoe.lefevre2 est conservé ; le compte zoe.lefevre est fermé');
    await user.click(within(dialog).getByRole('button', { name: 'Fusionner' }));
    await waitFor(() => expect(merged).toEqual({ keepId: 'zoe.lefevre2' }));
    expect(await screen.findByText('Comptes fusionnés : la personne se connecte avec l’identifiant zoe.lefevre2.')).toBeTruthy();
    expect(await screen.findByText('Aucun doublon à traiter.')).toBeTruthy();
  });

  it('explains why a proposal involving another school cannot be decided here, and hides that person’s e-mail', async () => {
    const other = person('sam.martin', { firstName: 'Sam', lastName: 'Martin', emailHidden: true, establishments: [{ ...establishment, id: 'e-2', name: 'Collège Lumière' }] });
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/admin/establishments/e-1/duplicates': () => json({ items: [candidate({ canDecide: false, people: [person('sam.martin2', { firstName: 'Sam', lastName: 'Martin' }), other] })], nextCursor: null }),
    });
    renderPage(<DuplicatesPage />, { path: '/admin/doublons', me: admin });
    const card = await screen.findByRole('article', { name: 'Sam Martin · Sam Martin' });
    expect(within(card).getByText(/seul l’administrateur de la plateforme peut décider/)).toBeTruthy();
    expect(within(card).getByText('masquée (autre établissement)')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Fusionner' })).toBeNull();
  });

  it('looks again on demand and says how many proposals are new', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/admin/establishments/e-1/duplicates': () => json({ items: [], nextCursor: null }),
      'POST /api/admin/establishments/e-1/duplicates/detect': () => json({ proposed: 3 }),
    });
    renderPage(<DuplicatesPage />, { path: '/admin/doublons', me: admin });
    expect(await screen.findByText('Aucun doublon à traiter.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Rechercher les doublons' }));
    expect(await screen.findByText('3 nouvelles propositions.')).toBeTruthy();
  });

  it('tells a person without the right that the page is not for them', () => {
    renderPage(<DuplicatesPage />, { path: '/admin/doublons', me: makeMe() });
    expect(screen.getByText('Vous n’administrez pas les comptes de cet établissement.')).toBeTruthy();
  });
});
