import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { school } from '../../../kernel/testing/school.js';
import { insertWorld } from '../../../kernel/testing/world.js';

const BOUNDARY = '----preau-aaf-boundary';
const YEAR1 = fileURLToPath(new URL('./fixtures/year1', import.meta.url));
const year1 = () => readdirSync(YEAR1).map((name) => ({ name, content: readFileSync(join(YEAR1, name)) }));

function multipart(files: { name: string; content: Buffer | string }[]) {
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/xml\r\n\r\n`),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

describeEachDatabase('AAF upload in the admin console (platform admins)', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let sarah: LoggedIn;
  afterAll(() => env?.app.close());
  const upload = (s: LoggedIn, establishment: string, files: { name: string; content: Buffer | string }[]) => {
    const body = multipart(files);
    return env.app.inject({ method: 'POST', url: `/api/admin/establishments/${establishment}/imports?source=aaf`, headers: { ...s.headers, ...body.headers }, payload: body.payload });
  };
  const settled = async (runId: string) => {
    for (let i = 0; i < 300; i++) {
      const run = (await env.app.inject({ method: 'GET', url: `/api/admin/establishments/etab-a/imports/${runId}`, headers: { cookie: sarah.cookie } })).json();
      if (!['queued', 'running'].includes(run.status)) return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  it('a platform admin uploads the académie feed for one establishment: its part is planned, then applied', async () => {
    await insertWorld(database().db, school);
    env = await testApp(database(), {}, { jobs: true });
    sarah = await loginAs(env.app, 'sarah.admin');
    const dry = await upload(sarah, 'etab-a', year1());
    expect(dry.statusCode).toBe(202);
    const run = await settled(dry.json().id);
    expect(run).toMatchObject({ status: 'planned', dryRun: true, summary: { created: 9, rejected: 5 }, error: null });
    // Only Collège Jean Moulin's people; the record without an establishment is reported here too.
    expect(run.report.rejected.items.map((r: { reason: string }) => r.reason).sort()).toEqual(['duplicate_id', 'invalid_date', 'missing_field', 'unknown_structure', 'unknown_structure']);
    const applying = await env.app.inject({ method: 'POST', url: `/api/admin/establishments/etab-a/imports/${run.id}/apply`, headers: sarah.headers });
    expect(applying.statusCode).toBe(202);
    const applied = await settled(applying.json().id);
    expect(applied).toMatchObject({ status: 'applied', summary: { created: 9 } });
    const students = await database()
      .db.selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .select('people.first_name')
      .where('memberships.establishment_id', '=', 'etab-a')
      .where('memberships.source', '=', 'aaf')
      .where('memberships.profile', '=', 'student')
      .execute();
    expect(students.map((s) => s.first_name).sort()).toEqual(['Jean-Baptiste', 'Léa', 'Maël', 'Œnone']);
    // Lycée Lumière's student is in the same files and was not touched.
    const zoe = await database().db.selectFrom('people').select('id').where('first_name', '=', 'Zoé').execute();
    expect(zoe).toEqual([]);
  });

  it('refuses a file that is not an AAF file, at once', async () => {
    const wrongName = await upload(sarah, 'etab-a', [{ name: 'eleves.xml', content: '<ficAlimMENESR/>' }]);
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().error.code).toBe('imports.unusable_file');
    const wrongRoot = await upload(sarah, 'etab-a', [{ name: 'ENT_Complet_Eleve_0000.xml', content: '<?xml version="1.0"?><BEE_ELEVES/>' }]);
    expect(wrongRoot.statusCode).toBe(400);
    expect(wrongRoot.json().error.details[0].issue).toContain('expected <ficAlimMENESR>');
  });

  it('is refused to an establishment administrator (the feed holds the whole académie), for upload and apply', async () => {
    const ada = await loginAs(env.app, 'ada.morel');
    const res = await upload(ada, 'etab-a', year1());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('access.forbidden');
    const dry = await upload(sarah, 'etab-a', year1());
    const run = await settled(dry.json().id);
    const applying = await env.app.inject({ method: 'POST', url: `/api/admin/establishments/etab-a/imports/${run.id}/apply`, headers: ada.headers });
    expect(applying.statusCode).toBe(403);
    const hugo = await loginAs(env.app, 'hugo.bonnet');
    expect((await upload(hugo, 'etab-a', year1())).statusCode).toBe(403);
  });
});
