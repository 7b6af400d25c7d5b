import type { Kysely } from 'kysely';

/**
 * Imports: the ids each source knows a person by, where an account's data comes from, which
 * fields the person set themselves, leavers, and the history of import runs with their reports.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person_sources')
    .addColumn('source', 'text', (c) => c.notNull())
    // SIECLE and STS ids are only unique within one establishment's base: scope them by UAI ('' for national ids).
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('person_sources_pk', ['source', 'scope', 'external_id'])
    .execute();
  await db.schema.createIndex('person_sources_person').on('person_sources').columns(['person_id']).execute();

  await db.schema.alterTable('people').addColumn('national_id', 'text').execute();
  await db.schema.alterTable('people').addColumn('email_set_by_user', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('people').addColumn('left_at', 'text').execute();
  await db.schema.createIndex('people_national_id').on('people').columns(['national_id']).execute();
  await db.schema.createIndex('people_identity').on('people').columns(['sort_key', 'birth_date']).execute();

  await db.schema.alterTable('memberships').addColumn('source', 'text').execute();
  await db.schema.alterTable('group_members').addColumn('source', 'text').execute();
  await db.schema.alterTable('relatives').addColumn('source', 'text').execute();
  await db.schema.createIndex('groups_external_id').on('groups').columns(['establishment_id', 'external_id']).execute();

  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.references('establishments.id').onDelete('cascade'))
    .addColumn('uai', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('import_runs_establishment').on('import_runs').columns(['establishment_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_runs').ifExists().execute();
  await db.schema.dropTable('person_sources').ifExists().execute();
}
