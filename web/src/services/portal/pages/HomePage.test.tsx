import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { HomePage } from './HomePage';

const college = { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' as const };
const ecole = { id: 'e-2', uai: '0750002B', name: 'École des Lilas', type: 'ecole' as const };

describe('HomePage', () => {
  it('shows only the tiles the server returned', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/portal/home': () =>
        json({ establishment: college, tiles: [{ id: 'directory', path: '/annuaire' }, { id: 'account', path: '/compte' }] }),
    });
    renderPage(<HomePage />, { path: '/', me: makeMe() });
    const services = await screen.findByRole('region', { name: 'Vos services' });
    const links = await within(services).findAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/annuaire', '/compte']);
    expect(within(services).queryByText('Administration')).toBeNull();
    expect(within(services).queryByText('Journal d’audit')).toBeNull();
    expect(calls.find((c) => c.path.startsWith('/api/portal/home'))?.path).toBe('/api/portal/home?establishmentId=e-1');
    expect(screen.getByText('Bonjour Camille !')).toBeTruthy();
  });

  it('shows an admin tile only when returned', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/portal/home': () => json({ establishment: college, tiles: [{ id: 'admin', path: '/admin' }] }),
    });
    renderPage(<HomePage />, { path: '/', me: makeMe() });
    const link = await screen.findByRole('link', { name: /Administration/ });
    expect(link.getAttribute('href')).toBe('/admin');
  });

  it('names the imports and establishments tiles', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/portal/home': () =>
        json({ establishment: college, tiles: [{ id: 'imports', path: '/admin/imports' }, { id: 'establishments', path: '/etablissements' }] }),
    });
    renderPage(<HomePage />, { path: '/', me: makeMe() });
    expect((await screen.findByRole('link', { name: /^Imports/ })).getAttribute('href')).toBe('/admin/imports');
    expect(screen.getByRole('link', { name: /^Établissements/ }).getAttribute('href')).toBe('/etablissements');
    expect(document.querySelectorAll('.tile__icon svg')).toHaveLength(2);
  });

  it('lets a relative switch between children and shows each child’s class', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/portal/home': () => json({ establishment: college, tiles: [] }),
    });
    const child = (id: string, firstName: string, className: string) => ({
      id,
      firstName,
      lastName: 'Martin',
      legalGuardian: true,
      establishments: [{ establishment: college, groups: [{ id: `g-${id}`, name: className, kind: 'class' as const, level: null }] }],
    });
    const me = makeMe({ children: [child('c-1', 'Léa', '4e B'), child('c-2', 'Noé', '6e A')] });
    renderPage(<HomePage />, { path: '/', me });
    const noe = await screen.findByRole('radio', { name: /Noé Martin/ });
    expect(screen.getByText(/4e B, Collège Jean Moulin/, { selector: '.radio__detail' })).toBeTruthy();
    await userEvent.setup().click(noe);
    expect(screen.getByText(/Vous suivez la scolarité de Noé Martin/)).toBeTruthy();
  });

  it('offers the establishment switcher only with several memberships', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/portal/home': () => json({ establishment: college, tiles: [] }),
    });
    const single = renderPage(<HomePage />, { path: '/', me: makeMe() });
    await screen.findByText('Vos services');
    expect(screen.queryByText('Établissement')).toBeNull();
    single.unmount();

    const base = makeMe();
    const me = makeMe({ memberships: [...base.memberships, { ...base.memberships[0], establishment: ecole }] });
    renderPage(<HomePage />, { path: '/', me });
    expect(await screen.findByText('Établissement', { selector: 'label, span' })).toBeTruthy();
  });
});
