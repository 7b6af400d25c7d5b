import type { FeedPerson, FeedRejection, FeedRelation } from '../feed';
import { type ExportHeader, missingHeader, readHeader } from './export-header';
import { cleanName, displayFirstName } from './names';
import { attribute, childText, type XmlNode, type XmlRecord } from './xml-stream';

/**
 * SIECLE guardians export (ResponsablesAvecAdresses.xml, root BEE_RESPONSABLES): PERSONNE records
 * (the people) and RESPONSABLE_ELEVE records (who is responsible for which student, and how).
 * Addresses are not read: Préau does not keep postal addresses.
 */

export const RESPONSABLES_ROOT = 'BEE_RESPONSABLES';

export const RESPONSABLE_PATHS = [
  `${RESPONSABLES_ROOT}/PARAMETRES`,
  `${RESPONSABLES_ROOT}/DONNEES/PERSONNES/PERSONNE`,
  `${RESPONSABLES_ROOT}/DONNEES/RESPONSABLES/RESPONSABLE_ELEVE`,
];

/**
 * CODE_PARENTE, as listed by public SIECLE importers and the BCN table N_LIEN_ELEVE_RESPONSABLE.
 * Unknown codes give a null relationship (the link itself is still imported).
 */
const RELATIONSHIPS: Record<string, string> = {
  '10': 'mother', // MERE
  '20': 'father', // PERE
  '37': 'sibling', // FRATRIE
  '38': 'grandparent', // ASCENDANT
  '39': 'other_family', // AUTRE MEMBRE DE LA FAMILLE
  '41': 'educator', // EDUCATEUR
  '42': 'foster_carer', // ASS. FAMIL (assistant familial)
  '43': 'childminder', // GARDE D'ENFANT
  '50': 'guardian', // TUTEUR
  '51': 'child_welfare', // AIDE SOCIALE A L'ENFANCE
  '70': 'self', // ELEVE LUI-MEME (adult student)
  '90': 'other', // AUTRE LIEN
};

interface GuardianLink {
  relation: FeedRelation;
  line: number;
}

export interface ResponsablesFile {
  file: string;
  header: ExportHeader;
  people: FeedPerson[];
  links: GuardianLink[];
  rejected: FeedRejection[];
  /** PERSONNE_IDs already rejected (missing names, duplicate): their links are not reported again. */
  rejectedPersonIds: Set<string>;
}

/** Reads an opened BEE_RESPONSABLES file. Its links are checked against the students later. */
export async function readResponsables(
  records: AsyncIterable<XmlRecord>,
  file: string,
  expectedUai?: string,
): Promise<ResponsablesFile> {
  let header: ExportHeader | null = null;
  const people = new Map<string, FeedPerson>();
  const links = new Map<string, GuardianLink>();
  const rejected: FeedRejection[] = [];
  const rejectedPersonIds = new Set<string>();
  const reject = (line: number, reason: string, detail: string, externalId: string | null) =>
    rejected.push({ file, line, reason, detail, externalId });

  for await (const { node } of records) {
    if (node.name === 'PARAMETRES') {
      header = readHeader(node, file, expectedUai);
    } else if (node.name === 'PERSONNE') {
      const id = attribute(node, 'PERSONNE_ID') ?? childText(node, 'PERSONNE_ID');
      const lastName = childText(node, 'NOM_USAGE') ?? childText(node, 'NOM_DE_FAMILLE') ?? childText(node, 'NOM');
      const firstName = childText(node, 'PRENOM');
      if (!id) {
        reject(node.line, 'missing_field', `PERSONNE without PERSONNE_ID (${lastName ?? '?'} ${firstName ?? '?'}).`, null);
      } else if (people.has(id) || rejectedPersonIds.has(id)) {
        reject(node.line, 'duplicate_id', `PERSONNE_ID ${id} appears again; only its first record is used.`, id);
      } else if (!lastName || !firstName) {
        rejectedPersonIds.add(id);
        reject(node.line, 'missing_field', `Person ${id} has no ${lastName ? 'PRENOM' : 'NOM_DE_FAMILLE'}.`, id);
      } else {
        people.set(id, readPerson(node, id, lastName, firstName, file));
      }
    } else if (node.name === 'RESPONSABLE_ELEVE') {
      const link = readLink(node);
      if (!link) {
        reject(node.line, 'missing_field', 'RESPONSABLE_ELEVE without ELEVE_ID or PERSONNE_ID.', null);
        continue;
      }
      // The same pair listed twice: keep one link carrying every role either record gives.
      const key = `${link.relativeExternalId}\u0000${link.studentExternalId}`;
      const previous = links.get(key)?.relation;
      if (previous) {
        previous.legalGuardian ||= link.legalGuardian;
        previous.financial ||= link.financial;
        previous.contact ||= link.contact;
        previous.relationship ??= link.relationship;
      } else {
        links.set(key, { relation: link, line: node.line });
      }
    }
  }
  if (!header) throw missingHeader(file);
  return { file, header, people: [...people.values()], links: [...links.values()], rejected, rejectedPersonIds };
}

