import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../lib/api-client';
import { apiError, json, mockFetch } from '../../../test/fetch-mock';
import { renderPage } from '../../../test/render';
import { EstablishmentForm } from './EstablishmentForm';

async function fill(uai: string, name = 'Collège Victor Hugo') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Code UAI/), uai);
  await user.type(screen.getByLabelText(/^Nom/), name);
  await user.type(screen.getByLabelText('Code postal'), '75003');
  setCsrfToken('csrf-1');
  await user.click(screen.getByRole('button', { name: 'Ajouter l’établissement' }));
}

/** The error react-aria linked to the field through aria-describedby. */
function describedErrors(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((el) => el?.classList.contains('field__error'))
    .map((el) => el?.textContent ?? '')
    .join(' ');
}

describe('EstablishmentForm', () => {
  it('shows the server’s invalid UAI error on the UAI field', async () => {
    const { calls } = mockFetch({ 'POST /api/platform/establishments': () => apiError(400, 'directory.invalid_uai') });
    renderPage(<EstablishmentForm onCreated={() => undefined} />, { path: '/' });
    await fill('0750001b');
    const uai = screen.getByLabelText(/Code UAI/);
    await waitFor(() => expect(uai.getAttribute('aria-invalid')).toBe('true'));
    expect(describedErrors(uai)).toContain('Code UAI invalide : 7 chiffres suivis de la lettre de contrôle.');
    expect(screen.queryByRole('alert')).toBeNull(); // on the field, not in a banner
    expect(calls[0].body).toEqual({ uai: '0750001B', name: 'Collège Victor Hugo', type: 'college', postalCode: '75003' });
  });

  it('shows an existing UAI on the field too', async () => {
    mockFetch({ 'POST /api/platform/establishments': () => apiError(409, 'directory.establishment_exists') });
    renderPage(<EstablishmentForm onCreated={() => undefined} />, { path: '/' });
    await fill('0750001A');
    const uai = screen.getByLabelText(/Code UAI/);
    await waitFor(() => expect(describedErrors(uai)).toContain('Un établissement porte déjà ce code UAI.'));
  });

  it('checks the shape of the UAI before asking the server', async () => {
    const { calls } = mockFetch({});
    renderPage(<EstablishmentForm onCreated={() => undefined} />, { path: '/' });
    expect(screen.getByText(/7 chiffres suivis de la lettre de contrôle, par exemple 0750001A/)).toBeTruthy();
    await fill('07500A');
    expect(describedErrors(screen.getByLabelText(/Code UAI/))).toContain('Format attendu : 7 chiffres suivis d’une lettre');
    expect(calls).toHaveLength(0);
  });

  it('confirms the creation and empties the form', async () => {
    const created = { id: 'e-9', uai: '0750001A', name: 'Collège Victor Hugo', type: 'college', academy: null, address: null, postalCode: '75003', city: null };
    mockFetch({ 'POST /api/platform/establishments': () => json(created, 201) });
    const onCreated = vi.fn();
    renderPage(<EstablishmentForm onCreated={onCreated} />, { path: '/' });
    await fill('0750001A');
    expect(await screen.findByText('Établissement « Collège Victor Hugo » (0750001A) ajouté.')).toBeTruthy();
    expect(onCreated).toHaveBeenCalledWith(created);
    expect((screen.getByLabelText(/Code UAI/) as HTMLInputElement).value).toBe('');
  });
});
