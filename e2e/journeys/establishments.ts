import assert from 'node:assert/strict';
import type { Journey } from '../support/runner';
import { logInToHome, text, textAppears, tilesLoaded } from '../support/ui';
import { choose } from './imports';

const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** Random digits (unlikely to meet a seeded UAI), with the right and a wrong check letter. */
function randomUai(): { valid: string; wrong: string } {
  const digits = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
  const index = Number(digits) % 23;
  return { valid: `${digits}${CHECK_LETTERS[index]}`, wrong: `${digits}${CHECK_LETTERS[(index + 1) % 23]}` };
}

export const establishmentsJourneys: Journey[] = [
  {
    name: 'demo.superadmin adds an establishment: a wrong check letter is refused on the field, the right one is added',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.superadmin', demoPassword);
      assert.ok((await tilesLoaded(page)).includes('establishments'), 'establishments tile');
      await page.locator('[data-tile=establishments] a').click();
      await page.getByRole('heading', { level: 1, name: 'Établissements' }).waitFor();
      await page.locator('table tbody tr[data-uai]').first().waitFor();
      await a11y(page, 'establishments page');

      const uai = randomUai();
      const name = `Lycée Essai ${uai.valid}`;
      const uaiField = page.getByLabel('Code UAI');
      await uaiField.fill(uai.wrong);
      await page.getByLabel(/^Nom/).fill(name);
      await choose(page, /Type/, 'Lycée');
      await page.getByLabel('Académie').fill('Paris');
      await page.getByLabel('Code postal').fill('75011');
      await page.getByLabel('Commune').fill('Paris');
      await page.getByRole('button', { name: 'Ajouter l’établissement' }).click();
      await textAppears(page, 'Code UAI invalide : 7 chiffres suivis de la lettre de contrôle.');
      assert.equal(await uaiField.getAttribute('aria-invalid'), 'true', 'the UAI field is marked invalid');
      await a11y(page, 'establishment form with a server error');

      await uaiField.fill(uai.valid);
      await page.getByRole('button', { name: 'Ajouter l’établissement' }).click();
      await textAppears(page, `Établissement « ${name} » (${uai.valid}) ajouté.`);

      // Found by its UAI in the list.
      await page.getByRole('searchbox', { name: 'Rechercher un établissement' }).fill(uai.valid);
      await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
      const row = page.locator(`table tbody tr[data-uai="${uai.valid}"]`);
      await row.waitFor();
      const cells = await text(row);
      assert.ok(cells.includes(name) && cells.includes('Lycée') && cells.includes('75011 Paris'), `row: ${cells}`);

      // The same UAI again: the server's 409 lands on the field too.
      await uaiField.fill(uai.valid);
      await page.getByLabel(/^Nom/).fill(name);
      await page.getByRole('button', { name: 'Ajouter l’établissement' }).click();
      await textAppears(page, 'Un établissement porte déjà ce code UAI.');
    },
  },
];
