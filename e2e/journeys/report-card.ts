import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, noHorizontalScroll } from '../support/ui';

/** react-aria Select: open the list by its label, choose the option. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('button', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

export const reportCardJourneys: Journey[] = [
  {
    name: 'report card: demo.parent downloads Camille’s first-trimester bulletin (PDF); demo.teacher’s appreciations and demo.head’s council pages pass axe',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.parent', demoPassword);
      await page.locator('[data-tile=report_cards] a').click();
      await page.getByRole('heading', { level: 1, name: 'Bulletins' }).waitFor();
      // Two children: the seeded bulletin is Camille's (5B).
      await choose(page, /Enfant/, /Camille Rousseau/);
      await page.getByRole('heading', { level: 2, name: 'Bulletins de Camille Rousseau' }).waitFor();
      const link = page.getByRole('link', { name: /^Bulletin du Trimestre 1 \(5B\), PDF$/ });
      await link.waitFor();
      await noHorizontalScroll(page);
      await a11y(page, 'parent’s bulletins');
      const href = (await link.getAttribute('href')) ?? '';
      const pdf = await page.request.get(`${baseUrl}${href}`);
      assert.equal(pdf.status(), 200, `GET ${href} answered ${pdf.status()}`);
      assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
      const body = await pdf.body();
      assert.ok(body.length > 1000, `the PDF has ${body.length} bytes`);
      assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');

      const teacher = await newIsolatedPage();
      await logInToHome(teacher, baseUrl, 'demo.teacher', demoPassword);
      await teacher.locator('[data-tile=report_cards] a').click();
      await teacher.getByRole('heading', { level: 2, name: 'Appréciations et conseils de classe' }).waitFor();
      await choose(teacher, /Classe/, /^5B\b/);
      await choose(teacher, /Période/, /^Trimestre 1/);
      // The first trimester's council of 5B was held (demo data): appreciations are read only.
      await teacher.getByRole('table', { name: /^Appréciations de .+ en 5B$/ }).waitFor();
      await teacher.getByRole('table', { name: 'Conseil de classe de 5B · Trimestre 1' }).waitFor();
      await a11y(teacher, 'teacher’s appreciations and council of 5B');

      const head = await newIsolatedPage();
      await logInToHome(head, baseUrl, 'demo.head', demoPassword);
      await head.goto(`${baseUrl}/bulletins`);
      await head.getByRole('heading', { level: 2, name: 'Appréciations et conseils de classe' }).waitFor();
      await choose(head, /Classe/, /^5B\b/);
      await choose(head, /Période/, /^Trimestre 2/);
      await head.getByRole('button', { name: 'Enregistrer les décisions' }).waitFor();
      await a11y(head, 'head’s class council (open)');
    },
  },
];
