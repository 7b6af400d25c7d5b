import type { Me } from '@preau/contracts';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createI18n } from '../app/i18n';
import { Providers } from '../app/providers';
import { SessionProvider } from '../app/session';
import { meQueryKey } from '../services/auth/queries';

/**
 * Renders one page as the app would (i18n in French, react-query, router, session when `me` is
 * given), plus a probe route per extra path so tests can see where the page navigated.
 */
export function renderPage(page: ReactElement, options: { path: string; url?: string; me?: Me | null; otherPaths?: string[] }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(meQueryKey, options.me ?? null);
  const i18n = createI18n('fr');
  const wrap = (element: ReactElement) =>
    options.me ? <SessionProvider me={options.me}>{element}</SessionProvider> : element;
  const router = createMemoryRouter(
    [
      { path: options.path, element: wrap(page) },
      ...(options.otherPaths ?? []).map((path) => ({ path, element: <p data-testid="probe">{`at ${path}`}</p> })),
    ],
    { initialEntries: [options.url ?? options.path] },
  );
  const result = render(
    <Providers i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, router, queryClient, i18n };
}

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 'p-1',
    login: 'camille.martin',
    firstName: 'Camille',
    lastName: 'Martin',
    displayName: 'Camille Martin',
    email: null,
    phone: null,
    birthDate: null,
    state: 'active',
    platformAdmin: false,
    platformRights: [],
    memberships: [
      {
        establishment: { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' },
        profiles: ['student'],
        functions: [],
        rights: ['portal.use', 'account.manage', 'directory.read'],
        groups: [{ id: 'g-1', name: '4e B', kind: 'class', level: '4e' }],
      },
    ],
    children: [],
    ...overrides,
  };
}
