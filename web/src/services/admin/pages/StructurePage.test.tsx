import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../test/fetch-mock';
import { renderPage } from '../../../test/render';
import { adminMe } from '../fixtures';
import { StructurePage } from './StructurePage';

const base = { id: 'g-3a', name: '3A', kind: 'class', level: '3e', classes: [], studentCount: 1, teacherCount: 1 };
const detail = (over: object = {}) => ({
  ...base,
  externalId: '3A',
  students: [{ id: 's-1', displayName: 'Zoé LEFÈVRE', login: 'zoe.lefevre', state: 'active', managedBy: 'siecle' }],
  teachers: [{ id: 't-1', displayName: 'Paul VERNE', login: 'paul.verne', subjects: [{ id: 'hg', name: 'Histoire-géographie' }], headTeacher: false, managedBy: 'sts' }],
  ...over,
});
const candidate = { id: 's-2', login: 'ali.ben', firstName: 'Ali', lastName: 'Ben', displayName: 'Ali BEN', state: 'active', profiles: ['student'], functions: [], classes: [{ id: 'g-4b', name: '4B', kind: 'class', level: '4e' }] };

function mock(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
    'GET /api/admin/establishments/e-1/structures/g-3a': () => json(detail()),
    'GET /api/admin/establishments/e-1/people': () => json({ items: [candidate], nextCursor: null }),
    'GET /api/admin/establishments/e-1/subjects': () => json({ items: [{ id: 'hg', code: 'HG', name: 'Histoire-géographie' }] }),
    ...extra,
  });
}

// A busy CI machine renders slowly: queries wait up to 5 s, each test has 20 s.
configure({ asyncUtilTimeout: 5_000 });
describe('StructurePage', { timeout: 20_000 }, () => {
  it('says that an imported class may be changed by the next import, and who manages each member', async () => {
    mock();
    renderPage(<StructurePage />, { path: '/admin/classes/:groupId', url: '/admin/classes/g-3a', me: adminMe });
    expect(await screen.findByText(/Alimenté par l’import \(code 3A\)/)).toBeTruthy();
    const students = screen.getByRole('region', { name: /Élèves/ });
    expect(within(students).getByText('import SIECLE')).toBeTruthy();
    // Not empty: deletion is not offered yet, and the reason is given.
    const remove = screen.getByRole('button', { name: 'Supprimer « 3A »' });
    expect(remove.hasAttribute('disabled') || remove.getAttribute('aria-disabled') === 'true' || remove.hasAttribute('data-disabled')).toBe(true);
    expect(screen.getByText(/Seule une classe ou un groupe sans élève ni enseignant/)).toBeTruthy();
  });

  it('finds students, adds the ticked ones in one request and shows the class the server returns', async () => {
    const { calls } = mock({
      'POST /api/admin/establishments/e-1/structures/g-3a/students': () =>
        json(detail({ students: [...detail().students, { id: 's-2', displayName: 'Ali BEN', login: 'ali.ben', state: 'active', managedBy: null }] })),
    });
    renderPage(<StructurePage />, { path: '/admin/classes/:groupId', url: '/admin/classes/g-3a', me: adminMe });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('searchbox', { name: 'Nom de l’élève' }), 'ben');
    await user.click(screen.getByRole('button', { name: 'Chercher' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Ali BEN (4B)' }));
    await user.click(screen.getByRole('button', { name: 'Ajouter 1 élève' }));
    expect(await screen.findByText('1 élève ajouté.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ personIds: ['s-2'] });
    expect(calls.find((c) => c.path.includes('q=ben'))?.path).toContain('profile=student');
    expect(within(screen.getByRole('region', { name: /Élèves/ })).getByRole('link', { name: 'Ali BEN' })).toBeTruthy();
  });

  it('names a head teacher and shows a refusal from the server', async () => {
    const { calls } = mock({
      'PATCH /api/admin/establishments/e-1/structures/g-3a/teachers/t-1': () => apiError(404, 'structures.member_not_found'),
    });
    renderPage(<StructurePage />, { path: '/admin/classes/:groupId', url: '/admin/classes/g-3a', me: adminMe });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Nommer Paul VERNE professeur principal' }));
    expect(await screen.findByText('Cette personne n’est pas membre de cette classe ou de ce groupe.')).toBeTruthy();
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ headTeacher: true }));
  });
});
