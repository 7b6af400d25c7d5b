import assert from 'node:assert/strict';
import type { Journey } from '../support/runner';
import { logIn, logInToHome, textAppears } from '../support/ui';

/** A session through the API (for the person who acts while the journey's browser watches). */
async function apiSession(baseUrl: string, login: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  assert.equal(response.status, 200, `API login ${login}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const me = (await (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).json()) as { id: string; memberships: { establishment: { id: string } }[] };
  return { cookie, csrfToken, me };
}

export const timelineJourneys: Journey[] = [
  {
    name: 'timeline: demo.student sees a new message arrive live in the timeline, filters, marks it read and sets preferences',
    async run({ page, baseUrl, demoPassword, a11y }) {
      await logInToHome(page, baseUrl, 'demo.student', demoPassword);
      const timeline = page.getByRole('region', { name: 'Fil d’actualité' });
      await timeline.waitFor();
      await a11y(page, 'home with the timeline');

      // The teacher writes to the student while the student's page stays open: no reload.
      const teacher = await apiSession(baseUrl, 'demo.teacher', demoPassword);
      const student = await apiSession(baseUrl, 'demo.student', demoPassword);
      const establishmentId = teacher.me.memberships[0]?.establishment.id ?? '';
      const subject = `Sortie au musée ${Date.now()}`;
      const sent = await fetch(`${baseUrl}/api/messaging/establishments/${establishmentId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: teacher.cookie, 'x-csrf-token': teacher.csrfToken },
        body: JSON.stringify({ subject, body: '<p>Rendez-vous à 9 h devant le collège.</p>', to: [{ type: 'person', id: student.me.id }] }),
      });
      assert.equal(sent.status, 201, `sending the message: ${await sent.text()}`);

      const title = `Nouveau message : ${subject}`;
      await timeline.getByText(title).waitFor({ timeout: 15_000 });
      const bell = page.getByRole('link', { name: /^Notifications : \d+ non lues?$/ });
      await bell.waitFor();
      await a11y(page, 'home with a live notification');

      // Filter on the messaging service: the message is there.
      await timeline.getByRole('button', { name: /Service/ }).click();
      await page.getByRole('option', { name: /^Messagerie/ }).click();
      await timeline.getByText(title).waitFor();

      await timeline.getByRole('button', { name: `Marquer comme lu : ${title}` }).click();
      await timeline.getByRole('button', { name: `Marquer comme lu : ${title}` }).waitFor({ state: 'detached' });

      await timeline.getByRole('link', { name: 'Régler mes notifications' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mes notifications' }).waitFor();
      await textAppears(page, 'Heures calmes');
      await a11y(page, 'notification preferences');
      // react-aria hides the input itself: click its label, as a person would.
      await page.locator('label').filter({ has: page.getByRole('checkbox', { name: 'Notes : E-mail' }) }).click();
      assert.equal(await page.getByRole('checkbox', { name: 'Notes : E-mail' }).isChecked(), false);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await textAppears(page, 'Vos préférences sont enregistrées.');
      await textAppears(page, 'Certains réglages sont les vôtres');
      await page.getByRole('button', { name: 'Revenir aux réglages de l’établissement' }).click();
      await textAppears(page, 'Vous suivez les réglages de votre établissement.');
    },
  },
  {
    name: 'timeline: demo.admin sets the establishment’s notification defaults; a parent cannot',
    async run({ page, baseUrl, demoPassword, a11y, newIsolatedPage }) {
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      await page.getByRole('link', { name: 'Notifications de l’établissement' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications de l’établissement' }).waitFor();
      const families = page.getByRole('region', { name: 'Élèves et parents' });
      await families.getByRole('checkbox', { name: 'Activer les heures calmes' }).waitFor();
      await a11y(page, 'establishment notification defaults');
      await families.locator('label.radio', { hasText: 'Un résumé par semaine' }).click();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await textAppears(page, 'Les réglages de l’établissement sont enregistrés.');
      // Put the demo back as it was for the other journeys.
      await families.locator('label.radio', { hasText: 'Un résumé par jour' }).click();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await textAppears(page, 'Les réglages de l’établissement sont enregistrés.');

      const parent = await newIsolatedPage();
      await logIn(parent, baseUrl, 'demo.parent', demoPassword);
      await parent.getByRole('heading', { level: 1, name: 'Mon ENT' }).waitFor();
      assert.equal(await parent.getByRole('link', { name: 'Notifications de l’établissement' }).count(), 0, 'no defaults link for a parent');
      await parent.goto(`${baseUrl}/admin/notifications`);
      await parent.getByText('Seuls l’administrateur local et le chef d’établissement règlent les notifications de l’établissement.').waitFor();
    },
  },
];
