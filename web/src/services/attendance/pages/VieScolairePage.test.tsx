import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { ReasonsPage } from './ReasonsPage';
import { VieScolairePage } from './VieScolairePage';

const base = '/api/attendance/establishments/e-1';
const cpe = (rights: string[]) =>
  makeMe({
    memberships: [
      {
        establishment: { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' },
        profiles: ['personnel'],
        functions: ['cpe'],
        rights: ['portal.use', ...rights] as never,
        groups: [],
      },
    ],
  });
const forgotten = {
  slotId: 'slot-1',
  date: '2026-11-23',
  start: '08:00',
  end: '09:00',
  startsAt: '2026-11-23T07:00:00.000Z',
  endsAt: '2026-11-23T08:00:00.000Z',
  subject: { id: 's-maths', name: 'Mathématiques' },
  group: { id: 'g-1', name: '5B' },
  teacher: { id: 'p-2', name: 'Thomas LEFÈVRE' },
  room: null,
  cancelled: false,
  registerId: null,
  state: 'todo',
  minutesLate: 25,
};
const event = {
  id: 'ev-1',
  student: { id: 'st-1', name: 'Alice MARTIN' },
  group: { id: 'g-1', name: '5B' },
  kind: 'late',
  startsAt: '2026-11-23T07:00:00.000Z',
  endsAt: '2026-11-23T07:10:00.000Z',
  minutes: 10,
  reason: null,
  justification: 'unjustified',
  source: 'register',
  registerId: 'reg-1',
  comment: null,
  flagged: false,
};

const reasons = { reasons: [{ id: 'r-trip', code: 'sortie_scolaire', label: 'Sortie scolaire', countsAsJustified: true, active: true, position: 60 }] };
const choices = { own: null, children: [], groups: [{ id: 'g-1', name: '5B', kind: 'class' }], teachers: [], rooms: [], subjects: [] };

describe('VieScolairePage', () => {
  it('lists the registers not taken, with a link to take them, and the day’s absences', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/forgotten`]: () => json({ date: '2026-11-23', registers: [forgotten, { ...forgotten, slotId: 'slot-2', group: { id: 'g-2', name: '4A' }, minutesLate: 65 }] }),
      [`GET ${base}/events`]: () => json({ events: [event] }),
      [`GET ${base}/collectives`]: () => json({ collectives: [] }),
      [`GET ${base}/reasons`]: () => json(reasons),
      'GET /api/timetable/establishments/e-1/choices': () => json(choices),
    });
    renderPage(<VieScolairePage />, { path: '/vie-scolaire', me: cpe(['attendance.manage', 'attendance.settings', 'attendance.registers']) });
    const table = await screen.findByRole('table', { name: /Appels non faits du/ }, { timeout: 5000 });
    expect(within(table).getByText('25 min')).toBeTruthy();
    expect(within(table).getByText('1 h 05')).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Faire l’appel : 5B, Mathématiques, 08:00' }).getAttribute('href')).toBe('/appel?date=2026-11-23&cours=slot-1');
    const absences = await screen.findByRole('table', { name: /Absences et retards du/ });
    expect(within(absences).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'ÉlèveClasseTypeHoraireMotifJustification',
      'Alice MARTIN5BRetard (10 min) (appel)08:00–08:10—Non justifiée',
    ]);
  }, 20_000);

  it('declares a class away for a morning, Paris time, with the school-trip reason by default', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/forgotten`]: () => json({ date: '2026-11-23', registers: [] }),
      [`GET ${base}/events`]: () => json({ events: [] }),
      [`GET ${base}/collectives`]: () => json({ collectives: [] }),
      [`POST ${base}/collectives`]: (call) => json({ id: 'c-1', group: { id: 'g-1', name: '5B' }, reason: null, ...(call.body as object) }, 201),
      [`GET ${base}/reasons`]: () => json(reasons),
      'GET /api/timetable/establishments/e-1/choices': () => json(choices),
    });
    renderPage(<VieScolairePage />, { path: '/vie-scolaire', me: cpe(['attendance.manage', 'attendance.settings']) });
    const form = await screen.findByRole('form', { name: 'Déclarer une absence collective' }, { timeout: 5000 });
    await user.click(within(form).getByRole('button', { name: 'Déclarer' }));
    expect(await within(form).findByText(/Choisissez une classe/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: /Classe ou groupe/ }));
    await user.click(await screen.findByRole('option', { name: '5B' }));
    const day = within(form).getByRole('textbox', { name: 'Date de l’absence collective (AAAA-MM-JJ)' });
    await user.clear(day);
    await user.type(day, '2026-11-23');
    const to = within(form).getByRole('textbox', { name: 'À (HH:MM)' });
    await user.clear(to);
    await user.type(to, '12:00');
    await user.type(within(form).getByRole('textbox', { name: /Objet/ }), 'Sortie au musée');
    await user.click(within(form).getByRole('button', { name: 'Déclarer' }));
    expect(await within(form).findByText('Absence collective déclarée.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      groupId: 'g-1',
      startsAt: '2026-11-23T07:00:00.000Z',
      endsAt: '2026-11-23T11:00:00.000Z',
      label: 'Sortie au musée',
      reasonId: 'r-trip',
    });
  }, 30_000);

  it('records a whole-day absence for a student of a class, reported by phone', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/forgotten`]: () => json({ date: '2026-11-23', registers: [] }),
      [`GET ${base}/events`]: () => json({ events: [] }),
      [`GET ${base}/collectives`]: () => json({ collectives: [] }),
      [`POST ${base}/events`]: () => json(event, 201),
      [`GET ${base}/reasons`]: () => json({ reasons: [...reasons.reasons, { id: 'r-ill', code: 'maladie', label: 'Maladie', countsAsJustified: true, active: true, position: 10 }] }),
      'GET /api/timetable/establishments/e-1/choices': () => json(choices),
      'GET /api/directory/establishments/e-1/people': () => json({ items: [{ id: 'st-1', displayName: 'Alice MARTIN' }], nextCursor: null }),
    });
    renderPage(<VieScolairePage />, { path: '/vie-scolaire', me: cpe(['attendance.manage', 'attendance.settings']) });
    const form = await screen.findByRole('form', { name: 'Signaler une absence' }, { timeout: 5000 });
    await user.click(within(form).getByRole('button', { name: 'Enregistrer l’absence' }));
    expect(await within(form).findByText(/Choisissez un élève/)).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: /Classe$/ }));
    await user.click(await screen.findByRole('option', { name: '5B' }));
    await user.click(within(form).getByRole('button', { name: /Élève$/ }));
    await user.click(await screen.findByRole('option', { name: 'Alice MARTIN' }));
    expect(calls.find((c) => c.path.startsWith('/api/directory'))?.path).toBe('/api/directory/establishments/e-1/people?groupId=g-1&profile=student&limit=200');
    const day = within(form).getByRole('textbox', { name: 'Jour de l’absence (AAAA-MM-JJ)' });
    await user.clear(day);
    await user.type(day, '2026-11-23');
    await user.click(within(form).getByRole('button', { name: /Motif de l’absence$/ }));
    await user.click(await screen.findByRole('option', { name: 'Maladie' }));
    await user.type(within(form).getByRole('textbox', { name: /Commentaire/ }), 'Appel de la mère');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer l’absence' }));
    expect(await within(form).findByText('Absence enregistrée.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === `${base}/events`)?.body).toEqual({
      studentId: 'st-1',
      kind: 'absence',
      startsAt: '2026-11-23T07:00:00.000Z',
      endsAt: '2026-11-23T17:00:00.000Z',
      reasonId: 'r-ill',
      comment: 'Appel de la mère',
    });
  }, 30_000);

  it('is closed to teachers', () => {
    renderPage(<VieScolairePage />, { path: '/vie-scolaire', me: cpe(['attendance.registers']) });
    expect(screen.getByText('Cette page est réservée à la vie scolaire.')).toBeTruthy();
  });
});

describe('ReasonsPage', () => {
  it('adds a reason after checking its code, and saves the settings', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/reasons`]: () => json({ reasons: [{ id: 'r-1', code: 'maladie', label: 'Maladie', countsAsJustified: true, active: true, position: 10 }] }),
      [`POST ${base}/reasons`]: (call) => json({ id: 'r-2', position: 20, active: true, ...(call.body as object) }, 201),
      [`GET ${base}/settings`]: () => json({ halfDayBoundary: '12:30', forgottenAfterMinutes: 15 }),
      [`PUT ${base}/settings`]: (call) => json(call.body),
    });
    renderPage(<ReasonsPage />, { path: '/vie-scolaire/motifs', me: cpe(['attendance.manage', 'attendance.settings']) });
    const table = await screen.findByRole('table', { name: 'Motifs d’absence de l’établissement' }, { timeout: 5000 });
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('Maladie');

    const form = screen.getByRole('form', { name: 'Nouveau motif' });
    await user.type(within(form).getByRole('textbox', { name: /Code/ }), 'Stage!');
    await user.type(within(form).getByRole('textbox', { name: /Libellé/ }), 'Stage en entreprise');
    await user.click(within(form).getByRole('button', { name: 'Ajouter le motif' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    const code = within(form).getByRole('textbox', { name: /Code/ });
    await user.clear(code);
    await user.type(code, 'stage');
    await user.click(within(form).getByRole('button', { name: 'Ajouter le motif' }));
    expect(await screen.findByText('Motif enregistré.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ code: 'stage', label: 'Stage en entreprise', countsAsJustified: true, active: true });

    const settings = await screen.findByRole('form', { name: 'Réglages' });
    const boundary = within(settings).getByRole('textbox', { name: /Fin de la demi-journée/ });
    await user.clear(boundary);
    await user.type(boundary, '12:00');
    await user.click(within(settings).getByRole('button', { name: 'Enregistrer les réglages' }));
    expect(await within(settings).findByText('Réglages enregistrés.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ halfDayBoundary: '12:00', forgottenAfterMinutes: 15 });
  }, 30_000);
});
