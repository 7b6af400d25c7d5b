import assert from 'node:assert/strict';
import type { Journey } from '../support/runner';
import { logInToHome, text, textAppears, visible } from '../support/ui';

export const accountJourneys: Journey[] = [
  {
    name: 'the account page lists the current session and explains the rule for a weak password',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.head', demoPassword);
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      await visible(page.locator('[data-session-current=true]'), 'current session');
      assert.match(await text(page.locator('[data-session-current=true]')), /Cette session/);
      await a11y(page, 'account page');

      await page.getByLabel('Mot de passe actuel').fill(demoPassword);
      await page.getByLabel(/^Nouveau mot de passe/).fill('faible123');
      await textAppears(page, 'Le mot de passe ne respecte pas encore la règle.');
      await page.getByLabel('Confirmez le nouveau mot de passe').fill('faible123');
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      const newPassword = page.getByLabel(/^Nouveau mot de passe/);
      await page.waitForFunction(() => document.querySelector('input[name=newPassword]')?.getAttribute('aria-invalid') === 'true');
      const describedBy = (await newPassword.getAttribute('aria-describedby')) ?? '';
      const description = await page.evaluate(
        (ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
        describedBy,
      );
      assert.match(description, /au moins 12 caractères de 4 types/, 'the rule is linked to the field');
      await a11y(page, 'account page with password error');
    },
  },
  {
    name: 'a session is closed from another device, then "se déconnecter partout" logs out',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      const otherDevice = await newIsolatedPage();
      await logInToHome(otherDevice, baseUrl, 'demo.staff', demoPassword);
      await logInToHome(page, baseUrl, 'demo.staff', demoPassword);
      await page.goto(`${baseUrl}/compte`);
      await visible(page.locator('[data-session-current=true]'), 'current session');
      const others = page.locator('[data-session-current=false]');
      assert.ok((await others.count()) >= 1, 'the other device is listed');
      const before = await others.count();
      await others.first().getByRole('button', { name: /^Déconnecter la session/ }).click();
      await textAppears(page, 'La session a été déconnectée.');
      await page.waitForFunction((n) => document.querySelectorAll('[data-session-current=false]').length === n - 1, before);

      // The other device lost its session: any page now sends it to the login form.
      await otherDevice.goto(`${baseUrl}/compte`);
      await otherDevice.waitForURL(/\/connexion\?retour=%2Fcompte$/);

      await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
      const dialog = page.getByRole('dialog', { name: 'Se déconnecter de tous les appareils ?' });
      await dialog.waitFor();
      await a11y(page, 'log out everywhere dialog');
      await dialog.getByRole('button', { name: 'Oui, me déconnecter partout' }).click();
      await page.waitForURL(/\/connexion$/);
      await page.goto(`${baseUrl}/compte`);
      await page.waitForURL(/\/connexion\?retour=%2Fcompte$/);
    },
  },
];
