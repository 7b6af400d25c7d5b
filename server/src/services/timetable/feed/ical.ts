import ical, { ICalEventStatus } from 'ical-generator';
import type { Lesson } from '@preau/contracts';
import type { AppContext } from '../../../kernel/context.js';
import { dueHomeworkFor } from '../../homework/index.js';
import { addDays, parisToday } from '../calendar/dates.js';
import { lessonsOf } from '../timetable.views.js';

/** A week back and eight ahead: what a phone keeps in sync without a heavy download. */
const DAYS_BEFORE = 7;
const DAYS_AFTER = 56;

interface Source {
  establishmentId: string;
  kind: 'student' | 'teacher';
  personId: string;
  /** A relative's feed names the child on each event. */
  childName: string | null;
}

async function sourcesOf(ctx: AppContext, personId: string): Promise<Source[]> {
  const [memberships, children] = await Promise.all([
    ctx.db.selectFrom('memberships').select(['establishment_id', 'profile']).where('person_id', '=', personId).where('profile', 'in', ['student', 'teacher']).execute(),
    ctx.db
      .selectFrom('relatives')
      .innerJoin('people', 'people.id', 'relatives.student_id')
      .innerJoin('memberships as m', 'm.person_id', 'people.id')
      .innerJoin('memberships as mine', (j) => j.onRef('mine.establishment_id', '=', 'm.establishment_id').on('mine.person_id', '=', personId).on('mine.profile', '=', 'relative'))
      .select(['people.id', 'people.first_name', 'm.establishment_id'])
      .where('relatives.relative_id', '=', personId)
      .where('m.profile', '=', 'student')
      .execute(),
  ]);
  return [
    ...memberships.map((m) => ({ establishmentId: m.establishment_id, kind: m.profile as 'student' | 'teacher', personId, childName: null })),
    ...children.map((c) => ({ establishmentId: c.establishment_id, kind: 'student' as const, personId: c.id, childName: c.first_name })),
  ];
}

function lessonSummary(lesson: Lesson, childName: string | null): string {
  const base = `${lesson.subject.name} (${lesson.group.name})`;
  const who = childName ? `${childName} — ` : '';
  return lesson.cancelled ? `${who}Annulé : ${base}` : `${who}${base}`;
}

function lessonDescription(lesson: Lesson): string {
  const lines: string[] = [];
  if (lesson.teacher) lines.push(lesson.usualTeacher ? `Remplacé par ${lesson.teacher.displayName} (au lieu de ${lesson.usualTeacher.displayName})` : lesson.teacher.displayName);
  if (lesson.usualRoom && lesson.room) lines.push(`Changement de salle : ${lesson.room.code} au lieu de ${lesson.usualRoom.code}`);
  if (lesson.note) lines.push(lesson.note);
  return lines.join('\n');
}

/**
 * The person's calendar: lessons as timed events in UTC (a phone shows them in its own zone, so
 * 8:00 in Paris stays 8:00 across the change of time) and homework as all-day events on the day
 * it is due. Cancelled lessons stay, marked CANCELLED, so a synced phone removes them visibly.
 */
export async function buildFeed(ctx: AppContext, personId: string): Promise<string> {
  const today = parisToday(ctx.clock.now());
  const from = addDays(today, -DAYS_BEFORE);
  const to = addDays(today, DAYS_AFTER);
  const calendar = ical({ name: 'Préau — emploi du temps et devoirs', prodId: { company: 'Préau', product: 'ENT', language: 'FR' }, ttl: 3600 });
  for (const source of await sourcesOf(ctx, personId)) {
    const slotSource = source.kind === 'student' ? { kind: 'student' as const, studentId: source.personId } : { kind: 'teacher' as const, teacherId: source.personId, from, to };
    const lessons = await lessonsOf(ctx.db, source.establishmentId, slotSource, from, to);
    for (const lesson of lessons) {
      calendar.createEvent({
        id: `lesson-${lesson.slotId}-${lesson.date}${source.childName ? `-${source.personId}` : ''}@preau`,
        start: new Date(lesson.startsAt),
        end: new Date(lesson.endsAt),
        summary: lessonSummary(lesson, source.childName),
        location: lesson.room ? `${lesson.room.code} ${lesson.room.name}`.trim() : null,
        description: lessonDescription(lesson) || null,
        status: lesson.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        stamp: ctx.clock.now(),
      });
    }
    if (source.kind !== 'student') continue;
    for (const work of await dueHomeworkFor(ctx.db, ctx.clock.now(), source.establishmentId, source.personId, today, to)) {
      calendar.createEvent({
        id: `homework-${work.id}${source.childName ? `-${source.personId}` : ''}@preau`,
        allDay: true,
        start: new Date(`${work.dueOn}T00:00:00Z`),
        end: new Date(`${addDays(work.dueOn, 1)}T00:00:00Z`),
        summary: `${source.childName ? `${source.childName} — ` : ''}À faire : ${work.subjectName}`,
        description: work.instructionsText,
        stamp: ctx.clock.now(),
      });
    }
  }
  return calendar.toString();
}
