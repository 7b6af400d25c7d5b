/** An average as the reader writes numbers (12,5 in French); a dash when there is none. */
export const decimal = (value: number | null, language: string) => (value === null ? '—' : value.toLocaleString(language, { maximumFractionDigits: 2 }));

/** "2026-12-01 18:00" in the browser's time zone → an ISO instant; null when empty; undefined if unreadable. */
export function parseWhen(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const at = new Date(`${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
