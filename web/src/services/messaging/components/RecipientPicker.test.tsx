import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { renderPage } from '../../../test/render';
import { type ChosenAddress, RecipientPicker } from './RecipientPicker';

function Harness() {
  const [value, setValue] = useState<ChosenAddress[]>([]);
  return (
    <>
      <RecipientPicker establishmentId="e-1" label="À" value={value} onChange={setValue} />
      <output data-testid="value">{value.map((a) => `${a.type}:${a.id}`).join(' ')}</output>
    </>
  );
}

describe('RecipientPicker', () => {
  it('offers what the server allows for the text typed, and keeps the choice as removable tags', async () => {
    const { calls } = mockFetch({
      'GET /api/messaging/establishments/e-1/recipients': () =>
        json({
          people: [{ id: 'p-2', displayName: 'Rose LEFÈVRE', profiles: ['relative'], detail: 'Chloé LEFÈVRE' }],
          groups: [{ type: 'group_relatives', id: 'g-5b', name: '5B', kind: 'class', memberCount: 24 }],
        }),
    });
    renderPage(<Harness />, { path: '/' });
    const user = userEvent.setup();
    const combo = screen.getByRole('combobox', { name: 'À' });
    expect(calls).toHaveLength(0); // nothing is asked before the person types
    await user.type(combo, 'lefevre');
    const option = await screen.findByRole('option', { name: /Parents de 5B/ });
    await waitFor(() => expect(calls.some((c) => c.path.includes('q=lefevre'))).toBe(true));
    expect(calls.every((c) => !c.path.endsWith('q='))).toBe(true);
    expect(screen.getByRole('option', { name: /Rose LEFÈVRE/ }).textContent).toContain('Parent · Chloé LEFÈVRE');
    await user.click(option);
    expect(screen.getByTestId('value').textContent).toBe('group_relatives:g-5b');
    expect(await screen.findByRole('row', { name: 'Parents de 5B' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'À' })).toHaveProperty('value', '');
    await user.click(screen.getByRole('button', { name: 'Retirer Parents de 5B' }));
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe(''));
  });
});
