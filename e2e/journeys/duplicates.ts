import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Journey } from '../support/runner';
import { logInToHome, noHorizontalScroll, text, textAppears } from '../support/ui';
import { choose } from './imports';

/**
 * One CSV brings the same girl twice (two ids, the name spelt with and without accents) and two
 * boys who only share a name and birth date. Random names so runs never meet each other's accounts.
 */
function writeDuplicatesCsv(tag: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'preau-e2e-duplicates-'));
  const path = join(dir, 'eleves.csv');
  writeFileSync(
    path,
    [
      'Identifiant;Nom;Prénom;Date de naissance;Classe',
      `D-${tag}-1;Doublé${tag};Zoé;04/05/2012;E2E`,
      `D-${tag}-2;DOUBLE${tag};ZOE;2012-05-04;E2E`,
      `D-${tag}-3;Paire${tag};Hugo;01/02/2012;E2E`,
      `D-${tag}-4;Paire${tag};Hugo;01/02/2012;E2E`,
    ].join('\n'),
  );
  return { dir, path };
}

async function importCsv(page: Page, path: string) {
  await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
  await choose(page, /Source/, 'Fichiers CSV');
  await page.locator('input[type=file]').setInputFiles(path);
  await page.getByRole('button', { name: 'Simuler l’import' }).click();
  await page.getByRole('heading', { level: 2, name: 'Simulation : changements proposés' }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Appliquer ces changements' }).click();
  await page.getByRole('heading', { level: 2, name: 'Import appliqué' }).waitFor({ timeout: 30_000 });
}

export const duplicatesJourneys: Journey[] = [
  {
    name: 'demo.admin finds the duplicates an import created, compares them, merges one pair and dismisses the other',
    async run({ page, baseUrl, demoPassword, a11y }) {
      const tag = Math.random().toString(36).slice(2, 8);
      await logInToHome(page, baseUrl, 'demo.admin', demoPassword);
      await page.goto(`${baseUrl}/admin/imports`);
      const csv = writeDuplicatesCsv(tag);
      try {
        await importCsv(page, csv.path);
      } finally {
        rmSync(csv.dir, { recursive: true, force: true });
      }

      await page.getByRole('navigation', { name: /principale|Main/ }).getByRole('link', { name: 'Doublons' }).click();
      await page.getByRole('heading', { level: 1, name: 'Doublons' }).waitFor();
      const zoe = page.getByRole('article').filter({ hasText: `Doublé${tag}` });
      await zoe.waitFor({ timeout: 15_000 });
      assert.match(await text(zoe), /Mêmes nom, prénom et date de naissance/);
      const rows = zoe.getByRole('table', { name: /Comparaison des deux comptes/ }).locator('tbody tr');
      assert.equal(await rows.count(), 9, 'nine compared fields');
      await a11y(page, 'duplicates list');

      // Merge, keeping the second account of the pair.
      const keep = zoe.getByRole('radio').nth(1);
      const keptLabel = (await text(zoe.locator('.radio').nth(1))).split(' ')[0] ?? '';
      await keep.check({ force: true });
      await zoe.getByRole('button', { name: 'Fusionner' }).click();
      const dialog = page.getByRole('dialog', { name: 'Fusionner ces deux comptes ?' });
      await dialog.waitFor();
      assert.match(await text(dialog), new RegExp(`Le compte ${keptLabel.replace('.', '\\.')} est conservé`));
      await a11y(page, 'merge confirmation');
      await dialog.getByRole('button', { name: 'Fusionner' }).click();
      await textAppears(page, `Comptes fusionnés : la personne se connecte avec l’identifiant ${keptLabel}.`);
      await page.getByRole('article').filter({ hasText: `Doublé${tag}` }).waitFor({ state: 'detached' });

      // The two Hugos are two boys: "not the same person", remembered.
      const hugo = page.getByRole('article').filter({ hasText: `Paire${tag}` });
      await hugo.getByRole('button', { name: 'Ce n’est pas la même personne' }).click();
      await page.getByRole('dialog', { name: 'Ce n’est pas la même personne ?' }).getByRole('button', { name: 'Confirmer' }).click();
      await textAppears(page, 'Proposition écartée : elle ne sera plus proposée.');
      await page.getByRole('button', { name: 'Rechercher les doublons' }).click();
      await textAppears(page, /nouvelles? proposition|Aucune nouvelle proposition/);
      assert.equal(await page.getByRole('article').filter({ hasText: `Paire${tag}` }).count(), 0, 'the dismissed pair is not proposed again');

      await choose(page, /Propositions/, 'Fusionnées');
      const merged = page.getByRole('article').filter({ hasText: `Doublé${tag}` });
      await merged.waitFor();
      assert.match(await text(merged), /conservé/);
      await a11y(page, 'merged proposals');
      await noHorizontalScroll(page);
    },
  },
];
