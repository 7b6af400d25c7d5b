import { addDays, parisInstant, parisToday } from '../timetable/index.js';

/** What counting needs of an attendance event (instants as ISO UTC text). */
export interface CountedEvent {
  kind: string;
  startsAt: string;
  endsAt: string;
  justification: string;
  source: string;
}

/** One lesson of the student (instants), cancelled ones left out by the caller. */
export interface CountedLesson {
  startsAt: string;
  endsAt: string;
}

export interface HalfDayTotals {
  total: number;
  justified: number;
  unjustified: number;
  /** Lateness events: counted apart, never as absences. */
  lateness: number;
}

/** A half-day: the Paris date and which side of the boundary. */
export interface HalfDay {
  date: string;
  part: 'am' | 'pm';
  justified: boolean;
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && aEnd > bStart;

/** The instants where each half-day of `date` starts and ends (Paris midnight, boundary, next midnight). */
function halvesOf(date: string, boundary: string): { part: 'am' | 'pm'; start: number; end: number }[] {
  const midnight = parisInstant(date, '00:00').getTime();
  const split = parisInstant(date, boundary).getTime();
  const next = parisInstant(addDays(date, 1), '00:00').getTime();
  return [
    { part: 'am', start: midnight, end: split },
    { part: 'pm', start: split, end: next },
  ];
}

/**
 * The absence half-days of one student. Rules (README, "Appel et absences"):
 * - only absences count: lateness and early departures do not make a half-day of absence;
 * - a collective absence (class trip, exam) is school time, not an absence;
 * - a half-day counts once however many lessons of it were missed;
 * - an absence from a register counts the half-day of its lesson; an absence recorded by staff or
 *   declared by relatives (often "the whole day") counts each half-day where it covers at least one
 *   of the student's lessons, so a free Wednesday afternoon is not an absence;
 * - a half-day is justified only when every absence counted in it is justified ('pending' and
 *   'refused' count as unjustified until vie scolaire accepts them).
 */
export function absenceHalfDays(events: CountedEvent[], lessons: CountedLesson[], boundary: string): HalfDay[] {
  const lessonTimes = lessons.map((l) => ({ start: Date.parse(l.startsAt), end: Date.parse(l.endsAt) }));
  const found = new Map<string, HalfDay>();
  for (const event of events) {
    if (event.kind !== 'absence' || event.source === 'collective') continue;
    const start = Date.parse(event.startsAt);
    const end = Date.parse(event.endsAt);
    if (!(end > start)) continue;
    const lastDate = parisToday(new Date(end - 1));
    for (let date = parisToday(new Date(start)); date <= lastDate; date = addDays(date, 1)) {
      for (const half of halvesOf(date, boundary)) {
        if (!overlaps(start, end, half.start, half.end)) continue;
        const fromRegister = event.source === 'register';
        // A register absence is a lesson missed: it counts where the lesson started.
        if (fromRegister ? !(start >= half.start && start < half.end) : !lessonTimes.some((l) => overlaps(l.start, l.end, Math.max(start, half.start), Math.min(end, half.end)))) continue;
        const key = `${date}|${half.part}`;
        const justified = event.justification === 'justified';
        const seen = found.get(key);
        found.set(key, { date, part: half.part, justified: (seen ? seen.justified : true) && justified });
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.date === b.date ? a.part.localeCompare(b.part) : a.date.localeCompare(b.date)));
}

export function countHalfDays(events: CountedEvent[], lessons: CountedLesson[], boundary: string): HalfDayTotals {
  const halves = absenceHalfDays(events, lessons, boundary);
  const justified = halves.filter((h) => h.justified).length;
  return {
    total: halves.length,
    justified,
    unjustified: halves.length - justified,
    lateness: events.filter((e) => e.kind === 'late').length,
  };
}
