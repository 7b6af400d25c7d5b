import { isValidUai, normalizeUai } from '../../directory/index.js';
import type { FeedRejection, FeedTeaching } from '../feed.js';
import { toIsoDate } from '../sources/dates.js';
import { cleanName, displayFirstName } from '../sources/names.js';
import { type AafRecord, all, first } from './aaf-format.js';

/**
 * Turns AAF records into what is staged: people with their data per establishment. Structures and
 * the subject and MEF nomenclatures are small (a few thousand entries for an académie) and stay in
 * memory in the `AafDirectory`; people go to staging as soon as they are read.
 */

export type StagedKind = 'student' | 'relative' | 'staff';

export interface StagedRelation {
  id: string;
  legalGuardian: boolean;
  financial: boolean;
  contact: boolean;
  relationship: string | null;
}

/** What a person is in one establishment. An absent list means "not carried by this record" (keep). */
export interface StagedSlice {
  classes?: string[];
  groups?: string[];
  teachings?: FeedTeaching[];
  headTeacherOf?: string[];
  /** National function codes (ENS, DIR, EDU, DOC…). */
  functions?: string[];
}

export interface StagedPerson {
  op: 'add' | 'modify';
  origin: { file: string; line: number };
  firstName?: string;
  firstNames?: string;
  lastName?: string;
  birthDate?: string;
  email?: string;
  phone?: string;
  nationalId?: string;
  /** MEF label of a student (the level of their class). */
  level?: string;
  relations?: StagedRelation[];
  /** UAI → what the person is there. */
  at: Record<string, StagedSlice>;
}

export interface AafStructureInfo {
  uai: string;
  name: string | null;
  /** Classes and groups the establishment declares (code → label); null when it declares none. */
  classes: Map<string, string> | null;
  groups: Map<string, string> | null;
}

export interface AafDirectory {
  /** Structure jointure id → establishment. */
  structures: Map<string, AafStructureInfo>;
  byUai: Map<string, AafStructureInfo>;
  subjects: Map<string, string>;
  mefs: Map<string, string>;
}

export const emptyDirectory = (): AafDirectory => ({ structures: new Map(), byUai: new Map(), subjects: new Map(), mefs: new Map() });

export type StagedRejection = FeedRejection & { uai: string };

export interface Interpreted {
  person?: { kind: StagedKind; id: string; uai: string; data: StagedPerson };
  deleted?: { id: string; category: string };
  rejections: StagedRejection[];
}

/**
 * ENTElevePersRelEleve "id$lien$financier$légal$contact$paiement": the lien is SIECLE's CODE_PARENTE
 * (older feeds write 1 and 2 for the two parents).
 */
const RELATIONSHIPS: Record<string, string> = {
  '1': 'father',
  '2': 'mother',
  '10': 'mother',
  '20': 'father',
  '37': 'sibling',
  '38': 'grandparent',
  '39': 'other_family',
  '41': 'educator',
  '42': 'foster_carer',
  '43': 'childminder',
  '50': 'guardian',
  '51': 'child_welfare',
  '70': 'self',
  '90': 'other',
};

const where = (r: AafRecord) => `record ${r.recordNo} (line ${r.line})`;

function reject(r: AafRecord, uai: string, reason: string, detail: string, externalId: string | null = null): StagedRejection {
  return { uai, file: r.file, line: r.recordNo, reason, detail: `${where(r)}: ${detail}`, externalId };
}

/** The establishment a structure id names: its jointure in EtabEducNat, or a UAI written directly. */
export function resolveStructure(directory: AafDirectory, structureId: string): string | null {
  const known = directory.structures.get(structureId);
  if (known) return known.uai;
  const uai = normalizeUai(structureId);
  if (directory.byUai.has(uai)) return uai;
  // Without any EtabEducNat record, structures can only be named by their UAI.
  return directory.structures.size === 0 && isValidUai(uai) ? uai : null;
}

