import type { Kysely } from 'kysely';

/**
 * Services an establishment hides from a profile on its portal. Only hidden pairs are stored: by
 * default a profile sees every service it holds the right for, and a later service shows up
 * without a migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hidden_services')
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('hidden_by', 'text')
    .addColumn('hidden_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hidden_services_pk', ['establishment_id', 'profile', 'service_id'])
    .execute();
  // Who is a local administrator of an establishment: asked by the platform's admin list.
  await db.schema.createIndex('person_functions_establishment').on('person_functions').columns(['establishment_id', 'function']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('person_functions_establishment').ifExists().execute();
  await db.schema.dropTable('hidden_services').ifExists().execute();
}
