/**
 * Dates as the national exports write them, turned into YYYY-MM-DD.
 * SIECLE writes dd/mm/yyyy; STS-web writes yyyy-mm-dd. Both parsers accept either, and refuse
 * impossible calendar dates (31/02/2012) rather than letting Date roll them over into March.
 */

const FRENCH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD, or null when the value is not a real date in either format. */
export function toIsoDate(value: string): string | null {
  const text = value.trim();
  const french = FRENCH.exec(text);
  if (french) return isoIfValid(Number(french[3]), Number(french[2]), Number(french[1]));
  const iso = ISO.exec(text);
  if (iso) return isoIfValid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoIfValid(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The first calendar year of a school year written "2026", "2026-2027" or "2026/2027". */
export function toSchoolYear(value: string | null): number | null {
  const match = value ? /^\s*(\d{4})/.exec(value) : null;
  return match ? Number(match[1]) : null;
}
