import type { FastifyInstance } from 'fastify';
import type { LoggedIn } from '../../kernel/testing/test-app.js';

/**
 * The 5B timetable the timetable and homework tests share (collège A of the fixture world, whose
 * académie is unknown, hence zone C): maths on Monday 8:00 every week and Thursday 10:00 in week A
 * with Théo in room B12, French for 4A on Tuesday with Tina. Entered by Ada, the local admin.
 */
export async function enterTimetable(app: FastifyInstance, ada: LoggedIn) {
  const post = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url: `/api/timetable/establishments/etab-a/${url}`, headers: ada.headers, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>();
  };
  const b12 = await post('rooms', { code: 'B12', name: 'Salle B12' });
  const cdi = await post('rooms', { code: 'CDI', name: 'Centre de documentation' });
  const monday = await post('slots', { groupId: 'a-5b', subjectId: 'a-maths', teacherId: 'theo', roomId: b12.id, weekday: 1, start: '08:00', end: '09:00' });
  const thursday = await post('slots', { groupId: 'a-5b', subjectId: 'a-maths', teacherId: 'theo', roomId: b12.id, weekday: 4, start: '10:00', end: '11:00', weeks: 'A' });
  const french = await post('slots', { groupId: 'a-4a', subjectId: 'a-fr', teacherId: 'tina', weekday: 2, start: '09:00', end: '10:00' });
  return { rooms: { b12: b12.id, cdi: cdi.id }, slots: { monday: monday.id, thursday: thursday.id, french: french.id } };
}
