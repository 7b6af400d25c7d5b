import { attribute, childText, descendants, individualKey, openXml, readHeader, type SourceInput, UnusableFileError, type XmlNode } from '../../imports/index.js';

/**
 * The lessons of an STS-web export (sts_emp_<UAI>_<year>.xml, root STS_EDT): once the timetable
 * software has sent its timetable to STS-web, each teaching service carries its lessons
 * (SERVICE/ENSEIGNANTS/ENSEIGNANT/COURS_RATTACHES/COURS: JOUR 1 = Monday, HEURE_DEBUT and DUREE as
 * HHMM, CODE_ALTERNANCE, CODE_SALLE). Structures, subjects and teachers themselves come from the
 * accounts import of the same file; this reader uses the same XML reader and header checks.
 */
export interface ImportedLesson {
  structure: string;
  subjectCode: string;
  teacherKey: string | null;
  weekday: number;
  start: string;
  end: string;
  weeks: 'all' | 'A' | 'B';
  roomCode: string | null;
  line: number;
}

export interface LessonRejection {
  line: number | null;
  reason: string;
  detail: string;
}

const ROOT = 'STS_EDT';
const PATHS = new Set([
  `${ROOT}/PARAMETRES`,
  `${ROOT}/NOMENCLATURES/ALTERNANCES/ALTERNANCE`,
  `${ROOT}/ALTERNANCES/ALTERNANCE`,
  `${ROOT}/DONNEES/STRUCTURE/DIVISIONS/DIVISION`,
  `${ROOT}/DONNEES/STRUCTURE/GROUPES/GROUPE`,
]);

function hhmm(value: string | null): number | null {
  if (!value || !/^\d{3,4}$/.test(value)) return null;
  const padded = value.padStart(4, '0');
  const hours = Number(padded.slice(0, 2));
  const minutes = Number(padded.slice(2));
  return minutes < 60 ? hours * 60 + minutes : null;
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Week A/B from an alternation code and its label. "H" (hebdomadaire) is every week; codes or
 * labels naming A or 1 (or "impaire") are week A, B or 2 (or "paire") week B.
 */
export function weeksOf(code: string | null, label: string | null): 'all' | 'A' | 'B' | null {
  if (!code || code.toUpperCase() === 'H') return 'all';
  const text = `${code} ${label ?? ''}`.normalize('NFD').replace(/\p{Diacritic}/gu, '').toUpperCase();
  if (/HEBDO/.test(text)) return 'all';
  if (/\bIMPAIRE?S?\b/.test(text) || /(^|[^A-Z0-9])(A|1|Q1)([^A-Z0-9]|$)/.test(text)) return 'A';
  if (/\bPAIRE?S?\b/.test(text) || /(^|[^A-Z0-9])(B|2|Q2)([^A-Z0-9]|$)/.test(text)) return 'B';
  return null;
}

export async function readStsLessons(input: SourceInput, expectedUai: string): Promise<{ lessons: ImportedLesson[]; rejected: LessonRejection[] }> {
  const xml = await openXml(input, PATHS);
  if (xml.root.name !== ROOT) {
    await xml.records.return(undefined);
    throw new UnusableFileError(input.name, 'wrong_root', `${input.name}: the root element is <${xml.root.name}>, not <${ROOT}> (STS-web sts_emp export).`);
  }
  const alternations = new Map<string, string | null>();
  const structures: XmlNode[] = [];
  let header = false;
  for await (const { node } of xml.records) {
    if (node.name === 'PARAMETRES') {
      readHeader(node, input.name, expectedUai);
      header = true;
    } else if (node.name === 'ALTERNANCE') {
      const code = attribute(node, 'CODE');
      if (code) alternations.set(code, childText(node, 'LIBELLE_LONG') ?? childText(node, 'LIBELLE_COURT'));
    } else {
      structures.push(node);
    }
  }
  if (!header) throw new UnusableFileError(input.name, 'missing_uai', `${input.name}: the PARAMETRES block (UAJ, ANNEE_SCOLAIRE) is missing.`);

  const lessons: ImportedLesson[] = [];
  const rejected: LessonRejection[] = [];
  for (const structure of structures) {
    const code = attribute(structure, 'CODE');
    if (!code) continue;
    for (const service of descendants(structure, 'SERVICES/SERVICE')) {
      const subjectCode = attribute(service, 'CODE_MATIERE');
      if (!subjectCode) continue;
      for (const teacher of descendants(service, 'ENSEIGNANTS/ENSEIGNANT')) {
        const id = attribute(teacher, 'ID');
        const teacherKey = id ? individualKey(attribute(teacher, 'TYPE'), id) : null;
        for (const cours of descendants(teacher, 'COURS_RATTACHES/COURS')) {
          const day = Number(childText(cours, 'JOUR'));
          const start = hhmm(childText(cours, 'HEURE_DEBUT'));
          const duration = hhmm(childText(cours, 'DUREE'));
          if (!Number.isInteger(day) || day < 1 || day > 6 || start === null || !duration || start + duration > 24 * 60) {
            rejected.push({ line: cours.line, reason: 'invalid_time', detail: `${code}/${subjectCode}: COURS without a valid JOUR, HEURE_DEBUT or DUREE.` });
            continue;
          }
          const alternation = childText(cours, 'CODE_ALTERNANCE');
          let weeks = weeksOf(alternation, alternation ? (alternations.get(alternation) ?? null) : null);
          if (weeks === null) {
            rejected.push({ line: cours.line, reason: 'unknown_alternation', detail: `${code}/${subjectCode}: alternation ${alternation} is neither weekly nor week A/B; imported as every week.` });
            weeks = 'all';
          }
          lessons.push({ structure: code, subjectCode, teacherKey, weekday: day, start: clock(start), end: clock(start + duration), weeks, roomCode: childText(cours, 'CODE_SALLE'), line: cours.line });
        }
      }
    }
  }
  return { lessons, rejected };
}
