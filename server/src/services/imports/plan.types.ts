import type { Profile } from '@preau/contracts';
import type { FeedPerson, FeedRejection, FeedStructure, FeedSubject, ImportSource } from './feed.js';

/** Sources of the national information systems: a local CSV never overrides them unless asked. */
export const NATIONAL_SOURCES: readonly string[] = ['siecle', 'sts', 'aaf'];

export interface ExistingPerson {
  id: string;
  login: string;
  source: string;
  first_name: string;
  first_names: string | null;
  last_name: string;
  birth_date: string | null;
  email: string | null;
  phone: string | null;
  national_id: string | null;
  email_set_by_user: number;
  state: string;
}

/** What the database holds for one establishment and one source, loaded before planning. */
export interface ExistingState {
  establishment: { id: string; uai: string; name: string };
  /** People this source already knows, by their id in the source. */
  linked: Map<string, ExistingPerson>;
  /** People not yet linked but carrying an INE of the feed. */
  byNationalId: Map<string, ExistingPerson>;
  /** People not yet linked with the same name and birth date as someone in the feed ("sortkey|birthdate"). */
  byIdentity: Map<string, (ExistingPerson & { uais: string[] })[]>;
  /** Profiles held in this establishment, by person id. */
  profiles: Map<string, Set<string>>;
  /** Classes and groups (by structure code) each person belongs to in this establishment, for this source. */
  structuresOf: Map<string, Set<string>>;
  structures: Map<string, { id: string; kind: string; name: string; level: string | null }>;
  subjects: Map<string, { id: string; name: string }>;
  /** "relativeExternalId|studentExternalId" → flags, for relations this source manages. */
  relations: Map<string, { legal_guardian: number; financial: number; contact: number; relationship: string | null }>;
  /** "teacherExternalId|structureCode|subjectCode" taught now, as recorded from this source. */
  teachings: Set<string>;
  /** People this source manages here (membership.source = source), with the profile concerned. */
  managed: { personId: string; externalId: string | null; profile: Profile; name: string }[];
}

export interface FieldChange {
  field: 'firstName' | 'firstNames' | 'lastName' | 'birthDate' | 'email' | 'phone' | 'nationalId';
  from: string | null;
  to: string | null;
}

export interface PlannedCreation {
  person: FeedPerson;
  /** Accounts with the same name and birth date elsewhere: proposed for merging, never merged silently. */
  possibleDuplicates: { personId: string; login: string; uais: string[] }[];
}

export interface PlannedUpdate {
  personId: string;
  login: string;
  person: FeedPerson;
  /** How the account was found: by this source's id, or by INE (then this source's id is linked). */
  via: 'source_id' | 'national_id';
  changes: FieldChange[];
  /** A local feed overwrites an account fed by a national source: the administrator asked for it (audited). */
  overridesNational: boolean;
}

export interface PlannedMove {
  personId: string | null;
  externalId: string;
  name: string;
  from: string[];
  to: string[];
}

export interface PlannedDeactivation {
  personId: string;
  externalId: string | null;
  name: string;
  profile: Profile;
  reason: 'left' | 'absent_from_feed';
}

export interface PlannedConflict {
  externalId: string;
  name: string;
  reason: 'fed_by_national_source' | 'ambiguous_national_id';
  personId: string | null;
  detail: string;
  /** What the feed would have changed, left as it is. */
  changes: FieldChange[];
}

export interface ImportPlan {
  establishment: { id: string; uai: string; name: string };
  source: ImportSource;
  subjectsToCreate: FeedSubject[];
  structuresToCreate: FeedStructure[];
  structuresToUpdate: { id: string; structure: FeedStructure; changes: string[] }[];
  creations: PlannedCreation[];
  updates: PlannedUpdate[];
  /** Every person of the feed that will exist after the import, with the account it maps to (null: to create). */
  kept: { person: FeedPerson; personId: string | null }[];
  moves: PlannedMove[];
  deactivations: PlannedDeactivation[];
  conflicts: PlannedConflict[];
  relations: { added: number; updated: number; removed: number };
  teachings: { added: number; removed: number };
  rejected: FeedRejection[];
  /** Set by `applyPlan`: new "probably the same person" proposals recorded after writing. */
  duplicateProposals?: number;
}
