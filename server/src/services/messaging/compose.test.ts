import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { loginAs, testApp } from '../../kernel/testing/test-app.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { messagingWorld } from './testing/world.js';

/** Counts the statements the app sends, to show that a send does not grow with its recipients. */
function countingPlugin() {
  const counter = { statements: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counter.statements += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { counter, plugin };
}

describeEachDatabase('messaging: set-based send', (database) => {
  it('sends to a class of 2,000 with as many statements as to a class of 3', async () => {
    const db = database().db;
    await insertWorld(db, messagingWorld);
    const now = '2026-09-01T08:00:00.000Z';
    const ids = Array.from({ length: 2000 }, (_, i) => `big-${String(i).padStart(4, '0')}`);
    await db.insertInto('groups').values({ id: 'a-big', establishment_id: 'etab-a', external_id: null, kind: 'teaching_group', name: 'Cross du collège', level: null }).execute();
    for (let i = 0; i < ids.length; i += 400) {
      const chunk = ids.slice(i, i + 400);
      await db
        .insertInto('people')
        .values(chunk.map((id) => ({ id, external_id: null, source: 'test', login: id, first_name: 'Élève', last_name: id, sort_key: `${id} eleve`, birth_date: null, email: null, phone: null, state: 'active', password_hash: null, activation_code: null, activation_expires_at: null, terms_accepted_at: null, platform_admin: 0, created_at: now, updated_at: now })))
        .execute();
      await db.insertInto('memberships').values(chunk.map((id) => ({ person_id: id, establishment_id: 'etab-a', profile: 'student' }))).execute();
      await db.insertInto('group_members').values(chunk.map((id) => ({ group_id: 'a-big', person_id: id, role: 'student', head_teacher: 0 }))).execute();
    }
    await db.insertInto('group_members').values({ group_id: 'a-big', person_id: 'theo', role: 'teacher', head_teacher: 0 }).execute();

    const { counter, plugin } = countingPlugin();
    const env = await testApp({ ...database(), db: db.withPlugin(plugin) });
    const theo = await loginAs(env.app, 'theo.petit');
    const send = async (groupId: string) => {
      const before = counter.statements;
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/messaging/establishments/etab-a/messages',
        headers: theo.headers,
        payload: { subject: 'Cross', body: '<p>Départ 14 h</p>', to: [{ type: 'group', id: groupId }] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return { recipients: res.json().recipientCount, statements: counter.statements - before };
    };
    const small = await send('a-5b');
    const big = await send('a-big');
    expect(small.recipients).toBe(3);
    expect(big.recipients).toBe(2000);
    // The event outbox writes its recipients 1,000 per statement: one more statement per thousand.
    expect(big.statements).toBeLessThanOrEqual(small.statements + 2);
    const rows = await db.selectFrom('mailbox_items').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'to').executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(2003);
    await env.app.close();
  });
});
