import type { NotificationDefaults } from '@preau/contracts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { NotificationPreferencesPage, toUpdate } from './NotificationPreferencesPage';

const on = { web: true, email: true, push: true };
const defaults: NotificationDefaults = {
  emailFrequency: 'daily',
  quietHours: { enabled: true, start: '20:00', end: '07:00', days: [0] },
  channels: { messaging: on, news: on, homework: on, grades: on, attendance: on },
};
const preferences = {
  effective: defaults,
  defaults,
  own: { emailFrequency: false, quietHours: false, channels: [] },
  establishmentId: 'e-1',
  audience: 'family',
  hasEmail: true,
  emailAvailable: true,
  pushDevices: 0,
  timeZone: 'Europe/Paris',
};

describe('notification preferences', () => {
  it('sends only what differs from the establishment, the rest as null', () => {
    const draft = { ...defaults, emailFrequency: 'weekly' as const, channels: { ...defaults.channels, grades: { ...on, email: false } } };
    const update = toUpdate(draft, defaults);
    expect(update.emailFrequency).toBe('weekly');
    expect(update.quietHours).toBeNull();
    expect(update.channels?.filter((c) => c.enabled !== null)).toEqual([{ service: 'grades', channel: 'email', enabled: false }]);
  });

  it('saves a change made with the checkboxes and the frequency', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/notifications/preferences': () => json(preferences),
      'PUT /api/notifications/preferences': (call) => json({ ...preferences, own: { emailFrequency: true, quietHours: false, channels: [] }, effective: { ...defaults, emailFrequency: (call.body as { emailFrequency: string }).emailFrequency } }),
    });
    renderPage(<NotificationPreferencesPage />, { path: '/notifications', me: makeMe() });
    expect(await screen.findByText('Vous suivez les réglages de votre établissement.')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Notes : E-mail' }));
    await user.click(screen.getByRole('radio', { name: /À chaque notification/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Samedi' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Vos préférences sont enregistrées.')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'PUT')?.body as { emailFrequency: string; quietHours: { days: number[] }; channels: { service: string; channel: string; enabled: boolean | null }[] };
    expect(sent.emailFrequency).toBe('immediate');
    expect(sent.quietHours.days).toEqual([0, 6]);
    expect(sent.channels.filter((c) => c.enabled !== null)).toEqual([{ service: 'grades', channel: 'email', enabled: false }]);
    // Many interactions: give a loaded CI machine room (vitest's default is 5 s).
  }, 20_000);
});
