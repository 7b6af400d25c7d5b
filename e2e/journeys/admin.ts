import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, text, textAppears } from '../support/ui';
import { searchPeople } from './directory';

const NEW_PASSWORD = 'Nouveau-Depart-2026!';

/** Filters the accounts table on students and waits until it shows only them. */
async function onlyStudentsListed(page: Page) {
  await searchPeople(page, { profile: 'Élève' });
  await page.waitForFunction(() => {
    const roles = [...document.querySelectorAll('tbody tr[data-person] .account__profiles')].map((r) => r.textContent ?? '');
    return roles.length > 2 && roles.every((r) => r.includes('Élève'));
  });
}

export const adminJourneys: Journey[] = [
  {
    name: 'demo.admin resets an account and the code activates it on /activation',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      await page.locator('[data-tile=admin] a').click();
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await onlyStudentsListed(page);
      await a11y(page, 'admin page');

      // Someone outside the demo family, so other journeys keep their accounts.
      const people = page.locator('tbody tr[data-person]').filter({ hasNotText: 'ROUSSEAU' });
      const person = people.first();
      const name = await text(person.locator('.account__name'));
      await person.getByRole('button', { name: `Réinitialiser le compte de ${name}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await a11y(page, 'admin reset dialog');
      await dialog.getByRole('button', { name: 'Réinitialiser le compte' }).click();
      await page.locator('#reset-code').waitFor();
      const login = await text(page.locator('#reset-login'));
      const code = await text(page.locator('#reset-code'));
      assert.ok(login && code, 'login and activation code shown');
      await a11y(page, 'admin reset result');

      const person2 = await newIsolatedPage();
      await person2.goto(`${baseUrl}/activation`);
      await person2.getByRole('heading', { level: 1, name: 'Activer mon compte' }).waitFor();
      await person2.getByLabel('Identifiant').fill(login);
      await person2.getByLabel('Code d’activation').fill(code);
      await person2.getByLabel(/^Nouveau mot de passe/).fill(NEW_PASSWORD);
      await textAppears(person2, 'Le mot de passe respecte la règle.');
      await person2.getByLabel('Confirmez le nouveau mot de passe').fill(NEW_PASSWORD);
      await person2.getByText('J’ai lu et j’accepte la charte d’utilisation').click(); // the label, as a person would
      assert.ok(await person2.getByRole('checkbox', { name: /charte d’utilisation/ }).isChecked(), 'terms accepted');
      await a11y(person2, 'activation page');
      await person2.getByRole('button', { name: 'Activer mon compte' }).click();
      await person2.getByRole('heading', { level: 1, name: 'Mon ENT' }).waitFor();
      const firstName = name.split(' ')[0];
      await textAppears(person2, `Bonjour ${firstName} !`);
    },
  },
];

export const accountStateJourneys: Journey[] = [
  {
    name: 'demo.admin suspends an account after confirming, then reactivates it',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      await page.goto(`${baseUrl}/admin`);
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await onlyStudentsListed(page);
      // Not the demo family, nor the first student (the reset journey takes that one).
      const person = page.locator('tbody tr[data-person]').filter({ hasNotText: 'ROUSSEAU' }).nth(2);
      const name = await text(person.locator('.account__name'));

      await person.getByRole('button', { name: `Suspendre le compte de ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Suspendre le compte de ${name} ?` });
      await dialog.waitFor();
      await a11y(page, 'admin suspend dialog');
      await dialog.getByRole('button', { name: 'Suspendre le compte' }).click();
      await dialog.waitFor({ state: 'detached' });
      await textAppears(page, `Compte de ${name} : suspendu.`);
      await person.locator('[data-account-state=suspended]').waitFor();
      assert.equal(await text(person.locator('[data-account-state]')), 'suspendu');

      await person.getByRole('button', { name: `Réactiver le compte de ${name}` }).click();
      await person.locator('[data-account-state]').filter({ hasText: /actif|en attente d’activation/ }).waitFor();
      await a11y(page, 'admin after reactivation');
    },
  },
  {
    name: 'demo.admin downloads the activation letters and codes of a class',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      await page.goto(`${baseUrl}/admin`);
      const letters = page.getByRole('region', { name: 'Lettres d’activation' });
      const item = letters.locator('.letters__item').first();
      await item.waitFor();
      const className = (await item.getAttribute('data-group')) ?? '';
      await a11y(page, 'admin page with activation letters');

      // The cookie authenticates the GET: the page's own request context carries it.
      const csvLink = letters.getByRole('link', { name: `Codes (CSV) de la classe ${className}` });
      const csvHref = (await csvLink.getAttribute('href')) ?? '';
      const csv = await page.request.get(`${baseUrl}${csvHref}`);
      assert.equal(csv.status(), 200, `GET ${csvHref} answered ${csv.status()}: ${(await csv.text()).slice(0, 200)}`);
      assert.match(csv.headers()['content-type'] ?? '', /^text\/csv/);
      const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
      assert.match(download.suggestedFilename(), /\.csv$/);

      const pdfHref = (await letters.getByRole('link', { name: `Lettres (PDF) de la classe ${className}` }).getAttribute('href')) ?? '';
      const pdf = await page.request.get(`${baseUrl}${pdfHref}`);
      assert.equal(pdf.status(), 200, `GET ${pdfHref} answered ${pdf.status()}`);
      assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
    },
  },
];
