import type { Kysely } from 'kysely';

/**
 * Homework handed in online (one hand-in per student and item, its files as stored blobs), the
 * teacher's corrections (common to all, or for one student), and the end-of-year archive of the
 * cahier de textes (a frozen JSON snapshot per school year and class, kept five years).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('homework_handins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('homework_id', 'text', (c) => c.notNull().references('homework_items.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('text', 'text')
    .addColumn('handed_in_at', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('homework_handins_student', ['homework_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('homework_handin_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('handin_id', 'text', (c) => c.notNull().references('homework_handins.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('blob_id', 'text', (c) => c.notNull().references('stored_blobs.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('homework_handin_files_handin').on('homework_handin_files').columns(['handin_id']).execute();

  // student_id null: the common correction, shown to every student of the item.
  await db.schema
    .createTable('homework_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('homework_id', 'text', (c) => c.notNull().references('homework_items.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('blob_id', 'text', (c) => c.references('stored_blobs.id').onDelete('set null'))
    .addColumn('returned_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('returned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('homework_returns_item').on('homework_returns').columns(['homework_id', 'student_id']).execute();

  await db.schema
    .createTable('textbook_archives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('school_year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('textbook_archives_year', ['establishment_id', 'school_year'])
    .execute();

  // No foreign key to groups: the snapshot outlives the class it describes.
  await db.schema
    .createTable('textbook_archive_groups')
    .addColumn('archive_id', 'text', (c) => c.notNull().references('textbook_archives.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('textbook_archive_groups_pk', ['archive_id', 'group_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['textbook_archive_groups', 'textbook_archives', 'homework_returns', 'homework_handin_files', 'homework_handins']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
