import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

type Env = Awaited<ReturnType<typeof testApp>>;
const unzip = (body: Buffer) => Object.fromEntries(Object.entries(unzipSync(new Uint8Array(body))).map(([name, bytes]) => [name, strFromU8(bytes)]));
const rows = (csv: string) => csv.trim().split('\r\n').slice(1);

describeEachDatabase('OneRoster export API', (database) => {
  let env: Env;
  let ada: LoggedIn;
  let sarah: LoggedIn;
  const get = (s: LoggedIn, url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  beforeAll(async () => {
    await insertWorld(database().db, school);
    await database().db.updateTable('people').set({ birth_date: '2013-04-02', first_names: 'Alice Jeanne' }).where('id', '=', 'alice').execute();
    env = await testApp(database());
    ada = await loginAs(env.app, 'ada.morel');
    sarah = await loginAs(env.app, 'sarah.admin');
  });

  it("streams the establishment's bundle: its accounts, classes, roles and enrollments, no secrets, no birth dates", async () => {
    const res = await get(ada, '/api/establishments/etab-a/exports/oneroster');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="oneroster-0750001U-2026-11-25.zip"');
    expect(res.headers['cache-control']).toBe('no-store');
    const files = unzip(res.rawPayload);
    expect(Object.keys(files).sort()).toEqual(['academicSessions.csv', 'classes.csv', 'courses.csv', 'enrollments.csv', 'manifest.csv', 'orgs.csv', 'roles.csv', 'users.csv']);
    expect(files['manifest.csv']).toContain('oneroster.version,1.2\r\n');
    expect(files['manifest.csv']).toContain('file.users,bulk\r\n');
    expect(files['manifest.csv']).toContain('file.demographics,absent\r\n');
    expect(rows(files['orgs.csv'])).toEqual(['etab-a,,,Collège Jean Moulin,school,0750001U,']);
    expect(rows(files['academicSessions.csv'])).toEqual(['schoolyear-2026-2027,,,2026-2027,schoolYear,2026-09-01,2027-08-31,,2027']);
    const users = rows(files['users.csv']);
    expect(files['users.csv'].split('\r\n')[0]).toBe(
      'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns',
    );
    expect(users.map((u) => u.split(',')[0]).sort()).toEqual(['ada', 'alice', 'bob', 'carl', 'chloe', 'helene', 'newbie', 'remi', 'rose', 'theo', 'tina']);
    expect(users).toContain('alice,,,true,alice.martin,,Alice,Martin,Jeanne,,alice@example.org,,,remi,07,,,,,,,etab-a,');
    // Rémi's other child is in another school: not in this export.
    expect(users).toContain('remi,,,true,remi.martin,,Rémi,Martin,,,remi@example.org,,0600000001,alice,,,,,,,,etab-a,');
    const everything = Object.values(files).join('\n');
    expect(everything).not.toContain('ABCD2345'); // Nina's activation code
    expect(everything).not.toContain('2013-04-02'); // birth dates only on request
    expect(everything).not.toContain('sam');
    expect(rows(files['roles.csv'])).toEqual(
      expect.arrayContaining([
        'etab-a:helene:personnel,,,helene,primary,principal,,,etab-a,,head',
        'etab-a:ada:personnel,,,ada,primary,administrator,,,etab-a,,"admin_local,secretary"',
        'etab-a:remi:relative,,,remi,primary,parent,,,etab-a,,',
      ]),
    );
    expect(rows(files['classes.csv'])).toContain('a-5b,,,5B,07,etab-a-classes,5B,homeroom,,etab-a,schoolyear-2026-2027,Mathématiques,MATHS,');
    expect(rows(files['enrollments.csv'])).toEqual(expect.arrayContaining(['a-5b:theo:teacher,,,a-5b,etab-a,theo,teacher,true,,,MATHS', 'a-5b:alice:student,,,a-5b,etab-a,alice,student,false,,,']));
  });

  it('adds demographics.csv (birth dates) only when asked with demographics=true, and refuses another value', async () => {
    const files = unzip((await get(ada, '/api/establishments/etab-a/exports/oneroster?demographics=true')).rawPayload);
    expect(files['manifest.csv']).toContain('file.demographics,bulk\r\n');
    expect(rows(files['demographics.csv'])).toEqual(['alice,,,2013-04-02,,,,,,,,,,,,']);
    const bad = await get(ada, '/api/establishments/etab-a/exports/oneroster?demographics=yes');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation.failed');
  });

  it('exports the whole platform for a platform administrator', async () => {
    const res = await get(sarah, '/api/platform/exports/oneroster');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="oneroster-plateforme-2026-11-25.zip"');
    const files = unzip(res.rawPayload);
    expect(rows(files['orgs.csv']).map((o) => o.split(',')[0])).toEqual(['etab-b', 'etab-a']);
    expect(rows(files['users.csv'])).toContain('remi,,,true,remi.martin,,Rémi,Martin,,,remi@example.org,,0600000001,"alice,sam",,,,,,,,etab-a,');
    expect(rows(files['roles.csv'])).toEqual(expect.arrayContaining(['etab-a:remi:relative,,,remi,primary,parent,,,etab-a,,', 'etab-b:remi:relative,,,remi,secondary,parent,,,etab-b,,']));
  });

  it('refuses teachers, parents, students, the head, another school’s admin, and the platform export to a local admin', async () => {
    for (const login of ['theo.petit', 'remi.martin', 'alice.martin', 'helene.garnier', 'hugo.bonnet']) {
      const res = await get(await loginAs(env.app, login), '/api/establishments/etab-a/exports/oneroster');
      expect(res.statusCode, login).toBe(403);
    }
    expect((await get(ada, '/api/platform/exports/oneroster')).statusCode).toBe(403);
    expect((await get(ada, '/api/establishments/etab-b/exports/oneroster')).statusCode).toBe(403);
    expect((await get(sarah, '/api/establishments/nope/exports/oneroster')).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: '/api/establishments/etab-a/exports/oneroster' })).statusCode).toBe(401);
  });

  it('records every export in the audit log, with or without birth dates, never the data', async () => {
    const entries = await database().db.selectFrom('audit_log').select(['action', 'actor_id', 'establishment_id', 'details']).where('action', '=', 'export.oneroster').orderBy('id').execute();
    // The test clock stands still: entries share their time, so their order is not asserted.
    const recorded = entries.map((e) => ({ actor: e.actor_id, establishment: e.establishment_id, ...JSON.parse(e.details) }));
    expect(recorded).toHaveLength(3);
    expect(recorded).toEqual(
      expect.arrayContaining([
        { actor: 'ada', establishment: 'etab-a', scope: 'establishment', uai: '0750001U', demographics: false, via: 'api' },
        { actor: 'ada', establishment: 'etab-a', scope: 'establishment', uai: '0750001U', demographics: true, via: 'api' },
        { actor: 'sarah', establishment: null, scope: 'platform', uai: null, demographics: false, via: 'api' },
      ]),
    );
  });
});
