import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { loginBase } from './names.js';

/** The login without its numeric suffix: what the `people_login_base` index (migration 0021) holds. */
export const LOGIN_STEM = sql<string>`rtrim(login, '0123456789')`;
const stemOf = (login: string) => login.replace(/\d+$/, '');

/**
 * Hands out unique logins "prenom.nom", then "prenom.nom2", "prenom.nom3"… on collision (the
 * lowest free suffix). `prime` reads the logins taken for a whole batch of names at once: one
 * indexed equality on the login's stem (its letters without trailing digits) per 2,000 names, so
 * the cost follows the batch, not the size of the platform. Another import may take a login
 * between `prime` and the insert: the unique index on `people.login` refuses it, and the caller
 * retries its transaction (`withLoginRetry`).
 */
export class LoginAllocator {
  private readonly taken = new Map<string, Set<string>>();

  constructor(private readonly db: Db) {}

  /** Reads the logins taken for many people at once, before allocating. */
  async prime(names: { firstName: string; lastName: string }[]): Promise<void> {
    const bases = [...new Set(names.map((n) => loginBase(n.firstName, n.lastName)))].filter((b) => !this.taken.has(b));
    for (let i = 0; i < bases.length; i += 2000) {
      const part = bases.slice(i, i + 2000);
      const stems = [...new Set(part.map(stemOf))];
      const rows = await this.db.selectFrom('people').select('login').where(LOGIN_STEM, 'in', stems).execute();
      const byStem = new Map<string, string[]>();
      for (const { login } of rows) {
        const list = byStem.get(stemOf(login)) ?? [];
        list.push(login);
        byStem.set(stemOf(login), list);
      }
      for (const base of part) this.taken.set(base, new Set((byStem.get(stemOf(base)) ?? []).filter((l) => matchesBase(base, l))));
    }
  }

  async allocate(firstName: string, lastName: string): Promise<string> {
    const base = loginBase(firstName, lastName);
    if (!this.taken.has(base)) await this.prime([{ firstName, lastName }]);
    const used = this.taken.get(base)!;
    let login = base;
    for (let n = 2; used.has(login); n++) login = `${base}${n}`;
    used.add(login);
    return login;
  }
}

/** "marie.martin", "marie.martin2"… belong to the base "marie.martin"; "marie.martin-dubois" does not. */
function matchesBase(base: string, login: string): boolean {
  return login === base || (login.startsWith(base) && /^\d+$/.test(login.slice(base.length)));
}

/** In-memory allocator for generators that build a whole fresh platform at once. */
export class MemoryLoginAllocator {
  private readonly counts = new Map<string, number>();
  allocate(firstName: string, lastName: string): string {
    const base = loginBase(firstName, lastName);
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  }
  reserve(login: string): void {
    const m = /^(.*?)(\d*)$/.exec(login);
    const base = m?.[1] ?? login;
    const n = m?.[2] ? Number(m[2]) : 1;
    this.counts.set(base, Math.max(this.counts.get(base) ?? 0, n));
  }
}