export function readStructureRecord(r: AafRecord, directory: AafDirectory): StagedRejection[] {
  if (r.op === 'delete') return []; // a closed establishment is the platform's business, not the feed's
  const id = first(r, 'ENTStructureJointure') ?? r.id;
  const raw = first(r, 'ENTStructureUAI') ?? first(r, 'ENTEtablissementUAI');
  if (!id || !raw) return [reject(r, '', 'missing_field', `EtabEducNat without ${id ? 'ENTStructureUAI' : 'identifier'}.`)];
  const uai = normalizeUai(raw);
  if (!isValidUai(uai)) return [reject(r, '', 'invalid_uai', `${raw} is not a valid UAI.`)];
  const codes = (values: string[] | undefined) => {
    if (!values?.length) return null;
    return new Map(values.map((v) => { const [code, label] = v.split('$'); return [code.trim(), (label ?? code).trim()]; }));
  };
  const info: AafStructureInfo = { uai, name: first(r, 'ENTStructureNomCourant'), classes: codes(all(r, 'ENTStructureClasses')), groups: codes(all(r, 'ENTStructureGroupes')) };
  directory.structures.set(id, info);
  directory.byUai.set(uai, info);
  return [];
}

export function readNomenclatureRecord(r: AafRecord, directory: AafDirectory, kind: 'subject' | 'mef'): StagedRejection[] {
  if (r.op === 'delete') return [];
  const code = first(r, kind === 'subject' ? 'ENTMatJointure' : 'ENTMefJointure') ?? r.id;
  const label = first(r, kind === 'subject' ? 'ENTLibelleMatiere' : 'ENTLibelleMef');
  if (!code) return [reject(r, '', 'missing_field', `${kind === 'subject' ? 'MatEducNat' : 'MefEducNat'} without identifier.`)];
  (kind === 'subject' ? directory.subjects : directory.mefs).set(code, label ?? code);
  return [];
}

function names(r: AafRecord, data: StagedPerson) {
  const sn = first(r, 'sn') ?? first(r, 'ENTPersonNomPatro');
  const given = first(r, 'givenName');
  if (sn) data.lastName = cleanName(sn);
  if (given) data.firstName = displayFirstName(given);
  const others = all(r, 'ENTPersonAutresPrenoms');
  if (others?.length) data.firstNames = others.map(displayFirstName).join(' ');
  const mail = first(r, 'mail');
  if (mail) data.email = mail;
  const phone = first(r, 'telephoneNumber') ?? first(r, 'mobile') ?? first(r, 'homePhone');
  if (phone) data.phone = phone;
}

/** Common checks of a person record: id, names on creation, birth date. */
function personBase(r: AafRecord, label: string): { id: string; data: StagedPerson } | StagedRejection {
  const id = first(r, 'ENTPersonJointure') ?? r.id;
  if (!id) return reject(r, '', 'missing_field', `${label} without ENTPersonJointure.`);
  const data: StagedPerson = { op: r.op === 'modify' ? 'modify' : 'add', origin: { file: r.file, line: r.recordNo }, at: {} };
  names(r, data);
  if (data.op === 'add' && (!data.lastName || !data.firstName)) {
    return reject(r, '', 'missing_field', `${label} ${id} without ${data.lastName ? 'givenName' : 'sn'}.`, id);
  }
  const born = first(r, 'ENTPersonDateNaissance');
  if (born) {
    const iso = toIsoDate(born);
    if (!iso) return reject(r, '', 'invalid_date', `${label} ${id}: ENTPersonDateNaissance ${born} is not a date.`, id);
    data.birthDate = iso;
  }
  return { id, data };
}

/**
 * "structureId$code[$subject]" values, kept for the establishment `uai` (or every establishment when
 * null); references to an unknown structure or an undeclared class are reported and dropped.
 */
