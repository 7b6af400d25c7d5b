import type { PersonnelFunction, Profile } from '@preau/contracts';
import type { FeedRejection, FeedStructure, FeedSubject } from '../feed';
import { toIsoDate } from './dates';
import { cleanName, displayFirstName } from './names';
import { attribute, childNode, childText, descendants, type XmlNode } from './xml-stream';

/**
 * Readers for the records of an STS-web export (sts_emp_<UAI>_<year>.xml, root STS_EDT), one
 * record at a time; `parseSts` joins them once the whole file has been read.
 */

/**
 * INDIVIDU/@ID is only unique together with @TYPE: "epp" ids come from the national HR base,
 * "local" ids are numbered by STS-web for people created in the establishment. EPP ids are kept as
 * they are (the usual join key of other tools); other types are prefixed so they cannot collide.
 */
export function individualKey(type: string | null, id: string): string {
  const kind = (type ?? 'epp').toLowerCase();
  return kind === 'epp' ? id : `${kind}-${id}`;
}

/**
 * FONCTION codes with a clear meaning in Préau. They are the national staff function codes, the same
 * as AAF's (ENS enseignement, DIR direction, EDU éducation, DOC documentation). DIR covers the head and
 * the deputy alike; STS does not tell them apart, so both get the head's function.
 */
const FUNCTIONS: Record<string, { profile: Profile; functions: PersonnelFunction[] }> = {
  ENS: { profile: 'teacher', functions: [] },
  DIR: { profile: 'personnel', functions: ['head'] },
  EDU: { profile: 'personnel', functions: ['cpe'] },
  DOC: { profile: 'personnel', functions: ['documentalist'] },
};

export function knownFunction(code: string | null) {
  return code ? FUNCTIONS[code.toUpperCase()] : undefined;
}

/** NOMENCLATURES/MATIERES/MATIERE: @CODE is the national code every SERVICE/@CODE_MATIERE refers to. */
export function readSubject(node: XmlNode): FeedSubject | null {
  const code = attribute(node, 'CODE');
  if (!code) return null;
  const name =
    childText(node, 'LIBELLE_EDITION') ??
    childText(node, 'LIBELLE_LONG') ??
    childText(node, 'LIBELLE_COURT') ??
    childText(node, 'CODE_GESTION') ??
    code;
  return { code, name };
}

/** NOMENCLATURES/MEFS/MEF: the short label ("6EME") used as a class level. */
export function readMefLabel(node: XmlNode): { code: string; label: string } | null {
  const code = attribute(node, 'CODE');
  const label = childText(node, 'LIBELLE_COURT') ?? childText(node, 'LIBELLE_LONG') ?? childText(node, 'LIBELLE_EDITION');
  return code && label ? { code, label } : null;
}

export interface ServiceTeacher {
  teacherKey: string;
  structure: string;
  subjectCode: string;
  line: number;
}

export interface StsStructure {
  structure: FeedStructure;
  /** DIVISION: the MEF codes it belongs to (its level when there is exactly one). */
  mefCodes: string[];
  services: ServiceTeacher[];
  line: number;
}

/** DIVISION[@CODE] (a class) or GROUPE[@CODE] (a teaching group), with their teaching services. */
export function readStructure(node: XmlNode, file: string, rejected: FeedRejection[]): StsStructure | null {
  const code = attribute(node, 'CODE');
  if (!code) {
    rejected.push({ file, line: node.line, reason: 'missing_field', detail: `${node.name} without CODE.` });
    return null;
  }
  const isGroup = node.name === 'GROUPE';
  const structure: FeedStructure = isGroup
    ? {
        code,
        kind: 'teaching_group',
        name: childText(node, 'LIBELLE_LONG') ?? code,
        level: null,
        classCodes: descendants(node, 'DIVISIONS_APPARTENANCE/DIVISION_APPARTENANCE')
          .map((division) => attribute(division, 'CODE'))
          .filter((value): value is string => value !== null),
      }
    : { code, kind: 'class', name: code, level: null };
  // Real exports write MEF_APPARTENANCE; MEF is accepted too.
  const mefs = childNode(node, 'MEFS_APPARTENANCE')?.children ?? [];
  const mefCodes = mefs.map((mef) => attribute(mef, 'CODE')).filter((value): value is string => value !== null);

  const services: ServiceTeacher[] = [];
  for (const service of descendants(node, 'SERVICES/SERVICE')) {
    const subjectCode = attribute(service, 'CODE_MATIERE');
    if (!subjectCode) {
      rejected.push({ file, line: service.line, reason: 'missing_field', detail: `${code}: SERVICE without CODE_MATIERE.` });
      continue;
    }
    for (const teacher of descendants(service, 'ENSEIGNANTS/ENSEIGNANT')) {
      const id = attribute(teacher, 'ID');
      if (!id) {
        rejected.push({ file, line: teacher.line, reason: 'missing_field', detail: `${code}/${subjectCode}: ENSEIGNANT without ID.` });
        continue;
      }
      services.push({ teacherKey: individualKey(attribute(teacher, 'TYPE'), id), structure: code, subjectCode, line: teacher.line });
    }
  }
  return { structure, mefCodes, services, line: node.line };
}

export interface StsIndividual {
  key: string;
  functionCode: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  headTeacherOf: string[];
  line: number;
}

/** INDIVIDU[@ID][@TYPE]: names, birth date (yyyy-mm-dd), FONCTION, PROFS_PRINC. */
export function readIndividual(node: XmlNode, file: string, rejected: FeedRejection[]): StsIndividual | null {
  const id = attribute(node, 'ID');
  if (!id) {
    rejected.push({ file, line: node.line, reason: 'missing_field', detail: 'INDIVIDU without ID.' });
    return null;
  }
  const key = individualKey(attribute(node, 'TYPE'), id);
  const reject = (reason: string, detail: string, line = node.line) => {
    rejected.push({ file, line, reason, detail, externalId: key });
    return null;
  };
  const lastName = childText(node, 'NOM_USAGE') ?? childText(node, 'NOM_PATRONYMIQUE');
  const firstName = childText(node, 'PRENOM');
  if (!lastName) return reject('missing_field', `Individual ${key} has neither NOM_USAGE nor NOM_PATRONYMIQUE.`);
  if (!firstName) return reject('missing_field', `Individual ${key} has no PRENOM.`);
  const rawBirth = childText(node, 'DATE_NAISSANCE');
  const birthDate = rawBirth === null ? null : toIsoDate(rawBirth);
  if (rawBirth !== null && birthDate === null) {
    const line = childNode(node, 'DATE_NAISSANCE')?.line;
    return reject('invalid_date', `Individual ${key}: DATE_NAISSANCE "${rawBirth}" is not a valid date.`, line);
  }
  const headTeacherOf = descendants(node, 'PROFS_PRINC/PROF_PRINC')
    .map((entry) => childText(entry, 'CODE_STRUCTURE'))
    .filter((code): code is string => code !== null);
  return {
    key,
    functionCode: childText(node, 'FONCTION')?.toUpperCase() ?? null,
    firstName: displayFirstName(firstName),
    lastName: cleanName(lastName),
    birthDate,
    headTeacherOf: [...new Set(headTeacherOf)],
    line: node.line,
  };
}
