import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../lib/api-client';
import { json, mockFetch } from '../../../test/fetch-mock';
import { makeMe, renderPage } from '../../../test/render';
import { UploadForm } from './UploadForm';

const run = {
  id: 'run-1',
  source: 'csv',
  status: 'planned',
  dryRun: true,
  files: ['eleves.csv'],
  summary: { created: 0, updated: 0, moved: 0, deactivated: 0, conflicts: 0, rejected: 0 },
  requestedBy: 'demo.admin',
  createdAt: '2026-03-03T13:05:00.000Z',
  finishedAt: null,
  progress: null,
  error: null,
  report: {},
};

async function choose(user: ReturnType<typeof userEvent.setup>, select: RegExp, option: string) {
  await user.click(screen.getByRole('button', { name: select }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('UploadForm', () => {
  it('sends the files as FormData with the source, profile and override in the query', async () => {
    const { calls } = mockFetch({ 'POST /api/admin/establishments/e-1/imports': () => json(run) });
    const onUploaded = vi.fn();
    renderPage(<UploadForm establishmentId="e-1" onUploaded={onUploaded} />, { path: '/' });
    const user = userEvent.setup();

    expect(screen.queryByRole('checkbox')).toBeNull(); // the override exists for CSV only
    await choose(user, /Source/, 'Fichiers CSV');
    await choose(user, /Profil des fichiers CSV/, 'Élève');
    const override = screen.getByRole('checkbox', { name: 'Remplacer les données des sources nationales' });
    expect(override.getAttribute('aria-describedby')).toBeTruthy();
    await user.click(override);
    const files = [new File(['Identifiant;Nom'], 'eleves.csv', { type: 'text/csv' }), new File(['x'], 'autres.csv', { type: 'text/csv' })];
    await user.upload(screen.getByLabelText(/Fichiers/, { selector: 'input' }), files);
    expect(screen.getByText('2 fichiers choisis : eleves.csv, autres.csv')).toBeTruthy();
    setCsrf();
    await user.click(screen.getByRole('button', { name: 'Simuler l’import' }));

    await waitFor(() => expect(onUploaded).toHaveBeenCalledWith(run));
    const call = calls.find((c) => c.method === 'POST');
    if (!call) throw new Error('no upload sent');
    expect(call.path).toBe('/api/admin/establishments/e-1/imports?source=csv&profile=student&overrideNational=true');
    expect(call.body).toBeInstanceOf(FormData);
    expect((call.body as FormData).getAll('files').map((f) => (f as File).name)).toEqual(['eleves.csv', 'autres.csv']);
    expect(call.headers['content-type']).toBeUndefined(); // the browser adds the multipart boundary
    expect(call.headers['x-csrf-token']).toBe('csrf-1');
  });

  it('offers the académie feed (AAF) to platform administrators only', async () => {
    mockFetch({});
    const user = userEvent.setup();
    const admin = renderPage(<UploadForm establishmentId="e-1" onUploaded={() => undefined} />, { path: '/', me: makeMe({ platformAdmin: false }) });
    await user.click(screen.getByRole('button', { name: /Source/ }));
    expect(await screen.findByRole('option', { name: 'Fichiers CSV' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /AAF/ })).toBeNull();
    admin.unmount();

    renderPage(<UploadForm establishmentId="e-1" onUploaded={() => undefined} />, { path: '/', me: makeMe({ platformAdmin: true }) });
    await choose(user, /Source/, 'AAF (annuaire académique, administrateurs de la plateforme)');
    expect(screen.getByText(/ficAlimMENESR/)).toBeTruthy();
  });

  it('sends SIECLE files without a profile and never overrides', async () => {
    const { calls } = mockFetch({ 'POST /api/admin/establishments/e-1/imports': () => json(run) });
    renderPage(<UploadForm establishmentId="e-1" onUploaded={() => undefined} />, { path: '/' });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/Fichiers/, { selector: 'input' }), new File(['<x/>'], 'ElevesSansAdresses.xml'));
    setCsrf();
    await user.click(screen.getByRole('button', { name: 'Simuler l’import' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.path).toBe('/api/admin/establishments/e-1/imports?source=siecle&overrideNational=false');
  });

  it('asks for a file before sending anything', async () => {
    const { calls } = mockFetch({});
    renderPage(<UploadForm establishmentId="e-1" onUploaded={() => undefined} />, { path: '/' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Simuler l’import' }));
    const input = screen.getByLabelText(/Fichiers/, { selector: 'input' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Choisissez au moins un fichier.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('explains an unusable file in French, file by file', async () => {
    mockFetch({
      'POST /api/admin/establishments/e-1/imports': () =>
        json(
          {
            error: {
              code: 'imports.unusable_file',
              message: 'x',
              details: [{ field: 'notes.csv', issue: 'unknown_profile: notes.csv: cannot tell which profile', message: 'm' }],
            },
          },
          400,
        ),
    });
    renderPage(<UploadForm establishmentId="e-1" onUploaded={() => undefined} />, { path: '/' });
    const user = userEvent.setup();
    await choose(user, /Source/, 'Fichiers CSV');
    await user.upload(screen.getByLabelText(/Fichiers/, { selector: 'input' }), new File(['a'], 'notes.csv', { type: 'text/csv' }));
    setCsrf();
    await user.click(screen.getByRole('button', { name: 'Simuler l’import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ce fichier ne peut pas être importé');
    expect(alert.textContent).toContain('notes.csv : impossible de savoir quel profil contient ce fichier');
  });
});

function setCsrf() {
  setCsrfToken('csrf-1');
}
