import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Attendance: each establishment's settings (half-day boundary, delay before a register counts as
 * forgotten) and reasons, the registers of the timetable's lessons with the marks saved before
 * submission, collective absences, exemptions, and `attendance_events`: the one record of absences,
 * lateness and early departures that counting, statistics, justification and notifications read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const establishment = (c: ColumnDefinitionBuilder) => c.notNull().references('establishments.id').onDelete('cascade');
  const student = (c: ColumnDefinitionBuilder) => c.notNull().references('people.id').onDelete('cascade');
  // Records outlive their author's account.
  const author = (c: ColumnDefinitionBuilder) => c.references('people.id').onDelete('set null');

  await db.schema
    .createTable('attendance_settings')
    .addColumn('establishment_id', 'text', (c) => c.primaryKey().references('establishments.id').onDelete('cascade'))
    .addColumn('half_day_boundary', 'text', (c) => c.notNull().defaultTo('12:30'))
    .addColumn('forgotten_after_minutes', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', author)
    .execute();

  await db.schema
    .createTable('attendance_reasons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('counts_as_justified', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('attendance_reasons_code', ['establishment_id', 'code'])
    .execute();

  await db.schema
    .createTable('attendance_registers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    // No foreign key: a roll call taken stays when the timetable is re-imported and its slots replaced.
    .addColumn('slot_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.references('subjects.id').onDelete('set null'))
    .addColumn('teacher_id', 'text', author)
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text', author)
    // Vie scolaire is told once that the register was not taken.
    .addColumn('forgotten_notified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('attendance_registers_lesson', ['slot_id', 'date'])
    .execute();
  await db.schema.createIndex('attendance_registers_day').on('attendance_registers').columns(['establishment_id', 'date', 'state']).execute();
  await db.schema.createIndex('attendance_registers_teacher').on('attendance_registers').columns(['teacher_id', 'date']).execute();

  // What the teacher marked, saved before (and kept after) submission; events are derived from it.
  await db.schema
    .createTable('attendance_marks')
    .addColumn('register_id', 'text', (c) => c.notNull().references('attendance_registers.id').onDelete('cascade'))
    .addColumn('student_id', 'text', student)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('reason_id', 'text', (c) => c.references('attendance_reasons.id').onDelete('set null'))
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_marks_pk', ['register_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('attendance_collectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('reason_id', 'text', (c) => c.references('attendance_reasons.id').onDelete('set null'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', author)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_collectives_group').on('attendance_collectives').columns(['group_id', 'starts_at']).execute();

  await db.schema
    .createTable('attendance_exemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('student_id', 'text', student)
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('must_attend', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_by', 'text', author)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_exemptions_student').on('attendance_exemptions').columns(['student_id', 'starts_on']).execute();

  await db.schema
    .createTable('attendance_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('student_id', 'text', student)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('reason_id', 'text', (c) => c.references('attendance_reasons.id').onDelete('set null'))
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo('unjustified'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('register_id', 'text', (c) => c.references('attendance_registers.id').onDelete('set null'))
    .addColumn('collective_id', 'text', (c) => c.references('attendance_collectives.id').onDelete('cascade'))
    .addColumn('comment', 'text')
    // Set when a register no longer marks the student but the event was kept for its justification.
    .addColumn('flag', 'text')
    .addColumn('created_by', 'text', author)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_events_student').on('attendance_events').columns(['student_id', 'starts_at']).execute();
  await db.schema.createIndex('attendance_events_day').on('attendance_events').columns(['establishment_id', 'starts_at']).execute();
  await db.schema.createIndex('attendance_events_register').on('attendance_events').columns(['register_id']).execute();
  await db.schema.createIndex('attendance_events_collective').on('attendance_events').columns(['collective_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'attendance_events',
    'attendance_exemptions',
    'attendance_collectives',
    'attendance_marks',
    'attendance_registers',
    'attendance_reasons',
    'attendance_settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
