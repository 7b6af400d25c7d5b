import { type Kysely, type SqlBool, sql } from 'kysely';

/**
 * Background jobs (imports…). On SQLite this table is the queue itself; on PostgreSQL pg-boss
 * delivers the jobs and this table mirrors their state, progress and result, so the admin console
 * reads one table whatever the database (see server/src/kernel/jobs/README.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    // queued | running | done | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('progress_done', 'integer')
    .addColumn('progress_total', 'integer')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('singleton_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  // SQLite claims the oldest queued job of the names it handles.
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['state', 'name', 'id']).execute();
  // At most one unfinished job per (name, singleton key): enqueue relies on it to deduplicate.
  await db.schema
    .createIndex('jobs_singleton')
    .on('jobs')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql.raw<SqlBool>("singleton_key is not null and state in ('queued', 'running')"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').ifExists().execute();
}
