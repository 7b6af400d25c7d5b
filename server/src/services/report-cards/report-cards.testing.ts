import type { Assessment, GradePeriods } from '@preau/contracts';
import { expect } from 'vitest';
import type { DatabaseHandle } from '../../kernel/db/database.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { school } from '../../kernel/testing/school.js';
import { insertWorld } from '../../kernel/testing/world.js';

export const base = '/api/report-cards/establishments';

/**
 * The test school with grades to report: Théo (head teacher of 5B) teaches maths there, Tina
 * French too; Rose is also Alice's relative, without parental authority. Two trimesters; in T1,
 * maths: Alice 12, Bob 16, Nina absent (plus a draft not published, Alice 0); French: Alice 11,
 * Bob 8. Clock: Wednesday 25 November 2026, 10:00 UTC.
 */
export async function reportCardWorld(database: DatabaseHandle) {
  const { db } = database;
  await insertWorld(db, school);
  await db.insertInto('teachings').values({ group_id: 'a-5b', person_id: 'tina', subject_id: 'a-fr', source: null }).execute();
  await db.insertInto('relatives').values({ relative_id: 'rose', student_id: 'alice', legal_guardian: 0, financial: 0, contact: 1, relationship: null }).execute();
  const env = await testApp(database);
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    if (!sessions.has(login)) sessions.set(login, await loginAs(env.app, login));
    return sessions.get(login) as LoggedIn;
  };
  const get = async (login: string, url: string, establishment = 'etab-a') => env.app.inject({ method: 'GET', url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers });
  const send = async (login: string, method: 'POST' | 'PUT', url: string, payload: object, establishment = 'etab-a') =>
    env.app.inject({ method, url: `${base}/${establishment}/${url}`, headers: (await as(login)).headers, payload });
  const grades = async (login: string, method: 'POST' | 'PUT', url: string, payload: object) =>
    env.app.inject({ method, url: `/api/grades/establishments/etab-a/${url}`, headers: (await as(login)).headers, payload });

  const periods = await grades('helene.garnier', 'PUT', 'periods', {
    periods: [
      { name: 'Trimestre 1', startsOn: '2026-09-01', endsOn: '2026-11-30' },
      { name: 'Trimestre 2', startsOn: '2026-12-01', endsOn: '2027-03-15' },
    ],
  });
  expect(periods.statusCode, periods.body).toBe(200);
  const [t1, t2] = periods.json<GradePeriods>().periods.map((p) => p.id) as [string, string];
  const assess = async (login: string, body: object, entries: object[]) => {
    const res = await grades(login, 'POST', 'assessments', { groupId: 'a-5b', date: '2026-11-18', scale: 20, coefficient: 1, ...body });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Assessment>().id;
    const graded = await grades(login, 'PUT', `assessments/${id}/grades`, { grades: entries });
    expect(graded.statusCode, graded.body).toBe(204);
    return id;
  };
  await assess('theo.petit', { subjectId: 'a-maths', title: 'Contrôle', studentsAt: '2026-11-20T09:00:00.000Z' }, [
    { studentId: 'alice', value: 12 },
    { studentId: 'bob', value: 16 },
    { studentId: 'newbie', special: 'absent' },
  ]);
  await assess('theo.petit', { subjectId: 'a-maths', title: 'Brouillon', studentsAt: null }, [{ studentId: 'alice', value: 0 }]);
  await assess('tina.roux', { subjectId: 'a-fr', title: 'Dictée', studentsAt: '2026-11-20T09:00:00.000Z' }, [
    { studentId: 'alice', value: 11 },
    { studentId: 'bob', value: 8 },
  ]);
  const setClock = (at: string) => {
    env.clock.set(at);
    sessions.clear();
  };
  return { env, as, get, send, grades, assess, setClock, t1, t2, council: (periodId = t1) => ({ groupId: 'a-5b', periodId }) };
}

/** Text shown by an uncompressed pdfkit file: built-in fonts write hex strings in TJ arrays. */
export function pdfTexts(pdf: Buffer): string {
  return [...pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) => [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join(''))
    .join('\n');
}