function references(r: AafRecord, directory: AafDirectory, attr: string, id: string, kind: 'class' | 'group', rejections: StagedRejection[]) {
  const out: { uai: string; code: string; subject: string | null }[] = [];
  for (const value of all(r, attr) ?? []) {
    const [structureId, code, subject] = value.split('$').map((part) => part.trim());
    const uai = structureId ? resolveStructure(directory, structureId) : null;
    if (!uai || !code) {
      rejections.push(reject(r, '', 'unknown_structure', `${attr} ${value}: no establishment ${structureId ?? ''} in the feed (its EtabEducNat record gives its UAI).`));
      continue;
    }
    const declared = kind === 'class' ? directory.byUai.get(uai)?.classes : directory.byUai.get(uai)?.groups;
    if (declared && !declared.has(code)) {
      rejections.push(reject(r, uai, 'unknown_structure', `${attr}: ${kind} ${code} is not declared by ${uai} (ENTStructure${kind === 'class' ? 'Classes' : 'Groupes'}); ${id} is imported without it.`));
      continue;
    }
    out.push({ uai, code, subject: subject || null });
  }
  return out;
}

function relationsOf(r: AafRecord): StagedRelation[] | undefined {
  const detailed = all(r, 'ENTElevePersRelEleve');
  const legal = new Set(all(r, 'ENTEleveAutoriteParentale') ?? []);
  const byId = new Map<string, StagedRelation>();
  for (const value of detailed ?? []) {
    const [id, lien, financial, legalFlag, contact] = value.split('$').map((x) => x.trim());
    if (!id) continue;
    byId.set(id, {
      id,
      legalGuardian: legalFlag === '1' || legalFlag === '2' || legal.has(id),
      financial: financial === '1',
      contact: contact === '1',
      relationship: RELATIONSHIPS[lien ?? ''] ?? null,
    });
  }
  // Older feeds only list the holders of parental authority.
  for (const id of legal) if (!byId.has(id)) byId.set(id, { id, legalGuardian: true, financial: false, contact: true, relationship: null });
  if (!detailed && !all(r, 'ENTEleveAutoriteParentale')) return undefined;
  return [...byId.values()];
}

/** A rejected record is reported in its establishment's report when the record names one. */
function attributed(rejection: StagedRejection, r: AafRecord, directory: AafDirectory, attrs: string[]): StagedRejection {
  for (const attr of attrs) {
    const structureId = first(r, attr);
    const uai = structureId ? resolveStructure(directory, structureId) : null;
    if (uai) return { ...rejection, uai };
  }
  return rejection;
}

export function readStudentRecord(r: AafRecord, directory: AafDirectory): Interpreted {
  const base = personBase(r, 'Eleve');
  if ('reason' in base) return { rejections: [attributed(base, r, directory, ['ENTEleveStructRattachId', 'ENTPersonStructRattach'])] };
  const { id, data } = base;
  const rejections: StagedRejection[] = [];
  const structureId = first(r, 'ENTEleveStructRattachId') ?? first(r, 'ENTPersonStructRattach');
  let uai = '';
  if (structureId) {
    const resolved = resolveStructure(directory, structureId);
    if (!resolved) return { rejections: [reject(r, '', 'unknown_structure', `Eleve ${id}: no establishment ${structureId} in the feed (its EtabEducNat record gives its UAI).`, id)] };
    uai = resolved;
  } else if (data.op === 'add') {
    return { rejections: [reject(r, '', 'missing_field', `Eleve ${id} without ENTEleveStructRattachId.`, id)] };
  }
  const ine = first(r, 'ENTEleveINE');
  if (ine) data.nationalId = ine;
  const mef = first(r, 'ENTEleveMEF');
  const level = (mef && directory.mefs.get(mef)) ?? first(r, 'ENTEleveLibelleMEF');
  if (level) data.level = level;
  data.relations = relationsOf(r);
  if (uai) {
    const slice: StagedSlice = {};
    const classes = all(r, 'ENTEleveClasses');
    const groups = all(r, 'ENTEleveGroupes');
    const mine = (list: { uai: string; code: string }[]) => list.filter((x) => x.uai === uai).map((x) => x.code);
    if (classes) slice.classes = mine(references(r, directory, 'ENTEleveClasses', id, 'class', rejections));
    if (groups) slice.groups = mine(references(r, directory, 'ENTEleveGroupes', id, 'group', rejections));
    // An add without any class is still a student of the establishment, in no class yet.
    if (data.op === 'add') {
      slice.classes ??= [];
      slice.groups ??= [];
    }
    data.at[uai] = slice;
  }
  return { person: { kind: 'student', id, uai, data }, rejections };
}

