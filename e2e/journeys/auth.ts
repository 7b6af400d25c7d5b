import assert from 'node:assert/strict';
import type { Journey } from '../support/runner';
import { logIn, text, textAppears } from '../support/ui';

export const authJourneys: Journey[] = [
  {
    name: 'a wrong password shows the generic message',
    async run({ page, baseUrl, a11y }) {
      await logIn(page, baseUrl, 'demo.teacher', 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await text(alert), /Identifiant ou mot de passe incorrect\./);
      assert.ok(page.url().endsWith('/connexion'), 'stays on the login page');
      await a11y(page, 'login page with error');
    },
  },
  {
    name: 'switching to English changes the texts, the lang attribute, and persists',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await page.goto(`${baseUrl}/connexion`);
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
      await page.getByLabel('Login').fill('demo.teacher');
      await page.getByLabel('Password').fill(demoPassword);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: 'My workspace' }).waitFor();
      await textAppears(page, 'Your services');
      await a11y(page, 'home in English');
      await page.getByRole('button', { name: 'Passer en français' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon ENT' }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    },
  },
];
