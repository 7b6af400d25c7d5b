import type { DisciplineList } from '@preau/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../../lib/api-client';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { DisciplinePage } from './DisciplinePage';

const establishment = { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' as const };
const member = (profiles: ('teacher' | 'relative' | 'personnel')[], functions: ('cpe' | 'head')[], rights: string[]) => ({ establishment, profiles, functions, rights, groups: [] });
const records = (policies: { edit: boolean; publish: boolean; cancel: boolean }): DisciplineList => ({
  incidents: [],
  measures: [
    {
      id: 'm-1',
      student: { id: 's-1', name: 'Léa MARTIN' },
      incidentId: null,
      kind: 'detention',
      category: 'punishment',
      authority: 'staff',
      reason: 'Bavardages répétés.',
      decidedOn: '2026-11-20',
      scheduledAt: '2026-11-25T12:30:00.000Z',
      durationMinutes: 60,
      startsOn: null,
      endsOn: null,
      decidedBy: { id: 't-1', name: 'Théo PETIT' },
      publishedAt: policies.publish ? null : '2026-11-20T16:00:00.000Z',
      cancelledAt: null,
      policies,
    },
  ],
});
const types = { types: [{ id: 'ty-1', code: 'disruption', label: 'Perturbation du cours', active: true }] };

describe('DisciplinePage', () => {
  it('shows a relative the child’s published records, without staff actions', async () => {
    const parent = makeMe({
      memberships: [member(['relative'], [], ['discipline.read'])],
      children: [{ id: 's-1', firstName: 'Léa', lastName: 'Martin', legalGuardian: true, establishments: [{ establishment, groups: [] }] }],
    });
    const { calls } = mockFetch({ 'GET /api/discipline/establishments/e-1/records': () => json(records({ edit: false, publish: false, cancel: false })) });
    renderPage(<DisciplinePage />, { path: '/', me: parent });
    await screen.findByText('Bavardages répétés.');
    expect(calls[0]?.path).toBe('/api/discipline/establishments/e-1/records?studentId=s-1');
    expect(screen.queryByRole('heading', { name: 'Signaler un incident' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publier aux familles' })).toBeNull();
  }, 15_000);

  it('offers punishments only to a teacher, and lets them publish their measure', async () => {
    const { calls } = mockFetch({
      'GET /api/discipline/establishments/e-1/records': () => json(records({ edit: true, publish: true, cancel: true })),
      'GET /api/discipline/establishments/e-1/types': () => json(types),
      'POST /api/discipline/establishments/e-1/measures/m-1/publish': () => json(records({ edit: true, publish: false, cancel: true })),
    });
    const user = userEvent.setup();
    const teacher = renderPage(<DisciplinePage />, { path: '/', me: makeMe({ memberships: [member(['teacher'], [], ['discipline.read', 'discipline.write'])] }) });
    await screen.findByRole('heading', { name: 'Signaler un incident' });
    await user.click(screen.getByRole('button', { name: /Mesure/ }));
    expect(await screen.findByRole('option', { name: 'Retenue' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: 'Blâme' })).toBeNull();
    await user.keyboard('{Escape}');
    setCsrfToken('csrf-1');
    await user.click(screen.getByRole('button', { name: 'Publier aux familles' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/measures/m-1/publish'))).toBe(true));
    teacher.unmount();
  }, 15_000);

  it('offers sanctions to the head', async () => {
    mockFetch({
      'GET /api/discipline/establishments/e-1/records': () => json(records({ edit: true, publish: true, cancel: true })),
      'GET /api/discipline/establishments/e-1/types': () => json(types),
    });
    const user = userEvent.setup();
    renderPage(<DisciplinePage />, { path: '/', me: makeMe({ memberships: [member(['personnel'], ['head'], ['discipline.read', 'discipline.write', 'discipline.manage'])] }) });
    await screen.findByRole('heading', { name: 'Signaler un incident' });
    await user.click(screen.getByRole('button', { name: /Mesure/ }));
    expect(await screen.findByRole('option', { name: 'Blâme' })).toBeTruthy();
  }, 15_000);

  it('lets the reporter correct an incident, keeping its time', async () => {
    const incident = {
      id: 'i-1',
      type: { id: 'ty-1', label: 'Perturbation du cours' },
      occurredAt: '2026-11-24T09:20:00.000Z',
      place: 'Cour',
      description: 'Bousculade.',
      students: [{ id: 's-1', name: 'Léa MARTIN', role: 'author' as const }],
      reportedBy: { id: 'p-1', name: 'Camille MARTIN' },
      publishedAt: null,
      policies: { edit: true, publish: false },
    };
    const { calls } = mockFetch({
      'GET /api/discipline/establishments/e-1/records': () => json({ incidents: [incident], measures: [] }),
      'GET /api/discipline/establishments/e-1/types': () => json(types),
      'PUT /api/discipline/establishments/e-1/incidents/i-1': () => json({ incidents: [incident], measures: [] }),
    });
    const user = userEvent.setup();
    renderPage(<DisciplinePage />, { path: '/', me: makeMe({ memberships: [member(['teacher'], [], ['discipline.read', 'discipline.write'])] }) });
    await user.click(await screen.findByRole('button', { name: 'Corriger' }));
    const form = screen.getByRole('form', { name: 'Corriger l’incident' });
    const place = within(form).getByRole('textbox', { name: /^Lieu/ });
    expect((place as HTMLInputElement).value).toBe('Cour');
    await user.clear(place);
    await user.type(place, 'Cour principale');
    setCsrfToken('csrf-1');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      typeId: 'ty-1',
      occurredAt: '2026-11-24T09:20:00.000Z',
      place: 'Cour principale',
      description: 'Bousculade.',
      students: [{ studentId: 's-1', role: 'author' }],
    });
  }, 15_000);
});
