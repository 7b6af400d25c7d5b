import type { Db } from '../../kernel/db/database.js';
import { loginBase } from './names.js';

/**
 * Hands out unique logins "prenom.nom", then "prenom.nom2", "prenom.nom3"… on collision.
 * Existing logins are read once per base, and `prime` reads them for a whole batch in a few
 * queries, so importing thousands of people does not cost one query per person.
 */
export class LoginAllocator {
  private readonly taken = new Map<string, Set<string>>();

  constructor(private readonly db: Db) {}

  /** Reads the logins taken for many people at once (one query per 200 bases), before allocating. */
  async prime(names: { firstName: string; lastName: string }[]): Promise<void> {
    const bases = [...new Set(names.map((n) => loginBase(n.firstName, n.lastName)))].filter((b) => !this.taken.has(b));
    for (let i = 0; i < bases.length; i += 200) {
      const part = bases.slice(i, i + 200);
      const rows = await this.db
        .selectFrom('people')
        .select('login')
        .where((eb) => eb.or(part.map((base) => eb('login', 'like', `${base.replace(/[%_]/g, '')}%`))))
        .execute();
      for (const base of part) this.taken.set(base, new Set(rows.map((r) => r.login).filter((l) => matchesBase(base, l))));
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
