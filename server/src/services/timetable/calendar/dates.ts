import { instantAt, localTime } from '../../../kernel/notify/zoned-time.js';

/**
 * Calendar dates as YYYY-MM-DD strings and wall-clock times in Europe/Paris. Lessons are local
 * times: 8:00 stays 8:00 across the change to winter time, so the instant is computed per day.
 */
export const SCHOOL_TIME_ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(utcDate(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = utcDate(date).getUTCDay();
  return d === 0 ? 7 : d;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / DAY_MS);
}

export function datesFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** Today's date in Paris (a lesson at 0:30 UTC on a summer night is already tomorrow there). */
export function parisToday(now: Date): string {
  const t = localTime(now, SCHOOL_TIME_ZONE);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** Paris's offset from UTC on each date, in minutes, at noon (school hours never straddle a change). */
const offsets = new Map<string, number>();

function parisOffset(date: string): number {
  let offset = offsets.get(date);
  if (offset === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    const noon = instantAt(y as number, m as number, d as number, 12, 0, SCHOOL_TIME_ZONE);
    offset = (Date.UTC(y as number, (m as number) - 1, d as number, 12, 0) - noon.getTime()) / 60_000;
    // Bounded: a year of dates is 365 entries; forget them all past a few years' worth.
    if (offsets.size > 4000) offsets.clear();
    offsets.set(date, offset);
  }
  return offset;
}

/** The instant a Paris wall clock shows `time` (HH:MM) on `date` (Intl once per date, then arithmetic). */
export function parisInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y as number, (m as number) - 1, d as number, hh as number, mm as number) - parisOffset(date) * 60_000);
}

/** The school year a date belongs to, named by its starting year (2026 for 2026-2027). */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 8 ? year : year - 1;
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h as number) * 60 + (m as number);
}
