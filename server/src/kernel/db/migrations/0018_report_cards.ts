import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Report cards (bulletins): one council per class and period (open for comments → closed, the
 * figures frozen → published at a chosen time), the subject teachers' appreciations per student,
 * and per student the general appreciation and the council's decisions. The period is copied
 * (name, dates) and has no foreign key: the head replaces the periods as a whole, and a bulletin
 * outlives that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.references('people.id').onDelete('set null');

  await db.schema
    .createTable('report_card_councils')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('period_id', 'text', (c) => c.notNull())
    .addColumn('period_name', 'text', (c) => c.notNull())
    .addColumn('period_starts_on', 'text', (c) => c.notNull())
    .addColumn('period_ends_on', 'text', (c) => c.notNull())
    .addColumn('last_period', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    // The figures of every student, computed once when the council closes.
    .addColumn('snapshot_json', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', person)
    .addColumn('publish_at', 'text')
    .addColumn('notified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_card_councils_group_period', ['group_id', 'period_id'])
    .execute();
  await db.schema.createIndex('report_card_councils_due').on('report_card_councils').columns(['notified_at', 'publish_at']).execute();

  await db.schema
    .createTable('report_card_appreciations')
    .addColumn('council_id', 'text', (c) => c.notNull().references('report_card_councils.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', person)
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_card_appreciations_pk', ['council_id', 'student_id', 'subject_id'])
    .execute();

  await db.schema
    .createTable('report_card_students')
    .addColumn('council_id', 'text', (c) => c.notNull().references('report_card_councils.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('general_appreciation', 'text')
    .addColumn('general_author_id', 'text', person)
    .addColumn('distinction', 'text')
    .addColumn('work_warning', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('behaviour_warning', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('orientation', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_card_students_pk', ['council_id', 'student_id'])
    .execute();
  await db.schema.createIndex('report_card_students_student').on('report_card_students').columns(['student_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_card_students', 'report_card_appreciations', 'report_card_councils']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
