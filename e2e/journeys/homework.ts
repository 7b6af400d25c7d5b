import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, noHorizontalScroll, textAppears } from '../support/ui';

/** react-aria Select: open the list by its label, choose the option. */
async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('button', { name: new RegExp(label) }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

async function openTile(page: Page, tile: string, title: string) {
  await page.locator(`[data-tile=${tile}] a`).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

export const homeworkJourneys: Journey[] = [
  {
    name: 'homework: demo.teacher fills in the lesson and sets homework, demo.student ticks it in the agenda, demo.parent sees it, demo.head signs off',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      const stamp = Date.now();
      const title = `Fractions : révisions ${stamp}`;
      const work = `Exercices 7 et 8 page 61 (${stamp})`;

      // The teacher: 5B, maths, a new session with one piece of homework due at the next lesson.
      await logInToHome(page, baseUrl, 'demo.teacher', demoPassword);
      await openTile(page, 'textbook', 'Cahier de textes');
      await choose(page, 'Classe ou groupe', /^5B$/);
      await page.getByRole('heading', { level: 2, name: 'Séances' }).waitFor();
      await a11y(page, 'teacher’s cahier de textes of 5B');
      await page.getByRole('button', { name: 'Nouvelle séance' }).click();
      await page.getByLabel('Titre de la séance').fill(title);
      await page.getByLabel('Contenu de la séance').fill('Rappels sur les fractions.\nExercices de la page 60 corrigés en classe.');
      await page.getByRole('button', { name: 'Ajouter un travail' }).click();
      await page.getByLabel('Consignes').fill(work);
      await page.getByLabel('Durée estimée (minutes)').fill('20');
      await a11y(page, 'session form with homework');
      await page.getByRole('button', { name: 'Enregistrer la séance' }).click();
      await textAppears(page, 'La séance est enregistrée.');
      await textAppears(page, title);

      // The student: the homework in the agenda, ticked as done (and still ticked after a reload).
      const student = await newIsolatedPage();
      await logInToHome(student, baseUrl, 'demo.student', demoPassword);
      await openTile(student, 'agenda', 'Agenda');
      await textAppears(student, work);
      const item = student.locator('li.agenda-item').filter({ hasText: work });
      const done = item.getByRole('checkbox');
      assert.equal(await done.isChecked(), false);
      // Listen before clicking: the answer may come back before a listener set afterwards.
      const saved = student.waitForResponse((r) => r.url().includes('/done') && r.request().method() === 'PUT', { timeout: 20_000 });
      await done.click({ force: true });
      assert.equal((await saved).status(), 204);
      await student.reload();
      await textAppears(student, work);
      assert.equal(await student.locator('li.agenda-item').filter({ hasText: work }).getByRole('checkbox').isChecked(), true);
      await a11y(student, 'student agenda');
      // And the week's timetable, with the phone subscription link.
      await student.goto(`${baseUrl}/emploi-du-temps`);
      await student.getByRole('heading', { level: 1, name: 'Emploi du temps' }).waitFor();
      await student.locator('li.lesson').first().waitFor();
      await student.getByRole('button', { name: 'Afficher mon lien d’abonnement' }).click();
      const url = await student.getByLabel('Lien d’abonnement (iCalendar)').inputValue();
      assert.match(url, /\/api\/timetable\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
      await noHorizontalScroll(student);
      await a11y(student, 'student timetable');

      // The parent: the same homework for Camille, without the student's private tick.
      const parent = await newIsolatedPage();
      await logInToHome(parent, baseUrl, 'demo.parent', demoPassword);
      await openTile(parent, 'agenda', 'Agenda');
      if (await parent.getByRole('button', { name: /Enfant/ }).count()) await choose(parent, 'Enfant', /Camille/);
      await textAppears(parent, work);
      assert.equal(await parent.locator('li.agenda-item').filter({ hasText: work }).getByRole('checkbox').count(), 0);
      await a11y(parent, 'parent agenda');

      // The head: reads 5B's cahier de textes and signs it off.
      const head = await newIsolatedPage();
      await logInToHome(head, baseUrl, 'demo.head', demoPassword);
      await openTile(head, 'textbook', 'Cahier de textes');
      await choose(head, 'Classe ou groupe', /^5B$/);
      await textAppears(head, title);
      await head.getByLabel('Commentaire').fill('Progression conforme, merci.');
      await head.getByRole('button', { name: 'Apposer le visa' }).click();
      await textAppears(head, 'Le visa est enregistré.');
      await textAppears(head, 'Progression conforme, merci.');
      await a11y(head, 'head’s visa on 5B');
    },
  },
  {
    name: 'homework: the timetable on a phone, a day view without horizontal scroll',
    viewport: { width: 375, height: 740 },
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.student', demoPassword);
      await openTile(page, 'timetable', 'Emploi du temps');
      await page.getByRole('button', { name: 'Jour', exact: true }).click();
      await page.getByText(/Journée du/).waitFor();
      await noHorizontalScroll(page);
      await a11y(page, 'timetable day view on a phone');
    },
  },
  {
    name: 'homework: the CPE cancels a 5B lesson, which shows as cancelled, then restores it; the head opens the timetable management',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.staff', demoPassword);
      await openTile(page, 'timetable', 'Emploi du temps');
      await choose(page, 'Lequel', /^5B$/);
      await page.getByText(/^5B —/).waitFor();
      // Next week: this week's demo changes stay as they are.
      await page.getByRole('button', { name: 'Semaine suivante' }).click();
      const lesson = page.locator('li.lesson').filter({ hasText: 'Mathématiques' }).first();
      await lesson.getByRole('button', { name: /^Modifier ce cours/ }).click();
      await lesson.getByText('Cours annulé').click();
      await lesson.getByLabel('Note visible des élèves').fill('Sortie pédagogique');
      await a11y(page, 'CPE changing one lesson');
      await lesson.getByRole('button', { name: 'Enregistrer' }).click();
      await lesson.getByText('Annulé', { exact: true }).waitFor();
      await lesson.getByText('Sortie pédagogique').waitFor();
      await lesson.getByRole('button', { name: 'Rétablir le cours habituel' }).click();
      await lesson.getByText('Annulé', { exact: true }).waitFor({ state: 'detached' });

      const head = await newIsolatedPage();
      await logInToHome(head, baseUrl, 'demo.head', demoPassword);
      await head.goto(`${baseUrl}/emploi-du-temps/gestion`);
      await head.getByRole('heading', { level: 1, name: 'Gérer l’emploi du temps' }).waitFor();
      await choose(head, 'Classe ou groupe', /^5B$/);
      await head.getByRole('row', { name: /Mathématiques/ }).first().waitFor();
      await head.getByRole('heading', { level: 3, name: 'Périodes sans cours' }).waitFor();
      await a11y(head, 'timetable management');
    },
  },
];
