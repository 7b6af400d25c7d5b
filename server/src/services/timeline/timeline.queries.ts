import type { MarkRead, NotificationService, TimelineItem, TimelineQuery } from '@preau/contracts';
import type { Db } from '../../kernel/db/database.js';
import { decodeCursor, paginate } from '../../kernel/http/pagination.js';
import { type ItemRow, toTimelineItem } from '../../kernel/notify/index.js';

/** One page of a person's timeline, newest first (the event id orders by creation). */
export async function listTimeline(db: Db, personId: string, query: TimelineQuery) {
  const after = decodeCursor(query.cursor, 1);
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('outbox_events as e', 'e.id', 'n.event_id')
    .leftJoin('people as a', 'a.id', 'e.actor_id')
    .select(['e.id', 'e.type', 'e.service', 'e.establishment_id', 'e.actor_id', 'a.first_name', 'a.last_name', 'e.resource_kind', 'e.resource_id', 'e.summary', 'e.created_at', 'n.read_at'])
    .where('n.person_id', '=', personId)
    .where('n.web', '=', 1);
  if (query.service) q = q.where('n.service', '=', query.service);
  if (query.unread === 'true') q = q.where('n.read_at', 'is', null);
  if (query.unread === 'false') q = q.where('n.read_at', 'is not', null);
  if (after?.[0]) q = q.where('n.event_id', '<', after[0]);
  const rows = await q.orderBy('n.event_id', 'desc').limit(query.limit + 1).execute();
  const page = paginate(rows as ItemRow[], query.limit, (r) => [r.id]);
  return { items: page.items.map(toTimelineItem) as TimelineItem[], nextCursor: page.nextCursor };
}

/** Unread items, in all and per service (the bell and the filter's badges), in one query. */
export async function unreadCounts(db: Db, personId: string) {
  const rows = await db
    .selectFrom('notifications')
    .select(['service', (eb) => eb.fn.countAll<number>().as('n')])
    .where('person_id', '=', personId)
    .where('web', '=', 1)
    .where('read_at', 'is', null)
    .groupBy('service')
    .execute();
  const byService: Partial<Record<NotificationService, number>> = {};
  let unread = 0;
  for (const r of rows) {
    byService[r.service as NotificationService] = Number(r.n);
    unread += Number(r.n);
  }
  return { unread, byService };
}

/** Marks read, only among the person's own notifications (others' ids simply match nothing). */
export async function markRead(db: Db, personId: string, request: MarkRead, now: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('person_id', '=', personId).where('read_at', 'is', null);
  if ('ids' in request) q = q.where('event_id', 'in', request.ids);
  else if (request.service) q = q.where('service', '=', request.service);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
