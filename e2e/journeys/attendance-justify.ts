import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, noHorizontalScroll, textAppears } from '../support/ui';

/** react-aria Select: open the list by its label, choose the option. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('button', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export const attendanceJustifyJourneys: Journey[] = [
  {
    name: 'attendance justify: demo.parent justifies Camille’s absence with a document, demo.staff (CPE) accepts it; incidents, queue and statistics pages pass axe',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.parent', demoPassword);
      await page.locator('[data-tile=absences] a').click();
      await page.getByRole('heading', { level: 1, name: 'Absences' }).waitFor();
      // Two children: the seeded absences are Camille's (5B).
      await choose(page, /Enfant/, /Camille Rousseau/);
      await textAppears(page, 'À justifier');
      await noHorizontalScroll(page);
      await a11y(page, 'parent’s absences');
      const row = page.locator('tr', { hasText: 'À justifier' }).filter({ hasText: 'Absence' }).first();
      const eventId = (await row.getAttribute('data-event')) ?? '';
      assert.ok(eventId, 'an unjustified absence has a row');
      await row.getByRole('checkbox').check({ force: true });
      await choose(page, /Motif/, /^Maladie/);
      await page.getByLabel('Commentaire').first().fill('Gastro-entérite, certificat joint.');
      await page.getByLabel(/^Justificatif \(PDF/).setInputFiles({ name: 'certificat.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: 'Envoyer le justificatif' }).click();
      await textAppears(page, 'Justificatif envoyé : la vie scolaire va l’examiner.');
      await page.locator(`tr[data-event="${eventId}"]`, { hasText: 'En attente de validation' }).waitFor();
      await a11y(page, 'parent’s absences after sending');

      const staff = await newIsolatedPage();
      await logInToHome(staff, baseUrl, 'demo.staff', demoPassword);
      await staff.locator('[data-tile=justifications] a').click();
      await staff.getByRole('heading', { level: 1, name: 'Justificatifs à valider' }).waitFor();
      const card = staff.locator('li[data-justification]', { hasText: 'Camille Rousseau' }).filter({ hasText: 'Gastro-entérite' }).first();
      await card.waitFor();
      const link = card.getByRole('link', { name: /Télécharger le justificatif/ });
      const href = (await link.getAttribute('href')) ?? '';
      const file = await staff.request.get(`${baseUrl}${href}`);
      assert.equal(file.status(), 200, `GET ${href} answered ${file.status()}`);
      assert.equal((await file.body()).subarray(0, 5).toString('latin1'), '%PDF-');
      await a11y(staff, 'CPE’s justification queue');
      await card.getByRole('button', { name: 'Accepter' }).click();
      await card.waitFor({ state: 'detached' });

      await page.reload();
      await choose(page, /Enfant/, /Camille Rousseau/);
      await page.locator(`tr[data-event="${eventId}"]`, { hasText: 'Justifiée' }).waitFor();
      await textAppears(page, 'Validé (Karim BENALI)');

      // Incidents and sanctions: the family sees the published detention, not the unpublished remark.
      await page.goto(`${baseUrl}/`);
      await page.locator('[data-tile=discipline] a').click();
      await page.getByRole('heading', { level: 1, name: 'Incidents et sanctions' }).waitFor();
      await choose(page, /Enfant/, /Camille Rousseau/);
      await textAppears(page, 'Bavardages répétés en cours.');
      assert.equal(await page.getByText('Oubli du matériel.').count(), 0, 'the unpublished remark stays hidden from the family');
      await a11y(page, 'family’s incidents and sanctions');

      await staff.getByRole('link', { name: 'Statistiques d’absences' }).click();
      await staff.getByRole('heading', { level: 1, name: 'Statistiques d’absences' }).waitFor();
      await choose(staff, /Classe/, /^5B\b/);
      await staff.locator('tr[data-student=total]').waitFor();
      await a11y(staff, 'CPE’s statistics');
      await staff.goto(`${baseUrl}/vie-scolaire/incidents`);
      await textAppears(staff, 'Oubli du matériel.');
      await a11y(staff, 'CPE’s incidents and sanctions');
    },
  },
];
