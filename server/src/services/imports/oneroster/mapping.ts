import type { Profile } from '@preau/contracts';
import { isValidUai, normalizeUai } from '../../directory/index.js';
import type { EstablishmentFeed, FeedPerson, FeedRejection } from '../feed.js';
import { UnusableFileError } from '../feed.js';
import { toIsoDate } from '../sources/dates.js';
import { cleanName, displayFirstName } from '../sources/names.js';
import { type CsvTable, type RawBundle, cell } from './bundle.js';
import { mapEnrollments } from './enrollments.js';
import { type RoleMapping, functionsFrom, mapRole, splitList } from './roles.js';
import { EXTENSIONS, type OneRosterFile, REQUIRED_COLUMNS } from './spec.js';

/** Every profile a OneRoster bundle can feed: absent from a bulk bundle means gone. */
export const ONEROSTER_COVERS: Profile[] = ['student', 'relative', 'teacher', 'personnel', 'agent'];
const INE = /^[0-9A-Z]{10}[A-Z]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UserRecord {
  id: string;
  line: number;
  givenName: string;
  familyName: string;
  middleName: string;
  identifier: string;
  email: string;
  phone: string;
  agents: string[];
  leaving: boolean;
}

/** One establishment being built: its feed and the lookups the later files need. */
export interface OrgFeed {
  orgId: string;
  feed: EstablishmentFeed;
  people: Map<string, FeedPerson>;
  /** Relatives' legal-guardian flag, by their feed id. */
  guardians: Map<string, boolean>;
}

export interface MappingContext {
  bundle: RawBundle;
  /** YYYY-MM-DD, the date written as leftOn for records marked tobedeleted. */
  today: string;
  orgs: Map<string, OrgFeed>;
  /** Orgs of the bundle Préau does not import this time (another UAI was asked for). */
  skippedOrgs: Set<string>;
  users: Map<string, UserRecord>;
  /** Users whose line was rejected: their other records are left alone rather than reported again. */
  unusableUsers: Map<string, FeedRejection>;
  /** Rejections that belong to no single establishment: reported in every one. */
  shared: FeedRejection[];
}

export const personKey = (profile: Profile, userId: string) => `${profile}:${userId}`;
export const isDeleted = (status: string) => status.toLowerCase() === 'tobedeleted';

function table(ctx: MappingContext, file: OneRosterFile): CsvTable | null {
  const t = ctx.bundle.tables.get(file) ?? null;
  if (t) {
    const missing = REQUIRED_COLUMNS[file].filter((c) => !t.columns.has(c));
    if (missing.length) throw new UnusableFileError(ctx.bundle.name, 'missing_columns', `${ctx.bundle.name}: ${file}.csv lacks the column(s) ${missing.join(', ')}.`);
  }
  return t;
}

/** Walks a table's rows, rejecting a repeated sourcedId (the first one is kept). */
export function* uniqueRows(t: CsvTable, reject: (r: FeedRejection) => void) {
  const seen = new Set<string>();
  for (const row of t.rows) {
    const id = cell(t, row, 'sourcedId');
    if (!id) {
      reject({ file: t.file, line: row.line, reason: 'missing_field', detail: 'sourcedId is empty' });
      continue;
    }
    if (seen.has(id)) {
      reject({ file: t.file, line: row.line, reason: 'duplicate_id', detail: `sourcedId ${id} appears twice in ${t.file}`, externalId: null });
      continue;
    }
    seen.add(id);
    yield { row, id, status: cell(t, row, 'status'), get: (column: string) => cell(t, row, column) };
  }
}

/** Orgs of type school, identified by their UAI (orgs.csv `identifier`), become establishments. */
function mapOrgs(ctx: MappingContext, expectedUai: string | undefined) {
  const t = table(ctx, 'orgs')!;
  const uais = new Set<string>();
  const found: string[] = [];
  for (const { row, id, status, get } of uniqueRows(t, (r) => ctx.shared.push(r))) {
    if (isDeleted(status) || get('type') !== 'school') continue;
    const uai = normalizeUai(get('identifier'));
    if (!isValidUai(uai)) {
      ctx.shared.push({ file: t.file, line: row.line, reason: 'invalid_uai', detail: `school ${get('name') || id}: identifier "${get('identifier')}" is not a UAI` });
      continue;
    }
    if (uais.has(uai)) {
      ctx.shared.push({ file: t.file, line: row.line, reason: 'duplicate_id', detail: `UAI ${uai} is given to two schools` });
      continue;
    }
    uais.add(uai);
    found.push(uai);
    if (expectedUai && uai !== expectedUai) {
      ctx.skippedOrgs.add(id);
      continue;
    }
    const feed: EstablishmentFeed = { uai, source: 'oneroster', covers: ONEROSTER_COVERS, structures: [], subjects: [], people: [], relations: [], rejected: [] };
    ctx.orgs.set(id, { orgId: id, feed, people: new Map(), guardians: new Map() });
  }
  if (found.length === 0) {
    throw new UnusableFileError(ctx.bundle.name, 'missing_uai', `${ctx.bundle.name}: orgs.csv has no school whose identifier is a UAI (7 digits and the check letter).`);
  }
  if (expectedUai && ctx.orgs.size === 0) {
    throw new UnusableFileError(ctx.bundle.name, 'wrong_uai', `${ctx.bundle.name}: the bundle has no school ${expectedUai} (it has ${found.join(', ')}).`);
  }
}

