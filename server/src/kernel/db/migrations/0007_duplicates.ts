import { type Kysely, sql } from 'kysely';

/**
 * Duplicate accounts: proposals of "probably the same person" kept with their reason and the admin's
 * decision (a dismissal is remembered so the pair is not proposed again), and the link from a
 * retired account to the one it was merged into.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('merged_into', 'text').execute();

  await db.schema
    .createTable('duplicate_candidates')
    // person_a || '~' || person_b: computable in SQL, so candidates are inserted set-wise.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_a', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('person_b', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('kept_id', 'text')
    .addUniqueConstraint('duplicate_candidates_pair', ['person_a', 'person_b'])
    .execute();
  await db.schema.createIndex('duplicate_candidates_status').on('duplicate_candidates').columns(['status', 'detected_at', 'id']).execute();
  await db.schema.createIndex('duplicate_candidates_person_b').on('duplicate_candidates').columns(['person_b']).execute();

  // Same normalised name (see duplicates.keys.ts: the expression must stay identical to be used).
  // Birth date and e-mail ride along so homonyms are told apart in the index, before any row is read.
  await sql`create index people_match_name on people ((replace(replace(replace(replace(replace(sort_key, '-', ''), ' ', ''), '''', ''), '’', ''), '.', '')), birth_date, lower(email))`.execute(db);
  // The same source id known in two establishments (an STS-web EPP id of a teacher in two schools).
  await db.schema.createIndex('person_sources_external').on('person_sources').columns(['source', 'external_id']).execute();
  // SIECLE and STS-web ids are numbered per establishment (person_sources scopes them by UAI): the
  // same ELEVE_ID in two schools, or a teacher's EPP id in both of theirs, must not fail an import.
  await db.schema.dropIndex('people_external_id').execute();
  await db.schema.createIndex('people_external_id').on('people').columns(['source', 'external_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_external_id').execute();
  await db.schema.createIndex('people_external_id').on('people').columns(['source', 'external_id']).unique().execute();
  await db.schema.dropIndex('person_sources_external').ifExists().execute();
  await db.schema.dropIndex('people_match_name').ifExists().execute();
  await db.schema.dropTable('duplicate_candidates').ifExists().execute();
  await db.schema.alterTable('people').dropColumn('merged_into').execute();
}
