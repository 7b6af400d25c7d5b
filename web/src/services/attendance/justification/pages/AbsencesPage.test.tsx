import type { ChildAbsences } from '@preau/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setCsrfToken } from '../../../../lib/api-client';
import { apiError, json, mockFetch } from '../../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../../test/render';
import { AbsencesPage } from './AbsencesPage';

const establishment = { id: 'e-1', uai: '0750001A', name: 'Collège Jean Moulin', type: 'college' as const };
const parent = makeMe({
  memberships: [{ establishment, profiles: ['relative'], functions: [], rights: ['attendance.read', 'attendance.justify'], groups: [] }],
  children: [{ id: 's-1', firstName: 'Léa', lastName: 'Martin', legalGuardian: true, establishments: [{ establishment, groups: [] }] }],
});
const event = (id: string, justification: ChildAbsences['events'][number]['justification'], canJustify: boolean) => ({
  id,
  student: { id: 's-1', name: 'Léa MARTIN' },
  group: { id: 'g-1', name: '5B' },
  kind: 'absence' as const,
  startsAt: '2026-11-23T07:00:00.000Z',
  endsAt: '2026-11-23T08:00:00.000Z',
  minutes: null,
  reason: null,
  justification,
  source: 'register' as const,
  registerId: 'r-1',
  comment: null,
  flagged: false,
  canJustify,
  justificationId: null,
});
const absences = (canJustify: boolean): ChildAbsences => ({
  student: { id: 's-1', name: 'Léa MARTIN' },
  canJustify,
  events: [event('ev-open', 'unjustified', canJustify), event('ev-done', 'justified', false)],
  justifications: [],
  reasons: [{ id: 'rs-1', code: 'maladie', label: 'Maladie', countsAsJustified: true, active: true, position: 10 }],
  from: '2026-07-28',
  to: '2026-11-25',
  figures: { absentHalfDays: 3, justifiedHalfDays: 1, unjustifiedHalfDays: 2, lessonHalfDays: 60, absenceRate: 5, lateCount: 1, lateMinutes: 5 },
});

describe('AbsencesPage', () => {
  it('lets a legal guardian tick an open absence and send a reason with a document', async () => {
    const { calls } = mockFetch({
      'GET /api/attendance/establishments/e-1/absences': () => json(absences(true)),
      'POST /api/attendance/establishments/e-1/justifications': () => json({}, 201),
    });
    renderPage(<AbsencesPage />, { path: '/absences', me: parent });
    const user = userEvent.setup();
    await screen.findByText('À justifier');
    expect(screen.getByText('3 demi-journées d’absence, dont 2 non justifiées ; 1 retard (5 min).')).toBeTruthy();
    // Only the open absence can be ticked.
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    await user.click(screen.getByRole('checkbox'));
    await user.type(screen.getAllByLabelText('Commentaire')[0] as HTMLElement, 'Fièvre');
    await user.upload(screen.getByLabelText(/^Justificatif/), new File(['%PDF-1.4'], 'certificat.pdf', { type: 'application/pdf' }));
    setCsrfToken('csrf-1');
    await user.click(screen.getByRole('button', { name: 'Envoyer le justificatif' }));
    await screen.findByText('Justificatif envoyé : la vie scolaire va l’examiner.');
    const post = calls.find((c) => c.method === 'POST');
    const form = post?.body as FormData;
    expect(form.getAll('eventIds')).toEqual(['ev-open']);
    expect(form.get('reasonId')).toBe('rs-1');
    expect(form.get('comment')).toBe('Fièvre');
    expect((form.get('file') as File).name).toBe('certificat.pdf');
  }, 15_000);

  it('shows the absences without a form to a relative who is not a legal guardian', async () => {
    mockFetch({ 'GET /api/attendance/establishments/e-1/absences': () => json(absences(false)) });
    renderPage(<AbsencesPage />, { path: '/absences', me: parent });
    await screen.findByText('Seuls les responsables légaux (ou l’élève majeur) justifient les absences.');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Envoyer le justificatif' })).toBeNull();
  }, 15_000);

  it('says in French why the server refused', async () => {
    mockFetch({
      'GET /api/attendance/establishments/e-1/absences': () => json(absences(true)),
      'POST /api/attendance/establishments/e-1/justifications': () => apiError(413, 'justification.file_too_large'),
    });
    renderPage(<AbsencesPage />, { path: '/absences', me: parent });
    const user = userEvent.setup();
    await screen.findByText('À justifier');
    await user.click(screen.getByRole('checkbox'));
    setCsrfToken('csrf-1');
    await user.click(screen.getByRole('button', { name: 'Envoyer le justificatif' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Le document dépasse 5 Mo.'));
  }, 15_000);
});