function mapUsers(ctx: MappingContext) {
  const t = table(ctx, 'users')!;
  for (const { row, id, status, get } of uniqueRows(t, (r) => ctx.shared.push(r))) {
    const reject = (reason: string, detail: string) => ctx.unusableUsers.set(id, { file: t.file, line: row.line, reason, detail });
    const user: UserRecord = {
      id,
      line: row.line,
      givenName: displayFirstName(get('givenName')),
      familyName: cleanName(get('familyName')),
      middleName: cleanName(get('middleName')),
      identifier: get('identifier').toUpperCase(),
      email: get('email'),
      phone: get('phone') || get('sms'),
      agents: splitList(get('agentSourcedIds')),
      leaving: isDeleted(status),
    };
    if (!user.givenName || !user.familyName) reject('missing_field', `user ${id}: givenName and familyName are required`);
    else if (user.email && !EMAIL.test(user.email)) reject('invalid_email', `user ${id}: "${user.email}" is not an e-mail address`);
    ctx.users.set(id, user);
  }
}

function mapDemographics(ctx: MappingContext): Map<string, string> {
  const births = new Map<string, string>();
  const t = table(ctx, 'demographics');
  if (!t) return births;
  for (const { row, id, status, get } of uniqueRows(t, (r) => ctx.shared.push(r))) {
    const raw = get('birthDate');
    if (isDeleted(status) || !raw) continue;
    const date = toIsoDate(raw.slice(0, 10));
    if (!date) ctx.shared.push({ file: t.file, line: row.line, reason: 'invalid_date', detail: `user ${id}: birthDate "${raw}" is not YYYY-MM-DD` });
    else births.set(id, date);
  }
  return births;
}

function personOf(user: UserRecord, mapping: RoleMapping, birthDate: string | undefined): FeedPerson {
  const middle = user.middleName;
  return {
    externalId: personKey(mapping.profile, user.id),
    nationalId: mapping.profile === 'student' && INE.test(user.identifier) ? user.identifier : null,
    profile: mapping.profile,
    functions: [...mapping.functions],
    firstName: user.givenName,
    firstNames: middle ? `${user.givenName} ${middle}` : null,
    lastName: user.familyName,
    birthDate: birthDate ?? null,
    email: user.email || null,
    phone: user.phone || null,
    classes: [],
    groups: [],
    teachings: mapping.profile === 'teacher' ? [] : undefined,
    headTeacherOf: [],
    origin: { file: 'users.csv', line: user.line },
  };
}

