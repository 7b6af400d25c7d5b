import {
  type EstablishmentFeed,
  type FeedPerson,
  type FeedRejection,
  type FeedStructure,
  UnusableFileError,
} from '../feed';
import type { ExportHeader } from './export-header';
import { wrongRoot } from './export-header';
import { linkRelatives, RESPONSABLE_PATHS, RESPONSABLES_ROOT, readResponsables, type ResponsablesFile } from './siecle-responsables';
import { readStudentRecords, type SiecleOptions, STUDENT_PATHS, STUDENTS_ROOT } from './siecle-students';
import { openXml, type SourceInput } from './xml-stream';

export { type SiecleOptions, type SiecleStudentItem, streamSiecleStudents } from './siecle-students';

/**
 * SIECLE import: one student export (BEE_ELEVES, required) and optionally the guardians export
 * (BEE_RESPONSABLES), given in any order; each file's kind is told by its root element.
 */
export async function parseSiecle(inputs: SourceInput[], options: SiecleOptions = {}): Promise<EstablishmentFeed> {
  try {
    return await readSiecle(inputs, options);
  } finally {
    // When one file is refused, the others may not have been read: release them.
    for (const { stream } of inputs) {
      if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
    }
  }
}

const SIECLE_PATHS = new Set([...STUDENT_PATHS, ...RESPONSABLE_PATHS]);

async function readSiecle(inputs: SourceInput[], options: SiecleOptions): Promise<EstablishmentFeed> {
  let studentsFile: string | null = null;
  let header: ExportHeader | null = null;
  let responsables: ResponsablesFile | null = null;
  const students = new Map<string, FeedPerson>();
  const memberships: { studentId: string; structure: FeedStructure; line: number; file: string }[] = [];
  const rejected: FeedRejection[] = [];

  for (const input of inputs) {
    const xml = await openXml(input, SIECLE_PATHS);
    const kind = xml.root.name;
    const duplicateOf = kind === STUDENTS_ROOT ? studentsFile : kind === RESPONSABLES_ROOT ? responsables?.file : null;
    if (duplicateOf) {
      await xml.records.return(undefined);
      throw new UnusableFileError(input.name, 'duplicate_file', `${input.name} and ${duplicateOf} are the same kind of SIECLE export: give only one of each.`);
    }
    if (kind === STUDENTS_ROOT) {
      studentsFile = input.name;
      for await (const item of readStudentRecords(xml.records, input.name, options)) {
        if (item.type === 'header') header = item.header;
        else if (item.type === 'student') students.set(item.person.externalId, item.person);
        else if (item.type === 'rejection') rejected.push(item.rejection);
        else memberships.push({ studentId: item.studentExternalId, structure: item.structure, line: item.line, file: input.name });
      }
    } else if (kind === RESPONSABLES_ROOT) {
      responsables = await readResponsables(xml.records, input.name, options.expectedUai);
    } else {
      await xml.records.return(undefined);
      throw wrongRoot(input.name, kind, `<${STUDENTS_ROOT}> (SIECLE students) or <${RESPONSABLES_ROOT}> (SIECLE guardians)`);
    }
  }

  if (!studentsFile || !header) {
    const file = inputs[0]?.name ?? '';
    throw new UnusableFileError(file, 'missing_students_file', 'A SIECLE import needs the student export (ElevesSansAdresses.xml or ElevesAvecAdresses.xml).');
  }
  if (responsables && responsables.header.uai !== header.uai) {
    throw new UnusableFileError(
      responsables.file,
      'uai_mismatch',
      `${responsables.file} is for establishment ${responsables.header.uai} but ${studentsFile} is for ${header.uai}.`,
    );
  }

  const rejectedStudentIds = new Set(rejected.map((rejection) => rejection.externalId));
  const structures = joinStructures(students, memberships, rejectedStudentIds, rejected);
  const relatives = responsables ? linkRelatives(responsables, new Set(students.keys())) : null;

  return namespaceIds(studentsFile, {
    uai: header.uai,
    source: 'siecle',
    schoolYear: header.schoolYear,
    covers: relatives ? ['student', 'relative'] : ['student'],
    structures,
    subjects: [],
    people: [...students.values(), ...(relatives?.people ?? [])],
    relations: relatives?.relations ?? [],
    rejected: [...rejected, ...(relatives?.rejected ?? [])],
  });
}

/**
 * ELEVE_ID and PERSONNE_ID come from two tables of SIECLE and may share values: the feed's ids
 * say which table they come from ("eleve:1234", "personne:1234") so they never collide.
 */
function namespaceIds(studentsFile: string, feed: EstablishmentFeed): EstablishmentFeed {
  const student = (id: string) => `eleve:${id}`;
  const person = (id: string) => `personne:${id}`;
  return {
    ...feed,
    people: feed.people.map((p) => ({ ...p, externalId: p.profile === 'student' ? student(p.externalId) : person(p.externalId) })),
    relations: feed.relations.map((r) => ({ ...r, relativeExternalId: person(r.relativeExternalId), studentExternalId: student(r.studentExternalId) })),
    rejected: feed.rejected.map((r) => (r.externalId ? { ...r, externalId: r.file === studentsFile ? student(r.externalId) : person(r.externalId) } : r)),
  };
}

/**
 * Puts each student in the classes and groups STRUCTURES gives, and lists those structures.
 * A group's classCodes are the classes of its members (SIECLE does not state them directly).
 */
function joinStructures(
  students: Map<string, FeedPerson>,
  memberships: { studentId: string; structure: FeedStructure; line: number; file: string }[],
  rejectedStudentIds: ReadonlySet<string | null | undefined>,
  rejected: FeedRejection[],
): FeedStructure[] {
  const structures = new Map<string, FeedStructure>();
  for (const { studentId, structure, line, file } of memberships) {
    if (!structures.has(structure.code)) structures.set(structure.code, structure);
    const student = students.get(studentId);
    if (!student) {
      // A rejected student's memberships were reported with the student; others are orphans.
      if (!rejectedStudentIds.has(studentId)) {
        rejected.push({ file, line, reason: 'unknown_student', detail: `STRUCTURES_ELEVE names ELEVE_ID ${studentId}, which has no ELEVE record.`, externalId: studentId });
      }
      continue;
    }
    const list = structure.kind === 'class' ? student.classes : student.groups;
    if (!list.includes(structure.code)) list.push(structure.code);
  }

  const classesOfGroup = new Map<string, Set<string>>();
  for (const student of students.values()) {
    for (const group of student.groups) {
      const classes = classesOfGroup.get(group) ?? new Set<string>();
      for (const code of student.classes) classes.add(code);
      classesOfGroup.set(group, classes);
    }
  }
  return [...structures.values()].map((structure) =>
    structure.kind === 'teaching_group'
      ? { ...structure, classCodes: [...(classesOfGroup.get(structure.code) ?? [])].sort() }
      : structure,
  );
}
