import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { Timeline } from './Timeline';

const item = (id: string, overrides: object = {}) => ({
  id,
  type: 'message.received',
  service: 'messaging',
  establishmentId: 'e-1',
  actor: { id: 'p-9', displayName: 'Théo PETIT' },
  resource: { kind: 'conversation', id: `c-${id}` },
  summary: { subject: `Sujet ${id}` },
  createdAt: '2026-11-25T10:00:00.000Z',
  read: false,
  ...overrides,
});

describe('Timeline', () => {
  it('lists the notifications, filters by service and marks one read', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/timeline/unread': () => json({ unread: 1, byService: { messaging: 1 } }),
      'GET /api/timeline': (call) =>
        call.path.includes('service=news')
          ? json({ items: [item('n1', { type: 'news.published', service: 'news', summary: { title: 'Portes ouvertes' }, read: true, actor: null })], nextCursor: null })
          : json({ items: [item('m1'), item('m2', { read: true, type: 'future.thing' })], nextCursor: 'next' }),
      'POST /api/timeline/read': () => json({ marked: 1 }),
    });
    renderPage(<Timeline />, { path: '/', me: makeMe() });
    const region = await screen.findByRole('region', { name: 'Fil d’actualité' });
    const list = await within(region).findByRole('list');
    const entries = within(list).getAllByRole('listitem');
    expect(entries[0]?.textContent).toContain('Nouveau message : Sujet m1');
    expect(entries[0]?.textContent).toContain('par Théo PETIT');
    expect(entries[0]?.textContent).toContain('Non lu');
    // An event type this client does not know yet still reads sensibly.
    expect(entries[1]?.textContent).toContain('Nouvelle notification');
    expect(within(region).getByRole('button', { name: 'Afficher plus' })).toBeTruthy();

    await user.click(within(region).getByRole('button', { name: 'Marquer comme lu : Nouveau message : Sujet m1' }));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/timeline/read')?.body).toEqual({ ids: ['m1'] });

    await user.click(within(region).getByRole('button', { name: /Service/ }));
    await user.click(await screen.findByRole('option', { name: 'Actualités' }));
    expect(await within(region).findByText('Nouvelle actualité : Portes ouvertes')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/timeline?') && c.path.includes('service=news'))).toBe(true);
    // Many interactions: give a loaded CI machine room (vitest's default is 5 s).
  }, 20_000);

  it('says when there is nothing new', async () => {
    mockFetch({
      'GET /api/timeline/unread': () => json({ unread: 0, byService: {} }),
      'GET /api/timeline': () => json({ items: [], nextCursor: null }),
    });
    renderPage(<Timeline />, { path: '/', me: makeMe() });
    expect(await screen.findByText('Rien de nouveau pour l’instant.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tout marquer comme lu' })).toBeNull();
  });
});
