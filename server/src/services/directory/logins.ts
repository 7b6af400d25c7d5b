import type { Db } from '../../kernel/db/database.js';
import { loginBase } from './names.js';

/**
 * Hands out unique logins "prenom.nom", then "prenom.nom2", "prenom.nom3"… on collision.
 * Existing logins are read once per base from the database, so a batch of thousands of people
 * costs one query per distinct base, not one per person.
 */
export class LoginAllocator {
  private readonly taken = new Map<string, Set<string>>();

  constructor(private readonly db: Db) {}

  async allocate(firstName: string, lastName: string): Promise<string> {
    const base = loginBase(firstName, lastName);
    let used = this.taken.get(base);
    if (!used) {
      used = new Set(await this.existing(base));
      this.taken.set(base, used);
    }
    let login = base;
    for (let n = 2; used.has(login); n++) login = `${base}${n}`;
    used.add(login);
    return login;
  }

  private async existing(base: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('people')
      .select('login')
      .where((eb) => eb.or([eb('login', '=', base), eb('login', 'like', `${base.replace(/[%_]/g, '')}%`)]))
      .execute();
    const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(\\d+)?$`);
    return rows.map((r) => r.login).filter((l) => pattern.test(l));
  }
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
