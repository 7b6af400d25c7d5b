import { type EstablishmentFeed, type FeedPerson, type FeedRejection, type FeedSubject, UnusableFileError } from '../feed';
import { type ExportHeader, missingHeader, readHeader, wrongRoot } from './export-header';
import {
  knownFunction,
  readIndividual,
  readMefLabel,
  readStructure,
  readSubject,
  type StsIndividual,
  type StsStructure,
} from './sts-records';
import { openXml, type SourceInput, type XmlNode } from './xml-stream';

/**
 * STS-web import (sts_emp_<UAI>_<year>.xml, root STS_EDT): subjects, classes and teaching groups,
 * teachers with their teaching services, and the staff whose function Préau knows.
 * Records may come in any order; they are joined once the file has been read.
 */

const ROOT = 'STS_EDT';
const PATHS = new Set([
  `${ROOT}/PARAMETRES`,
  `${ROOT}/NOMENCLATURES/MATIERES/MATIERE`,
  `${ROOT}/NOMENCLATURES/MEFS/MEF`,
  `${ROOT}/DONNEES/STRUCTURE/DIVISIONS/DIVISION`,
  `${ROOT}/DONNEES/STRUCTURE/GROUPES/GROUPE`,
  `${ROOT}/DONNEES/INDIVIDUS/INDIVIDU`,
]);

export interface StsOptions {
  /** The establishment the import is for: a file for another UAI is refused. */
  expectedUai?: string;
}

interface StsRecords {
  header: ExportHeader | null;
  subjects: Map<string, FeedSubject>;
  mefLabels: Map<string, string>;
  structures: Map<string, StsStructure>;
  individuals: Map<string, StsIndividual>;
  /** INDIVIDU records read, kept or rejected. */
  individualRecords: number;
  rejected: FeedRejection[];
}

export async function parseSts(input: SourceInput, options: StsOptions = {}): Promise<EstablishmentFeed> {
  const xml = await openXml(input, PATHS);
  const file = input.name;
  if (xml.root.name !== ROOT) {
    await xml.records.return(undefined);
    // EDT_STS is the file timetable software sends *to* STS-web: an easy mix-up of two similar names.
    const hint = xml.root.name === 'EDT_STS' ? ' This looks like the emp_sts file sent to STS-web, not the sts_emp export from it.' : '';
    const error = wrongRoot(file, xml.root.name, `<${ROOT}> (STS-web sts_emp export)`);
    throw new UnusableFileError(file, error.reason, error.message + hint);
  }

  const records: StsRecords = {
    header: null,
    subjects: new Map(),
    mefLabels: new Map(),
    structures: new Map(),
    individuals: new Map(),
    individualRecords: 0,
    rejected: [],
  };
  for await (const { node } of xml.records) readRecord(node, file, options, records);

  if (!records.header) throw missingHeader(file);
  if (records.individualRecords === 0) {
    // Without any individual every teacher would look gone: refuse the file instead.
    throw new UnusableFileError(file, 'no_records', `${file}: the export contains no INDIVIDU record.`);
  }
  return join(records, file);
}

function readRecord(node: XmlNode, file: string, options: StsOptions, records: StsRecords): void {
  const { rejected } = records;
  switch (node.name) {
    case 'PARAMETRES':
      records.header = readHeader(node, file, options.expectedUai);
      return;
    case 'MATIERE': {
      const subject = readSubject(node);
      if (subject) records.subjects.set(subject.code, subject);
      else rejected.push({ file, line: node.line, reason: 'missing_field', detail: 'MATIERE without CODE.' });
      return;
    }
    case 'MEF': {
      const mef = readMefLabel(node);
      if (mef) records.mefLabels.set(mef.code, mef.label);
      return;
    }
    case 'DIVISION':
    case 'GROUPE': {
      const structure = readStructure(node, file, rejected);
      if (!structure) return;
      if (records.structures.has(structure.structure.code)) {
        rejected.push({ file, line: node.line, reason: 'duplicate_id', detail: `Structure ${structure.structure.code} appears again; only its first record is used.` });
      } else {
        records.structures.set(structure.structure.code, structure);
      }
      return;
    }
    case 'INDIVIDU': {
      records.individualRecords += 1;
      const individual = readIndividual(node, file, rejected);
      if (!individual) return;
      if (records.individuals.has(individual.key)) {
        rejected.push({ file, line: node.line, reason: 'duplicate_id', detail: `INDIVIDU ${individual.key} appears again; only its first record is used.`, externalId: individual.key });
      } else {
        records.individuals.set(individual.key, individual);
      }
      return;
    }
  }
}

