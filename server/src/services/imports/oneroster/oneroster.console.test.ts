import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { bundleBytes } from './fixtures/bundle.js';

const BOUNDARY = '----preau-oneroster-boundary';
function multipart(name: string, content: Uint8Array) {
  const payload = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/zip\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

// The fixture bundle describes UAI 0750001U, the school world's Collège Jean Moulin (etab-a).
describeEachDatabase('OneRoster bundles uploaded in the admin console', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn;
  afterAll(() => env?.app.close());
  const upload = (s: LoggedIn, establishment: string, name: string, content: Uint8Array) => {
    const body = multipart(name, content);
    return env.app.inject({ method: 'POST', url: `/api/admin/establishments/${establishment}/imports?source=oneroster`, headers: { ...s.headers, ...body.headers }, payload: body.payload });
  };

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database(), {}, { jobs: true });
    ada = await loginAs(env.app, 'ada.morel');
  });

  it('plans the bundle in the background, with its rejected lines', async () => {
    const res = await upload(ada, 'etab-a', 'tilleuls.zip', bundleBytes());
    expect(res.statusCode).toBe(202);
    let run = res.json();
    for (let i = 0; i < 200 && ['queued', 'running'].includes(run.status); i++) {
      await new Promise((r) => setTimeout(r, 50));
      run = (await env.app.inject({ method: 'GET', url: `/api/admin/establishments/etab-a/imports/${run.id}`, headers: { cookie: ada.cookie } })).json();
    }
    expect(run).toMatchObject({ status: 'planned', source: 'oneroster', files: ['tilleuls.zip'], summary: { created: 7, rejected: 5 } });
    expect(run.report.rejected.items).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'enrollments.csv', line: 8, reason: 'unknown_structure' })]));
  });

  it('refuses at once a file that is not a bundle, and a bundle of another school', async () => {
    const notZip = await upload(ada, 'etab-a', 'eleves.csv', Buffer.from('Identifiant;Nom\n1;Martin\n'));
    expect(notZip.statusCode).toBe(400);
    expect(notZip.json().error).toMatchObject({ code: 'imports.unusable_file', details: [expect.objectContaining({ field: 'eleves.csv', issue: expect.stringMatching(/^not_zip: /) })] });
    const hugo = await loginAs(env.app, 'hugo.bonnet');
    const other = await upload(hugo, 'etab-b', 'tilleuls.zip', bundleBytes());
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('imports.wrong_establishment');
  });
});
