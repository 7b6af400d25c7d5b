import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, noHorizontalScroll, textAppears } from '../support/ui';

/** react-aria Select: open the list by its label, choose the option. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('button', { name: new RegExp(label) }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

export const gradesJourneys: Journey[] = [
  {
    name: 'grades: demo.teacher creates an assessment and enters 5B’s grades, demo.student sees the grade and the averages, the teacher edits then deletes it, demo.head reads the grid and 5B’s class averages',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      const title = `Contrôle de géométrie ${Date.now()}`;

      await logInToHome(page, baseUrl, 'demo.teacher', demoPassword);
      await page.locator('[data-tile=grades] a').click();
      await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
      await choose(page, 'Classe et matière', /^5B — Mathématiques$/);
      await page.getByRole('table', { name: /Notes de 5B en Mathématiques/ }).waitFor();
      await a11y(page, 'teacher’s grade grid of 5B');
      await page.getByLabel('Intitulé').fill(title);
      await page.getByRole('button', { name: 'Créer l’évaluation' }).click();
      await textAppears(page, 'Évaluation créée.');
      await page.getByRole('button', { name: `Saisir : ${title}` }).click();
      const fields = page.locator('.grades-entry input');
      await fields.first().waitFor();
      const count = await fields.count();
      // The whole class at once: 15,5 for everyone, the last one absent.
      for (let i = 0; i < count; i++) await fields.nth(i).fill(i === count - 1 ? 'abs' : '15,5');
      await a11y(page, 'grade entry form');
      await page.getByRole('button', { name: 'Enregistrer les notes' }).click();
      await textAppears(page, 'Notes enregistrées.');

      const student = await newIsolatedPage();
      await logInToHome(student, baseUrl, 'demo.student', demoPassword);
      await student.locator('[data-tile=grades] a').click();
      await student.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
      await textAppears(student, title);
      const row = student.getByRole('row').filter({ hasText: title });
      await row.getByText(/15,5\/20|Absent/).waitFor();
      await student.getByRole('heading', { level: 2, name: 'Moyenne générale' }).waitFor();
      await student.locator('[data-testid=general-average]').filter({ hasText: /\d/ }).waitFor();
      await noHorizontalScroll(student);
      await a11y(student, 'student grades');

      // The head reads every class's grid, without entry controls.
      const head = await newIsolatedPage();
      await logInToHome(head, baseUrl, 'demo.head', demoPassword);
      await head.locator('[data-tile=grades] a').click();
      await head.getByRole('heading', { level: 2, name: 'Notes des classes' }).waitFor();
      await choose(head, 'Classe et matière', /^5B — Mathématiques$/);
      await head.getByRole('columnheader', { name: new RegExp(title) }).waitFor();
      if (await head.getByRole('button', { name: 'Créer l’évaluation' }).count()) throw new Error('the head should not create assessments');
      await a11y(head, 'head’s grade grid');
      // The conseil de classe's table of 5B and its subject coefficients.
      await head.getByRole('heading', { level: 2, name: 'Moyennes de la classe' }).waitFor();
      await choose(head, 'Classe$', /^5B$/);
      await head.getByRole('table', { name: /^Moyennes de 5B/ }).waitFor();
      await head.getByRole('rowheader', { name: 'Moyenne de la classe' }).waitFor();
      await head.getByRole('form', { name: 'Coefficients des matières de 5B' }).waitFor();
      await a11y(head, 'class averages and coefficients');
      // The demo's trimesters, editable by the head; saved unchanged.
      await head.getByRole('heading', { level: 2, name: 'Périodes de notation' }).waitFor();
      await head.getByRole('group', { name: 'Période 3' }).waitFor();
      await head.getByRole('button', { name: 'Enregistrer les périodes' }).click();
      await textAppears(head, 'Périodes enregistrées.');
      await a11y(head, 'head’s grading periods');

      // The teacher corrects the coefficient, then deletes the assessment, confirming that its grades go too.
      await page.getByRole('button', { name: `Modifier : ${title}` }).click();
      const edit = page.getByRole('form', { name: `Modifier : ${title}` });
      await edit.getByRole('textbox', { name: /Coefficient/ }).fill('2');
      await a11y(page, 'assessment edit form');
      await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await page.getByRole('columnheader', { name: new RegExp(`${title}.*coef\\. 2`) }).waitFor();
      await page.getByRole('button', { name: `Supprimer : ${title}` }).click();
      const dialog = page.getByRole('dialog', { name: `Supprimer « ${title} » ?` });
      await dialog.getByText(/notes saisies seront supprimées/).waitFor();
      await a11y(page, 'delete confirmation');
      await dialog.getByRole('button', { name: 'Supprimer l’évaluation' }).click();
      await page.getByRole('columnheader', { name: new RegExp(title) }).waitFor({ state: 'detached' });
    },
  },
];
