import assert from 'node:assert/strict';
import type { Journey } from '../support/runner';
import { noHorizontalScroll, text, textAppears } from '../support/ui';

export const legalJourneys: Journey[] = [
  {
    name: 'the legal notice and personal data pages are reachable from the footer (375 px wide)',
    viewport: { width: 375, height: 780 },
    async run({ page, baseUrl, a11y }) {
      await page.goto(`${baseUrl}/connexion`);
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      // Keyboard users first meet the skip link, which moves focus to the main content.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Aller au contenu principal' });
      assert.ok(await skip.evaluate((el) => el === document.activeElement), 'the skip link is the first stop');
      assert.ok(await skip.isVisible(), 'the skip link is visible when focused');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu');
      await noHorizontalScroll(page);
      await a11y(page, 'login page (mobile)');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Mentions légales' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mentions légales' }).waitFor();
      await textAppears(page, /partiellement conforme/);
      await noHorizontalScroll(page);
      await a11y(page, 'legal notice');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
      await page.getByRole('heading', { level: 1, name: 'Données personnelles' }).waitFor();
      const content = await text(page.locator('main'));
      assert.match(content, /30 novembre 2006/);
      assert.match(content, /trois mois/);
      assert.match(content, /six et douze mois/);
      assert.match(content, /CNIL/);
      await a11y(page, 'personal data');
      await page.goto(`${baseUrl}/activation`);
      await page.getByRole('heading', { level: 1, name: 'Activer mon compte' }).waitFor();
      await noHorizontalScroll(page);
      await page.goto(`${baseUrl}/page-inexistante`);
      await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
      await a11y(page, 'not found');
    },
  },
];
