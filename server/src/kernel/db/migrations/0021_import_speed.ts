import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * New logins are allocated per "prenom.nom" stem: the logins a stem has ("lea.martin",
 * "lea.martin2"…) are found by equality on the login without its trailing digits, one indexed
 * probe per name, where a `LIKE 'lea.martin%'` per name got slower as an académie filled up.
 * An index on the expression, not a column: every writer of `people` keeps it right for free.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index people_login_base on people (rtrim(login, '0123456789'))`.execute(db);
  // The prefix index served only the LIKE allocation (the console's search is a substring match).
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop index if exists people_login_prefix`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`create index if not exists people_login_prefix on people (login text_pattern_ops)`.execute(db);
  await sql`drop index if exists people_login_base`.execute(db);
}
