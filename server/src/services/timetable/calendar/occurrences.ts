import { addDays, datesFrom, daysBetween, isoWeekday, mondayOf, parisInstant } from './dates.js';

/** A weekly slot as stored, with the names a view needs. */
export interface SlotRow {
  id: string;
  group_id: string;
  group_name: string;
  subject_id: string;
  subject_name: string;
  teacher_id: string | null;
  teacher_first: string | null;
  teacher_last: string | null;
  room_id: string | null;
  room_code: string | null;
  room_name: string | null;
  weekday: number;
  start_time: string;
  end_time: string;
  weeks: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface ExceptionRow {
  slot_id: string;
  date: string;
  cancelled: number;
  room_id: string | null;
  room_code: string | null;
  room_name: string | null;
  teacher_id: string | null;
  teacher_first: string | null;
  teacher_last: string | null;
  note: string | null;
}

export interface CalendarFrame {
  yearStart: string;
  yearEnd: string;
  weekAReference: string | null;
  /** Inclusive periods without lessons. */
  holidays: { firstDay: string; lastDay: string }[];
}

export interface Occurrence {
  slot: SlotRow;
  date: string;
  startsAt: Date;
  endsAt: Date;
  exception: ExceptionRow | null;
}

export function isHoliday(frame: CalendarFrame, date: string): boolean {
  return frame.holidays.some((h) => h.firstDay <= date && date <= h.lastDay);
}

export function inSchoolYear(frame: CalendarFrame, date: string): boolean {
  return frame.yearStart <= date && date <= frame.yearEnd;
}

/** A week with at least one weekday of lessons; holiday weeks do not count in the A/B alternation. */
function isSchoolWeek(frame: CalendarFrame, monday: string): boolean {
  const friday = addDays(monday, 4);
  // A week is lost only when holidays cover Monday to Friday; test the five days against the periods around.
  const around = frame.holidays.filter((h) => h.firstDay <= friday && h.lastDay >= monday);
  if (around.length === 0) return true;
  return datesFrom(monday, 5).some((d) => !around.some((h) => h.firstDay <= d && d <= h.lastDay));
}

/**
 * Week A or B of the week holding `date`: school weeks are counted from the reference week (a school
 * week A), so the alternation resumes after the holidays where it stopped, as timetables expect.
 */
export function weekType(frame: CalendarFrame, date: string): 'A' | 'B' | null {
  if (!frame.weekAReference) return null;
  const reference = mondayOf(frame.weekAReference);
  const target = mondayOf(date);
  if (!isSchoolWeek(frame, target)) return null;
  const step = target >= reference ? 7 : -7;
  let count = 0;
  const weeks = Math.abs(daysBetween(reference, target)) / 7;
  for (let i = 0, monday = reference; i < weeks; i++, monday = addDays(monday, step)) {
    if (isSchoolWeek(frame, monday)) count++;
  }
  return count % 2 === 0 ? 'A' : 'B';
}

/**
 * The lessons of these slots between two dates (inclusive), holidays and the weeks outside the
 * school year removed, each with its exception of the day when there is one.
 */
export function expand(slots: SlotRow[], exceptions: ExceptionRow[], frame: CalendarFrame, from: string, to: string): Occurrence[] {
  const byKey = new Map(exceptions.map((e) => [`${e.slot_id}|${e.date}`, e]));
  const byWeekday = new Map<number, SlotRow[]>();
  for (const s of slots) byWeekday.set(s.weekday, [...(byWeekday.get(s.weekday) ?? []), s]);
  const weekTypes = new Map<string, 'A' | 'B' | null>();
  const result: Occurrence[] = [];
  for (const date of datesFrom(from, daysBetween(from, to) + 1)) {
    if (!inSchoolYear(frame, date) || isHoliday(frame, date)) continue;
    const todays = byWeekday.get(isoWeekday(date));
    if (!todays) continue;
    const monday = mondayOf(date);
    if (!weekTypes.has(monday)) weekTypes.set(monday, weekType(frame, date));
    const week = weekTypes.get(monday) ?? null;
    for (const slot of todays) {
      if (slot.valid_from && date < slot.valid_from) continue;
      if (slot.valid_to && date > slot.valid_to) continue;
      if (slot.weeks !== 'all' && week !== null && slot.weeks !== week) continue;
      result.push({
        slot,
        date,
        startsAt: parisInstant(date, slot.start_time),
        endsAt: parisInstant(date, slot.end_time),
        exception: byKey.get(`${slot.id}|${date}`) ?? null,
      });
    }
  }
  // Plain comparisons: ICU collation is not needed to order lessons starting at the same time.
  return result.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.slot.group_name < b.slot.group_name ? -1 : a.slot.group_name > b.slot.group_name ? 1 : 0));
}