/** roles.csv: one row per user, org and role; a user gets one account per profile (as with SIECLE and STS). */
function mapRoles(ctx: MappingContext, births: Map<string, string>) {
  const t = table(ctx, 'roles')!;
  // A profile is leaving only when every role giving it is: an active role wins.
  const active = new Set<string>();
  const placed = new Set<string>();
  for (const { row, status, get } of uniqueRows(t, (r) => ctx.shared.push(r))) {
    const userId = get('userSourcedId');
    const orgId = get('orgSourcedId');
    const org = ctx.orgs.get(orgId);
    const reject = (reason: string, detail: string, externalId: string | null = null) =>
      (org ? org.feed.rejected : ctx.shared).push({ file: t.file, line: row.line, reason, detail, externalId });
    if (!userId || !orgId || !get('role')) {
      reject('missing_field', 'userSourcedId, role and orgSourcedId are required');
      continue;
    }
    if (!org) {
      // A user of a school not imported this time is that school's business, even when unusable.
      if (ctx.skippedOrgs.has(orgId)) placed.add(userId);
      else reject('unknown_org', `org ${orgId} is not a school of orgs.csv with a UAI`);
      continue;
    }
    const mapping = mapRole(get('role'));
    if (!mapping) {
      reject('unsupported_role', `role "${get('role')}" has no profile in Préau`);
      continue;
    }
    const key = personKey(mapping.profile, userId);
    const unusable = ctx.unusableUsers.get(userId);
    if (unusable) {
      placed.add(userId);
      // Present but unusable: reported with its id so the account is left as it is, not closed.
      if (!org.feed.rejected.some((r) => r.externalId === key)) org.feed.rejected.push({ ...unusable, externalId: key });
      continue;
    }
    const user = ctx.users.get(userId);
    if (!user) {
      reject('unknown_person', `user ${userId} is not in users.csv`);
      continue;
    }
    let person = org.people.get(key);
    if (!person) {
      person = personOf(user, mapping, births.get(userId));
      org.people.set(key, person);
    }
    const extension = get(EXTENSIONS.functions);
    for (const f of extension ? functionsFrom(extension) : mapping.functions) if (!person.functions?.includes(f)) person.functions?.push(f);
    if (mapping.legalGuardian !== undefined) org.guardians.set(key, (org.guardians.get(key) ?? false) || mapping.legalGuardian);
    const leaving = user.leaving || isDeleted(status);
    if (!leaving) active.add(`${orgId}|${key}`);
    person.leftOn = active.has(`${orgId}|${key}`) ? null : ctx.today;
  }
  // Users with no role in any imported school are reported once, where every establishment sees them.
  for (const [id, rejection] of ctx.unusableUsers) if (!placed.has(id)) ctx.shared.push(rejection);
}

/** Relatives ↔ students from `agentSourcedIds`, read in both directions (parents list children, students list parents). */
function mapRelations(ctx: MappingContext) {
  for (const org of ctx.orgs.values()) {
    const links = new Set<string>();
    for (const person of org.people.values()) {
      const userId = person.externalId.slice(person.externalId.indexOf(':') + 1);
      const agents = ctx.users.get(userId)?.agents ?? [];
      for (const other of agents) {
        if (person.profile === 'relative' && org.people.has(personKey('student', other))) links.add(`${person.externalId}|${personKey('student', other)}`);
        if (person.profile === 'student' && org.people.has(personKey('relative', other))) links.add(`${personKey('relative', other)}|${person.externalId}`);
      }
    }
    for (const link of [...links].sort()) {
      const [relative, student] = link.split('|');
      org.feed.relations.push({ relativeExternalId: relative, studentExternalId: student, legalGuardian: org.guardians.get(relative) ?? true, financial: false, contact: true, relationship: null });
    }
    const linked = new Set(org.feed.relations.map((r) => r.relativeExternalId));
    for (const person of [...org.people.values()]) {
      if (person.profile !== 'relative' || person.leftOn || linked.has(person.externalId)) continue;
      org.people.delete(person.externalId);
      org.feed.rejected.push({ file: 'users.csv', line: person.origin.line, reason: 'no_student', detail: `${person.firstName} ${person.lastName} is linked (agentSourcedIds) to no student of this school`, externalId: person.externalId });
    }
  }
}

/** schoolYear of the bundle's school-year session (OneRoster gives the year it ends). */
function schoolYear(ctx: MappingContext): number | null {
  const t = table(ctx, 'academicSessions');
  if (!t) return null;
  const years = new Set(t.rows.filter((r) => cell(t, r, 'type') === 'schoolYear').map((r) => Number(cell(t, r, 'schoolYear'))).filter((y) => Number.isInteger(y) && y > 1900));
  return years.size === 1 ? [...years][0] - 1 : null;
}

/**
 * Maps a checked bundle to one feed per school (only `expectedUai` when given). Each record that
 * cannot be used is rejected with its file, line and reason; the rest of the bundle still imports.
 */
export function mapBundle(bundle: RawBundle, options: { uai?: string; today: string }): EstablishmentFeed[] {
  const ctx: MappingContext = { bundle, today: options.today, orgs: new Map(), skippedOrgs: new Set(), users: new Map(), unusableUsers: new Map(), shared: [] };
  mapOrgs(ctx, options.uai);
  mapUsers(ctx);
  mapRoles(ctx, mapDemographics(ctx));
  mapEnrollments(ctx, table(ctx, 'classes')!, table(ctx, 'enrollments')!);
  mapRelations(ctx);
  const year = schoolYear(ctx);
  return [...ctx.orgs.values()].map(({ feed, people }) => ({
    ...feed,
    schoolYear: year,
    people: [...people.values()],
    rejected: [...ctx.shared, ...feed.rejected],
  }));
}
