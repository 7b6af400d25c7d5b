import type { GradeValue, SpecialGrade } from '@preau/contracts';

/**
 * What a teacher types in a grade cell. The codes are those of the usual French tools: abs
 * (absent), disp (dispensé), nn (non noté), nr (non rendu); followed by 0 (abs0, nr0) the special
 * value counts as 0 in the average, otherwise it is left out.
 */
const CODES: Record<string, SpecialGrade> = { abs: 'absent', disp: 'exempted', nn: 'not_graded', nr: 'not_handed_in' };
const CODE_OF: Record<SpecialGrade, string> = { absent: 'abs', exempted: 'disp', not_graded: 'nn', not_handed_in: 'nr' };

export type ParsedGrade = { value: number | null; special: SpecialGrade | null; countsAsZero?: boolean };

/** A number (comma or point, two decimals, within the scale), a code, or nothing (clears); undefined if unreadable. */
export function parseGrade(text: string, scale: number): ParsedGrade | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') return { value: null, special: null };
  const code = /^([a-z]+)(0?)$/.exec(s);
  const special = code ? CODES[code[1] as string] : undefined;
  if (code && special) return { value: null, special, countsAsZero: code[2] === '0' };
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return undefined;
  const value = Number(s.replace(',', '.'));
  return value <= scale ? { value, special: null } : undefined;
}

/** The text a saved grade shows in its cell, so that saving again changes nothing. */
export function gradeText(g: GradeValue | undefined): string {
  if (!g) return '';
  if (g.special) return `${CODE_OF[g.special]}${g.countsAsZero ? '0' : ''}`;
  return String(g.value ?? '').replace('.', ',');
}

/** "2026-12-01 18:00" in the browser's time zone → an ISO instant; null when empty; undefined if unreadable. */
export function parseWhen(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const at = new Date(`${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** An instant as the teacher types it back ("2026-12-01 18:00", browser's time zone); '' for none. */
export function formatWhen(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The period that contains `today` (YYYY-MM-DD), if any: the page opens on it. */
export function currentPeriodId(periods: { id: string; startsOn: string; endsOn: string }[], today: string): string | null {
  return periods.find((p) => p.startsOn <= today && today <= p.endsOn)?.id ?? null;
}

/** Today in the browser's time zone (YYYY-MM-DD). */
export const localToday = () => formatWhen(new Date().toISOString()).slice(0, 10);
