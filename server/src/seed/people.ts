import { MemoryLoginAllocator } from '../services/directory/logins.js';
import { loginPart, sortKey } from '../services/directory/names.js';
import { ADULT_FEMALE, ADULT_MALE, CHILD_FEMALE, CHILD_MALE, MIDDLE_FEMALE, MIDDLE_MALE } from './data/names.js';
import type { Rng } from './prng.js';
import type { PersonRow } from './rows.js';

export type Gender = 'F' | 'M';

/** Fixed identity for a demo person; any field left out is generated as for everyone else. */
export interface PersonPreset {
  firstName: string;
  lastName: string;
  gender: Gender;
  firstNames?: string;
  /** Fixed login (demo accounts); otherwise allocated from the names. */
  login?: string;
  /** Set for accounts that can log in right away (state 'active', terms accepted). */
  passwordHash?: string;
  platformAdmin?: boolean;
}

/** State shared by every establishment of one run: uniqueness sets and the run's clock. */
export interface SeedContext {
  seed: number;
  nowIso: string;
  activationExpiresAt: string;
  /** Calendar year in which the current school year started (September). */
  schoolYear: number;
  logins: MemoryLoginAllocator;
  externalIds: Set<string>;
  uais: Set<string>;
}

const ACTIVATION_DAYS = 90;

export function createContext(seed: number, now: Date, reservedLogins: readonly string[]): SeedContext {
  const logins = new MemoryLoginAllocator();
  for (const login of reservedLogins) logins.reserve(login);
  return {
    seed,
    nowIso: now.toISOString(),
    activationExpiresAt: new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000).toISOString(),
    schoolYear: now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1,
    logins,
    externalIds: new Set(),
    uais: new Set(),
  };
}

export type Contact = 'none' | 'family' | 'academic';

export interface PersonSpec {
  gender: Gender;
  /** Picks the name list: children's names and adults' names differ by a generation. */
  child: boolean;
  birthYear: number;
  lastName: string;
  contact: Contact;
  /** Académie name, for staff e-mail addresses. */
  academy?: string | null;
  preset?: PersonPreset;
}

function firstNamesOf(rng: Rng, spec: PersonSpec): string[] {
  const list = spec.child
    ? spec.gender === 'F' ? CHILD_FEMALE : CHILD_MALE
    : spec.gender === 'F' ? ADULT_FEMALE : ADULT_MALE;
  const first = rng.pick(list);
  const extra = rng.weighted([[0, 60], [1, 30], [2, 10]] as const);
  const middles = rng.sample(spec.gender === 'F' ? MIDDLE_FEMALE : MIDDLE_MALE, extra).filter((m) => m !== first);
  return [first, ...middles];
}

function birthDate(rng: Rng, year: number): string {
  const days = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
  return new Date(Date.UTC(year, 0, 1 + rng.int(0, days - 1))).toISOString().slice(0, 10);
}

/** INE-like national id: 10 digits and a letter, unique over the run. */
function uniqueIne(ctx: SeedContext, rng: Rng): string {
  for (;;) {
    const ine = rng.digits(10) + rng.code(1, 'ABCDEFGHJKLMNPRSTUVWXYZ');
    if (!ctx.externalIds.has(ine)) {
      ctx.externalIds.add(ine);
      return ine;
    }
  }
}

/** Names repeat a lot over a platform: folding each pair once saves a good part of the run. */
const sortKeys = new Map<string, string>();
function cachedSortKey(firstName: string, lastName: string): string {
  const key = `${firstName}\u0000${lastName}`;
  let value = sortKeys.get(key);
  if (value === undefined) {
    value = sortKey(firstName, lastName);
    if (sortKeys.size < 200_000) sortKeys.set(key, value);
  }
  return value;
}

export function makePerson(ctx: SeedContext, rng: Rng, spec: PersonSpec): PersonRow {
  const id = rng.id();
  const preset = spec.preset;
  const names = preset ? (preset.firstNames ?? preset.firstName).split(' ') : firstNamesOf(rng, spec);
  const firstName = preset?.firstName ?? (names[0] as string);
  const lastName = preset?.lastName ?? spec.lastName;
  let login: string;
  if (preset?.login) {
    login = preset.login;
    ctx.logins.reserve(login);
  } else {
    login = ctx.logins.allocate(firstName, lastName);
  }
  const born = birthDate(rng, spec.birthYear);
  let email: string | null = null;
  let phone: string | null = null;
  if (spec.contact === 'family') {
    email = `${login}@${rng.pick(['example.com', 'example.net', 'example.org'])}`;
    // 06 39 98 xx xx is the range ARCEP keeps for fiction: no real subscriber gets a text.
    phone = `06 39 98 ${rng.digits(2)} ${rng.digits(2)}`;
  } else if (spec.contact === 'academic') {
    email = `${login}@ac-${loginPart(spec.academy ?? 'preau')}.example`;
  }
  const active = preset?.passwordHash !== undefined;
  return {
    id,
    external_id: spec.child ? uniqueIne(ctx, rng) : null,
    source: 'seed',
    login,
    first_name: firstName,
    first_names: names.join(' '),
    last_name: lastName,
    sort_key: cachedSortKey(firstName, lastName),
    birth_date: born,
    email,
    phone,
    state: active ? 'active' : 'awaiting_activation',
    password_hash: preset?.passwordHash ?? null,
    activation_code: active ? null : rng.code(8),
    activation_expires_at: active ? null : ctx.activationExpiresAt,
    terms_accepted_at: active ? ctx.nowIso : null,
    platform_admin: preset?.platformAdmin ? 1 : 0,
    created_at: ctx.nowIso,
    updated_at: ctx.nowIso,
  };
}
