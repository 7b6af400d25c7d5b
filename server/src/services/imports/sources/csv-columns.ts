import type { Profile } from '@preau/contracts';
import { fold } from '../../directory/index.js';

/**
 * The documented CSV columns, per profile (templates in docs/imports/csv/). Headers are matched
 * without case or accents, and a few usual synonyms are accepted ("Nom de famille", "E-mail"…).
 */
export const CSV_COLUMNS = {
  id: ['identifiant', 'id', 'identifiant unique', 'external id'],
  lastName: ['nom', 'nom de famille', 'last name'],
  firstName: ['prenom', 'first name'],
  birthDate: ['date de naissance', 'naissance', 'birth date'],
  nationalId: ['ine', 'numero ine'],
  email: ['email', 'e-mail', 'courriel', 'mel'],
  phone: ['telephone', 'portable', 'phone'],
  classes: ['classe', 'classes', 'division'],
  groups: ['groupes', 'groupe', 'groups'],
  children: ['enfants', 'identifiants enfants', 'children'],
  subjects: ['matieres', 'matiere', 'subjects'],
  functions: ['fonctions', 'fonction', 'functions'],
  legalGuardian: ['responsable legal', 'legal guardian'],
} as const;
export type CsvColumn = keyof typeof CSV_COLUMNS;

export const REQUIRED: Record<string, CsvColumn[]> = {
  student: ['id', 'lastName', 'firstName', 'birthDate', 'classes'],
  relative: ['id', 'lastName', 'firstName', 'children'],
  teacher: ['id', 'lastName', 'firstName'],
  personnel: ['id', 'lastName', 'firstName'],
};

export const TEMPLATES: Record<string, string> = {
  student: 'Identifiant;Nom;Prénom;Date de naissance;Classe;Groupes;INE;Email',
  relative: 'Identifiant;Nom;Prénom;Email;Téléphone;Enfants;Responsable légal',
  teacher: 'Identifiant;Nom;Prénom;Email;Classes;Matières',
  personnel: 'Identifiant;Nom;Prénom;Email;Fonctions',
};

/** Which profile a file holds, from its name (eleves.csv, responsables.csv, enseignants.csv, personnels.csv). */
export function profileFromFileName(name: string): Profile | null {
  const n = fold(name);
  if (/eleve|student|pupil/.test(n)) return 'student';
  if (/responsable|parent|relative|famille/.test(n)) return 'relative';
  if (/enseignant|teacher|professeur/.test(n)) return 'teacher';
  if (/personnel|staff|agent/.test(n)) return 'personnel';
  return null;
}

export function mapHeader(header: string[]): Map<CsvColumn, number> {
  const map = new Map<CsvColumn, number>();
  header.forEach((raw, index) => {
    const h = fold(raw.replace(/^\uFEFF/, '')).replace(/[_.]/g, ' ').trim();
    for (const [column, names] of Object.entries(CSV_COLUMNS) as [CsvColumn, readonly string[]][]) {
      if (!map.has(column) && names.includes(h)) map.set(column, index);
    }
  });
  return map;
}

const FUNCTION_NAMES: Record<string, string> = {
  'chef d etablissement': 'head',
  principal: 'head',
  proviseur: 'head',
  directeur: 'head',
  directrice: 'head',
  adjoint: 'deputy',
  'principal adjoint': 'deputy',
  'proviseur adjoint': 'deputy',
  cpe: 'cpe',
  secretaire: 'secretary',
  documentaliste: 'documentalist',
  infirmier: 'nurse',
  infirmiere: 'nurse',
  administrateur: 'admin_local',
};

export function functionFromLabel(label: string): string | null {
  return FUNCTION_NAMES[fold(label).replace(/['’-]/g, ' ').replace(/\s+/g, ' ')] ?? null;
}
