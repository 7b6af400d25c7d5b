import { parse } from 'csv-parse/sync';
import type { ImportedLesson, LessonRejection } from './sts-courses.js';

/**
 * The documented CSV (one line per weekly lesson; header names, case and accents ignored):
 * `Jour;Début;Fin;Semaine;Classe;Matière;Enseignant;Salle`. Jour: lundi … samedi or 1 … 6;
 * Début/Fin: 08:00 or 8h00; Semaine: empty, H or toutes (every week), A or B; Classe: the name of a
 * class or group; Matière: its code or name; Enseignant: the teacher's login (may be empty); Salle:
 * a room code (created when new). Separator `;`, `,` or tab; UTF-8 (with or without BOM) or Windows-1252.
 */
export interface CsvLesson extends Omit<ImportedLesson, 'teacherKey'> {
  teacherLogin: string | null;
}

const DAYS: Record<string, number> = { lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6 };
const COLUMNS = { jour: 'day', debut: 'start', fin: 'end', semaine: 'weeks', classe: 'group', 'classe/groupe': 'group', groupe: 'group', matiere: 'subject', enseignant: 'teacher', salle: 'room' } as const;

const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').trim().toLowerCase();

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function time(value: string): string | null {
  const m = /^(\d{1,2})[:hH](\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
}

export function readCsvLessons(bytes: Uint8Array): { lessons: CsvLesson[]; rejected: LessonRejection[] } {
  const text = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ';';
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  const [head, ...rows] = records;
  const index: Partial<Record<(typeof COLUMNS)[keyof typeof COLUMNS], number>> = {};
  for (const [i, name] of (head ?? []).entries()) {
    const key = COLUMNS[fold(name) as keyof typeof COLUMNS];
    if (key && index[key] === undefined) index[key] = i;
  }
  const missing = (['day', 'start', 'end', 'group', 'subject'] as const).filter((k) => index[k] === undefined);
  if (missing.length) return { lessons: [], rejected: [{ line: 1, reason: 'missing_columns', detail: `Missing columns: ${missing.join(', ')} (expected Jour;Début;Fin;Semaine;Classe;Matière;Enseignant;Salle).` }] };
  const cell = (row: string[], key: keyof typeof index) => (index[key] === undefined ? '' : (row[index[key] as number] ?? '').trim());

  const lessons: CsvLesson[] = [];
  const rejected: LessonRejection[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const dayText = fold(cell(row, 'day'));
    const day = DAYS[dayText] ?? (/^[1-6]$/.test(dayText) ? Number(dayText) : null);
    const start = time(cell(row, 'start'));
    const end = time(cell(row, 'end'));
    if (!day || !start || !end || end <= start) {
      rejected.push({ line, reason: 'invalid_time', detail: `Line ${line}: day, start or end is not valid.` });
      return;
    }
    const weeksText = fold(cell(row, 'weeks'));
    const weeks = weeksText === '' || weeksText === 'h' || weeksText === 'toutes' ? 'all' : weeksText === 'a' ? 'A' : weeksText === 'b' ? 'B' : null;
    if (!weeks) {
      rejected.push({ line, reason: 'invalid_weeks', detail: `Line ${line}: Semaine must be empty, A or B.` });
      return;
    }
    const group = cell(row, 'group');
    const subject = cell(row, 'subject');
    if (!group || !subject) {
      rejected.push({ line, reason: 'missing_field', detail: `Line ${line}: Classe and Matière are required.` });
      return;
    }
    lessons.push({ structure: group, subjectCode: subject, teacherLogin: cell(row, 'teacher') || null, weekday: day, start, end, weeks, roomCode: cell(row, 'room') || null, line });
  });
  return { lessons, rejected };
}
