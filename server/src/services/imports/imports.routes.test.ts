import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { IMPORT_JOB, type ImportJobData } from './imports.jobs.js';
import { createQueuedRun, setRunJob } from './imports.runs.js';
import { ensureRunDirectory } from './imports.storage.js';

const BOUNDARY = '----preau-test-boundary';
function multipart(files: { name: string; content: Buffer | string }[]) {
  const parts = files.map(
    (f) =>
      Buffer.concat([
        Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
        Buffer.from('\r\n'),
      ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}
const STUDENTS = 'Identifiant;Nom;Prénom;Date de naissance;Classe\n1;Lefèvre;Zoé;02/04/2013;5B\n2;Petit;Lou;31/02/2013;5B\n';

describeEachDatabase('imports from the admin console API', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn;
  // The job queue polls until the app closes, which must happen before the database goes.
  afterAll(() => env?.app.close());
  const upload = (s: LoggedIn, establishment: string, query: string, files: { name: string; content: Buffer | string }[]) => {
    const body = multipart(files);
    return env.app.inject({ method: 'POST', url: `/api/admin/establishments/${establishment}/imports?${query}`, headers: { ...s.headers, ...body.headers }, payload: body.payload });
  };

  /** Imports run in the background: poll the run until its job is over. */
  const settled = async (runId: string) => {
    for (let i = 0; i < 200; i++) {
      const res = await env.app.inject({ method: 'GET', url: `/api/admin/establishments/etab-a/imports/${runId}`, headers: { cookie: ada.cookie } });
      const run = res.json();
      if (!['queued', 'running'].includes(run.status)) return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  it('uploads files for a dry run in the background, lists it, applies it once', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database(), {}, { jobs: true });
    ada = await loginAs(env.app, 'ada.morel');
    const dry = await upload(ada, 'etab-a', 'source=csv', [{ name: 'eleves.csv', content: STUDENTS }]);
    expect(dry.statusCode).toBe(202);
    expect(dry.json().status).toMatch(/queued|running/);
    const run = await settled(dry.json().id);
    expect(run).toMatchObject({ status: 'planned', dryRun: true, files: ['eleves.csv'], summary: { created: 1, rejected: 1 }, requestedBy: 'ada.morel', error: null });
    expect(run.report.rejected.items[0]).toMatchObject({ line: 3, reason: 'invalid_date' });
    const before = await database().db.selectFrom('people').select('id').where('login', '=', 'zoe.lefevre').execute();
    expect(before).toEqual([]);

    const list = await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-a/imports', headers: { cookie: ada.cookie } });
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([run.id]);

    const applying = await env.app.inject({ method: 'POST', url: `/api/admin/establishments/etab-a/imports/${run.id}/apply`, headers: ada.headers });
    expect(applying.statusCode).toBe(202);
    const applied = await settled(applying.json().id);
    expect(applied).toMatchObject({ status: 'applied', dryRun: false, summary: { created: 1 } });
    const zoe = await database().db.selectFrom('people').select('state').where('login', '=', 'zoe.lefevre').executeTakeFirstOrThrow();
    expect(zoe.state).toBe('awaiting_activation');
    const again = await env.app.inject({ method: 'POST', url: `/api/admin/establishments/etab-a/imports/${run.id}/apply`, headers: ada.headers });
    expect(again.statusCode).toBe(409);
    const detail = await env.app.inject({ method: 'GET', url: `/api/admin/establishments/etab-a/imports/${run.id}`, headers: { cookie: ada.cookie } });
    expect(detail.json().status).toBe('confirmed');
  });

  it('refuses a file for another establishment, unusable files and unknown sources, changing nothing', async () => {
    const siecle = readFileSync(fileURLToPath(new URL('./sources/fixtures/ElevesSansAdresses.xml', import.meta.url)));
    const other = await upload(ada, 'etab-a', 'source=siecle', [{ name: 'ElevesSansAdresses.xml', content: siecle }]);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('imports.wrong_establishment');
    const garbage = await upload(ada, 'etab-a', 'source=siecle', [{ name: 'ElevesSansAdresses.xml', content: 'not xml at all' }]);
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('imports.unusable_file');
    // A CSV whose profile cannot be told is refused without leaving a file open behind.
    const unnamed = await upload(ada, 'etab-a', 'source=csv', [{ name: 'notes.csv', content: STUDENTS }]);
    expect(unnamed.json().error.code).toBe('imports.unusable_file');
    await new Promise((r) => setTimeout(r, 50));
    const notZip = await upload(ada, 'etab-a', 'source=oneroster', [{ name: 'x.zip', content: 'x' }]);
    expect(notZip.json().error.code).toBe('imports.unusable_file');
    // The académie's AAF feed is handed over by a platform admin only (aaf.routes.test.ts).
    const aaf = await upload(ada, 'etab-a', 'source=aaf', [{ name: 'x.xml', content: 'x' }]);
    expect(aaf.statusCode).toBe(403);
    const badSource = await upload(ada, 'etab-a', 'source=excel', [{ name: 'x.xls', content: 'x' }]);
    expect(badSource.statusCode).toBe(400);
    const runs = await database().db.selectFrom('import_runs').select('id').execute();
    expect(runs).toHaveLength(2);
  });

  it('marks a run failed, with the reason, when its files turn out unusable in the job', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const runId = 'run-with-bad-file';
    const dir = ensureRunDirectory(env.ctx.config.dataDir, runId);
    writeFileSync(join(dir, 'eleves.csv'), 'Nom;Prénom\nA;B\n');
    const now = new Date().toISOString();
    await createQueuedRun(env.ctx.db, { id: runId, establishmentId: 'etab-a', uai: '0750001U', source: 'csv', dryRun: true, requestedBy: 'ada', files: ['eleves.csv'], now, options: {} });
    const data: ImportJobData = { runId, establishmentId: 'etab-a', uai: '0750001U', source: 'csv', overrideNational: false, apply: false, filesOf: runId, requestedBy: 'ada', files: ['eleves.csv'] };
    await setRunJob(env.ctx.db, runId, await env.ctx.jobs.enqueue(IMPORT_JOB, data));
    const failed = await settled(runId);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'imports.unusable_file' } });
    expect(failed.error.details[0].issue).toContain('missing_columns');
  });

  it('is refused to other profiles and to other establishments’ administrators', async () => {
    for (const login of ['helene.garnier', 'theo.petit', 'carl.blanc', 'hugo.bonnet']) {
      const s = await loginAs(env.app, login);
      const res = await upload(s, 'etab-a', 'source=csv', [{ name: 'eleves.csv', content: STUDENTS }]);
      expect(res.statusCode, login).toBe(403);
      const list = await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-a/imports', headers: { cookie: s.cookie } });
      expect(list.statusCode, login).toBe(403);
    }
    const hugo = await loginAs(env.app, 'hugo.bonnet');
    const runs = await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-b/imports', headers: { cookie: hugo.cookie } });
    expect(runs.json().items).toEqual([]);
  });
});
