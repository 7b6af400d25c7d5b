import assert from 'node:assert/strict';
import type { Journey } from '../support/runner';
import { logIn, logInToHome, noHorizontalScroll, text, textAppears, tilesLoaded, visible } from '../support/ui';

export const portalJourneys: Journey[] = [
  {
    name: 'demo.student sees the student tiles and no admin tile',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await page.goto(`${baseUrl}/connexion`);
      await a11y(page, 'login page');
      await logInToHome(page, baseUrl, 'demo.student', demoPassword);
      const tiles = await tilesLoaded(page);
      assert.ok(tiles.includes('directory'), `student tiles: ${tiles}`);
      assert.ok(tiles.includes('account'), `student tiles: ${tiles}`);
      assert.ok(!tiles.includes('admin') && !tiles.includes('audit'), `student must not see admin/audit: ${tiles}`);
      await textAppears(page, /Bonjour .+ !/);
      await a11y(page, 'home (student)');
    },
  },
  {
    name: 'demo.admin sees the admin tile',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      const tiles = await tilesLoaded(page);
      assert.ok(tiles.includes('admin'), `admin tiles: ${tiles}`);
      assert.ok(!tiles.includes('audit'), `an establishment admin has no audit tile: ${tiles}`);
      await a11y(page, 'home (admin)');
    },
  },
  {
    name: 'demo.superadmin sees the audit tile and reads the audit log',
    async run({ page, baseUrl, demoPassword, a11y }) {
      // Enough audited actions for a second page (25 a page), whatever the other journeys did.
      for (let i = 0; i < 26; i += 1) {
        const response = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'demo.superadmin', password: demoPassword }),
        });
        assert.equal(response.status, 200, 'seeding audit entries by logging in');
      }
      await logInToHome(page, baseUrl, 'demo.superadmin', demoPassword);
      const tiles = await tilesLoaded(page);
      assert.ok(tiles.includes('audit'), `superadmin tiles: ${tiles}`);
      await a11y(page, 'home (superadmin)');
      await page.locator('[data-tile=audit] a').click();
      await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
      await visible(page.locator('table tbody tr td code'), 'audit rows');
      await a11y(page, 'audit log');
      // Filter on one action: every row shown has that action.
      await page.getByLabel('Action').fill('auth.login.succeeded');
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('table tbody td code')].every((c) => c.textContent === 'auth.login.succeeded'),
      );
      await page.getByRole('button', { name: 'Tout afficher' }).click();
      // Paging: by now the journeys have logged far more than one page (25) of actions.
      const next = page.getByRole('button', { name: 'Page suivante' });
      await page.waitForFunction(() => !document.querySelector('.pager button:last-child')?.hasAttribute('disabled'));
      const firstEntry = await page.locator('table tbody tr').first().getAttribute('data-entry-id');
      await next.click();
      await textAppears(page, 'Page 2');
      await page.waitForFunction(
        (before) => document.querySelector('table tbody tr')?.getAttribute('data-entry-id') !== before,
        firstEntry,
      );
      await page.getByRole('button', { name: 'Page précédente' }).click();
      await textAppears(page, 'Page 1');
    },
  },
  {
    name: 'demo.parent switches between their children (375 px wide)',
    viewport: { width: 375, height: 780 },
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.parent', demoPassword);
      const choices = page.locator('label.radio');
      assert.ok((await choices.count()) >= 2, 'the parent should have two children to choose from');
      const second = choices.nth(1);
      const secondName = await text(second.locator('.radio__title'));
      assert.match(await text(second.locator('.radio__detail')), /\S/, 'each child shows their class');
      await second.click(); // on the label, as a person would
      assert.ok(await page.getByRole('radio').nth(1).isChecked(), 'second child selected');
      await textAppears(page, `Vous suivez la scolarité de ${secondName.trim()}`);
      await noHorizontalScroll(page);
      await a11y(page, 'home (parent, mobile)');
    },
  },
  {
    name: 'a logged-out visitor is sent to /connexion and back to the page asked for, then logs out',
    async run({ page, baseUrl, demoPassword }) {
      await page.goto(`${baseUrl}/annuaire`);
      await page.waitForURL(/\/connexion\?retour=%2Fannuaire$/);
      await logIn(page, baseUrl, 'demo.teacher', demoPassword, '/connexion?retour=%2Fannuaire');
      await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL(/\/connexion$/);
      await page.goto(`${baseUrl}/`);
      await page.waitForURL(/\/connexion$/);
    },
  },
  {
    name: 'demo.inspector switches establishment and the directory follows',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.inspector', demoPassword);
      const trigger = page.getByRole('button', { name: /Établissement/ });
      const current = (await text(trigger)).replace('▾', '').trim();
      await trigger.click();
      const options = page.getByRole('option');
      await options.first().waitFor();
      await a11y(page, 'home with the establishment list open');
      const names = (await options.allTextContents()).map((n) => n.replace('✓', '').trim());
      const other = names.find((n) => n !== current);
      assert.ok(other, `a second establishment to choose: ${names}`);
      await page.getByRole('option', { name: other }).click();
      await textAppears(page, `Vous êtes dans l’espace de ${other}.`);
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire' }).click();
      await textAppears(page, new RegExp(`personnels de ${other}`));
      await visible(page.locator('.person'), 'people of the chosen establishment');
    },
  },
];
