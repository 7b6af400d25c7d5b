import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Distinct statements a process names; beyond, statements run unnamed. Each connection keeps a plan
 * per name in the server's memory, so this bounds it (with the pool size) to some tens of MB.
 */
const MAX_NAMED = 500;
/** Long `in (…)` lists make a new text for every length: those run unnamed. */
const MAX_VALUES = 64;
/** Longer texts are bulk writes (multi-row inserts): preparing them would only fill the server's memory. */
const MAX_TEXT = 8_000;

/**
 * Makes every client of the pool run Préau's queries as named prepared statements. PostgreSQL then
 * parses and plans each distinct query once per connection instead of on every call: for the small
 * queries of a page (a few ms of planning against under a millisecond of execution) that is most of
 * the database's time. Kysely sends its SQL as plain (text, values) calls, so the client's `query`
 * is wrapped once, when the pool opens the connection.
 */
export function prepareStatementsOn(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    if (text.length > MAX_TEXT || !/^\s*(select|insert|update|delete|with)\b/i.test(text)) return undefined;
    let name = names.get(text);
    if (!name && names.size < MAX_NAMED) {
      name = `preau_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof config === 'string' && Array.isArray(values) && values.length <= MAX_VALUES ? nameOf(config) : undefined;
      if (name) return query({ name, text: config, values }, callback);
      return query(config, values, callback);
    };
  });
}
