import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { safeReturnPath } from '../redirect';
import { LoginPage } from './LoginPage';

async function fillAndSubmit(login: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/Identifiant/), login);
  await user.type(screen.getByLabelText(/Mot de passe/), password);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('LoginPage', () => {
  it('sends the login and password to the API', async () => {
    const { calls } = mockFetch({
      'POST /api/auth/login': () => json({ csrfToken: 'csrf-1' }),
      'GET /api/me': () => json(makeMe()),
    });
    renderPage(<LoginPage />, { path: '/connexion' });
    await fillAndSubmit(' camille.martin ', 'Preau-Demo-2026!');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/auth/login')).toBe(true));
    const loginCall = calls.find((c) => c.path === '/api/auth/login');
    expect(loginCall?.method).toBe('POST');
    expect(loginCall?.body).toEqual({ login: 'camille.martin', password: 'Preau-Demo-2026!' });
  });

  it('shows the generic message when the credentials are wrong', async () => {
    mockFetch({ 'POST /api/auth/login': () => apiError(401, 'auth.invalid_credentials', 'server text') });
    renderPage(<LoginPage />, { path: '/connexion' });
    await fillAndSubmit('camille.martin', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Identifiant ou mot de passe incorrect.');
  });

  it('explains throttling and when to retry', async () => {
    mockFetch({ 'POST /api/auth/login': () => apiError(429, 'auth.throttled', 'x', { 'retry-after': '42' }) });
    renderPage(<LoginPage />, { path: '/connexion' });
    await fillAndSubmit('camille.martin', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Trop de tentatives');
    expect(alert.textContent).toContain('42 secondes');
  });

  it('links each missing field to its error message', async () => {
    const { calls } = mockFetch({});
    renderPage(<LoginPage />, { path: '/connexion' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Se connecter' }));
    const loginInput = screen.getByLabelText(/Identifiant/);
    expect(loginInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (loginInput.getAttribute('aria-describedby') ?? '').split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('Saisissez votre identifiant.');
    expect(calls).toHaveLength(0);
  });

  it('sends a signed-in visitor to the page they wanted', async () => {
    mockFetch({ 'GET /api/auth/csrf': () => json({ csrfToken: 't' }) });
    renderPage(<LoginPage />, {
      path: '/connexion',
      url: '/connexion?retour=%2Fannuaire',
      me: makeMe(),
      otherPaths: ['/annuaire'],
    });
    expect((await screen.findByTestId('probe')).textContent).toBe('at /annuaire');
  });
});

describe('safeReturnPath', () => {
  it.each([
    [null, '/'],
    ['/annuaire?q=x', '/annuaire?q=x'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/connexion', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
