import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Justifying absences online: each justification (or declaration in advance) with its reason,
 * comment, optional document and decision, the attendance events it covers, and every step in a
 * history table. `attendance_event_followups` marks each new event as handled once (relatives
 * notified, or linked to a declaration); alert thresholds per establishment and, per student and
 * month, whether the threshold is crossed, so vie scolaire hears once per crossing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const establishment = (c: ColumnDefinitionBuilder) => c.notNull().references('establishments.id').onDelete('cascade');
  const person = (c: ColumnDefinitionBuilder) => c.references('people.id').onDelete('set null');

  await db.schema
    .createTable('attendance_justifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // 'justification' (after the fact) or 'declaration' (in advance).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('reason_id', 'text', (c) => c.references('attendance_reasons.id').onDelete('set null'))
    .addColumn('comment', 'text')
    .addColumn('blob_id', 'text', (c) => c.references('stored_blobs.id').onDelete('set null'))
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('file_size', 'integer')
    // 'pending' | 'justified' | 'refused'.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', person)
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', person)
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text')
    .execute();
  await db.schema.createIndex('attendance_justifications_queue').on('attendance_justifications').columns(['establishment_id', 'state', 'submitted_at']).execute();
  await db.schema.createIndex('attendance_justifications_student').on('attendance_justifications').columns(['student_id', 'starts_at']).execute();

  await db.schema
    .createTable('attendance_justification_events')
    .addColumn('justification_id', 'text', (c) => c.notNull().references('attendance_justifications.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('attendance_events.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('attendance_justification_events_pk', ['justification_id', 'event_id'])
    .execute();
  await db.schema.createIndex('attendance_justification_events_event').on('attendance_justification_events').columns(['event_id']).execute();

  await db.schema
    .createTable('attendance_justification_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('justification_id', 'text', (c) => c.references('attendance_justifications.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.references('attendance_events.id').onDelete('set null'))
    .addColumn('actor_id', 'text', person)
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_justification_history_justification').on('attendance_justification_history').columns(['justification_id']).execute();
  await db.schema.createIndex('attendance_justification_history_event').on('attendance_justification_history').columns(['event_id']).execute();

  await db.schema
    .createTable('attendance_event_followups')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('attendance_events.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', establishment)
    // When relatives were told (null: nothing to tell, e.g. linked to a declaration).
    .addColumn('notified_at', 'text')
    .addColumn('handled_at', 'text', (c) => c.notNull())
    .execute();
  // The follow-up job reads the events created in the last days each minute: by creation time, not a scan.
  await db.schema.createIndex('attendance_events_created').on('attendance_events').columns(['created_at']).execute();

  await db.schema
    .createTable('attendance_alert_settings')
    .addColumn('establishment_id', 'text', (c) => c.primaryKey().references('establishments.id').onDelete('cascade'))
    .addColumn('unjustified_half_days', 'integer', (c) => c.notNull().defaultTo(4))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', person)
    .execute();

  await db.schema
    .createTable('attendance_alert_states')
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('above', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('raised_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('attendance_alert_states_pk', ['student_id', 'month'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('attendance_events_created').ifExists().execute();
  for (const table of ['attendance_alert_states', 'attendance_alert_settings', 'attendance_event_followups', 'attendance_justification_history', 'attendance_justification_events', 'attendance_justifications']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
