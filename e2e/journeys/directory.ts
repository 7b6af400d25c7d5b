import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, text, visible } from '../support/ui';

/** Picks a profile in the react-aria Select and runs the search. */
export async function searchPeople(page: Page, options: { q?: string; profile?: string }) {
  if (options.q !== undefined) await page.getByLabel('Rechercher une personne').fill(options.q);
  if (options.profile) {
    await page.getByRole('button', { name: /Profil/ }).click();
    await page.getByRole('option', { name: options.profile, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
}

export async function resultNames(page: Page): Promise<string[]> {
  await page.locator('.results__count').filter({ hasText: /personne|Aucune/ }).waitFor();
  return page.locator('.person__name').allTextContents();
}

export const directoryJourneys: Journey[] = [
  {
    name: 'demo.student finds a teacher in the directory',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.student', demoPassword);
      await page.locator('[data-tile=directory] a').click();
      await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
      await visible(page.locator('.person'), 'first page of the directory');
      await a11y(page, 'directory');

      const before = await page.locator('.person').count();
      const more = page.getByRole('button', { name: 'Afficher plus' });
      if (await more.isVisible()) {
        await more.click();
        await page.waitForFunction((n) => document.querySelectorAll('.person').length > n, before);
      }

      await searchPeople(page, { profile: 'Enseignant' });
      await page.waitForFunction(() => {
        const roles = [...document.querySelectorAll('.person__roles')].map((r) => r.textContent ?? '');
        return roles.length > 0 && roles.every((r) => r.includes('Enseignant'));
      });
      const teacher = await text(page.locator('.person__name').first());
      const lastName = teacher.split(' ').slice(-1)[0];

      await searchPeople(page, { q: lastName });
      await page.waitForFunction(
        (name) => [...document.querySelectorAll('.person__name')].some((n) => n.textContent?.trim() === name),
        teacher,
      );
      const names = await resultNames(page);
      assert.ok(names.includes(teacher), `searching "${lastName}" should find ${teacher}: ${names}`);
      await a11y(page, 'directory search results');
    },
  },
];