export function readRelativeRecord(r: AafRecord): Interpreted {
  const base = personBase(r, 'PersRelEleve');
  if ('reason' in base) return { rejections: [base] };
  return { person: { kind: 'relative', id: base.id, uai: '', data: base.data }, rejections: [] };
}

export function readStaffRecord(r: AafRecord, directory: AafDirectory): Interpreted {
  const base = personBase(r, 'PersEducNat');
  if ('reason' in base) return { rejections: [attributed(base, r, directory, ['ENTPersonStructRattach'])] };
  const { id, data } = base;
  const rejections: StagedRejection[] = [];
  const slice = (uai: string) => (data.at[uai] ??= {});
  for (const value of all(r, 'ENTPersonStructRattach') ?? []) {
    const uai = resolveStructure(directory, value);
    if (uai) slice(uai);
    else rejections.push(reject(r, '', 'unknown_structure', `PersEducNat ${id}: no establishment ${value} in the feed (its EtabEducNat record gives its UAI).`));
  }
  for (const value of all(r, 'ENTPersonFonctions') ?? []) {
    const [structureId, code] = value.split('$').map((x) => x.trim());
    const uai = structureId ? resolveStructure(directory, structureId) : null;
    if (!uai) {
      rejections.push(reject(r, '', 'unknown_structure', `ENTPersonFonctions ${value}: no establishment ${structureId ?? ''} in the feed (its EtabEducNat record gives its UAI).`));
      continue;
    }
    if (code) (slice(uai).functions ??= []).push(code.toUpperCase());
  }
  const push = (uai: string, key: 'classes' | 'groups' | 'headTeacherOf', code: string) => {
    const list = (slice(uai)[key] ??= []);
    if (!list.includes(code)) list.push(code);
  };
  for (const [attr, key, kind] of [
    ['ENTAuxEnsClasses', 'classes', 'class'],
    ['ENTAuxEnsGroupes', 'groups', 'group'],
    ['ENTAuxEnsClassesPrincipal', 'headTeacherOf', 'class'],
  ] as const) {
    for (const ref of references(r, directory, attr, id, kind, rejections)) push(ref.uai, key, ref.code);
  }
  for (const [attr, key, kind] of [
    ['ENTAuxEnsClassesMatieres', 'classes', 'class'],
    ['ENTAuxEnsGroupesMatieres', 'groups', 'group'],
  ] as const) {
    for (const ref of references(r, directory, attr, id, kind, rejections)) {
      push(ref.uai, key, ref.code);
      if (ref.subject) (slice(ref.uai).teachings ??= []).push({ structure: ref.code, subjectCode: ref.subject });
    }
  }
  const uais = Object.keys(data.at);
  if (data.op === 'add' && uais.length === 0) {
    return { rejections: [...rejections, reject(r, '', 'missing_field', `PersEducNat ${id} without ENTPersonStructRattach or ENTPersonFonctions.`, id)] };
  }
  return { person: { kind: 'staff', id, uai: uais[0] ?? '', data }, rejections };
}

/** One record of a person file: a person to stage, a leaver, or rejections. */
export function interpretPersonRecord(r: AafRecord, directory: AafDirectory, kind: StagedKind): Interpreted {
  if (r.op === 'delete') {
    const id = r.id;
    if (!id) return { rejections: [reject(r, '', 'missing_field', 'deleteRequest without identifier.')] };
    return { deleted: { id, category: kind }, rejections: [] };
  }
  if (kind === 'student') return readStudentRecord(r, directory);
  if (kind === 'relative') return readRelativeRecord(r);
  return readStaffRecord(r, directory);
}
