import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, noHorizontalScroll, text, textAppears } from '../support/ui';

/**
 * From today, goes forward day by day until the list shows a register still to take: on a school
 * day the demo seed gives demo.teacher one today; during the holidays (up to 16 days at Christmas)
 * the first lessons after them are still to take, whereas the days before were taken by the seed.
 */
async function dayWithRegisterToTake(page: Page): Promise<void> {
  for (let ahead = 0; ahead < 30; ahead++) {
    await page.getByRole('heading', { level: 2, name: /^Cours du/ }).waitFor();
    await page.locator('.roll-lessons, p:has-text("Aucun cours ce jour-là.")').first().waitFor();
    // The list is drawn once the lessons arrived: either lessons or "no lesson".
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    if ((await page.getByRole('button', { name: /^Faire l’appel :/ }).count()) > 0) return;
    await page.getByRole('button', { name: /Jour suivant/ }).click();
  }
  throw new Error('no register to take in the next 30 days');
}

export const attendanceJourneys: Journey[] = [
  {
    name: 'attendance-register: demo.teacher takes a register on a phone (one absent, one 10 minutes late) and submits it; demo.staff sees them in the day’s absences',
    viewport: { width: 390, height: 844 },
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.teacher', demoPassword);
      await page.locator('[data-tile=attendance] a').click();
      await page.getByRole('heading', { level: 1, name: 'Faire l’appel' }).waitFor();
      await dayWithRegisterToTake(page);
      await noHorizontalScroll(page);
      await a11y(page, 'teacher’s lessons of the day');

      await page.getByRole('button', { name: /^Faire l’appel :/ }).first().click();
      const form = page.getByRole('form', { name: /^Appel de / });
      await form.waitFor();
      const names = page.locator('.roll-row__name');
      await names.nth(1).waitFor();
      const absent = await text(names.nth(0));
      const late = await text(names.nth(1));
      await form.getByRole('radiogroup', { name: `Présence de ${absent}` }).getByText('Absent', { exact: true }).click();
      await form.getByRole('radiogroup', { name: `Présence de ${late}` }).getByText('Retard', { exact: true }).click();
      await form.getByRole('textbox', { name: `Minutes de retard de ${late}` }).fill('10');
      await noHorizontalScroll(page);
      await a11y(page, 'register with an absent and a late student');
      await form.getByRole('button', { name: 'Valider l’appel' }).click();
      await textAppears(page, 'Appel validé.');
      await page.getByText(/absents : 1 · retards : 1/).waitFor();
      await a11y(page, 'submitted register');
      const lessonDate = new URL(page.url()).searchParams.get('date');

      // Vie scolaire: the absence and the late arrival are in the day's list.
      const staff = await newIsolatedPage();
      await logInToHome(staff, baseUrl, 'demo.staff', demoPassword);
      await staff.locator('[data-tile=vie_scolaire] a').click();
      await staff.getByRole('heading', { level: 1, name: 'Vie scolaire' }).waitFor();
      if (lessonDate) await staff.getByRole('textbox', { name: 'Jour (AAAA-MM-JJ)', exact: true }).fill(lessonDate);
      const day = staff.getByRole('table', { name: /^Absences et retards du/ });
      await day.getByRole('row').filter({ hasText: absent }).filter({ hasText: 'Absence (appel)' }).first().waitFor();
      await day.getByRole('row').filter({ hasText: late }).filter({ hasText: 'Retard (10 min) (appel)' }).first().waitFor();
      await a11y(staff, 'vie scolaire’s day');
      await staff.getByRole('link', { name: 'Motifs d’absence et réglages' }).click();
      await staff.getByRole('table', { name: 'Motifs d’absence de l’établissement' }).getByRole('rowheader', { name: 'Maladie' }).waitFor();
      await a11y(staff, 'absence reasons and settings');
    },
  },
];
