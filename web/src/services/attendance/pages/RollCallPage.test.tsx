import type { Register } from '@preau/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { parisToday } from '../components/dates';
import { RollCallPage } from './RollCallPage';

const base = '/api/attendance/establishments/e-1';
const lesson = {
  slotId: 'slot-1',
  date: '2026-11-23',
  start: '08:00',
  end: '09:00',
  startsAt: '2026-11-23T07:00:00.000Z',
  endsAt: '2026-11-23T08:00:00.000Z',
  subject: { id: 's-maths', name: 'Mathématiques' },
  group: { id: 'g-1', name: '5B' },
  teacher: { id: 'p-1', name: 'Thomas LEFÈVRE' },
  room: 'B12',
  cancelled: false,
  registerId: null,
  state: 'todo' as const,
};
const student = (id: string, displayName: string, extra: object = {}) => ({
  id,
  displayName,
  status: 'present',
  minutes: null,
  reasonId: null,
  comment: null,
  collective: null,
  exemption: null,
  reportedAbsent: false,
  flagged: false,
  ...extra,
});
const register: Register = {
  id: 'reg-1',
  lesson: { ...lesson, registerId: 'reg-1' },
  state: 'todo',
  submittedAt: null,
  students: [
    student('st-1', 'Alice MARTIN'),
    student('st-2', 'Bob DURAND', { exemption: { mustAttend: true, comment: null } }),
    student('st-3', 'Chloé LEROY', { collective: 'Sortie au musée' }),
  ] as Register['students'],
  canEdit: true,
  canSetReasons: false,
  reasons: [],
};
const teacher = () =>
  makeMe({
    memberships: [
      {
        establishment: { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' },
        profiles: ['teacher'],
        functions: [],
        rights: ['portal.use', 'attendance.registers', 'attendance.read'],
        groups: [],
      },
    ],
  });

describe('RollCallPage', () => {
  it('lists the day’s lessons, opens a register, and submits one absent and one 10-minute late arrival', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/lessons`]: () => json({ date: '2026-11-23', lessons: [lesson] }),
      [`POST ${base}/registers`]: () => json(register),
      [`GET ${base}/registers/reg-1`]: () => json(register),
      [`POST ${base}/registers/reg-1/submit`]: (call) => {
        const marks = (call.body as { marks: { studentId: string; status: string; minutes: number | null }[] }).marks;
        return json({ ...register, state: 'done', students: register.students.map((s) => ({ ...s, ...marks.find((m) => m.studentId === s.id) })) });
      },
    });
    renderPage(<RollCallPage />, { path: '/appel', url: '/appel?date=2026-11-23', me: teacher() });
    expect(calls.find((c) => c.path.startsWith(`${base}/lessons`))?.path).toBe(`${base}/lessons?date=2026-11-23`);
    await user.click(await screen.findByRole('button', { name: 'Faire l’appel : 5B, Mathématiques, 08:00' }, { timeout: 5000 }));
    expect(calls.find((c) => c.method === 'POST' && c.path === `${base}/registers`)?.body).toEqual({ slotId: 'slot-1', date: '2026-11-23' });

    const form = await screen.findByRole('form', { name: 'Appel de 5B — Mathématiques, 08:00–09:00' }, { timeout: 5000 });
    expect(within(form).getByText('Dispensé (présence obligatoire)')).toBeTruthy();
    // A student away with the school cannot be marked.
    const chloe = within(form).getByRole('radiogroup', { name: 'Présence de Chloé LEROY' });
    expect(within(chloe).getByRole('radio', { name: 'Absent' }).hasAttribute('disabled')).toBe(true);

    await user.click(within(within(form).getByRole('radiogroup', { name: 'Présence de Alice MARTIN' })).getByRole('radio', { name: 'Absent' }));
    await user.click(within(within(form).getByRole('radiogroup', { name: 'Présence de Bob DURAND' })).getByRole('radio', { name: 'Retard' }));
    expect(screen.getByText('Présents : 1 · absents : 1 · retards : 1 · départs anticipés : 0')).toBeTruthy();
    // Minutes are required before submitting.
    await user.click(within(form).getByRole('button', { name: 'Valider l’appel' }));
    expect(await within(form).findByText('Indiquez les minutes de chaque retard et de chaque départ anticipé.')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/submit'))).toBe(false);

    await user.type(within(form).getByRole('textbox', { name: 'Minutes de retard de Bob DURAND' }), '10');
    await user.click(within(form).getByRole('button', { name: 'Valider l’appel' }));
    expect(await screen.findByText('Appel validé.', undefined, { timeout: 5000 })).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/submit'))?.body).toEqual({
      marks: [
        { studentId: 'st-1', status: 'absent', minutes: null, reasonId: null },
        { studentId: 'st-2', status: 'late', minutes: 10, reasonId: null },
        { studentId: 'st-3', status: 'present', minutes: null, reasonId: null },
      ],
    });
  }, 30_000);

  it('shows a submitted register read-only to its teacher after the day, and errors in French', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      [`GET ${base}/registers/reg-1`]: () => json({ ...register, state: 'done', canEdit: false }),
      [`GET ${base}/registers/reg-2`]: () => apiError(403, 'attendance.not_your_lesson'),
      [`GET ${base}/lessons`]: () => json({ date: parisToday(), lessons: [] }),
    });
    renderPage(<RollCallPage />, { path: '/appel', url: '/appel?registre=reg-1', me: teacher() });
    expect(await screen.findByText(/Cet appel est validé/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Valider l’appel' })).toBeNull();
  });

  it('tells students that the register is not for them', () => {
    renderPage(<RollCallPage />, { path: '/appel', me: makeMe() });
    expect(screen.getByText('L’appel est réservé aux enseignants et à la vie scolaire.')).toBeTruthy();
  });
});
