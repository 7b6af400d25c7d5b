import type { DisciplineHistory, DisciplineList, IncidentTypes } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

const base = '/api/discipline/establishments';

describeEachDatabase('discipline: incidents, punishments and sanctions', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const get = async (login: string, url: string, establishment = 'etab-a') => env.app.inject({ method: 'GET', url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers });
  const send = async (login: string, method: 'POST' | 'PUT', url: string, payload?: object, establishment = 'etab-a') =>
    env.app.inject({ method, url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const records = async (login: string, query = '') => (await get(login, `records${query}`)).json<DisciplineList>();
  const outbox = async (resourceId: string) =>
    (await database().db.selectFrom('outbox_events as o').innerJoin('event_recipients as r', 'r.event_id', 'o.id').select(['r.person_id', 'o.type']).where('o.resource_id', '=', resourceId).execute())
      .map((r) => `${r.type}:${r.person_id}`)
      .sort();
  let typeId = '';
  let incidentId = '';
  const incident = (extra: object = {}) => ({
    typeId,
    occurredAt: '2026-11-24T10:15:00.000Z',
    place: 'Cour',
    description: 'Bousculade à la récréation.',
    students: [
      { studentId: 'alice', role: 'author' },
      { studentId: 'bob', role: 'victim' },
    ],
    ...extra,
  });

  beforeAll(async () => {
    await insertWorld(database().db, school);
    // Tina, who teaches 4A, is also Bob's mother (Bob is in 5B, not one of her classes).
    await database().db.insertInto('memberships').values({ person_id: 'tina', establishment_id: 'etab-a', profile: 'relative' }).execute();
    await database().db.insertInto('relatives').values({ relative_id: 'tina', student_id: 'bob', legal_guardian: 1, financial: 0, contact: 1, relationship: null }).execute();
    env = await testApp(database());
  });

  it('gives each establishment the usual incident types, which vie scolaire edits (deactivating, never deleting)', async () => {
    const types = (await get('carl.blanc', 'types')).json<IncidentTypes>().types;
    expect(types.map((t) => t.code)).toContain('physical_violence');
    typeId = types.find((t) => t.code === 'physical_violence')?.id ?? '';
    const edited = { types: [{ code: 'physical_violence', label: 'Violence physique' }, { code: 'bus', label: 'Incident dans le car' }] };
    for (const login of ['theo.petit', 'alice.martin', 'remi.martin']) expect((await send(login, 'PUT', 'types', edited)).statusCode, login).toBe(403);
    expect((await send('carl.blanc', 'PUT', 'types', { types: [{ code: 'Bad Code', label: 'x' }] })).statusCode).toBe(400);
    const res = await send('carl.blanc', 'PUT', 'types', edited);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<IncidentTypes>().types;
    expect(after.filter((t) => t.active).map((t) => t.code)).toEqual(['physical_violence', 'bus']);
    expect(after.find((t) => t.code === 'physical_violence')?.id).toBe(typeId);
    expect(after.find((t) => t.code === 'theft')?.active).toBe(false);
    // Another establishment's list is its own.
    expect((await get('tom.girard', 'types', 'etab-b')).json<IncidentTypes>().types.every((t) => t.active)).toBe(true);
  });

  it('lets a teacher record an incident they witnessed; refuses bad input and other profiles, changing nothing', async () => {
    const res = await send('tina.roux', 'POST', 'incidents', incident());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<DisciplineList>().incidents[0];
    incidentId = created?.id ?? '';
    expect(created?.reportedBy?.id).toBe('tina');
    expect(created?.students.map((s) => `${s.id}:${s.role}`)).toEqual(['alice:author', 'bob:victim']);
    expect(created?.policies).toEqual({ edit: true, publish: false });
    const before = await database().db.selectFrom('discipline_incidents').select('id').execute();
    expect((await send('tina.roux', 'POST', 'incidents', incident({ students: [{ studentId: 'sam', role: 'author' }] }))).json().error.code).toBe('discipline.invalid_students');
    expect((await send('tina.roux', 'POST', 'incidents', incident({ typeId: 'nope' }))).json().error.code).toBe('discipline.type_not_found');
    expect((await send('tina.roux', 'POST', 'incidents', incident({ place: '' }))).statusCode).toBe(400);
    expect((await send('tina.roux', 'POST', 'incidents', incident({ students: [{ studentId: 'alice', role: 'judge' }] }))).statusCode).toBe(400);
    for (const login of ['alice.martin', 'remi.martin', 'ada.morel', 'gaston.henry']) expect((await send(login, 'POST', 'incidents', incident())).statusCode, login).toBe(403);
    // Collège B's teacher in collège A, and collège A's CPE in collège B.
    expect((await send('tom.girard', 'POST', 'incidents', incident())).statusCode).toBe(403);
    expect((await send('carl.blanc', 'POST', 'incidents', incident(), 'etab-b')).statusCode).toBe(403);
    expect(await database().db.selectFrom('discipline_incidents').select('id').execute()).toEqual(before);
  });

  it('shows unpublished incidents to staff only: vie scolaire, the reporter, teachers of the students’ classes', async () => {
    const sees = async (login: string) => (await records(login)).incidents.some((i) => i.id === incidentId);
    expect(await sees('carl.blanc')).toBe(true);
    expect(await sees('helene.garnier')).toBe(true);
    expect(await sees('tina.roux')).toBe(true); // reporter, although not a teacher of 5B
    expect(await sees('theo.petit')).toBe(true); // teaches 5B
    expect((await get('alice.martin', 'records')).json<DisciplineList>().incidents).toEqual([]);
    expect((await get('remi.martin', 'records?studentId=alice')).json<DisciplineList>().incidents).toEqual([]);
    // Editing: the reporter until publication, vie scolaire always; another teacher never.
    expect((await send('theo.petit', 'PUT', `incidents/${incidentId}`, incident())).statusCode).toBe(403);
    const edit = await send('tina.roux', 'PUT', `incidents/${incidentId}`, incident({ place: 'Cour principale' }));
    expect(edit.statusCode, edit.body).toBe(200);
    // Only vie scolaire publishes.
    expect((await send('tina.roux', 'POST', `incidents/${incidentId}/publish`)).statusCode).toBe(403);
    expect((await send('theo.petit', 'POST', `incidents/${incidentId}/publish`)).statusCode).toBe(403);
  });

  it('publishes to the students involved and their relatives, each seeing only their own child', async () => {
    const res = await send('carl.blanc', 'POST', `incidents/${incidentId}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await send('carl.blanc', 'POST', `incidents/${incidentId}/publish`)).json().error.code).toBe('discipline.already_published');
    // Alice, Bob, Alice's father Rémi and Bob's mother Tina.
    expect(await outbox(incidentId)).toEqual(['discipline.published:alice', 'discipline.published:bob', 'discipline.published:remi', 'discipline.published:tina']);
    // As Bob's mother, Tina reads her son's record as a parent: only Bob among those involved.
    expect((await records('tina.roux', '?studentId=bob')).incidents[0]?.students.map((s) => s.id)).toEqual(['bob']);
    const alice = (await records('alice.martin')).incidents;
    expect(alice.map((i) => i.place)).toEqual(['Cour principale']);
    expect(alice[0]?.students.map((s) => s.id)).toEqual(['alice']);
    expect(alice[0]?.policies).toEqual({ edit: false, publish: false });
    expect((await records('bob.durand')).incidents[0]?.students.map((s) => `${s.id}:${s.role}`)).toEqual(['bob:victim']);
    expect((await records('remi.martin', '?studentId=alice')).incidents[0]?.students.map((s) => s.id)).toEqual(['alice']);
    // A student never sees another student's record; a relative never another child's.
    for (const [login, query, status] of [
      ['alice.martin', '?studentId=bob', 403],
      ['remi.martin', '?studentId=bob', 403],
      ['rose.lefevre', '?studentId=alice', 403],
      ['remi.martin', '', 403],
      ['chloe.lefevre', '?studentId=alice', 403],
      ['alice.martin', '?studentId=sam', 404],
      ['ines.faure', '?studentId=alice', 403],
    ] as const)
      expect((await get(login, `records${query}`)).statusCode, `${login}${query}`).toBe(status);
    // Collège B's people see nothing of collège A.
    expect((await get('tom.girard', 'records')).statusCode).toBe(403);
    expect((await get('hugo.bonnet', 'records', 'etab-b')).statusCode).toBe(403);
    // The reporter can no longer edit; vie scolaire can, and the history keeps every step.
    expect((await send('tina.roux', 'PUT', `incidents/${incidentId}`, incident())).statusCode).toBe(403);
    expect((await send('carl.blanc', 'PUT', `incidents/${incidentId}`, incident({ description: 'Bousculade, Bob est tombé.' }))).statusCode).toBe(200);
    const history = (await get('carl.blanc', `incidents/${incidentId}/history`)).json<DisciplineHistory>();
    expect(history.entries.map((e) => `${e.action}:${e.actor?.id}`)).toEqual(['created:tina', 'updated:tina', 'published:carl', 'updated:carl']);
    expect(history.entries[0]?.details.place).toBe('Cour');
    expect((await get('alice.martin', `incidents/${incidentId}/history`)).statusCode).toBe(403);
    expect((await get('theo.petit', `incidents/${incidentId}/history`)).statusCode).toBe(200);
  });

  it('lets teachers give punishments but only the head pronounce sanctions (the heaviest with the council)', async () => {
    const detention = { studentId: 'alice', incidentId, kind: 'detention', reason: 'Bousculade', decidedOn: '2026-11-25', scheduledAt: '2026-11-27T15:00:00.000Z', durationMinutes: 60 };
    const bad = await send('tina.roux', 'POST', 'measures', { ...detention, scheduledAt: null });
    expect(bad.statusCode).toBe(400);
    expect((await send('tina.roux', 'POST', 'measures', { ...detention, studentId: 'chloe' })).json().error.code).toBe('discipline.student_not_involved');
    const created = await send('tina.roux', 'POST', 'measures', detention);
    expect(created.statusCode, created.body).toBe(201);
    const measure = created.json<DisciplineList>().measures[0];
    expect([measure?.category, measure?.authority, measure?.durationMinutes, measure?.decidedBy?.id]).toEqual(['punishment', 'staff', 60, 'tina']);
    const warning = { studentId: 'alice', kind: 'warning', reason: 'Violences répétées', decidedOn: '2026-11-25' };
    for (const login of ['tina.roux', 'carl.blanc']) expect((await send(login, 'POST', 'measures', warning)).json().error.code, login).toBe('discipline.sanction_head_only');
    const exclusion = { studentId: 'alice', kind: 'temporary_exclusion', reason: 'Violences', decidedOn: '2026-11-25', startsOn: '2026-11-30', endsOn: '2026-12-02' };
    expect((await send('helene.garnier', 'POST', 'measures', { ...exclusion, endsOn: '2026-11-29' })).statusCode).toBe(400);
    expect((await send('helene.garnier', 'POST', 'measures', { ...exclusion, kind: 'permanent_exclusion' })).json().error.code).toBe('discipline.council_required');
    const sanction = await send('helene.garnier', 'POST', 'measures', exclusion);
    expect(sanction.statusCode, sanction.body).toBe(201);
    const sanctionId = sanction.json<DisciplineList>().measures[0]?.id ?? '';
    expect(sanction.json<DisciplineList>().measures[0]?.authority).toBe('head');
    // Nothing is visible to the family before publication.
    expect((await records('alice.martin')).measures).toEqual([]);
    // The CPE cannot publish (nor cancel) the head's sanction; the teacher publishes her own punishment.
    expect((await send('carl.blanc', 'POST', `measures/${sanctionId}/publish`)).statusCode).toBe(403);
    expect((await send('theo.petit', 'POST', `measures/${measure?.id}/publish`)).statusCode).toBe(403);
    expect((await send('tina.roux', 'POST', `measures/${measure?.id}/publish`)).statusCode).toBe(200);
    expect((await send('helene.garnier', 'POST', `measures/${sanctionId}/publish`)).statusCode).toBe(200);
    expect(await outbox(sanctionId)).toEqual(['discipline.published:alice', 'discipline.published:remi']);
    const family = (await records('remi.martin', '?studentId=alice')).measures;
    expect(family.map((m) => m.kind).sort()).toEqual(['detention', 'temporary_exclusion']);
    expect((await records('bob.durand')).measures).toEqual([]);
    // Cancelling keeps the record (shown as lifted) and its history.
    expect((await send('tina.roux', 'POST', `measures/${sanctionId}/cancel`)).statusCode).toBe(403);
    expect((await send('helene.garnier', 'POST', `measures/${sanctionId}/cancel`)).statusCode).toBe(200);
    expect((await send('helene.garnier', 'POST', `measures/${sanctionId}/cancel`)).json().error.code).toBe('discipline.cancelled');
    expect((await records('alice.martin')).measures.find((m) => m.id === sanctionId)?.cancelledAt).not.toBeNull();
    const history = (await get('helene.garnier', `measures/${sanctionId}/history`)).json<DisciplineHistory>();
    expect(history.entries.map((e) => e.action)).toEqual(['created', 'published', 'cancelled']);
  });

  it('shows a teacher the measures they gave and those of their classes’ students, filtered by dates', async () => {
    // Chloé (4A, Tina's class) gets extra work from the CPE; Théo (5B) does not see it, Tina does.
    const res = await send('carl.blanc', 'POST', 'measures', { studentId: 'chloe', kind: 'extra_work', reason: 'Travail non fait', decidedOn: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(201);
    const kinds = async (login: string, query = '') => (await records(login, query)).measures.map((m) => `${m.student.id}:${m.kind}`).sort();
    expect(await kinds('theo.petit')).toEqual(['alice:detention', 'alice:temporary_exclusion']);
    expect(await kinds('tina.roux')).toEqual(['alice:detention', 'chloe:extra_work']);
    expect(await kinds('carl.blanc', '?from=2026-11-21')).toEqual(['alice:detention', 'alice:temporary_exclusion']);
    expect(await kinds('carl.blanc', '?to=2026-11-20')).toEqual(['chloe:extra_work']);
    expect((await records('carl.blanc', '?from=2026-11-25')).incidents).toEqual([]);
    expect((await records('carl.blanc', '?to=2026-11-24')).incidents).toHaveLength(1);
    expect((await get('carl.blanc', 'records?from=25-11-2026')).statusCode).toBe(400);
  });
});
