import { displayName } from '../../directory/index.js';
import type { ActivationLetter, LetterChild } from './letters.queries.js';

/**
 * Wording shared by the PDF and the CSV, so that the letter a family holds and the list the
 * secretary keeps say the same thing.
 */

/** Metropolitan France unless told otherwise: an establishment's time zone is not stored yet. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** "1er janvier 2027" — the day the code stops working, in the establishment's time zone. */
export function longDate(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  // Intl writes "1 janvier"; French typography wants the ordinal for the first of the month.
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone }).format(new Date(iso)).replace(/^1 /, '1er ');
}

/** "01/01/2027": the form French spreadsheets read as a date. */
export function shortDate(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(new Date(iso));
}

export function childNames(children: LetterChild[]): string {
  return new Intl.ListFormat('fr-FR', { style: 'long', type: 'conjunction' }).format(children.map((c) => displayName(c.firstName, c.lastName)));
}

/** "Élève" or "Responsable de Alice MARTIN et Nina NOUVELLE". */
export function profileLabel(letter: ActivationLetter): string {
  return letter.kind === 'student' ? 'Élève' : `Responsable de ${childNames(letter.children)}`;
}

/** "5e B (latin)" → "5e-B-latin": a file name every system and mail client accepts unquoted. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'classe';
}
