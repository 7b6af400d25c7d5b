import type { EmailFrequency, QuietHours } from '@preau/contracts';
import { instantAt, type LocalTime, localTime } from './zoned-time.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when e-mail and push must wait: inside the nightly window or on a whole quiet day. */
export function inQuietHours(instant: Date, quiet: QuietHours, timeZone: string): boolean {
  if (!quiet.enabled) return false;
  const local = localTime(instant, timeZone);
  if (quiet.days.includes(local.weekday)) return true;
  const now = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** Daily digests leave at 17:00 local time; weekly ones on Friday at 17:00. */
export const DIGEST_HOUR = 17;
export const WEEKLY_DIGEST_WEEKDAY = 5;

function addDays(local: LocalTime, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The latest digest time at or before `instant`: a notification created before it belongs to the
 * digest that should have left then (sent now if quiet hours held it back). Immediate e-mails have
 * no schedule: everything pending is due.
 */
export function lastDigestTime(instant: Date, frequency: EmailFrequency, timeZone: string): Date {
  if (frequency === 'immediate') return instant;
  const local = localTime(instant, timeZone);
  for (let back = 0; back <= 7; back++) {
    const day = addDays(local, -back);
    const candidate = instantAt(day.year, day.month, day.day, DIGEST_HOUR, 0, timeZone);
    if (candidate.getTime() > instant.getTime()) continue;
    if (frequency === 'weekly' && localTime(candidate, timeZone).weekday !== WEEKLY_DIGEST_WEEKDAY) continue;
    return candidate;
  }
  throw new Error('unreachable: a week always holds a digest time');
}

/** Whether a person's pending e-mails (the oldest created at `oldestPending`) should leave now. */
export function emailDue(now: Date, oldestPending: Date, frequency: EmailFrequency, quiet: QuietHours, timeZone: string): boolean {
  if (inQuietHours(now, quiet, timeZone)) return false;
  return oldestPending.getTime() <= lastDigestTime(now, frequency, timeZone).getTime();
}
