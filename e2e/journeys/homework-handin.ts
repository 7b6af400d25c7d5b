import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, textAppears } from '../support/ui';

/** react-aria Select: open the list by its label, choose the option. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('button', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

export const homeworkHandinJourneys: Journey[] = [
  {
    name: 'homework hand-in: demo.teacher sets work to hand in online, demo.student hands in a file, demo.teacher sees it and returns a comment',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      const stamp = Date.now();
      const work = `Rédaction sur les fractions (${stamp})`;
      const comment = `Bon travail, attention aux unités (${stamp})`;

      await logInToHome(page, baseUrl, 'demo.teacher', demoPassword);
      await page.goto(`${baseUrl}/cahier-de-textes`);
      await page.getByRole('heading', { level: 1, name: 'Cahier de textes' }).waitFor();
      await choose(page, /Classe ou groupe/, /^5B$/);
      await page.getByRole('heading', { level: 2, name: 'Séances' }).waitFor();
      await page.getByRole('button', { name: 'Nouvelle séance' }).click();
      await page.getByLabel('Titre de la séance').fill(`Fractions en ligne ${stamp}`);
      await page.getByLabel('Contenu de la séance').fill('Correction et rédaction.');
      await page.getByRole('button', { name: 'Ajouter un travail' }).click();
      await page.getByLabel('Consignes').fill(work);
      await choose(page, /Rendu/, 'En ligne');
      await page.getByRole('button', { name: 'Enregistrer la séance' }).click();
      await textAppears(page, 'La séance est enregistrée.');

      // The student: from the agenda to the hand-in page, one file handed in.
      const student = await newIsolatedPage();
      await logInToHome(student, baseUrl, 'demo.student', demoPassword);
      await student.goto(`${baseUrl}/agenda`);
      await textAppears(student, work);
      await student.locator('li.agenda-item').filter({ hasText: work }).getByRole('link', { name: /en ligne/ }).click();
      await student.getByRole('heading', { level: 1, name: 'Travail rendu en ligne' }).waitFor();
      await textAppears(student, 'Pas encore rendu');
      await a11y(student, 'student hand-in form');
      await student.getByLabel('Texte (facultatif)').fill('Voici ma rédaction.');
      await student.getByLabel(/^Fichiers/).setInputFiles({ name: `copie-${stamp}.txt`, mimeType: 'text/plain', buffer: Buffer.from('Ma copie') });
      const sent = student.waitForResponse((r) => r.url().endsWith('/handin') && r.request().method() === 'PUT', { timeout: 20_000 });
      await student.getByRole('button', { name: 'Rendre mon travail' }).click();
      assert.equal((await sent).status(), 200);
      await textAppears(student, 'Votre travail a été rendu.');
      await textAppears(student, `copie-${stamp}.txt`);
      await a11y(student, 'student hand-in done');

      // The teacher: the copies of the class, the student's file, a personal comment returned.
      await page.locator('li.homework-item').filter({ hasText: work }).getByRole('link', { name: 'Copies rendues en ligne' }).click();
      await page.getByRole('heading', { level: 1, name: 'Travail rendu en ligne' }).waitFor();
      const card = page.locator('li.handin-card').filter({ hasText: `copie-${stamp}.txt` });
      await card.waitFor();
      await page.getByRole('link', { name: 'Télécharger toutes les copies (ZIP)' }).waitFor();
      await a11y(page, 'teacher’s list of hand-ins');
      await card.getByLabel(/^Commentaire pour/).fill(comment);
      await card.getByRole('button', { name: 'Rendre la correction' }).click();
      await textAppears(page, 'Correction rendue.');
      await textAppears(page, comment);

      // The student reads it.
      await student.reload();
      await textAppears(student, comment);
      await textAppears(student, 'Ce travail ne peut plus être modifié.');
      await a11y(student, 'student reads the correction');
    },
  },
  {
    name: 'homework archive: demo.head opens the archives of the cahier de textes from it, demo.inspector reads the list',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.head', demoPassword);
      await page.goto(`${baseUrl}/cahier-de-textes`);
      await page.getByRole('link', { name: 'Archives du cahier de textes' }).click();
      await page.getByRole('heading', { level: 1, name: 'Archives du cahier de textes' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Archiver une année terminée' }).waitFor();
      await a11y(page, 'archives of the cahier de textes (head)');
      const inspector = await newIsolatedPage();
      await logInToHome(inspector, baseUrl, 'demo.inspector', demoPassword);
      await inspector.goto(`${baseUrl}/cahier-de-textes/archives`);
      await inspector.getByRole('heading', { level: 1, name: 'Archives du cahier de textes' }).waitFor();
      assert.equal(await inspector.getByRole('button', { name: 'Archiver' }).count(), 0);
      await a11y(inspector, 'archives of the cahier de textes (inspector)');
    },
  },
];
