import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Grades: periods of the school year per establishment (trimesters or semesters), assessments per
 * class or group and subject (scale, coefficient, optional or bonus, publication times for students
 * and for relatives), one grade per student and assessment (a value in hundredths or a special
 * value), and the subject coefficients of each class for the general average.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const establishment = (c: ColumnDefinitionBuilder) => c.notNull().references('establishments.id').onDelete('cascade');

  await db.schema
    .createTable('grade_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grade_periods_establishment').on('grade_periods').columns(['establishment_id', 'starts_on']).execute();

  await db.schema
    .createTable('grade_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    // The record outlives its author's account.
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scale_centi', 'integer', (c) => c.notNull())
    .addColumn('coefficient_centi', 'integer', (c) => c.notNull())
    .addColumn('students_at', 'text')
    .addColumn('relatives_at', 'text')
    // Each audience is told once, when its publication time comes.
    .addColumn('notified_at', 'text')
    .addColumn('relatives_notified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grade_assessments_group').on('grade_assessments').columns(['group_id', 'date']).execute();
  await db.schema.createIndex('grade_assessments_due').on('grade_assessments').columns(['notified_at', 'students_at']).execute();

  await db.schema
    .createTable('grade_entries')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('grade_assessments.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('value_centi', 'integer')
    .addColumn('special', 'text')
    .addColumn('counts_as_zero', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grade_entries_pk', ['assessment_id', 'student_id'])
    .execute();
  await db.schema.createIndex('grade_entries_student').on('grade_entries').columns(['student_id']).execute();

  await db.schema
    .createTable('grade_subject_coefficients')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('coefficient_centi', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('grade_subject_coefficients_pk', ['group_id', 'subject_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['grade_subject_coefficients', 'grade_entries', 'grade_assessments', 'grade_periods']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
