import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { ImportsPage } from './ImportsPage';

const admin = makeMe({
  memberships: [{ ...makeMe().memberships[0], functions: ['admin_local'], rights: ['portal.use', 'admin.imports.manage'] }],
});
const summary = { created: 1, updated: 0, moved: 0, deactivated: 0, conflicts: 0, rejected: 0 };
const report = { created: { count: 1, items: [{ externalId: 'student:1', name: 'Alice Essai', profile: 'student', classes: ['E2E'], login: null, possibleDuplicates: [] }] } };
const run = (id: string, status: string, extra: object = {}) => ({
  id,
  source: 'csv',
  status,
  dryRun: id === 'dry',
  files: ['eleves.csv'],
  summary,
  requestedBy: 'demo.admin',
  createdAt: '2026-03-03T13:05:00.000Z',
  finishedAt: null,
  progress: null,
  error: null,
  report: {},
  ...extra,
});

describe('ImportsPage', () => {
  it('follows a background dry run to its report, applies it, and follows the application', async () => {
    let dryPolls = 0;
    let appliedPolls = 0;
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/admin/establishments/e-1/imports': () => json({ items: [], nextCursor: null }),
      'POST /api/admin/establishments/e-1/imports': () => json(run('dry', 'queued'), 202),
      'GET /api/admin/establishments/e-1/imports/dry': () =>
        json(++dryPolls === 1 ? run('dry', 'running', { progress: { done: 1, total: 3 } }) : run('dry', 'planned', { report })),
      'POST /api/admin/establishments/e-1/imports/dry/apply': () => json(run('applied', 'queued'), 202),
      'GET /api/admin/establishments/e-1/imports/applied': () =>
        json(++appliedPolls === 1 ? run('applied', 'running') : run('applied', 'applied', { report })),
    });
    renderPage(<ImportsPage />, { path: '/admin/imports', me: admin });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/Fichiers/, { selector: 'input' }), new File(['<x/>'], 'ElevesSansAdresses.xml'));
    await user.click(screen.getByRole('button', { name: 'Simuler l’import' }));

    expect(await screen.findByText(/Lecture des fichiers et préparation des changements… \(étape 1 sur 3\)/)).toBeTruthy();
    const planned = await screen.findByRole('heading', { name: 'Simulation : changements proposés' }, { timeout: 4000 });
    await waitFor(() => expect(document.activeElement).toBe(planned.closest('section')));
    await user.click(screen.getByRole('button', { name: 'Appliquer ces changements' }));
    expect(await screen.findByRole('heading', { name: 'Import appliqué' }, { timeout: 4000 })).toBeTruthy();
  }, 15_000);

  it('shows why a background run failed, in French', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json({ csrfToken: 't' }),
      'GET /api/admin/establishments/e-1/imports': () =>
        json({ items: [run('bad', 'failed', { summary: { ...summary, created: 0 } })], nextCursor: null }),
      'GET /api/admin/establishments/e-1/imports/bad': () =>
        json(run('bad', 'failed', { error: { code: 'imports.wrong_establishment', details: [{ field: 'files', issue: '0750002B' }] } })),
    });
    renderPage(<ImportsPage />, { path: '/admin/imports', me: admin });
    await userEvent.setup().click(await screen.findByRole('button', { name: /^Voir le rapport/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('L’import a échoué');
    expect(alert.textContent).toContain('Ce fichier concerne un autre établissement.');
    expect(alert.textContent).toContain('le fichier concerne l’établissement 0750002B.');
    expect(screen.getByText('Échec')).toBeTruthy();
  });
});
