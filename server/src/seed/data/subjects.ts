/** Subjects with codes close to the national nomenclature (BCN / STS-web "code matière"). */
export const SUBJECTS = {
  FRANC: 'Français',
  MATHS: 'Mathématiques',
  HIGEO: 'Histoire-géographie',
  AGL1: 'Anglais',
  ESP2: 'Espagnol',
  ALL2: 'Allemand',
  SVT: 'Sciences de la vie et de la Terre',
  'PH-CH': 'Physique-chimie',
  TECHN: 'Technologie',
  EPS: 'Éducation physique et sportive',
  'A-PLA': 'Arts plastiques',
  EDMUS: 'Éducation musicale',
  LCALA: 'Latin',
  PHILO: 'Philosophie',
  SES: 'Sciences économiques et sociales',
  SNT: 'Sciences numériques et technologie',
  HGGSP: 'Histoire-géographie, géopolitique et sciences politiques',
  HLP: 'Humanités, littérature et philosophie',
  LLCER: 'Langues, littératures et cultures étrangères (anglais)',
  NSI: 'Numérique et sciences informatiques',
  QLM: 'Questionner le monde',
  LVE: 'Langue vivante (anglais)',
  ARTS: 'Enseignements artistiques',
  EMC: 'Enseignement moral et civique',
} as const;

export type SubjectCode = keyof typeof SUBJECTS;

/** Classes (or teaching groups) one teacher of the subject usually takes, to size the staff room. */
export const COLLEGE_CLASS_SUBJECTS: [SubjectCode, number][] = [
  ['FRANC', 4], ['MATHS', 4], ['HIGEO', 4], ['AGL1', 5], ['SVT', 6], ['PH-CH', 8], ['TECHN', 8],
  ['EPS', 5], ['A-PLA', 12], ['EDMUS', 12],
];
export const LYCEE_SECONDE_SUBJECTS: [SubjectCode, number][] = [
  ['FRANC', 4], ['MATHS', 4], ['HIGEO', 5], ['AGL1', 6], ['SES', 8], ['SVT', 6], ['PH-CH', 6], ['SNT', 10],
  ['EPS', 5],
];
/** Common core of 1re/Tle (Français in 1re, Philosophie in Tle). */
export const LYCEE_CYCLE_SUBJECTS: [SubjectCode, number][] = [['HIGEO', 5], ['AGL1', 6], ['EPS', 5]];
/** Spécialités in 1re / Tle, with the share of students choosing each (they take 3, then 2). */
export const SPECIALITES: [SubjectCode, number][] = [
  ['MATHS', 6], ['PH-CH', 4], ['SVT', 4], ['SES', 4], ['HGGSP', 3], ['HLP', 2], ['LLCER', 2], ['NSI', 2],
];
export const ECOLE_SUBJECTS: SubjectCode[] = ['FRANC', 'MATHS', 'QLM', 'LVE', 'EPS', 'ARTS', 'EMC'];
