import type { Kysely } from 'kysely';

/** Imports run as background jobs: each run remembers its job (for progress), its options and why it failed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').addColumn('job_id', 'text').execute();
  await db.schema.alterTable('import_runs').addColumn('error', 'text').execute();
  await db.schema.alterTable('import_runs').addColumn('options', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('import_runs').dropColumn('options').execute();
  await db.schema.alterTable('import_runs').dropColumn('error').execute();
  await db.schema.alterTable('import_runs').dropColumn('job_id').execute();
}
