import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../test/render';
import type { ImportRunDetail } from '../api';
import { ImportReport } from './ImportReport';

const section = <T,>(items: T[]) => ({ count: items.length, items });

/** A dry run as the server's report builder shapes it (server/src/services/imports/report.ts). */
const sampleRun: ImportRunDetail = {
  id: 'run-1',
  source: 'csv',
  status: 'planned',
  dryRun: true,
  files: ['eleves.csv'],
  summary: { created: 1, updated: 1, moved: 1, deactivated: 1, conflicts: 1, rejected: 1 },
  requestedBy: 'demo.admin',
  createdAt: '2026-03-03T13:05:00.000Z',
  finishedAt: '2026-03-03T13:05:01.000Z',
  progress: null,
  error: null,
  report: {
    establishment: { uai: '0750001A', name: 'Collège Jean Moulin' },
    source: 'csv',
    applied: false,
    created: section([
      {
        externalId: 'student:42',
        name: 'Léa Petit',
        profile: 'student',
        classes: ['5B'],
        login: null,
        possibleDuplicates: [{ personId: 'p-9', login: 'lea.petit', uais: ['0750002B'] }],
      },
    ]),
    updated: section([
      {
        personId: 'p-2',
        login: 'noe.martin',
        externalId: 'student:7',
        name: 'Noé Martinez',
        via: 'national_id',
        changes: [{ field: 'lastName', from: 'MARTIN', to: 'MARTINEZ' }, { field: 'email', from: null, to: 'noe@example.org' }],
      },
    ]),
    moved: section([{ personId: 'p-3', externalId: 'student:8', name: 'Ana Roux', from: ['5A'], to: ['4B'] }]),
    deactivated: section([{ personId: 'p-4', externalId: 'student:9', name: 'Paul Blanc', profile: 'student', reason: 'absent_from_feed' }]),
    conflicts: section([
      { externalId: 'student:10', name: 'Inès Noir', reason: 'fed_by_national_source', personId: 'p-5', detail: 'fed by siecle' },
    ]),
    duplicates: section([
      { externalId: 'student:42', name: 'Léa Petit', birthDate: '2012-05-04', candidates: [{ personId: 'p-9', login: 'lea.petit', uais: ['0750002B'] }] },
    ]),
    rejected: section([{ file: 'eleves.csv', line: 3, reason: 'invalid_date', detail: 'date of birth "31/02/2012" is not dd/mm/yyyy' }]),
    structures: { created: ['5B'], updated: [] },
    subjects: { created: [] },
    relations: { added: 0, updated: 0, removed: 0 },
    teachings: { added: 0, removed: 0 },
  },
};

async function open(name: RegExp) {
  const trigger = screen.getByRole('button', { name });
  if (trigger.getAttribute('aria-expanded') !== 'true') await userEvent.setup().click(trigger);
  const panelId = trigger.getAttribute('aria-controls') ?? '';
  return document.getElementById(panelId) as HTMLElement;
}

describe('ImportReport', () => {
  it('shows who ran it and every count, duplicates included', () => {
    renderPage(<ImportReport run={sampleRun} />, { path: '/' });
    expect(screen.getByRole('heading', { level: 2, name: 'Simulation : changements proposés' })).toBeTruthy();
    expect(screen.getByText('demo.admin')).toBeTruthy();
    const counts = Object.fromEntries(
      [...document.querySelectorAll('[data-count]')].map((item) => [item.querySelector('dt')?.textContent, item.querySelector('dd')?.textContent]),
    );
    expect(counts).toEqual({
      Créés: '1',
      Modifiés: '1',
      Déplacés: '1',
      Désactivés: '1',
      Conflits: '1',
      'Doublons possibles': '1',
      Rejetés: '1',
    });
  });

  it('lists each section behind its disclosure', async () => {
    renderPage(<ImportReport run={sampleRun} />, { path: '/' });

    expect((await open(/Comptes créés \(1\)/)).textContent).toContain('Léa Petit');

    const updated = await open(/Comptes modifiés \(1\)/);
    expect(updated.textContent).toContain('noe.martin');
    expect(updated.textContent).toContain('retrouvé par son INE');
    expect(within(updated).getByText('Nom : MARTIN → MARTINEZ')).toBeTruthy();
    expect(within(updated).getByText('Courriel : (vide) → noe@example.org')).toBeTruthy();

    expect((await open(/Changements de classe \(1\)/)).textContent).toContain('Ana Roux : 5A → 4B');
    expect((await open(/Comptes désactivés \(1\)/)).textContent).toContain('Paul Blanc — Élève : absent des fichiers');

    // Problems are few here: already open.
    const conflicts = await open(/Conflits \(1\)/);
    expect(conflicts.textContent).toContain('compte alimenté par une source nationale');
    expect(conflicts.textContent).toContain('fed by siecle');
    const duplicates = await open(/Doublons possibles \(1\)/);
    expect(duplicates.textContent).toContain('né(e) le 4 mai 2012');
    expect(duplicates.textContent).toContain('lea.petit (0750002B)');

    const rejected = await open(/Lignes rejetées \(1\)/);
    const row = within(rejected).getByRole('row', { name: /eleves\.csv:3/ });
    expect(within(row).getByText('date invalide')).toBeTruthy();
    expect(within(row).getByText(/31\/02\/2012/).getAttribute('lang')).toBe('en');
  });

  it('titles an applied run as such and shows the logins created', async () => {
    const created = { ...(sampleRun.report.created as object), items: [{ ...(sampleRun.report.created as { items: object[] }).items[0], login: 'lea.petit2' }] };
    renderPage(<ImportReport run={{ ...sampleRun, status: 'applied', dryRun: false, report: { ...sampleRun.report, applied: true, created } }} />, { path: '/' });
    expect(screen.getByRole('heading', { level: 2, name: 'Import appliqué' })).toBeTruthy();
    expect((await open(/Comptes créés/)).textContent).toContain('identifiant lea.petit2');
  });

  it('survives a report it does not fully understand', () => {
    renderPage(<ImportReport run={{ ...sampleRun, report: { created: 'oops', rejected: { count: 2 } } }} />, { path: '/' });
    expect(screen.getByText('Aucun changement : les comptes sont déjà à jour.')).toBeTruthy();
  });
});
