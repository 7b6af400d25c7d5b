import type { Timetable } from '@preau/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { weekType } from './calendar/occurrences.js';
import { defaultCalendar, easterSunday, zoneOfAcademy } from './calendar/french-calendar.js';
import { enterTimetable } from './timetable.testing.js';

describe('French school calendar', () => {
  it('knows Easter, the zones of the académies and alternates weeks over school weeks only', () => {
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(zoneOfAcademy('Académie de Lyon')).toBe('A');
    expect(zoneOfAcademy('Créteil')).toBe('C');
    expect(zoneOfAcademy('Nowhere')).toBeNull();
    const c = defaultCalendar(2026, 'C');
    const frame = { yearStart: c.start, yearEnd: c.end, weekAReference: '2026-08-31', holidays: c.periods.map((p) => ({ firstDay: p.firstDay, lastDay: p.lastDay })) };
    expect(weekType(frame, '2026-09-02')).toBe('A');
    expect(weekType(frame, '2026-10-14')).toBe('A');
    // Two weeks of Toussaint do not count: the week after them is B, as the one before was A.
    expect(weekType(frame, '2026-10-21')).toBeNull();
    expect(weekType(frame, '2026-11-04')).toBe('B');
    expect(weekType(frame, '2026-11-25')).toBe('A');
  });
});

