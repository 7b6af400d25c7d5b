import type { PersonnelFunction, Profile } from '@preau/contracts';
import type { EstablishmentFeed, FeedPerson, FeedRejection, FeedRelation, FeedStructure } from '../feed.js';
import type { ExistingState, ImportPlan } from '../plan.types.js';
import type { AafDirectory, StagedSlice } from './aaf-records.js';
import type { StagedRow } from './aaf-staging.js';

/**
 * One establishment's `EstablishmentFeed`, built from its staged rows, so that the same planner and
 * writer as SIECLE and STS-web do the work. A modifyRequest may leave out names or classes: those
 * people are completed from the database once its state is loaded (`completeFromState`).
 */

/** Function codes of ENTPersonFonctions with a clear meaning in Préau (as for STS-web's FONCTION). */
const STAFF_FUNCTIONS: Record<string, PersonnelFunction> = { DIR: 'head', EDU: 'cpe', DOC: 'documentalist' };

export interface BuiltFeed {
  feed: EstablishmentFeed;
  /** Records that do not say which classes (or groups) the person is in: keep those the AAF gave before. */
  keepClasses: Set<string>;
  keepGroups: Set<string>;
  /** modifyRequests without names: usable only for an account that exists. */
  needsNames: Set<string>;
}

export interface FeedScope {
  uai: string;
  /** Profiles this feed is authoritative for (empty for a delta feed: absence is not departure). */
  covers: Profile[];
  /** The feed carried relatives: a student naming one that is not in it is reported. */
  relativesInFeed: boolean;
}

function staffProfile(slice: StagedSlice): { profile: Profile; functions: PersonnelFunction[] } {
  const functions = [...new Set((slice.functions ?? []).map((c) => STAFF_FUNCTIONS[c]).filter((f): f is PersonnelFunction => !!f))];
  if (functions.length) return { profile: 'personnel', functions };
  const teaches = slice.functions?.includes('ENS') || slice.teachings?.length || slice.classes?.length || slice.groups?.length;
  if (teaches || !slice.functions) return { profile: 'teacher', functions: [] };
  return { profile: 'personnel', functions: [] };
}

export function buildEstablishmentFeed(scope: FeedScope, people: StagedRow[], relatives: StagedRow[], rejected: FeedRejection[], directory: AafDirectory): BuiltFeed {
  const { uai } = scope;
  const built: BuiltFeed = {
    feed: { uai, source: 'aaf', schoolYear: null, covers: scope.covers, structures: [], subjects: [], people: [], relations: [], rejected: [...rejected] },
    keepClasses: new Set(),
    keepGroups: new Set(),
    needsNames: new Set(),
  };
  const { feed } = built;
  const declared = directory.byUai.get(uai);
  const classes = new Map<string, FeedStructure>();
  const groups = new Map<string, FeedStructure>();
  for (const code of declared?.classes?.keys() ?? []) classes.set(code, { code, kind: 'class', name: code, level: null });
  for (const code of declared?.groups?.keys() ?? []) groups.set(code, { code, kind: 'teaching_group', name: code, level: null });
  const subjectCodes = new Set<string>();
  const seen = new Set<string>();

  const person = (row: StagedRow, profile: Profile, slice: StagedSlice, extra: Partial<FeedPerson> = {}): FeedPerson => {
    const d = row.data;
    if (d.op === 'modify' && (!d.firstName || !d.lastName)) built.needsNames.add(row.id);
    const p: FeedPerson = {
      externalId: row.id,
      nationalId: d.nationalId ?? null,
      profile,
      firstName: d.firstName ?? '',
      firstNames: d.firstNames ?? null,
      lastName: d.lastName ?? '',
      birthDate: d.birthDate ?? null,
      email: d.email ?? null,
      phone: d.phone ?? null,
      classes: slice.classes ?? [],
      groups: slice.groups ?? [],
      origin: d.origin,
      ...extra,
    };
    if (profile !== 'relative' && d.op === 'modify') {
      const teaches = !!slice.teachings;
      if (!slice.classes && !teaches) built.keepClasses.add(row.id);
      if (!slice.groups && !teaches) built.keepGroups.add(row.id);
    }
    return p;
  };

  const wantedRelatives = new Map<string, FeedRelation[]>();
  for (const row of people) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const slice = row.data.at[uai] ?? {};
    if (row.kind === 'student') {
      for (const code of slice.classes ?? []) if (!classes.has(code)) classes.set(code, { code, kind: 'class', name: code, level: null });
      for (const code of slice.groups ?? []) if (!groups.has(code)) groups.set(code, { code, kind: 'teaching_group', name: code, level: null });
      // A class's level is its students' MEF.
      const level = row.data.level ?? null;
      for (const code of slice.classes ?? []) {
        const c = classes.get(code)!;
        if (level && !c.level) c.level = level;
      }
      feed.people.push(person(row, 'student', slice));
      for (const r of row.data.relations ?? []) {
        const list = wantedRelatives.get(r.id) ?? [];
        list.push({ relativeExternalId: r.id, studentExternalId: row.id, legalGuardian: r.legalGuardian, financial: r.financial, contact: r.contact, relationship: r.relationship });
        wantedRelatives.set(r.id, list);
      }
    } else if (row.kind === 'staff') {
      const { profile, functions } = staffProfile(slice);
      for (const code of slice.classes ?? []) if (!classes.has(code)) classes.set(code, { code, kind: 'class', name: code, level: null });
      for (const code of slice.groups ?? []) if (!groups.has(code)) groups.set(code, { code, kind: 'teaching_group', name: code, level: null });
      for (const t of slice.teachings ?? []) subjectCodes.add(t.subjectCode);
      feed.people.push(person(row, profile, slice, { functions, teachings: profile === 'teacher' ? slice.teachings : undefined, headTeacherOf: slice.headTeacherOf }));
    } else {
      feed.people.push(person(row, 'relative', {}));
    }
  }
  for (const row of relatives) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    feed.people.push(person(row, 'relative', {}));
  }
  const origins = new Map(feed.people.map((p) => [p.externalId, p.origin]));
  for (const [relativeId, links] of wantedRelatives) {
    if (seen.has(relativeId)) feed.relations.push(...links);
    else if (scope.relativesInFeed) {
      for (const link of links) {
        const student = { origin: origins.get(link.studentExternalId) };
        feed.rejected.push({
          file: student.origin?.file ?? '',
          line: student.origin?.line ?? null,
          reason: 'unknown_relative',
          detail: `Eleve ${link.studentExternalId} names the relative ${relativeId}, who is not in the PersRelEleve files; that link is not imported.`,
        });
      }
    }
  }
  feed.structures = [...classes.values(), ...groups.values()];
  feed.subjects = [...subjectCodes].sort().map((code) => ({ code, name: directory.subjects.get(code) ?? code }));
  return built;
}

