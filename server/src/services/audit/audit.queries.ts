import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';

export interface AuditRecord {
  action: string;
  actorId?: string | null;
  targetId?: string | null;
  establishmentId?: string | null;
  ip?: string | null;
  /** Minimal data only (CNIL 2021-122): ids and outcomes, never passwords or codes. */
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, clock: Clock, record: AuditRecord): Promise<void> {
  const now = clock.now();
  await db
    .insertInto('audit_log')
    .values({
      id: newId(now.getTime()),
      at: now.toISOString(),
      action: record.action,
      actor_id: record.actorId ?? null,
      target_id: record.targetId ?? null,
      establishment_id: record.establishmentId ?? null,
      ip: record.ip ?? null,
      details: JSON.stringify(record.details ?? {}),
    })
    .execute();
}

export function listAudit(db: Db, filter: { action?: string; before?: [string, string]; limit: number }) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('people', 'people.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.actor_id',
      'people.login as actor_login',
      'audit_log.target_id',
      'audit_log.establishment_id',
      'audit_log.ip',
      'audit_log.details',
    ])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.action) q = q.where('audit_log.action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
  if (filter.before) {
    const [at, id] = filter.before;
    q = q.where((eb) => eb(eb.refTuple('audit_log.at', 'audit_log.id'), '<', eb.tuple(at, id)));
  }
  return q.execute();
}