function readPerson(node: XmlNode, id: string, lastName: string, firstName: string, file: string): FeedPerson {
  const phone = childText(node, 'TEL_PORTABLE') ?? childText(node, 'TEL_PERSONNEL') ?? childText(node, 'TEL_PROFESSIONNEL');
  return {
    externalId: id,
    profile: 'relative',
    firstName: displayFirstName(firstName),
    lastName: cleanName(lastName),
    email: childText(node, 'MEL'),
    phone,
    classes: [],
    groups: [],
    origin: { file, line: node.line },
  };
}

function readLink(node: XmlNode): FeedRelation | null {
  const studentId = childText(node, 'ELEVE_ID');
  const personId = childText(node, 'PERSONNE_ID');
  if (!studentId || !personId) return null;
  // RESP_LEGAL 1 or 2: legal guardian; 0: another person to contact. A missing value is read as
  // "not a guardian": wrongly granting a guardian's access would be worse than withholding it.
  const legal = childText(node, 'RESP_LEGAL');
  return {
    relativeExternalId: personId,
    studentExternalId: studentId,
    legalGuardian: legal === '1' || legal === '2',
    financial: childText(node, 'RESP_FINANCIER') === '1',
    contact: childText(node, 'PERS_CONTACT') === '1',
    relationship: RELATIONSHIPS[childText(node, 'CODE_PARENTE') ?? ''] ?? null,
  };
}

/**
 * Keeps the relatives linked to at least one imported student, and the links to those students.
 * A person with no such link is rejected once ('no_student'); a kept person's stray link is
 * reported on its own line.
 */
export function linkRelatives(data: ResponsablesFile, studentIds: ReadonlySet<string>) {
  const { file } = data;
  const rejected: FeedRejection[] = [...data.rejected];
  const personIds = new Set(data.people.map((person) => person.externalId));
  const linksByPerson = new Map<string, GuardianLink[]>();
  for (const link of data.links) {
    const personId = link.relation.relativeExternalId;
    if (!personIds.has(personId)) {
      if (!data.rejectedPersonIds.has(personId)) {
        rejected.push({ file, line: link.line, reason: 'unknown_person', detail: `RESPONSABLE_ELEVE names PERSONNE_ID ${personId}, which has no PERSONNE record.`, externalId: personId });
      }
      continue;
    }
    const personLinks = linksByPerson.get(personId);
    if (personLinks) personLinks.push(link);
    else linksByPerson.set(personId, [link]);
  }

  const people: FeedPerson[] = [];
  const relations: FeedRelation[] = [];
  for (const person of data.people) {
    const links = linksByPerson.get(person.externalId) ?? [];
    const kept = links.filter((link) => studentIds.has(link.relation.studentExternalId));
    if (kept.length === 0) {
      rejected.push({ file, line: person.origin.line, reason: 'no_student', detail: `Person ${person.externalId} is not linked to any imported student.`, externalId: person.externalId });
      continue;
    }
    for (const link of links) {
      if (!kept.includes(link)) {
        rejected.push({ file, line: link.line, reason: 'no_student', detail: `Link of person ${person.externalId} to student ${link.relation.studentExternalId} ignored: that student is not imported.`, externalId: person.externalId });
      }
    }
    people.push(person);
    relations.push(...kept.map((link) => link.relation));
  }
  return { people, relations, rejected };
}
