import type { PersonnelFunction, Profile } from '@preau/contracts';

/**
 * What every source parser produces: one establishment's accounts and structures as the national
 * (or local) information system sees them, before any comparison with Préau's database.
 * The import engine compares a feed with the database (dry run), then applies the difference.
 */
export type ImportSource = 'siecle' | 'sts' | 'aaf' | 'csv' | 'oneroster';

export interface FeedStructure {
  /** Code in the source (SIECLE CODE_STRUCTURE, STS DIVISION/@CODE…): the stable key of the class or group. */
  code: string;
  kind: 'class' | 'teaching_group';
  name: string;
  level?: string | null;
  /** For a teaching group: the codes of the classes it spans. */
  classCodes?: string[];
}

export interface FeedTeaching {
  structure: string;
  subjectCode: string;
}

export interface FeedPerson {
  /**
   * Stable id of this person in the source (ELEVE_ID, PERSONNE_ID, STS INDIVIDU/@ID, AAF jointure, CSV id),
   * unique across the whole feed: parsers namespace ids read from different tables of the source
   * ("eleve:1234" for an ELEVE_ID, "personne:1234" for a PERSONNE_ID), since those may collide.
   */
  externalId: string;
  /** INE for students, when the source has it. */
  nationalId?: string | null;
  profile: Profile;
  functions?: PersonnelFunction[];
  /** Usual first name. */
  firstName: string;
  /** Every given name in order, when the source has several. */
  firstNames?: string | null;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Codes of the classes (divisions) and teaching groups the person belongs to. */
  classes: string[];
  groups: string[];
  teachings?: FeedTeaching[];
  /** Structure codes this teacher is head teacher (professeur principal) of. */
  headTeacherOf?: string[];
  /** Set when the source says the person left (SIECLE DATE_SORTIE), YYYY-MM-DD. */
  leftOn?: string | null;
  /** Where the record was read, for the report: file name and line (or record number). */
  origin: { file: string; line: number | null };
}

export interface FeedRelation {
  relativeExternalId: string;
  studentExternalId: string;
  legalGuardian: boolean;
  financial: boolean;
  contact: boolean;
  relationship?: string | null;
}

export interface FeedSubject {
  code: string;
  name: string;
}

/** A record the parser could not use: reported with the reason, never silently dropped. */
export interface FeedRejection {
  file: string;
  line: number | null;
  /** Stable reason code, e.g. 'missing_field', 'invalid_date', 'unknown_structure', 'duplicate_id'. */
  reason: string;
  detail: string;
  /**
   * Source id of the rejected record when it could be read (ELEVE_ID, PERSONNE_ID, INDIVIDU/@ID), so the
   * engine can tell "present but unusable" from "absent" and leave that account alone instead of
   * treating the person as gone.
   */
  externalId?: string | null;
}

export interface EstablishmentFeed {
  uai: string;
  source: ImportSource;
  /** First calendar year of the school year the export describes (2026 for 2026-2027), when known. */
  schoolYear?: number | null;
  /**
   * Profiles this feed is authoritative for: people of these profiles fed by this source and absent
   * from the feed have left the establishment (SIECLE covers students and relatives, STS teachers).
   */
  covers: Profile[];
  structures: FeedStructure[];
  subjects: FeedSubject[];
  people: FeedPerson[];
  relations: FeedRelation[];
  rejected: FeedRejection[];
}

/** A file the import cannot use at all (wrong format, wrong root element, unreadable): a clear message. */
export class UnusableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}
