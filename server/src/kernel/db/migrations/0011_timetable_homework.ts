import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Timetable (rooms, school-year calendar and holidays, weekly slots with week A/B, exceptions on
 * one day, personal calendar feeds) and the cahier de textes (sessions, homework, individual
 * targets, the students' private done marks, attachments, the management's visas).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const establishment = (c: ColumnDefinitionBuilder) => c.notNull().references('establishments.id').onDelete('cascade');
  const person = (c: ColumnDefinitionBuilder) => c.references('people.id').onDelete('cascade');

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rooms_code', ['establishment_id', 'code'])
    .execute();

  await db.schema
    .createTable('school_calendars')
    .addColumn('establishment_id', 'text', (c) => c.primaryKey().references('establishments.id').onDelete('cascade'))
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('year_start', 'text', (c) => c.notNull())
    .addColumn('year_end', 'text', (c) => c.notNull())
    .addColumn('week_a_reference', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('calendar_holidays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_holidays_days').on('calendar_holidays').columns(['establishment_id', 'first_day']).execute();

  await db.schema
    .createTable('timetable_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addColumn('teacher_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('room_id', 'text', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('weeks', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('timetable_slots_group').on('timetable_slots').columns(['group_id', 'weekday']).execute();
  await db.schema.createIndex('timetable_slots_teacher').on('timetable_slots').columns(['teacher_id', 'weekday']).execute();
  await db.schema.createIndex('timetable_slots_room').on('timetable_slots').columns(['room_id']).execute();
  await db.schema.createIndex('timetable_slots_establishment').on('timetable_slots').columns(['establishment_id', 'source']).execute();

  await db.schema
    .createTable('timetable_exceptions')
    .addColumn('slot_id', 'text', (c) => c.notNull().references('timetable_slots.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('room_id', 'text', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('teacher_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('timetable_exceptions_pk', ['slot_id', 'date'])
    .execute();
  await db.schema.createIndex('timetable_exceptions_replacement').on('timetable_exceptions').columns(['teacher_id', 'date']).execute();
  await db.schema.createIndex('timetable_exceptions_room').on('timetable_exceptions').columns(['room_id', 'date']).execute();

  // The feed URL carries a token derived from the nonce; only its hash is looked up.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('textbook_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    // The cahier de textes outlives its authors' accounts (kept five years): a purged author leaves it unsigned.
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('slot_id', 'text', (c) => c.references('timetable_slots.id').onDelete('set null'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content_html', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text', (c) => c.notNull())
    // Set once the readers were told (at publication, possibly later than the save).
    .addColumn('notified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('textbook_entries_group').on('textbook_entries').columns(['group_id', 'date']).execute();
  await db.schema.createIndex('textbook_entries_pending').on('textbook_entries').columns(['notified_at', 'publish_at']).execute();

  await db.schema
    .createTable('homework_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('textbook_entries.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('instructions_html', 'text', (c) => c.notNull())
    .addColumn('set_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('estimated_minutes', 'integer')
    .addColumn('hand_in', 'text', (c) => c.notNull())
    .addColumn('targeted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_at', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('homework_items_group_due').on('homework_items').columns(['group_id', 'due_on']).execute();
  await db.schema.createIndex('homework_items_entry').on('homework_items').columns(['entry_id']).execute();

  await db.schema
    .createTable('homework_targets')
    .addColumn('homework_id', 'text', (c) => c.notNull().references('homework_items.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => person(c).notNull())
    .addPrimaryKeyConstraint('homework_targets_pk', ['homework_id', 'student_id'])
    .execute();
  await db.schema.createIndex('homework_targets_student').on('homework_targets').columns(['student_id']).execute();

  await db.schema
    .createTable('homework_done')
    .addColumn('homework_id', 'text', (c) => c.notNull().references('homework_items.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => person(c).notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('homework_done_pk', ['student_id', 'homework_id'])
    .execute();

  await db.schema
    .createTable('textbook_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('textbook_entries.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('media_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('blob_id', 'text', (c) => c.references('stored_blobs.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('textbook_attachments_entry').on('textbook_attachments').columns(['entry_id']).execute();

  await db.schema
    .createTable('textbook_visas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.references('subjects.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('visa_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('textbook_visas_group').on('textbook_visas').columns(['group_id', 'date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'textbook_visas',
    'textbook_attachments',
    'homework_done',
    'homework_targets',
    'homework_items',
    'textbook_entries',
    'calendar_feeds',
    'timetable_exceptions',
    'timetable_slots',
    'calendar_holidays',
    'school_calendars',
    'rooms',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
