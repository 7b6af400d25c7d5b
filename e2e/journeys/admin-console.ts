import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, text, textAppears, tilesLoaded } from '../support/ui';

/** Opens a react-aria select inside `scope` and picks an option. */
async function chooseIn(page: Page, scope: ReturnType<Page['locator']>, select: RegExp, option: string) {
  await scope.getByRole('button', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function setStudentsSee(page: Page, service: string, shown: boolean) {
  const group = page.getByRole('group', { name: 'Services visibles par les élèves' });
  const box = group.getByRole('checkbox', { name: service });
  if ((await box.isChecked()) !== shown) await group.getByText(service, { exact: true }).click();
  await page.getByRole('button', { name: 'Enregistrer pour ce profil (élèves)' }).click();
  await textAppears(page, 'Services des élèves enregistrés.');
}

export const adminConsoleJourneys: Journey[] = [
  {
    // Hides the directory from the collège's students for a moment: run.ts lists this journey last so
    // that the student journeys which open the directory have finished by then.
    name: 'demo.admin creates a teaching group, adds students, and hides a service from students',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      await page.goto(`${baseUrl}/admin`);
      await page.getByRole('navigation', { name: 'Administration de l’établissement' }).getByRole('link', { name: 'Classes et groupes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Classes et groupes' }).waitFor();
      await page.locator('tbody tr[data-structure]').first().waitFor();
      await a11y(page, 'classes and groups');

      const name = `Latin e2e ${Math.random().toString(36).slice(2, 7)}`;
      const create = page.getByRole('region', { name: 'Créer une classe ou un groupe' });
      await chooseIn(page, create, /Type/, 'Groupe d’enseignement');
      await create.getByLabel(/^Nom/).fill(name);
      const classes = create.getByRole('group', { name: 'Classes concernées' });
      await classes.locator('.checkbox').first().waitFor();
      for (const i of [0, 1]) await classes.locator('.checkbox__label').nth(i).click();
      await a11y(page, 'new teaching group form');
      await create.getByRole('button', { name: 'Créer' }).click();
      await page.getByRole('heading', { level: 1, name: `${name} · Groupe d’enseignement` }).waitFor();
      await textAppears(page, `« ${name} » créé.`);

      // Students: the first ones the search offers (not the demo family), two ticked and added at once.
      const add = page.getByRole('search', { name: 'Ajouter des élèves' });
      await add.getByRole('button', { name: 'Chercher' }).click();
      const candidates = page.locator('.card').filter({ has: page.getByRole('heading', { name: 'Ajouter des élèves' }) }).locator('.checkbox').filter({ hasNotText: 'ROUSSEAU' }).locator('.checkbox__label');
      await candidates.nth(1).waitFor();
      const picked = [await text(candidates.nth(0)), await text(candidates.nth(1))].map((label) => label.replace(/ \(.*\)$/, ''));
      await candidates.nth(0).click();
      await candidates.nth(1).click();
      await page.getByRole('button', { name: 'Ajouter 2 élèves' }).click();
      await textAppears(page, '2 élèves ajoutés.');
      const students = page.getByRole('region', { name: /^Élèves/ });
      for (const student of picked) await students.getByRole('link', { name: student }).waitFor();
      await a11y(page, 'teaching group with students');

      // One removed again; the group is not empty, so it cannot be deleted yet.
      await students.getByRole('button', { name: `Retirer ${picked[1]}` }).click();
      await students.getByRole('link', { name: picked[1] }).waitFor({ state: 'detached' });
      assert.ok(await page.getByRole('button', { name: `Supprimer « ${name} »` }).isDisabled(), 'a group with a student cannot be deleted');

      // The student's own page, reached from the group.
      await students.getByRole('link', { name: picked[0] }).click();
      await page.getByRole('heading', { level: 1, name: picked[0] }).waitFor();
      await page.getByRole('region', { name: 'Classes et groupes' }).getByRole('link', { name }).waitFor();
      await a11y(page, 'account page');

      // Services: the directory hidden from students, checked on a student's home page, then shown again.
      await page.getByRole('navigation', { name: 'Administration de l’établissement' }).getByRole('link', { name: 'Services' }).click();
      await page.getByRole('heading', { level: 1, name: 'Services par profil' }).waitFor();
      await a11y(page, 'services per profile');
      try {
        await setStudentsSee(page, 'Annuaire', false);
        await page.reload();
        const box = page.getByRole('group', { name: 'Services visibles par les élèves' }).getByRole('checkbox', { name: 'Annuaire' });
        await box.waitFor({ state: 'attached' });
        assert.equal(await box.isChecked(), false, 'the setting is kept');
        const student = await newIsolatedPage();
        await logInToHome(student, baseUrl, 'demo.student', demoPassword);
        const tiles = await tilesLoaded(student);
        assert.ok(!tiles.includes('directory') && tiles.includes('account'), `student tiles once hidden: ${tiles}`);
        // The main menu follows the tiles: no way to the hidden service from there either.
        const menu = student.getByRole('navigation', { name: 'Navigation principale' });
        await menu.getByRole('link', { name: 'Mon compte' }).waitFor();
        assert.equal(await menu.getByRole('link', { name: 'Annuaire' }).count(), 0, 'the menu hides the directory too');
      } finally {
        await setStudentsSee(page, 'Annuaire', true);
      }
    },
  },
  {
    name: 'demo.superadmin appoints an administrator of the collège, then removes them',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.superadmin', demoPassword);
      await page.goto(`${baseUrl}/etablissements`);
      const row = page.locator('table tbody tr[data-uai]').filter({ hasText: 'Collège' }).first();
      await row.waitFor();
      const establishment = await text(row.locator('td').nth(1));
      await row.getByRole('link', { name: `Administrateurs de ${establishment}` }).click();
      await page.getByRole('heading', { level: 1, name: `Administrateurs de ${establishment}` }).waitFor();
      await page.locator('[data-admin]').first().waitFor();
      await a11y(page, 'establishment administrators');

      // demo.staff (the CPE) becomes an administrator, then stops being one.
      await page.getByRole('searchbox', { name: 'Nom ou identifiant' }).fill('demo.staff');
      await page.getByRole('button', { name: 'Chercher' }).click();
      const appoint = page.locator('[data-candidate="demo.staff"]').getByRole('button', { name: /^Nommer/ });
      await appoint.click();
      await textAppears(page, /est maintenant administrateur\./);
      const admin = page.locator('[data-admin="demo.staff"]');
      await admin.waitFor();
      await admin.getByRole('button', { name: /^Retirer/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await a11y(page, 'remove administrator dialog');
      await dialog.getByRole('button', { name: 'Retirer' }).click();
      await admin.waitFor({ state: 'detached' });
      await textAppears(page, /n’est plus administrateur\./);
    },
  },
];