describeEachDatabase('timetable', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  let ada: LoggedIn;
  let ids: Awaited<ReturnType<typeof enterTimetable>>;
  const view = (s: LoggedIn, query: string, establishment = 'etab-a') => env.app.inject({ method: 'GET', url: `/api/timetable/establishments/${establishment}/view?${query}`, headers: s.headers });

  beforeAll(async () => {
    await insertWorld(database().db, school);
    env = await testApp(database());
    ada = await loginAs(env.app, 'ada.morel');
    ids = await enterTimetable(env.app, ada);
  });

  it('shows a student their week: weekly lessons, week A lessons in week A only, times in Paris and UTC', async () => {
    const alice = await loginAs(env.app, 'alice.martin');
    const week = (await view(alice, 'view=student&id=alice&date=2026-11-25')).json<Timetable>();
    expect(week.from).toBe('2026-11-23');
    expect(week.week).toBe('A');
    expect(week.lessons.map((l) => [l.date, l.start, l.subject.name, l.room?.code])).toEqual([
      ['2026-11-23', '08:00', 'Mathématiques', 'B12'],
      ['2026-11-26', '10:00', 'Mathématiques', 'B12'],
    ]);
    expect(week.lessons[0]?.startsAt).toBe('2026-11-23T07:00:00.000Z');
    const next = (await view(alice, 'view=student&id=alice&date=2026-11-30')).json<Timetable>();
    expect(next.week).toBe('B');
    expect(next.lessons.map((l) => l.date)).toEqual(['2026-11-30']);
    // Summer time before the Toussaint: 8:00 in Paris is 6:00 UTC.
    const october = (await view(alice, 'view=student&id=alice&date=2026-10-12&days=1')).json<Timetable>();
    expect(october.lessons.map((l) => l.startsAt)).toEqual(['2026-10-12T06:00:00.000Z']);
    const holidays = (await view(alice, 'view=student&id=alice&date=2026-10-21')).json<Timetable>();
    expect(holidays.lessons).toEqual([]);
    expect(holidays.holidays.map((h) => h.name)).toContain('Vacances de la Toussaint');
    // Easter Monday is a public holiday: no Monday maths that day, though not in the zone's holidays.
    const easterMonday = (await view(alice, 'view=class&id=a-5b&date=2027-03-29&days=1')).json<Timetable>();
    expect(easterMonday.lessons).toEqual([]);
    expect(easterMonday.holidays.map((h) => h.name)).toEqual(['Lundi de Pâques']);
    expect((await view(alice, 'view=class&id=a-5b&date=2027-03-22&days=1')).json<Timetable>().lessons).toHaveLength(1);
  });

  it('shows a cancelled lesson, a room change and a replacement teacher as such, to the class and to both teachers', async () => {
    const put = (slot: string, date: string, payload: object) =>
      env.app.inject({ method: 'PUT', url: `/api/timetable/establishments/etab-a/slots/${slot}/exceptions/${date}`, headers: ada.headers, payload });
    expect((await put(ids.slots.monday, '2026-11-23', { cancelled: true, note: 'Sortie scolaire' })).statusCode).toBe(204);
    expect((await put(ids.slots.thursday, '2026-11-26', { roomId: ids.rooms.cdi, teacherId: 'tina' })).statusCode).toBe(204);
    // No lesson on a Tuesday for the Monday slot, nor a week-A slot in week B.
    expect((await put(ids.slots.monday, '2026-11-24', { cancelled: true })).json().error.code).toBe('timetable.no_lesson_that_day');
    expect((await put(ids.slots.thursday, '2026-12-03', { cancelled: true })).statusCode).toBe(400);
    expect((await put(ids.slots.monday, '2026-11-30', {})).statusCode).toBe(400);

    const bob = await loginAs(env.app, 'bob.durand');
    const week = (await view(bob, 'view=class&id=a-5b&date=2026-11-23')).json<Timetable>();
    const [monday, thursday] = week.lessons;
    expect(monday).toMatchObject({ cancelled: true, note: 'Sortie scolaire' });
    expect(thursday).toMatchObject({ cancelled: false, room: { code: 'CDI' }, usualRoom: { code: 'B12' }, teacher: { id: 'tina' }, usualTeacher: { id: 'theo' } });

    const theo = await loginAs(env.app, 'theo.petit');
    const his = (await view(theo, 'view=teacher&id=theo&date=2026-11-23')).json<Timetable>();
    expect(his.lessons.map((l) => [l.date, l.teacher?.id, l.usualTeacher?.id ?? null])).toEqual([
      ['2026-11-23', 'theo', null],
      ['2026-11-26', 'tina', 'theo'],
    ]);
    const tina = await loginAs(env.app, 'tina.roux');
    const hers = (await view(tina, 'view=teacher&id=tina&date=2026-11-23')).json<Timetable>();
    expect(hers.lessons.map((l) => [l.subject.name, l.group.name])).toEqual([
      ['Français', '4A'],
      ['Mathématiques', '5B'],
    ]);
    const cdi = (await view(theo, `view=room&id=${ids.rooms.cdi}&date=2026-11-23`)).json<Timetable>();
    expect(cdi.lessons.map((l) => l.date)).toEqual(['2026-11-26']);
    expect((await env.app.inject({ method: 'DELETE', url: `/api/timetable/establishments/etab-a/slots/${ids.slots.monday}/exceptions/2026-11-23`, headers: ada.headers })).statusCode).toBe(204);
  });

  it('lets students and relatives see only their own and their children’s timetables', async () => {
    const cases: [string, string, number][] = [
      ['alice.martin', 'view=student&id=alice', 200],
      ['alice.martin', 'view=class&id=a-5b', 200],
      ['alice.martin', 'view=student&id=bob', 403],
      ['alice.martin', 'view=class&id=a-4a', 403],
      ['alice.martin', 'view=teacher&id=theo', 403],
      ['alice.martin', `view=room&id=${ids.rooms.b12}`, 403],
      ['chloe.lefevre', 'view=student&id=alice', 403],
      ['chloe.lefevre', 'view=class&id=a-5b', 403],
      ['remi.martin', 'view=student&id=alice', 200],
      ['remi.martin', 'view=class&id=a-5b', 200],
      ['remi.martin', 'view=student&id=chloe', 403],
      ['rose.lefevre', 'view=student&id=alice', 403],
      ['tina.roux', 'view=class&id=a-5b', 200],
      ['tina.roux', 'view=student&id=alice', 200],
      ['ines.faure', 'view=teacher&id=theo', 200],
      ['carl.blanc', `view=room&id=${ids.rooms.b12}`, 200],
      ['theo.petit', 'view=student&id=nobody', 404],
      ['gaston.henry', 'view=student&id=alice', 403],
      ['tom.girard', 'view=class&id=a-5b', 403],
      ['sam.martin', 'view=student&id=sam', 403],
    ];
    for (const [login, query, status] of cases) {
      const s = await loginAs(env.app, login);
      expect((await view(s, `${query}&date=2026-11-23`)).statusCode, `${login} ${query}`).toBe(status);
    }
    // Tom of collège B naming A's class under B's address: no such class there.
    const tom = await loginAs(env.app, 'tom.girard');
    expect((await view(tom, 'view=class&id=a-5b&date=2026-11-23', 'etab-b')).statusCode).toBe(404);
  });

  it('lets only the management, the vie scolaire and local admins edit, in their own establishment', async () => {
    const before = await database().db.selectFrom('timetable_slots').select('id').orderBy('id').execute();
    const body = { groupId: 'a-5b', subjectId: 'a-fr', weekday: 3, start: '09:00', end: '10:00' };
    for (const login of ['theo.petit', 'alice.martin', 'remi.martin', 'ines.faure', 'hugo.bonnet']) {
      const s = await loginAs(env.app, login);
      const res = await env.app.inject({ method: 'POST', url: '/api/timetable/establishments/etab-a/slots', headers: s.headers, payload: body });
      expect(res.statusCode, login).toBe(403);
    }
    const bad = await env.app.inject({ method: 'POST', url: '/api/timetable/establishments/etab-a/slots', headers: ada.headers, payload: { ...body, end: '08:00' } });
    expect(bad.json().error.code).toBe('timetable.invalid_times');
    const foreign = await env.app.inject({ method: 'POST', url: '/api/timetable/establishments/etab-a/slots', headers: ada.headers, payload: { ...body, groupId: 'b-6a', teacherId: 'tom' } });
    expect(foreign.json().error).toMatchObject({ code: 'timetable.invalid_reference' });
    const invalid = await env.app.inject({ method: 'POST', url: '/api/timetable/establishments/etab-a/slots', headers: ada.headers, payload: { ...body, weekday: 9 } });
    expect(invalid.statusCode).toBe(400);
    expect(await database().db.selectFrom('timetable_slots').select('id').orderBy('id').execute()).toEqual(before);
  });

  it('imports a documented CSV: dry run first, then the lessons replace the previous CSV ones', async () => {
    const csv = 'Jour;Début;Fin;Semaine;Classe;Matière;Enseignant;Salle\nmercredi;10h00;11:00;B;5B;MATHS;theo.petit;B14\nvendredi;14:00;15:00;;4A;Français;tina.roux;\nlundi;25:00;26:00;;5B;MATHS;;\nmardi;08:00;09:00;;6Z;MATHS;;\n';
    const upload = (apply: boolean) => {
      const boundary = 'preau-boundary';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="edt.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
      return env.app.inject({ method: 'POST', url: `/api/timetable/establishments/etab-a/import?source=csv&apply=${apply}`, headers: { ...ada.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    const dry = await upload(false);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ applied: false, slots: 2, rooms: 1 });
    expect(dry.json().rejected.map((r: { reason: string }) => r.reason).sort()).toEqual(['invalid_time', 'unknown_structure']);
    expect(await database().db.selectFrom('timetable_slots').select('id').where('source', '=', 'csv').execute()).toHaveLength(0);
    expect((await upload(true)).json()).toMatchObject({ applied: true, slots: 2, replaced: 0 });
    expect((await upload(true)).json()).toMatchObject({ applied: true, slots: 2, replaced: 2 });
    const rows = await database().db.selectFrom('timetable_slots').select(['weekday', 'start_time', 'weeks', 'teacher_id']).where('source', '=', 'csv').orderBy('weekday').execute();
    expect(rows).toEqual([
      { weekday: 3, start_time: '10:00', weeks: 'B', teacher_id: 'theo' },
      { weekday: 5, start_time: '14:00', weeks: 'all', teacher_id: 'tina' },
    ]);
    await database().db.deleteFrom('timetable_slots').where('source', '=', 'csv').execute();
  });

  it('imports the lessons of an STS-web export, matching its structures, subjects and teachers', async () => {
    const db = database().db;
    await db.updateTable('groups').set({ external_id: '5B' }).where('id', '=', 'a-5b').execute();
    await db.insertInto('person_sources').values({ source: 'sts', scope: '0750001U', external_id: '4101', person_id: 'theo' }).execute();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<STS_EDT><PARAMETRES><UAJ CODE="0750001U"/><ANNEE_SCOLAIRE ANNEE="2026"/></PARAMETRES>
<NOMENCLATURES><ALTERNANCES><ALTERNANCE CODE="SA"><LIBELLE_LONG>Semaine A</LIBELLE_LONG></ALTERNANCE></ALTERNANCES></NOMENCLATURES>
<DONNEES><STRUCTURE><DIVISIONS><DIVISION CODE="5B"><SERVICES><SERVICE CODE_MATIERE="MATHS"><ENSEIGNANTS><ENSEIGNANT ID="4101" TYPE="epp"><COURS_RATTACHES>
<COURS><CODE_ALTERNANCE>H</CODE_ALTERNANCE><JOUR>5</JOUR><HEURE_DEBUT>1330</HEURE_DEBUT><DUREE>0055</DUREE><CODE_SALLE>B12</CODE_SALLE></COURS>
<COURS><CODE_ALTERNANCE>SA</CODE_ALTERNANCE><JOUR>2</JOUR><HEURE_DEBUT>0800</HEURE_DEBUT><DUREE>0100</DUREE></COURS>
</COURS_RATTACHES></ENSEIGNANT></ENSEIGNANTS></SERVICE></SERVICES></DIVISION></DIVISIONS></STRUCTURE></DONNEES></STS_EDT>`;
    const send = (body: string) => {
      const boundary = 'sts-boundary';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sts_emp_0750001U_2026.xml"\r\nContent-Type: text/xml\r\n\r\n${body}\r\n--${boundary}--\r\n`;
      return env.app.inject({ method: 'POST', url: '/api/timetable/establishments/etab-a/import?source=sts&apply=true', headers: { ...ada.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    };
    const res = await send(xml);
    expect(res.json()).toMatchObject({ applied: true, slots: 2, rooms: 0, rejected: [] });
    const rows = await db.selectFrom('timetable_slots').select(['weekday', 'start_time', 'end_time', 'weeks', 'teacher_id', 'room_id']).where('source', '=', 'sts').orderBy('weekday').execute();
    expect(rows).toEqual([
      { weekday: 2, start_time: '08:00', end_time: '09:00', weeks: 'A', teacher_id: 'theo', room_id: null },
      { weekday: 5, start_time: '13:30', end_time: '14:25', weeks: 'all', teacher_id: 'theo', room_id: ids.rooms.b12 },
    ]);
    const foreign = await send(xml.replace('0750001U', '0690002C'));
    expect(foreign.json().error.code).toBe('imports.wrong_establishment');
    await db.deleteFrom('timetable_slots').where('source', '=', 'sts').execute();
  });

  it('keeps the school calendar per establishment: zone, weeks A/B and closures of its own', async () => {
    const put = await env.app.inject({ method: 'PUT', url: '/api/timetable/establishments/etab-a/calendar', headers: ada.headers, payload: { zone: 'A', yearStart: '2026-09-01', yearEnd: '2027-07-02', weekAReference: '2026-09-07' } });
    expect(put.statusCode).toBe(200);
    expect(put.json().holidays.find((h: { name: string }) => h.name === 'Vacances d’hiver')).toMatchObject({ from: '2027-02-13', to: '2027-02-28' });
    const alice = await loginAs(env.app, 'alice.martin');
    expect((await view(alice, 'view=student&id=alice&date=2026-11-25')).json<Timetable>().week).toBe('B');
    const added = await env.app.inject({ method: 'POST', url: '/api/timetable/establishments/etab-a/calendar/holidays', headers: ada.headers, payload: { name: 'Journée pédagogique', from: '2026-11-23', to: '2026-11-23' } });
    expect(added.statusCode).toBe(201);
    expect((await view(alice, 'view=student&id=alice&date=2026-11-23&days=1')).json<Timetable>().lessons).toEqual([]);
    const id = added.json().holidays.find((h: { source: string }) => h.source === 'manual').id;
    expect((await env.app.inject({ method: 'DELETE', url: `/api/timetable/establishments/etab-a/calendar/holidays/${id}`, headers: ada.headers })).statusCode).toBe(200);
    const theo = await loginAs(env.app, 'theo.petit');
    expect((await env.app.inject({ method: 'PUT', url: '/api/timetable/establishments/etab-a/calendar', headers: theo.headers, payload: { zone: 'B', yearStart: '2026-09-01', yearEnd: '2027-07-02', weekAReference: null } })).statusCode).toBe(403);
    await database().db.deleteFrom('school_calendars').execute();
    await database().db.deleteFrom('calendar_holidays').execute();
  });
});
