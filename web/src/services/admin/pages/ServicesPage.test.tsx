import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderPage } from '../../../test/render';
import { adminMe } from '../fixtures';
import { ServicesPage } from './ServicesPage';

const settings = (studentsSee: boolean) => ({
  profiles: [
    { profile: 'student', services: [{ id: 'directory', path: '/annuaire', visible: studentsSee }] },
    { profile: 'teacher', services: [{ id: 'directory', path: '/annuaire', visible: true }] },
  ],
});

// A busy CI machine renders slowly: queries wait up to 5 s, each test has 20 s.
configure({ asyncUtilTimeout: 5_000 });
describe('ServicesPage', { timeout: 20_000 }, () => {
  it('hides a service from one profile and sends only that profile’s hidden list', async () => {
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/admin/establishments/e-1/services': () => json(settings(true)),
      'PUT /api/admin/establishments/e-1/services/student': () => json(settings(false)),
    });
    renderPage(<ServicesPage />, { path: '/admin/services', me: adminMe });
    const user = userEvent.setup();
    const students = await screen.findByRole('group', { name: 'Services visibles par les élèves' });
    const box = within(students).getByRole('checkbox', { name: 'Annuaire' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Enregistrer pour ce profil (élèves)' }));
    expect(await screen.findByText('Services des élèves enregistrés.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.path, c.body])).toEqual([['/api/admin/establishments/e-1/services/student', { hidden: ['directory'] }]]);
    const teachers = screen.getByRole('group', { name: 'Services visibles par les enseignants' });
    expect((within(teachers).getByRole('checkbox', { name: 'Annuaire' }) as HTMLInputElement).checked).toBe(true);
  });
});
