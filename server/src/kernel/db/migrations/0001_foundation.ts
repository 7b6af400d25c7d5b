import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('establishments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uai', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('academy', 'text')
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('city', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('first_names', 'text')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('activation_code', 'text')
    .addColumn('activation_expires_at', 'text')
    .addColumn('terms_accepted_at', 'text')
    .addColumn('platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_external_id').on('people').columns(['source', 'external_id']).unique().execute();
  await db.schema.createIndex('people_sort').on('people').columns(['sort_key', 'id']).execute();

  await db.schema
    .createTable('memberships')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('profile', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['person_id', 'establishment_id', 'profile'])
    .execute();
  await db.schema.createIndex('memberships_establishment').on('memberships').columns(['establishment_id', 'profile', 'person_id']).execute();

  await db.schema
    .createTable('person_functions')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('function', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_functions_pk', ['person_id', 'establishment_id', 'function'])
    .execute();

  await db.schema
    .createTable('subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('subjects_code', ['establishment_id', 'code'])
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addUniqueConstraint('groups_name', ['establishment_id', 'kind', 'name'])
    .execute();

  await db.schema
    .createTable('group_classes')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('class_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_classes_pk', ['group_id', 'class_id'])
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('head_teacher', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'person_id', 'role'])
    .execute();
  await db.schema.createIndex('group_members_person').on('group_members').columns(['person_id', 'group_id']).execute();

  await db.schema
    .createTable('teachings')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('teachings_pk', ['group_id', 'person_id', 'subject_id'])
    .execute();
  await db.schema.createIndex('teachings_person').on('teachings').columns(['person_id']).execute();

  await db.schema
    .createTable('relatives')
    .addColumn('relative_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('legal_guardian', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('financial', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('relationship', 'text')
    .addPrimaryKeyConstraint('relatives_pk', ['relative_id', 'student_id'])
    .execute();
  await db.schema.createIndex('relatives_student').on('relatives').columns(['student_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').columns(['person_id']).execute();

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('target_id', 'text')
    .addColumn('establishment_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'auth_throttle', 'sessions', 'relatives', 'teachings', 'group_members',
    'group_classes', 'groups', 'subjects', 'person_functions', 'memberships', 'people', 'establishments']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
