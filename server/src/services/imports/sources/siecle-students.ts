import { type FeedPerson, type FeedRejection, type FeedStructure, UnusableFileError } from '../feed';
import { toIsoDate } from './dates';
import { type ExportHeader, missingHeader, readHeader, wrongRoot } from './export-header';
import { cleanName, displayFirstName } from './names';
import {
  attribute,
  childNode,
  childNodes,
  childText,
  openXml,
  type SourceInput,
  type XmlNode,
  type XmlRecord,
} from './xml-stream';

/**
 * SIECLE student export (ElevesSansAdresses.xml / ElevesAvecAdresses.xml, root BEE_ELEVES), read
 * one ELEVE at a time.
 *
 * A student's classes live in a separate STRUCTURES block, usually after every ELEVE, so a student
 * cannot be complete when it is read without holding the whole file. The stream therefore hands out
 * students and their structure memberships as separate items; `parseSiecle` joins them at the end.
 */
export type SiecleStudentItem =
  | { type: 'header'; header: ExportHeader }
  | { type: 'student'; person: FeedPerson }
  | { type: 'membership'; studentExternalId: string; structure: FeedStructure; line: number }
  | { type: 'rejection'; rejection: FeedRejection };

export const STUDENTS_ROOT = 'BEE_ELEVES';

export const STUDENT_PATHS = [
  `${STUDENTS_ROOT}/PARAMETRES`,
  `${STUDENTS_ROOT}/DONNEES/ELEVES/ELEVE`,
  `${STUDENTS_ROOT}/DONNEES/STRUCTURES/STRUCTURES_ELEVE`,
];

export interface SiecleOptions {
  /** The establishment the import is for: a file for another UAI is refused. */
  expectedUai?: string;
}

/** Streams a SIECLE student export without holding it in memory. */
export async function* streamSiecleStudents(
  input: SourceInput,
  options: SiecleOptions = {},
): AsyncGenerator<SiecleStudentItem, void, undefined> {
  const xml = await openXml(input, new Set(STUDENT_PATHS));
  if (xml.root.name !== STUDENTS_ROOT) {
    await xml.records.return(undefined);
    throw wrongRoot(input.name, xml.root.name, `<${STUDENTS_ROOT}> (SIECLE student export)`);
  }
  yield* readStudentRecords(xml.records, input.name, options);
}

/** The items of an opened BEE_ELEVES file. */
export async function* readStudentRecords(
  records: AsyncIterable<XmlRecord>,
  file: string,
  options: SiecleOptions,
): AsyncGenerator<SiecleStudentItem, void, undefined> {
  // Every ELEVE_ID seen, to report duplicates: the only state that grows with the file.
  const seenIds = new Set<string>();
  let headerSeen = false;
  let studentRecords = 0;
  for await (const { path, node } of records) {
    if (node.name === 'PARAMETRES') {
      headerSeen = true;
      yield { type: 'header', header: readHeader(node, file, options.expectedUai) };
    } else if (node.name === 'ELEVE') {
      studentRecords += 1;
      yield readStudent(node, file, seenIds);
    } else if (path.endsWith('/STRUCTURES_ELEVE')) {
      yield* readMemberships(node, file);
    }
  }
  if (!headerSeen) throw missingHeader(file);
  if (studentRecords === 0) {
    // An export with no student at all would make every student look gone: refuse it.
    throw new UnusableFileError(file, 'no_records', `${file}: the export contains no ELEVE record.`);
  }
}

function readStudent(node: XmlNode, file: string, seenIds: Set<string>): SiecleStudentItem {
  const id = attribute(node, 'ELEVE_ID') ?? childText(node, 'ELEVE_ID');
  const lastName = childText(node, 'NOM_USAGE') ?? childText(node, 'NOM_DE_FAMILLE') ?? childText(node, 'NOM');
  const firstName = childText(node, 'PRENOM');

  if (!id) return rejection(file, node.line, 'missing_field', `ELEVE without ELEVE_ID (${lastName ?? '?'} ${firstName ?? '?'}).`, null);
  if (seenIds.has(id)) return rejection(file, node.line, 'duplicate_id', `ELEVE_ID ${id} appears again; only its first record is used.`, id);
  seenIds.add(id);
  if (!lastName) return rejection(file, node.line, 'missing_field', `Student ${id} has neither NOM_USAGE nor NOM_DE_FAMILLE.`, id);
  if (!firstName) return rejection(file, node.line, 'missing_field', `Student ${id} has no PRENOM.`, id);

  const birth = readDate(node, 'DATE_NAISS');
  if (birth.invalid) {
    return rejection(file, birth.line, 'invalid_date', `Student ${id}: DATE_NAISS "${birth.raw}" is not a valid dd/mm/yyyy date.`, id);
  }
  const exit = readDate(node, 'DATE_SORTIE');
  if (exit.invalid) {
    return rejection(file, exit.line, 'invalid_date', `Student ${id}: DATE_SORTIE "${exit.raw}" is not a valid dd/mm/yyyy date.`, id);
  }

  const first = displayFirstName(firstName);
  let firstNames = first;
  for (const extra of ['PRENOM2', 'PRENOM3']) {
    const name = childText(node, extra);
    if (name) firstNames += ` ${displayFirstName(name)}`;
  }
  return {
    type: 'student',
    person: {
      externalId: id,
      nationalId: childText(node, 'ID_NATIONAL'),
      profile: 'student',
      firstName: first,
      firstNames,
      lastName: cleanName(lastName),
      birthDate: birth.value,
      email: null,
      phone: null,
      classes: [],
      groups: [],
      leftOn: exit.value,
      origin: { file, line: node.line },
    },
  };
}

function rejection(file: string, line: number, reason: string, detail: string, externalId: string | null): SiecleStudentItem {
  return { type: 'rejection', rejection: { file, line, reason, detail, externalId } };
}

/** An optional date field: absent (value null), valid, or present but unreadable. */
function readDate(node: XmlNode, name: string) {
  const raw = childText(node, name);
  const value = raw === null ? null : toIsoDate(raw);
  return { raw, value, invalid: raw !== null && value === null, line: childNode(node, name)?.line ?? node.line };
}

/** STRUCTURES_ELEVE[@ELEVE_ID]/STRUCTURE: TYPE_STRUCTURE D is the division (class), G a group. */
function* readMemberships(node: XmlNode, file: string): Generator<SiecleStudentItem> {
  const studentId = attribute(node, 'ELEVE_ID') ?? childText(node, 'ELEVE_ID');
  if (!studentId) {
    yield rejection(file, node.line, 'missing_field', 'STRUCTURES_ELEVE without ELEVE_ID.', null);
    return;
  }
  for (const structure of childNodes(node, 'STRUCTURE')) {
    const code = childText(structure, 'CODE_STRUCTURE');
    const type = childText(structure, 'TYPE_STRUCTURE')?.toUpperCase();
    if (!code) {
      yield rejection(file, structure.line, 'missing_field', `Student ${studentId}: STRUCTURE without CODE_STRUCTURE.`, studentId);
    } else if (type !== 'D' && type !== 'G') {
      const detail = `Student ${studentId}: TYPE_STRUCTURE "${type ?? ''}" of ${code} is neither D nor G.`;
      yield rejection(file, structure.line, 'unknown_structure_type', detail, studentId);
    } else {
      const kind = type === 'D' ? 'class' : 'teaching_group';
      yield { type: 'membership', studentExternalId: studentId, structure: { code, kind, name: code, level: null }, line: structure.line };
    }
  }
}
