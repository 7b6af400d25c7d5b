import type { NotificationService, TimelineItem } from '@preau/contracts';
import { displayName } from '../../services/directory/index.js';
import type { Db } from '../db/database.js';

/** The columns a timeline item is built from: the event, its author, and (for one person) read or not. */
export interface ItemRow {
  id: string;
  type: string;
  service: string;
  establishment_id: string | null;
  actor_id: string | null;
  first_name: string | null;
  last_name: string | null;
  resource_kind: string;
  resource_id: string;
  summary: string;
  created_at: string;
  read_at?: string | null;
}

export function toTimelineItem(row: ItemRow): TimelineItem {
  return {
    id: row.id,
    type: row.type,
    service: row.service as NotificationService,
    establishmentId: row.establishment_id,
    actor: row.actor_id && row.first_name !== null && row.last_name !== null ? { id: row.actor_id, displayName: displayName(row.first_name, row.last_name) } : null,
    resource: { kind: row.resource_kind, id: row.resource_id },
    summary: JSON.parse(row.summary) as Record<string, string>,
    createdAt: row.created_at,
    read: !!row.read_at,
  };
}

/** One event as an unread item (what live delivery sends to each of its recipients). */
export async function loadEventItem(db: Db, eventId: string): Promise<TimelineItem | null> {
  const row = await db
    .selectFrom('outbox_events as e')
    .leftJoin('people as a', 'a.id', 'e.actor_id')
    .select(['e.id', 'e.type', 'e.service', 'e.establishment_id', 'e.actor_id', 'a.first_name', 'a.last_name', 'e.resource_kind', 'e.resource_id', 'e.summary', 'e.created_at'])
    .where('e.id', '=', eventId)
    .executeTakeFirst();
  return row ? toTimelineItem(row) : null;
}
