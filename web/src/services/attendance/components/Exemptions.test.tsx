import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { Exemptions } from './Exemptions';

const base = '/api/attendance/establishments/e-1';
const cpe = makeMe({
  memberships: [
    {
      establishment: { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' },
      profiles: ['personnel'],
      functions: ['cpe'],
      rights: ['portal.use', 'attendance.manage'] as never,
      groups: [],
    },
  ],
});
const choices = {
  own: null,
  children: [],
  groups: [{ id: 'g-1', name: '5B', kind: 'class' }],
  teachers: [],
  rooms: [],
  subjects: [
    { id: 's-eps', name: 'EPS' },
    { id: 's-maths', name: 'Mathématiques' },
  ],
};
const exemption = {
  id: 'x-1',
  student: { id: 'st-1', name: 'Alice MARTIN' },
  subject: { id: 's-eps', name: 'EPS' },
  startsOn: '2026-11-23',
  endsOn: '2026-12-18',
  mustAttend: true,
  comment: 'Certificat médical',
};

async function chooseStudent(user: ReturnType<typeof userEvent.setup>, form: HTMLElement) {
  await user.click(within(form).getByRole('button', { name: /Classe de l’élève/ }));
  await user.click(await screen.findByRole('option', { name: '5B' }));
  await user.click(within(form).getByRole('button', { name: /Élève dispensé/ }));
  await user.click(await screen.findByRole('option', { name: 'Alice MARTIN' }));
}

describe('Exemptions', () => {
  it('records an exemption from PE for a student of a class, then lists it with a delete button', async () => {
    const user = userEvent.setup();
    let stored: unknown[] = [];
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/timetable/establishments/e-1/choices': () => json(choices),
      'GET /api/directory/establishments/e-1/people': () => json({ items: [{ id: 'st-1', displayName: 'Alice MARTIN' }], nextCursor: null }),
      [`GET ${base}/exemptions`]: () => json({ exemptions: stored }),
      [`POST ${base}/exemptions`]: () => {
        stored = [exemption];
        return json(exemption, 201);
      },
      [`DELETE ${base}/exemptions/x-1`]: () => {
        stored = [];
        return new Response(null, { status: 204 });
      },
    });
    renderPage(<Exemptions establishmentId="e-1" date="2026-11-23" />, { path: '/vie-scolaire', me: cpe });
    const form = await screen.findByRole('form', { name: 'Enregistrer une dispense' }, { timeout: 5000 });
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la dispense' }));
    expect(await within(form).findByText(/Choisissez un élève, une matière/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await chooseStudent(user, form);
    expect(await screen.findByText('Aucune dispense pour Alice MARTIN.')).toBeTruthy();
    expect(calls.find((c) => c.path.startsWith(`${base}/exemptions`))?.path).toBe(`${base}/exemptions?studentId=st-1`);
    await user.click(within(form).getByRole('button', { name: /Matière/ }));
    await user.click(await screen.findByRole('option', { name: 'EPS' }));
    const endsOn = within(form).getByRole('textbox', { name: 'Au (AAAA-MM-JJ)' });
    await user.clear(endsOn);
    await user.type(endsOn, '2026-12-18');
    await user.click(within(form).getByRole('checkbox', { name: 'Présence obligatoire en cours' }));
    await user.type(within(form).getByRole('textbox', { name: /Commentaire/ }), 'Certificat médical');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la dispense' }));
    expect(await within(form).findByText('Dispense enregistrée.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      studentId: 'st-1',
      subjectId: 's-eps',
      startsOn: '2026-11-23',
      endsOn: '2026-12-18',
      mustAttend: true,
      comment: 'Certificat médical',
    });

    const list = await screen.findByRole('list', { name: 'Dispenses de Alice MARTIN' });
    expect(within(list).getByText('EPS : du 23 novembre 2026 au 18 décembre 2026 — présence obligatoire — Certificat médical')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Supprimer la dispense de EPS du 23 novembre 2026' }));
    expect(await screen.findByText('Aucune dispense pour Alice MARTIN.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE' && c.path === `${base}/exemptions/x-1`)).toBe(true);
  }, 30_000);

  it('refuses an end before the start without calling the server, and shows a server error translated', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/timetable/establishments/e-1/choices': () => json(choices),
      'GET /api/directory/establishments/e-1/people': () => json({ items: [{ id: 'st-1', displayName: 'Alice MARTIN' }], nextCursor: null }),
      [`GET ${base}/exemptions`]: () => json({ exemptions: [] }),
      [`POST ${base}/exemptions`]: () => apiError(400, 'structures.subject_not_found'),
    });
    renderPage(<Exemptions establishmentId="e-1" date="2026-11-23" />, { path: '/vie-scolaire', me: cpe });
    const form = await screen.findByRole('form', { name: 'Enregistrer une dispense' }, { timeout: 5000 });
    await chooseStudent(user, form);
    await user.click(within(form).getByRole('button', { name: /Matière/ }));
    await user.click(await screen.findByRole('option', { name: 'Mathématiques' }));
    const endsOn = within(form).getByRole('textbox', { name: 'Au (AAAA-MM-JJ)' });
    await user.clear(endsOn);
    await user.type(endsOn, '2026-11-22');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la dispense' }));
    expect(await within(form).findByText(/la fin au plus tôt le jour du début/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.clear(endsOn);
    await user.type(endsOn, '2026-11-30');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la dispense' }));
    expect(await within(form).findByText('Matière introuvable.')).toBeTruthy();
  }, 30_000);
});
