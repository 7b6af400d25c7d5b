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
    name: 'grades: demo.teacher creates an assessment and enters 5B’s grades, demo.student sees the grade and the averages, demo.head reads the grid',
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
      // The demo's trimesters, editable by the head; saved unchanged.
      await head.getByRole('heading', { level: 2, name: 'Périodes de notation' }).waitFor();
      await head.getByRole('group', { name: 'Période 3' }).waitFor();
      await head.getByRole('button', { name: 'Enregistrer les périodes' }).click();
      await textAppears(head, 'Périodes enregistrées.');
      await a11y(head, 'head’s grading periods');
    },
  },
];