function join(records: StsRecords, file: string): EstablishmentFeed {
  const { subjects, structures, individuals, rejected } = records;
  const unknownStructure = (line: number, code: string, where: string) =>
    rejected.push({ file, line, reason: 'unknown_structure', detail: `${where} names structure ${code}, which is not in DIVISIONS or GROUPES.` });

  // Teaching services, per individual; a service naming nobody we know is reported.
  const rejectedKeys = new Set(rejected.map((rejection) => rejection.externalId));
  const teachingsOf = new Map<string, Map<string, { structure: string; subjectCode: string }>>();
  const namedInServices = new Set<string>();
  for (const { services } of structures.values()) {
    for (const service of services) {
      namedInServices.add(service.teacherKey);
      if (!individuals.has(service.teacherKey)) {
        if (!rejectedKeys.has(service.teacherKey)) {
          rejected.push({ file, line: service.line, reason: 'unknown_teacher', detail: `${service.structure}/${service.subjectCode}: teacher ${service.teacherKey} has no INDIVIDU record.`, externalId: service.teacherKey });
        }
        continue;
      }
      if (!subjects.has(service.subjectCode)) {
        rejected.push({ file, line: service.line, reason: 'unknown_subject', detail: `${service.structure}: CODE_MATIERE ${service.subjectCode} is not in NOMENCLATURES/MATIERES.` });
        continue;
      }
      const teachings = teachingsOf.get(service.teacherKey) ?? new Map();
      teachings.set(`${service.structure}\u0000${service.subjectCode}`, { structure: service.structure, subjectCode: service.subjectCode });
      teachingsOf.set(service.teacherKey, teachings);
    }
  }

  const people: FeedPerson[] = [];
  for (const individual of individuals.values()) {
    const teachings = [...(teachingsOf.get(individual.key)?.values() ?? [])];
    const known = knownFunction(individual.functionCode);
    // Named in a teaching service (even one dropped for its subject): a teacher, whatever FONCTION says.
    if (!known && !namedInServices.has(individual.key)) {
      rejected.push({ file, line: individual.line, reason: 'unmapped_function', detail: `Individual ${individual.key} (FONCTION ${individual.functionCode ?? 'none'}) has no teaching service and no function Préau maps: not imported.`, externalId: individual.key });
      continue;
    }
    const headTeacherOf = individual.headTeacherOf.filter((code) => {
      if (!structures.has(code)) unknownStructure(individual.line, code, `PROFS_PRINC of ${individual.key}`);
      return structures.has(code);
    });
    const profile = known?.profile ?? 'teacher';
    people.push({
      externalId: individual.key,
      profile,
      ...(profile === 'personnel' ? { functions: known?.functions ?? [] } : {}),
      firstName: individual.firstName,
      lastName: individual.lastName,
      birthDate: individual.birthDate,
      classes: [],
      groups: [],
      teachings,
      headTeacherOf,
      origin: { file, line: individual.line },
    });
  }

  const feedStructures = [...structures.values()].map(({ structure, mefCodes, line }) => {
    if (structure.kind === 'class') {
      const level = mefCodes.length === 1 ? (records.mefLabels.get(mefCodes[0]) ?? null) : null;
      return { ...structure, level };
    }
    const classCodes = (structure.classCodes ?? []).filter((code) => {
      const isClass = structures.get(code)?.structure.kind === 'class';
      if (!isClass) unknownStructure(line, code, `Group ${structure.code}`);
      return isClass;
    });
    return { ...structure, classCodes };
  });

  return {
    uai: records.header!.uai,
    source: 'sts',
    schoolYear: records.header!.schoolYear,
    covers: people.some((person) => person.profile === 'personnel') ? ['teacher', 'personnel'] : ['teacher'],
    structures: feedStructures,
    subjects: [...subjects.values()],
    people,
    relations: [],
    rejected,
  };
}
