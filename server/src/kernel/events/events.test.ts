import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import { describeEachDatabase } from '../db/test-databases.js';
import { school } from '../testing/school.js';
import { insertWorld } from '../testing/world.js';
import { emitEvent } from './index.js';

describeEachDatabase('emitEvent', (database) => {
  const clock = fixedClock('2026-11-25T10:00:00.000Z');
  beforeAll(async () => {
    await insertWorld(database().db, school);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const { db } = database();
    await expect(
      db.transaction().execute(async (trx) => {
        await emitEvent(trx, { type: 'message.received', establishmentId: 'etab-a', actorId: 'theo', recipientIds: ['alice'], resource: { kind: 'conversation', id: 'c1' }, summary: { subject: 'Sortie' } }, clock);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await db.selectFrom('outbox_events').select('id').where('resource_id', '=', 'c1').execute();
    expect(rows).toHaveLength(0);
  });

  it('stores one outbox row and every distinct recipient', async () => {
    const { db } = database();
    await db.transaction().execute((trx) =>
      emitEvent(trx, { type: 'message.received', establishmentId: 'etab-a', actorId: 'theo', recipientIds: ['alice', 'bob', 'alice'], resource: { kind: 'conversation', id: 'c2' }, summary: { subject: 'Sortie' } }, clock),
    );
    const event = await db.selectFrom('outbox_events').selectAll().where('resource_id', '=', 'c2').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'message.received', service: 'messaging', recipient_count: 2, dispatched_at: null });
    expect(JSON.parse(event.summary)).toEqual({ subject: 'Sortie' });
    const recipients = await db.selectFrom('event_recipients').select('person_id').where('event_id', '=', event.id).orderBy('person_id').execute();
    expect(recipients.map((r) => r.person_id)).toEqual(['alice', 'bob']);
  });

  it('writes 2,000 recipients in a few statements', async () => {
    const { db } = database();
    const ids = Array.from({ length: 2000 }, (_, i) => `bulk-${String(i).padStart(4, '0')}`);
    await db
      .insertInto('people')
      .values(ids.map((id) => ({ id, source: 'manual', login: id, first_name: 'B', last_name: id, sort_key: id, state: 'active', platform_admin: 0, created_at: '2026-01-01', updated_at: '2026-01-01' })))
      .execute();
    let statements = 0;
    const counting = db.withPlugin({ transformQuery: (args) => { statements += 1; return args.node; }, transformResult: async (args) => args.result });
    await emitEvent(counting, { type: 'news.published', establishmentId: 'etab-a', actorId: 'helene', recipientIds: ids, resource: { kind: 'news', id: 'n1' }, summary: { title: 'Rentrée' } }, clock);
    expect(statements).toBeLessThanOrEqual(3);
    const count = await db.selectFrom('event_recipients').innerJoin('outbox_events', 'outbox_events.id', 'event_recipients.event_id').where('outbox_events.resource_id', '=', 'n1').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2000);
  });
});

describe('emitEvent without recipients', () => {
  it('is a no-op (nothing to deliver)', async () => {
    // No database touched: a proxy that fails on any use proves it.
    const db = new Proxy({}, { get: () => { throw new Error('touched'); } }) as never;
    await expect(emitEvent(db, { type: 'news.published', establishmentId: null, actorId: 'x', recipientIds: [], resource: { kind: 'news', id: 'n' }, summary: { title: 't' } }, fixedClock('2026-01-01'))).resolves.toBeUndefined();
  });
});
