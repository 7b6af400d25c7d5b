import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, noHorizontalScroll, textAppears } from '../support/ui';

/** Types in a recipient field and picks the option whose name starts with `option`. */
async function pick(page: Page, field: string, query: string, option: string | RegExp) {
  const combo = page.getByRole('combobox', { name: field });
  await combo.fill(query);
  await page.getByRole('option', { name: option }).first().click();
}

async function openMessaging(page: Page) {
  await page.locator('[data-tile=messaging] a').click();
  await page.getByRole('heading', { level: 1, name: 'Messagerie' }).waitFor();
}

/** Same-origin API calls from the page, with its session and CSRF token, as a crafted client would. */
async function apiFromPage(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = ((await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
      const res = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

export const messagingJourneys: Journey[] = [
  {
    name: 'messaging: demo.teacher writes to the parents of 5B, demo.parent sees it live and answers, the teacher sees who read it',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      const subject = `Réunion parents-professeurs ${Date.now()}`;
      // The parent's home page is open before the message is sent: it must arrive without a reload.
      const parent = await newIsolatedPage();
      await logInToHome(parent, baseUrl, 'demo.parent', demoPassword);

      await logInToHome(page, baseUrl, 'demo.teacher', demoPassword);
      await openMessaging(page);
      await a11y(page, 'teacher inbox');
      await page.getByRole('link', { name: 'Écrire un message' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouveau message' }).waitFor();
      await pick(page, 'À', 'parents 5B', /^Parents de 5B/);
      await page.getByRole('row', { name: /Parents de 5B/ }).or(page.getByRole('gridcell', { name: /Parents de 5B/ })).first().waitFor();
      await page.getByLabel('Objet').fill(subject);
      await page.getByRole('textbox', { name: 'Message' }).fill('La réunion aura lieu jeudi à 18 h en salle 12.');
      await page.getByRole('checkbox', { name: /Annonce/ }).waitFor();
      await a11y(page, 'compose with a class’s parents chosen');
      await page.getByRole('button', { name: 'Envoyer' }).click();
      await textAppears(page, /Message envoyé à \d+ destinataires/);
      await page.getByRole('heading', { level: 2, name: 'Messages envoyés' }).waitFor();

      // Live, in the parent's timeline (server-sent events), then in the inbox.
      const live = parent.getByRole('link', { name: `Nouveau message : ${subject}` });
      await live.waitFor({ timeout: 15_000 });
      await live.click();
      await parent.getByRole('heading', { level: 1, name: subject }).waitFor();
      await textAppears(parent, 'La réunion aura lieu jeudi à 18 h en salle 12.');
      await a11y(parent, 'parent reading the thread');
      await parent.getByRole('link', { name: 'Répondre', exact: true }).click();
      await parent.getByRole('heading', { level: 1, name: 'Répondre' }).waitFor();
      await parent.getByRole('row', { name: /LEFÈVRE/ }).or(parent.getByRole('gridcell', { name: /LEFÈVRE/ })).first().waitFor();
      assert.equal(await parent.getByLabel('Objet').inputValue(), `Re : ${subject}`);
      await parent.getByRole('textbox', { name: 'Message' }).click();
      await parent.keyboard.type('Merci, je serai présente.');
      await parent.getByRole('button', { name: 'Envoyer' }).click();
      await textAppears(parent, 'Message envoyé à 1 destinataire.');

      // The parent files the announcement away: to the trash, then the trash is emptied.
      await parent.goto(`${baseUrl}/messagerie`);
      await parent.locator('.message-row').filter({ hasText: subject }).first().getByRole('link').click();
      await parent.getByRole('button', { name: 'Supprimer', exact: true }).click();
      await textAppears(parent, 'Message mis à la corbeille.');
      await parent.getByRole('link', { name: 'Corbeille' }).click();
      await parent.locator('.message-row').filter({ hasText: subject }).first().waitFor();
      await parent.getByRole('button', { name: 'Vider la corbeille' }).click();
      await parent.getByRole('button', { name: 'Supprimer définitivement' }).click();
      await textAppears(parent, /messages? supprimés? définitivement/);
      await a11y(parent, 'emptied trash');

      // The teacher finds the answer in the inbox (on reload), in the same conversation.
      await page.goto(`${baseUrl}/messagerie`);
      const answer = page.locator('.message-row--unread').filter({ hasText: `Re : ${subject}` });
      await answer.waitFor();
      await answer.getByRole('link').click();
      await textAppears(page, 'Merci, je serai présente.');
      // The thread's messages may be drawn one after the other: wait for the second before counting.
      await page.locator('article.message').nth(1).waitFor();
      assert.equal(await page.locator('article.message').count(), 2, 'the thread holds the message and its answer');
      await page.getByRole('button', { name: /^Accusés de lecture/ }).first().click();
      await textAppears(page, /Lu par [1-9]\d* sur \d+/);
      await textAppears(page, /ROUSSEAU — lu le/);
      await a11y(page, 'thread with read receipts');
    },
  },
  {
    name: 'messaging: demo.student cannot pick another student’s parent, and the API refuses one (phone screen)',
    viewport: { width: 390, height: 844 },
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      // Who is another pupil's parent? The teacher may see the relatives of his pupils.
      const teacher = await newIsolatedPage();
      await logInToHome(teacher, baseUrl, 'demo.teacher', demoPassword);
      const me = (await apiFromPage(teacher, 'GET', '/api/me')).json as { memberships: { establishment: { id: string } }[] };
      const establishmentId = me.memberships[0]?.establishment.id ?? '';
      const relatives = (await apiFromPage(teacher, 'GET', `/api/directory/establishments/${establishmentId}/people?profile=relative&limit=50`)).json as {
        items: { id: string; displayName: string; lastName: string }[];
      };
      const other = relatives.items.find((p) => !p.displayName.includes('ROUSSEAU'));
      assert.ok(other, 'a parent of another pupil of demo.teacher');

      await logInToHome(page, baseUrl, 'demo.student', demoPassword);
      await openMessaging(page);
      await noHorizontalScroll(page);
      await page.getByRole('link', { name: 'Écrire un message' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nouveau message' }).waitFor();
      await noHorizontalScroll(page);
      const combo = page.getByRole('combobox', { name: 'À' });
      await combo.fill(other.lastName);
      await page.waitForTimeout(600); // the picker searches 250 ms after the last key
      await page.getByRole('listbox').waitFor();
      const offered = await page.getByRole('option').allTextContents();
      assert.ok(!offered.some((o) => o.startsWith(other.displayName)), `${other.displayName} must not be offered: ${offered.join(' | ')}`);
      // axe runs with the list closed: while it is open, react-aria hides the rest of the page from
      // assistive technologies (aria-hidden), as a modal list does, which axe reports as hidden focusables.
      await page.getByLabel('Objet').click();
      await page.getByRole('listbox').waitFor({ state: 'hidden' });
      await a11y(page, 'student compose (phone)');
      // Her own teacher is offered.
      await combo.fill('lefevre');
      await page.getByRole('option', { name: /^Thomas LEFÈVRE/ }).waitFor();

      const refused = await apiFromPage(page, 'POST', `/api/messaging/establishments/${establishmentId}/messages`, {
        subject: 'Bonjour',
        body: '<p>Bonjour</p>',
        to: [{ type: 'person', id: other.id }],
      });
      assert.equal(refused.status, 403);
      assert.equal((refused.json as { error: { code: string } }).error.code, 'communication.not_allowed');
    },
  },
  {
    name: 'messaging: communication rules: demo.admin previews whom demo.student may write to',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      await page.locator('[data-tile=communication] a').click();
      await page.getByRole('heading', { level: 1, name: 'Règles de communication' }).waitFor();
      await page.getByRole('checkbox', { name: 'les parents des camarades de classe (d’eux-mêmes ou de leurs enfants)' }).first().waitFor();
      await a11y(page, 'communication rules');
      await page.getByLabel('Personne', { exact: true }).fill('rousseau camille');
      await page.getByRole('button', { name: 'Chercher' }).click();
      await page.getByRole('button', { name: /Voir à qui Camille ROUSSEAU peut écrire/ }).click();
      await textAppears(page, /Camille ROUSSEAU peut écrire à \d+ personnes/);
      await textAppears(page, 'Thomas LEFÈVRE');
      await a11y(page, 'communication preview');
    },
  },
];
