import type { DuplicateCandidate } from '@preau/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

describeEachDatabase('duplicates API: list, merge, dismiss, who may', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn; // local admin of A
  let hugo: LoggedIn; // local admin of B
  let sarah: LoggedIn; // platform admin
  afterAll(() => env?.app.close());
  const db = () => database().db;
  const list = async (s: LoggedIn, url: string) => {
    const res = await env.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: DuplicateCandidate[]; nextCursor: string | null }>().items;
  };
  const post = (s: LoggedIn, url: string, payload?: object) => env.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
  const pairOf = (items: DuplicateCandidate[], a: string, b: string) => items.find((c) => c.people.some((p) => p.id === a) && c.people.some((p) => p.id === b));

  beforeAll(async () => {
    await insertWorld(db(), {
      ...school,
      people: [
        ...school.people,
        // Alice again, created by a second feed of school A; Sam of B again, in A; Ada twice.
        { id: 'alice-2', login: 'alice.martin2', firstName: 'ALICE', lastName: 'MARTIN', password: false, in: [{ establishment: 'etab-a', profiles: ['student'] }] },
        { id: 'sam-2', login: 'sam.martin2', firstName: 'Sam', lastName: 'Martin', password: false, in: [{ establishment: 'etab-a', profiles: ['student'] }] },
        { id: 'ada-2', login: 'ada.morel2', firstName: 'Ada', lastName: 'Morel', password: false, in: [{ establishment: 'etab-a', profiles: ['personnel'] }] },
        { id: 'bob-2', login: 'bob.durand2', firstName: 'Bob', lastName: 'Durand', password: false, in: [{ establishment: 'etab-a', profiles: ['student'] }] },
      ],
    });
    const born = (ids: string[], birth_date: string) => db().updateTable('people').set({ birth_date }).where('id', 'in', ids).execute();
    await born(['alice', 'alice-2'], '2013-04-02');
    await born(['sam', 'sam-2'], '2014-01-01');
    await born(['ada', 'ada-2'], '1985-06-01');
    await born(['bob', 'bob-2'], '2013-09-09');
    await db().updateTable('people').set({ email: 'sam@example.org' }).where('id', '=', 'sam').execute();
    env = await testApp(database());
    [ada, hugo, sarah] = await Promise.all([loginAs(env.app, 'ada.morel'), loginAs(env.app, 'hugo.bonnet'), loginAs(env.app, 'sarah.admin')]);
  });

  it('detects on demand and lists the proposals about the establishment, with what decides them', async () => {
    const detected = await post(ada, '/api/admin/establishments/etab-a/duplicates/detect');
    expect(detected.json()).toEqual({ proposed: 4 });
    const items = await list(ada, '/api/admin/establishments/etab-a/duplicates');
    expect(items).toHaveLength(4);
    const alice = pairOf(items, 'alice', 'alice-2');
    expect(alice).toMatchObject({ reason: 'name_birth_date', status: 'open', canDecide: true, suggestedKeepId: 'alice' });
    expect(alice?.people.find((p) => p.id === 'alice')).toMatchObject({ login: 'alice.martin', activated: true, establishments: [{ id: 'etab-a', uai: '0750001U', name: 'Collège Jean Moulin', profiles: ['student'] }] });
    // Sam also belongs to B, which Ada does not administer: she sees the proposal, not his e-mail, and cannot decide.
    const sam = pairOf(items, 'sam', 'sam-2');
    expect(sam).toMatchObject({ canDecide: false });
    expect(sam?.people.find((p) => p.id === 'sam')?.email).toBeNull();
    // B's administrator sees only what touches B; the platform sees everything, e-mail included.
    expect((await list(hugo, '/api/admin/establishments/etab-b/duplicates')).map((c) => c.id)).toEqual([sam?.id]);
    const platform = await list(sarah, '/api/platform/duplicates');
    expect(platform).toHaveLength(4);
    expect(pairOf(platform, 'sam', 'sam-2')?.people.find((p) => p.id === 'sam')).toMatchObject({ email: 'sam@example.org' });
    expect(pairOf(platform, 'sam', 'sam-2')?.canDecide).toBe(true);
  });

  it('refuses other profiles, other establishments, and the platform routes to local admins', async () => {
    const theo = await loginAs(env.app, 'theo.petit');
    const helene = await loginAs(env.app, 'helene.garnier'); // head, not the local administrator
    for (const s of [theo, helene]) {
      const res = await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-a/duplicates', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(403);
    }
    const other = await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-a/duplicates', headers: { cookie: hugo.cookie } });
    expect(other.json().error.code).toBe('access.not_member');
    expect((await env.app.inject({ method: 'GET', url: '/api/platform/duplicates', headers: { cookie: ada.cookie } })).statusCode).toBe(403);
    expect((await post(ada, '/api/platform/duplicates/detect')).statusCode).toBe(403);
    const anonymous = await env.app.inject({ method: 'GET', url: '/api/admin/establishments/etab-a/duplicates' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a merge outside what the admin administers, of their own account, and bad input — changing nothing', async () => {
    const items = await list(ada, '/api/admin/establishments/etab-a/duplicates');
    const sam = pairOf(items, 'sam', 'sam-2')!;
    const alice = pairOf(items, 'alice', 'alice-2')!;
    const self = pairOf(items, 'ada', 'ada-2')!;
    const crossed = await post(ada, `/api/admin/establishments/etab-a/duplicates/${sam.id}/merge`, { keepId: 'sam' });
    expect([crossed.statusCode, crossed.json().error.code]).toEqual([403, 'duplicates.not_administered']);
    const dismissCrossed = await post(ada, `/api/admin/establishments/etab-a/duplicates/${sam.id}/dismiss`);
    expect(dismissCrossed.statusCode).toBe(403);
    // A proposal about A only does not exist as far as B's administrator is concerned.
    const foreign = await post(hugo, `/api/admin/establishments/etab-b/duplicates/${alice.id}/merge`, { keepId: 'alice' });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([404, 'duplicates.not_found']);
    const own = await post(ada, `/api/admin/establishments/etab-a/duplicates/${self.id}/merge`, { keepId: 'ada' });
    expect([own.statusCode, own.json().error.code]).toEqual([403, 'admin.cannot_target_self']);
    const stranger = await post(ada, `/api/admin/establishments/etab-a/duplicates/${alice.id}/merge`, { keepId: 'bob' });
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([400, 'duplicates.invalid_keep']);
    for (const payload of [{}, { keepId: '' }, { keepId: 'alice', extra: 1 }]) {
      const bad = await post(ada, `/api/admin/establishments/etab-a/duplicates/${alice.id}/merge`, payload);
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation.failed']);
    }
    const missing = await post(ada, '/api/admin/establishments/etab-a/duplicates/nope~nope/merge', { keepId: 'alice' });
    expect(missing.statusCode).toBe(404);
    const states = await db().selectFrom('people').select(['id', 'state']).where('id', 'in', ['sam', 'sam-2', 'alice', 'alice-2', 'ada', 'ada-2']).orderBy('id').execute();
    expect(states.every((p) => p.state !== 'merged')).toBe(true);
    expect(await db().selectFrom('duplicate_candidates').select('id').where('status', '<>', 'open').execute()).toEqual([]);
  });

  it('merges what the admin administers (audited, once) and the platform admin merges across establishments', async () => {
    const items = await list(ada, '/api/admin/establishments/etab-a/duplicates');
    const alice = pairOf(items, 'alice', 'alice-2')!;
    const merged = await post(ada, `/api/admin/establishments/etab-a/duplicates/${alice.id}/merge`, { keepId: 'alice' });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ keptId: 'alice', retiredId: 'alice-2', login: 'alice.martin' });
    const again = await post(ada, `/api/admin/establishments/etab-a/duplicates/${alice.id}/merge`, { keepId: 'alice' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'duplicates.already_decided']);
    const audit = await db().selectFrom('audit_log').select(['actor_id', 'target_id', 'establishment_id', 'details']).where('action', '=', 'duplicates.merged').execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: 'ada', target_id: 'alice', establishment_id: 'etab-a' })]);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ kept: 'alice', retired: 'alice-2' });
    // Alice still logs in with her own login and password.
    await loginAs(env.app, 'alice.martin');

    const sam = pairOf(await list(sarah, '/api/platform/duplicates'), 'sam', 'sam-2')!;
    const across = await post(sarah, `/api/platform/duplicates/${sam.id}/merge`, { keepId: 'sam' });
    expect(across.statusCode).toBe(200);
    const memberships = await db().selectFrom('memberships').select('establishment_id').where('person_id', '=', 'sam').orderBy('establishment_id').execute();
    expect(memberships.map((m) => m.establishment_id)).toEqual(['etab-a', 'etab-b']);
    expect((await list(ada, '/api/admin/establishments/etab-a/duplicates?status=merged')).map((c) => c.keptId).sort()).toEqual(['alice', 'sam']);
  });

  it('"not the same person" is remembered: detection never proposes the pair again', async () => {
    const bob = pairOf(await list(ada, '/api/admin/establishments/etab-a/duplicates'), 'bob', 'bob-2')!;
    const dismissed = await post(ada, `/api/admin/establishments/etab-a/duplicates/${bob.id}/dismiss`);
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', canDecide: false });
    expect((await post(sarah, '/api/platform/duplicates/detect')).json()).toEqual({ proposed: 0 });
    expect(pairOf(await list(ada, '/api/admin/establishments/etab-a/duplicates'), 'bob', 'bob-2')).toBeUndefined();
    expect(pairOf(await list(ada, '/api/admin/establishments/etab-a/duplicates?status=dismissed'), 'bob', 'bob-2')).toBeDefined();
    const audit = await db().selectFrom('audit_log').select('actor_id').where('action', '=', 'duplicates.dismissed').execute();
    expect(audit).toEqual([{ actor_id: 'ada' }]);
    const late = await post(ada, `/api/admin/establishments/etab-a/duplicates/${bob.id}/merge`, { keepId: 'bob' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'duplicates.already_decided']);
  });

  it('pages the list with a cursor and rejects a bad status', async () => {
    const first = await env.app.inject({ method: 'GET', url: '/api/platform/duplicates?status=merged&limit=1', headers: { cookie: sarah.cookie } });
    const page = first.json();
    expect(page.items).toHaveLength(1);
    const next = await env.app.inject({ method: 'GET', url: `/api/platform/duplicates?status=merged&limit=1&cursor=${page.nextCursor}`, headers: { cookie: sarah.cookie } });
    expect(next.json().items[0].id).not.toBe(page.items[0].id);
    const bad = await env.app.inject({ method: 'GET', url: '/api/platform/duplicates?status=maybe', headers: { cookie: sarah.cookie } });
    expect(bad.statusCode).toBe(400);
  });
});
