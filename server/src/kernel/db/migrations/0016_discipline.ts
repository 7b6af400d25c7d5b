import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Discipline: incidents (what happened, where, when, who was involved and how) and the measures
 * taken (punitions scolaires given by any teacher or education staff, sanctions pronounced by the
 * head or the conseil de discipline). Families see them once published; every change is kept in
 * `discipline_history`. Incident types are configurable per establishment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const establishment = (c: ColumnDefinitionBuilder) => c.notNull().references('establishments.id').onDelete('cascade');
  // Records outlive their author's account.
  const person = (c: ColumnDefinitionBuilder) => c.references('people.id').onDelete('set null');

  await db.schema
    .createTable('discipline_incident_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('discipline_incident_types_code', ['establishment_id', 'code'])
    .execute();

  await db.schema
    .createTable('discipline_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('type_id', 'text', (c) => c.notNull().references('discipline_incident_types.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', person)
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', person)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discipline_incidents_establishment').on('discipline_incidents').columns(['establishment_id', 'occurred_at']).execute();

  await db.schema
    .createTable('discipline_incident_students')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('discipline_incidents.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('discipline_incident_students_pk', ['incident_id', 'student_id'])
    .execute();
  await db.schema.createIndex('discipline_incident_students_student').on('discipline_incident_students').columns(['student_id']).execute();

  await db.schema
    .createTable('discipline_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.references('discipline_incidents.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // 'punishment' (punition scolaire) or 'sanction' (disciplinary sanction), derived from the kind.
    .addColumn('category', 'text', (c) => c.notNull())
    // For sanctions: 'head' or 'council' (conseil de discipline).
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    // Detention: when and how long; exclusions: from and to (dates, inclusive).
    .addColumn('scheduled_at', 'text')
    .addColumn('duration_minutes', 'integer')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('decided_by', 'text', person)
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', person)
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discipline_measures_student').on('discipline_measures').columns(['student_id', 'decided_on']).execute();
  await db.schema.createIndex('discipline_measures_establishment').on('discipline_measures').columns(['establishment_id', 'decided_on']).execute();

  await db.schema
    .createTable('discipline_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('incident_id', 'text', (c) => c.references('discipline_incidents.id').onDelete('cascade'))
    .addColumn('measure_id', 'text', (c) => c.references('discipline_measures.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', person)
    .addColumn('action', 'text', (c) => c.notNull())
    // A JSON snapshot of the record after the change.
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discipline_history_incident').on('discipline_history').columns(['incident_id']).execute();
  await db.schema.createIndex('discipline_history_measure').on('discipline_history').columns(['measure_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['discipline_history', 'discipline_measures', 'discipline_incident_students', 'discipline_incidents', 'discipline_incident_types']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