/**
 * Completes what modifyRequests left out from the database: the classes the AAF gave before, and
 * the names of an existing account. A modifyRequest for someone unknown without names cannot create
 * an account: it is reported.
 */
export function completeFromState(built: BuiltFeed, state: ExistingState): void {
  const { feed } = built;
  const kept: FeedPerson[] = [];
  for (const p of feed.people) {
    const existing = state.linked.get(p.externalId);
    if (existing && (built.keepClasses.has(p.externalId) || built.keepGroups.has(p.externalId))) {
      const codes = [...(state.structuresOf.get(existing.id) ?? [])];
      const isClass = (code: string) => state.structures.get(code)?.kind === 'class';
      if (built.keepClasses.has(p.externalId)) p.classes = codes.filter(isClass);
      if (built.keepGroups.has(p.externalId)) p.groups = codes.filter((c) => !isClass(c));
      if (p.profile !== 'student' && !p.functions?.length && state.profiles.get(existing.id)?.has('personnel')) p.profile = 'personnel';
    }
    if (built.needsNames.has(p.externalId)) {
      if (!existing) {
        feed.rejected.push({
          file: p.origin.file,
          line: p.origin.line,
          reason: 'missing_field',
          detail: `record ${p.origin.line}: modifyRequest for ${p.externalId}, who has no account yet, without sn and givenName.`,
          externalId: p.externalId,
        });
        continue;
      }
      p.firstName ||= existing.first_name;
      p.lastName ||= existing.last_name;
    }
    kept.push(p);
  }
  feed.people = kept;
}

/** deleteRequests: the person left every establishment where the AAF placed them. */
export function addLeavers(plan: ImportPlan, state: ExistingState, feed: EstablishmentFeed, deleted: Set<string>): void {
  if (deleted.size === 0) return;
  const present = new Set(feed.people.map((p) => p.externalId));
  for (const m of state.managed) {
    if (!m.externalId || !deleted.has(m.externalId) || present.has(m.externalId)) continue;
    const planned = plan.deactivations.find((d) => d.personId === m.personId && d.profile === m.profile);
    if (planned) planned.reason = 'left';
    else plan.deactivations.push({ personId: m.personId, externalId: m.externalId, name: m.name, profile: m.profile, reason: 'left' });
  }
}
