import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

const EVERYONE_IN_A = ['ada', 'alice', 'bob', 'carl', 'chloe', 'gaston', 'helene', 'ines', 'newbie', 'remi', 'rose', 'theo', 'tina'];
const STAFF_A = ['ada', 'carl', 'helene'];

/** Who each viewer sees in establishment A's directory (login → expected person ids). */
const visibility: [string, string[]][] = [
  ['helene.garnier', EVERYONE_IN_A],
  ['ada.morel', EVERYONE_IN_A],
  ['sarah.admin', EVERYONE_IN_A],
  // Théo teaches 5B: all pupils, teachers and staff, plus the relatives of his own pupils only.
  ['theo.petit', ['ada', 'alice', 'bob', 'carl', 'chloe', 'helene', 'ines', 'newbie', 'remi', 'theo', 'tina']],
  // Alice (5B): her classmates, her teacher, her father, the staff — not Chloé (4A) nor Tina, nor Rose.
  ['alice.martin', ['ada', 'alice', 'bob', 'carl', 'helene', 'newbie', 'remi', 'theo']],
  // Rémi: his daughter, her teacher, the staff, himself — no other parent, no other pupil.
  ['remi.martin', ['ada', 'alice', 'carl', 'helene', 'remi', 'theo']],
  ['rose.lefevre', ['ada', 'carl', 'chloe', 'helene', 'rose', 'tina']],
  ['ines.faure', ['ada', 'carl', 'helene', 'ines', 'theo', 'tina']],
  ['gaston.henry', [...STAFF_A, 'gaston']],
];

describeEachDatabase('directory visibility', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login)!;
  };
  const list = async (login: string, query = '', establishment = 'etab-a') =>
    env.app.inject({ method: 'GET', url: `/api/directory/establishments/${establishment}/people?limit=200${query}`, headers: { cookie: (await as(login)).cookie } });

  it.each(visibility)('%s sees exactly the expected people of establishment A', async (login, expected) => {
    if (!env) {
      await insertWorld(database().db, school);
      env = await testApp(database());
    }
    const res = await list(login);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { id: string }) => p.id).sort()).toEqual([...expected].sort());
  });

  it('shows contact details to staff, to a teacher for his pupils’ relatives, never to pupils or other parents', async () => {
    const email = async (viewer: string, target: string) => {
      const res = await env.app.inject({ method: 'GET', url: `/api/directory/establishments/etab-a/people/${target}`, headers: { cookie: (await as(viewer)).cookie } });
      return res.json().email ?? null;
    };
    expect(await email('carl.blanc', 'remi')).toBe('remi@example.org');
    expect(await email('theo.petit', 'remi')).toBe('remi@example.org');
    expect(await email('alice.martin', 'remi')).toBeNull();
    expect(await email('alice.martin', 'theo')).toBeNull();
    expect(await email('remi.martin', 'theo')).toBeNull();
    expect(await email('alice.martin', 'alice')).toBe('alice@example.org');
  });

  it('answers 404 for a person the viewer may not see, as for one who does not exist', async () => {
    const hidden = await env.app.inject({ method: 'GET', url: '/api/directory/establishments/etab-a/people/rose', headers: { cookie: (await as('remi.martin')).cookie } });
    const missing = await env.app.inject({ method: 'GET', url: '/api/directory/establishments/etab-a/people/nobody', headers: { cookie: (await as('remi.martin')).cookie } });
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });

  it('refuses the directory of another establishment', async () => {
    for (const login of ['alice.martin', 'theo.petit', 'helene.garnier', 'ada.morel']) {
      const res = await list(login, '', 'etab-b');
      expect(res.statusCode, login).toBe(403);
      expect(res.json().error.code).toBe('access.not_member');
    }
  });

  it('lets a parent with children in two establishments see each child in its own establishment only', async () => {
    const b = await list('remi.martin', '', 'etab-b');
    expect(b.json().items.map((p: { id: string }) => p.id).sort()).toEqual(['hugo', 'remi', 'sam', 'tom']);
    const a = await list('remi.martin');
    expect(a.json().items.map((p: { id: string }) => p.id)).not.toContain('sam');
  });

  it('searches without accents or case and filters by profile and class', async () => {
    const search = await list('helene.garnier', '&q=LEFEVRE');
    expect(search.json().items.map((p: { id: string }) => p.id).sort()).toEqual(['chloe', 'rose']);
    const accent = await list('helene.garnier', '&q=th%C3%A9o');
    expect(accent.json().items.map((p: { id: string }) => p.id)).toEqual(['theo']);
    const teachers = await list('helene.garnier', '&profile=teacher');
    expect(teachers.json().items.map((p: { id: string }) => p.id).sort()).toEqual(['theo', 'tina']);
    const inClass = await list('helene.garnier', '&groupId=a-5b&profile=student');
    expect(inClass.json().items.map((p: { id: string }) => p.id).sort()).toEqual(['alice', 'bob', 'newbie']);
    const otherClass = await list('helene.garnier', '&groupId=b-6a');
    expect(otherClass.statusCode).toBe(404);
  });

  it('describes each person with profiles, functions, classes and subjects', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/directory/establishments/etab-a/people/theo', headers: { cookie: (await as('alice.martin')).cookie } });
    expect(res.json()).toMatchObject({ id: 'theo', displayName: 'Théo PETIT', profiles: ['teacher'], subjects: ['Mathématiques'], groups: [{ name: '5B' }] });
    const head = await env.app.inject({ method: 'GET', url: '/api/directory/establishments/etab-a/people/helene', headers: { cookie: (await as('alice.martin')).cookie } });
    expect(head.json().functions).toEqual(['head']);
  });

  it('pages through the directory with an opaque cursor, in name order, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/directory/establishments/etab-a/people?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const res: { json(): { items: { id: string }[]; nextCursor: string | null } } = await env.app.inject({ method: 'GET', url, headers: { cookie: (await as('helene.garnier')).cookie } });
      const page: { items: { id: string }[]; nextCursor: string | null } = res.json();
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...EVERYONE_IN_A].sort());
    const bad = await list('helene.garnier', '&cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
  });

  it('lists groups: all of them for staff and teachers, only their own for pupils and parents', async () => {
    const groups = async (login: string) => {
      const res = await env.app.inject({ method: 'GET', url: '/api/directory/establishments/etab-a/groups', headers: { cookie: (await as(login)).cookie } });
      return res.json().items.map((g: { name: string }) => g.name);
    };
    expect(await groups('carl.blanc')).toEqual(['4A', '5B']);
    expect(await groups('tina.roux')).toEqual(['4A', '5B']);
    expect(await groups('alice.martin')).toEqual(['5B']);
    expect(await groups('rose.lefevre')).toEqual(['4A']);
    expect(await groups('gaston.henry')).toEqual([]);
  });
});
