import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * AAF imports cover a whole académie: the feed is streamed into these staging tables (keyed by
 * run), then read back one establishment at a time, so no process holds the académie in memory.
 * Rows are working storage only: a run deletes its own at the end, and a later run deletes those
 * left by a run that was killed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('aaf_staging')
    .addColumn('run_id', 'text', (c) => c.notNull())
    // student | relative | staff | deleted | rejected
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    // The establishment the row belongs to ('' for relatives, deletions and académie-level rejections).
    .addColumn('uai', 'text', (c) => c.notNull())
    // JSON: where the record was read (file, record number, line) and what it said.
    .addColumn('payload', 'text', (c) => c.notNull())
    // The primary key is what finds a duplicate id: a second record with the same id is not inserted.
    .addPrimaryKeyConstraint('aaf_staging_pk', ['run_id', 'kind', 'external_id'])
    .execute();
  await db.schema.createIndex('aaf_staging_establishment').on('aaf_staging').columns(['run_id', 'uai', 'kind']).execute();
  // Other establishments a staged person belongs to: staff working in several, and people whose
  // record does not name its establishment (a modifyRequest), found from the database.
  await db.schema
    .createTable('aaf_staging_members')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('uai', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aaf_staging_members_pk', ['run_id', 'uai', 'kind', 'external_id'])
    .execute();

  // Progress of a run outside the job queue (an académie run from the CLI), and when it last moved.
  await db.schema.alterTable('import_runs').addColumn('progress_done', 'integer').execute();
  await db.schema.alterTable('import_runs').addColumn('progress_total', 'integer').execute();
  await db.schema.alterTable('import_runs').addColumn('progress_at', 'text').execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // New logins are allocated by prefix ("marie.martin%"); without C collation a plain btree cannot
    // serve LIKE, and every batch of an académie import would scan the whole people table.
    await sql`create index people_login_prefix on people (login text_pattern_ops)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop index if exists people_login_prefix`.execute(db);
  await db.schema.alterTable('import_runs').dropColumn('progress_at').execute();
  await db.schema.alterTable('import_runs').dropColumn('progress_total').execute();
  await db.schema.alterTable('import_runs').dropColumn('progress_done').execute();
  await db.schema.dropTable('aaf_staging_members').ifExists().execute();
  await db.schema.dropTable('aaf_staging').ifExists().execute();
}
