import type { AttendanceReasons, ChildAbsences, JustificationRecord, JustificationRecords } from '@preau/contracts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { school } from '../../../kernel/testing/school.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { followUpNewEvents } from './justification.followup.js';
import { PDF, insertEvent, multipart } from './justification.testing.js';

const base = '/api/attendance/establishments';

describeEachDatabase('absence justification', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const ids: Record<string, string> = {};
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, establishment = 'etab-a') =>
    env.app.inject({ method, url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers, ...(payload ? { payload } : {}) });
  const justify = async (login: string, eventIds: string[], file?: { bytes: Buffer; type: string; filename?: string }, reasonId = ids.illness as string) => {
    const body = multipart([
      ...eventIds.map((value) => ({ name: 'eventIds', value })),
      { name: 'reasonId', value: reasonId },
      { name: 'comment', value: 'Fièvre, certificat joint.' },
      ...(file ? [{ name: 'file', filename: file.filename ?? 'certificat.pdf', type: file.type, bytes: file.bytes }] : []),
    ]);
    const headers = (await as(login)).headers;
    return env.app.inject({ method: 'POST', url: `${base}/etab-a/justifications`, headers: { ...headers, ...body.headers }, payload: body.payload });
  };
  const told = async (type: string) =>
    (await database().db.selectFrom('outbox_events as o').innerJoin('event_recipients as r', 'r.event_id', 'o.id').select(['r.person_id', 'o.resource_id']).where('o.type', '=', type).execute())
      .map((r) => `${r.resource_id}:${r.person_id}`)
      .sort();
  const state = async (eventId: string) => (await database().db.selectFrom('attendance_events').select(['justification', 'reason_id']).where('id', '=', eventId).executeTakeFirstOrThrow()).justification;

  beforeAll(async () => {
    const db = database().db;
    await insertWorld(db, school);
    // Bob is 18 (of age); Rose is also Alice's step-mother, without parental authority.
    await db.updateTable('people').set({ birth_date: '2008-03-02' }).where('id', '=', 'bob').execute();
    await db.updateTable('people').set({ birth_date: '2013-05-10' }).where('id', '=', 'alice').execute();
    await db.insertInto('relatives').values({ relative_id: 'rose', student_id: 'alice', legal_guardian: 0, financial: 0, contact: 1, relationship: null }).execute();
    env = await testApp(database());
    const reasons = (await call('carl.blanc', 'GET', 'reasons')).json<AttendanceReasons>().reasons;
    ids.illness = reasons.find((r) => r.code === 'maladie')?.id ?? '';
    // Monday 23 November: Alice missed maths at 8:00 and was 10 minutes late on Tuesday; Bob missed Tuesday.
    ids.aliceMonday = await insertEvent(db, { studentId: 'alice', startsAt: '2026-11-23T07:00:00.000Z', endsAt: '2026-11-23T08:00:00.000Z' });
    ids.aliceLate = await insertEvent(db, { studentId: 'alice', kind: 'late', minutes: 10, startsAt: '2026-11-24T07:00:00.000Z', endsAt: '2026-11-24T07:10:00.000Z' });
    ids.bobTuesday = await insertEvent(db, { studentId: 'bob', startsAt: '2026-11-24T07:00:00.000Z', endsAt: '2026-11-24T08:00:00.000Z' });
  });

  it('tells the legal guardians (and the student of age) of each new unjustified event, once', async () => {
    const first = await followUpNewEvents(env.ctx);
    expect(first).toMatchObject({ handled: 3, notified: 3 });
    expect(await told('attendance.to_justify')).toEqual([`${ids.aliceLate}:remi`, `${ids.aliceMonday}:remi`, `${ids.bobTuesday}:bob`].sort());
    expect(await followUpNewEvents(env.ctx)).toEqual({ handled: 0, notified: 0, linked: 0 });
    expect(await told('attendance.to_justify')).toHaveLength(3);
    // Two processes at once: the follow-up row is the claim, so Chloé's mother hears once.
    const chloe = await insertEvent(database().db, { studentId: 'chloe', startsAt: '2026-11-24T08:00:00.000Z', endsAt: '2026-11-24T09:00:00.000Z' });
    const runs = await Promise.all([followUpNewEvents(env.ctx), followUpNewEvents(env.ctx)]);
    expect(runs.reduce((sum, r) => sum + r.handled, 0)).toBe(1);
    expect((await told('attendance.to_justify')).filter((r) => r.startsWith(chloe))).toEqual([`${chloe}:rose`]);
  });

  it('shows a child’s absences to the student and relatives; only legal guardians or the student of age justify', async () => {
    const remi = await call('remi.martin', 'GET', 'absences?studentId=alice');
    expect(remi.statusCode, remi.body).toBe(200);
    const view = remi.json<ChildAbsences>();
    expect(view.canJustify).toBe(true);
    expect(view.reasons.map((r) => r.code)).toContain('maladie');
    // No timetable in this world: the absence counts no half-day of lessons, the lateness counts.
    expect(view.figures).toMatchObject({ lateCount: 1, lateMinutes: 10 });
    expect(view.events.map((e) => [e.kind, e.justification, e.canJustify])).toEqual([
      ['late', 'unjustified', true],
      ['absence', 'unjustified', true],
    ]);
    expect((await call('rose.lefevre', 'GET', 'absences?studentId=alice')).json<ChildAbsences>().canJustify).toBe(false);
    expect((await call('alice.martin', 'GET', 'absences')).json<ChildAbsences>().canJustify).toBe(false);
    expect((await call('bob.durand', 'GET', 'absences')).json<ChildAbsences>().canJustify).toBe(true);
    for (const [login, query, status] of [
      ['chloe.lefevre', '?studentId=alice', 403],
      ['bob.durand', '?studentId=alice', 403],
      ['theo.petit', '?studentId=alice', 403],
      ['remi.martin', '?studentId=sam', 404],
    ] as const)
      expect((await call(login, 'GET', `absences${query}`)).statusCode, `${login}${query}`).toBe(status);
    expect((await call('tom.girard', 'GET', 'absences?studentId=alice')).statusCode).toBe(403);
    // Justifying: the step-mother, the minor student, a teacher, another establishment are refused.
    expect((await justify('rose.lefevre', [ids.aliceMonday as string])).json().error.code).toBe('justification.not_allowed');
    expect((await justify('alice.martin', [ids.aliceMonday as string])).json().error.code).toBe('justification.not_allowed');
    expect((await justify('theo.petit', [ids.aliceMonday as string])).statusCode).toBe(403);
    expect((await justify('remi.martin', [ids.bobTuesday as string])).statusCode).toBe(403);
    expect(await state(ids.aliceMonday as string)).toBe('unjustified');
  });

  it('accepts a justification with a document within the limits, refusing bad input unchanged', async () => {
    expect((await justify('remi.martin', [ids.aliceMonday as string], { bytes: Buffer.from('MZ\x90\x00 not a pdf'), type: 'application/pdf', filename: 'virus.pdf' })).statusCode).toBe(415);
    expect((await justify('remi.martin', [ids.aliceMonday as string], { bytes: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), type: 'application/pdf' })).statusCode).toBe(413);
    expect((await justify('remi.martin', [ids.aliceMonday as string], undefined, 'nope')).json().error.code).toBe('attendance.reason_not_found');
    expect((await justify('remi.martin', ['missing'])).statusCode).toBe(404);
    expect((await justify('remi.martin', [ids.aliceMonday as string, ids.bobTuesday as string])).statusCode).toBe(400);
    expect(await state(ids.aliceMonday as string)).toBe('unjustified');
    expect(await database().db.selectFrom('attendance_justifications').select('id').execute()).toEqual([]);
    const res = await justify('remi.martin', [ids.aliceMonday as string, ids.aliceLate as string], { bytes: PDF, type: 'application/pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json<JustificationRecord>();
    ids.aliceJustification = record.id;
    expect([record.state, record.file?.mediaType, record.events.length, record.submittedBy?.id]).toEqual(['pending', 'application/pdf', 2, 'remi']);
    expect(await state(ids.aliceMonday as string)).toBe('pending');
    expect((await justify('remi.martin', [ids.aliceMonday as string])).json().error.code).toBe('justification.not_open');
    // Bob, of age, justifies his own absence.
    const bob = await justify('bob.durand', [ids.bobTuesday as string]);
    expect(bob.statusCode, bob.body).toBe(201);
    ids.bobJustification = bob.json<JustificationRecord>().id;
    // The document: the family and vie scolaire download it; nobody else.
    const file = await call('remi.martin', 'GET', `justifications/${ids.aliceJustification}/file`);
    expect([file.statusCode, file.headers['content-type'], file.rawPayload.equals(PDF)]).toEqual([200, 'application/pdf', true]);
    expect((await call('carl.blanc', 'GET', `justifications/${ids.aliceJustification}/file`)).statusCode).toBe(200);
    expect((await call('chloe.lefevre', 'GET', `justifications/${ids.aliceJustification}/file`)).statusCode).toBe(403);
    expect((await call('bob.durand', 'GET', `justifications/${ids.aliceJustification}/file`)).statusCode).toBe(403);
  });

  it('lets vie scolaire validate or refuse (with a comment), the events and the history following', async () => {
    const queue = await call('carl.blanc', 'GET', 'justifications');
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json<JustificationRecords>().justifications.map((j) => j.student.id).sort()).toEqual(['alice', 'bob']);
    for (const login of ['theo.petit', 'remi.martin', 'alice.martin']) expect((await call(login, 'GET', 'justifications')).statusCode, login).toBe(403);
    expect((await call('hugo.bonnet', 'GET', 'justifications', undefined, 'etab-b')).statusCode).toBe(403);
    const decide = (login: string, id: string, body: object) => call(login, 'POST', `justifications/${id}/decision`, body);
    expect((await decide('carl.blanc', ids.bobJustification as string, { decision: 'refused' })).statusCode).toBe(400);
    expect((await decide('theo.petit', ids.bobJustification as string, { decision: 'justified' })).statusCode).toBe(403);
    expect(await state(ids.bobTuesday as string)).toBe('pending');
    const refused = await decide('carl.blanc', ids.bobJustification as string, { decision: 'refused', comment: 'Motif non recevable.' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(await state(ids.bobTuesday as string)).toBe('refused');
    const accepted = await decide('carl.blanc', ids.aliceJustification as string, { decision: 'justified' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<JustificationRecord>().history.map((h) => `${h.action}:${h.actor?.id}`)).toEqual(['submitted:remi', 'justified:carl']);
    expect([await state(ids.aliceMonday as string), await state(ids.aliceLate as string)]).toEqual(['justified', 'justified']);
    expect((await decide('carl.blanc', ids.aliceJustification as string, { decision: 'refused', comment: 'Non' })).json().error.code).toBe('justification.not_pending');
    expect(await told('attendance.justification_decided')).toEqual([`${ids.aliceJustification}:remi`, `${ids.bobJustification}:bob`].sort());
    // A refused absence can be justified again.
    const view = (await call('bob.durand', 'GET', 'absences')).json<ChildAbsences>();
    expect(view.events.map((e) => [e.justification, e.canJustify])).toEqual([['refused', true]]);
    expect(view.justifications[0]?.decisionComment).toBe('Motif non recevable.');
  });

  it('turns a declaration in advance into a pending absence and links the register’s events to it', async () => {
    const declaration = { studentId: 'alice', startsAt: '2026-11-26T07:00:00.000Z', endsAt: '2026-11-26T16:00:00.000Z', reasonId: ids.illness, comment: 'Rendez-vous chez le spécialiste.' };
    expect((await call('remi.martin', 'POST', 'declarations', { ...declaration, startsAt: '2026-11-20T07:00:00.000Z', endsAt: '2026-11-20T16:00:00.000Z' })).json().error.code).toBe('justification.invalid_range');
    expect((await call('remi.martin', 'POST', 'declarations', { ...declaration, endsAt: '2026-11-25T16:00:00.000Z' })).statusCode).toBe(400);
    expect((await call('rose.lefevre', 'POST', 'declarations', declaration)).statusCode).toBe(403);
    expect((await call('remi.martin', 'POST', 'declarations', { ...declaration, studentId: 'bob' })).statusCode).toBe(403);
    const res = await call('remi.martin', 'POST', 'declarations', declaration);
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json<JustificationRecord>();
    expect([record.kind, record.state, record.events.map((e) => [e.source, e.justification])]).toEqual(['declaration', 'pending', [['declaration', 'pending']]]);
    // Thursday's register marks her absent at 8:00: linked, not announced to the family.
    const registerEvent = await insertEvent(database().db, { studentId: 'alice', startsAt: '2026-11-26T07:00:00.000Z', endsAt: '2026-11-26T08:00:00.000Z', createdAt: '2026-11-25T09:30:00.000Z' });
    expect(await followUpNewEvents(env.ctx)).toMatchObject({ handled: 1, notified: 0, linked: 1 });
    expect(await state(registerEvent)).toBe('pending');
    expect((await told('attendance.to_justify')).filter((r) => r.startsWith(registerEvent))).toEqual([]);
    const decided = await call('carl.blanc', 'POST', `justifications/${record.id}/decision`, { decision: 'justified' });
    expect(decided.json<JustificationRecord>().history.map((h) => h.action)).toEqual(['declared', 'linked', 'justified']);
    expect(await state(registerEvent)).toBe('justified');
  });
});
