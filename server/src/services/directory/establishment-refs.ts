import type { EstablishmentRef, EstablishmentType } from '@preau/contracts';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';

/**
 * Establishments' names and codes as most responses show them, kept per process for a minute:
 * nearly every page names an establishment, and these rows almost never change (the UAI never).
 */
export class EstablishmentRefs {
  private readonly known = new Map<string, { ref: EstablishmentRef; loadedAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifetimeMs = 60_000,
    private readonly maxEntries = 20_000,
  ) {}

  async get(ids: string[]): Promise<Map<string, EstablishmentRef>> {
    const now = this.clock.now().getTime();
    const found = new Map<string, EstablishmentRef>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const entry = this.known.get(id);
      if (entry && now - entry.loadedAt < this.lifetimeMs && now >= entry.loadedAt) found.set(id, entry.ref);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const rows = await this.db.selectFrom('establishments').select(['id', 'uai', 'name', 'type']).where('id', 'in', missing).execute();
    if (this.known.size + rows.length > this.maxEntries) this.known.clear();
    for (const row of rows) {
      const ref = { id: row.id, uai: row.uai, name: row.name, type: row.type as EstablishmentType };
      this.known.set(row.id, { ref, loadedAt: now });
      found.set(row.id, ref);
    }
    return found;
  }
}
