import { DEFAULT_TIME_ZONE, childNames, shortDate } from './letters.format.js';
import type { LetterBatch } from './letters.queries.js';

export const CSV_HEADER = ['Classe', 'Nom', 'Prénom', 'Profil', 'Enfant(s)', 'Identifiant', "Code d'activation", 'Expire le'] as const;

/**
 * A spreadsheet cell. Quoted when it holds the separator, a quote or a line break; a leading
 * = + - @ (or tab / carriage return) is neutralised with an apostrophe, because a name coming from
 * an import must never run as a formula in the secretary's spreadsheet (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The batch as CSV for French Excel: `;` separator (the comma is the decimal mark there), UTF-8
 * with a byte-order mark (without it Excel reads the accents as Windows-1252), CRLF line ends.
 */
export function activationCodesCsv(batch: LetterBatch, timeZone = DEFAULT_TIME_ZONE): string {
  const rows = batch.letters.map((l) => [
    batch.groupName,
    l.lastName,
    l.firstName,
    l.kind === 'student' ? 'Élève' : 'Responsable',
    l.kind === 'student' ? '' : childNames(l.children),
    l.login,
    l.activationCode,
    l.expiresAt ? shortDate(l.expiresAt, timeZone) : '',
  ]);
  return `\uFEFF${[CSV_HEADER, ...rows].map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
