import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

/**
 * Skills (compétences du socle commun): the establishment's own skills under a component (per
 * subject, or shared), skill assessments of a class or group and subject (alone, or beside a
 * graded assessment whose publication they then follow), the skills each one assesses, and one
 * result per student and assessed skill (a level 1–4, or absent). The socle's domains and
 * components are reference data in code (packages/contracts/src/skills.ts), not rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const establishment = (c: ColumnDefinitionBuilder) => c.notNull().references('establishments.id').onDelete('cascade');

  await db.schema
    .createTable('skill_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('component', 'text', (c) => c.notNull())
    // null: shared by every subject.
    .addColumn('subject_id', 'text', (c) => c.references('subjects.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_items_establishment').on('skill_items').columns(['establishment_id', 'component']).execute();

  await db.schema
    .createTable('skill_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', establishment)
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
    // Skills assessed beside a graded assessment belong to it: deleting it deletes them.
    .addColumn('grade_assessment_id', 'text', (c) => c.references('grade_assessments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    // Used only without a graded assessment (beside one, its own times apply).
    .addColumn('students_at', 'text')
    .addColumn('relatives_at', 'text')
    // Each audience is told once (skills alone; beside a grade, grades announce it).
    .addColumn('notified_at', 'text')
    .addColumn('relatives_notified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_assessments_group').on('skill_assessments').columns(['group_id', 'subject_id', 'date']).execute();
  await db.schema.createIndex('skill_assessments_due').on('skill_assessments').columns(['notified_at', 'students_at']).execute();
  await db.schema.createIndex('skill_assessments_grade').on('skill_assessments').columns(['grade_assessment_id']).execute();

  await db.schema
    .createTable('skill_assessment_skills')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('skill_assessments.id').onDelete('cascade'))
    .addColumn('component', 'text', (c) => c.notNull())
    // null: the component as a whole. An item once assessed is deactivated, never deleted.
    .addColumn('item_id', 'text', (c) => c.references('skill_items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('skill_assessment_skills_assessment').on('skill_assessment_skills').columns(['assessment_id', 'position']).execute();
  await db.schema.createIndex('skill_assessment_skills_item').on('skill_assessment_skills').columns(['item_id']).execute();

  await db.schema
    .createTable('skill_results')
    .addColumn('skill_id', 'text', (c) => c.notNull().references('skill_assessment_skills.id').onDelete('cascade'))
    .addColumn('student_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // 1–4, or null when absent.
    .addColumn('level', 'integer')
    .addColumn('absent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('skill_results_pk', ['skill_id', 'student_id'])
    .execute();
  await db.schema.createIndex('skill_results_student').on('skill_results').columns(['student_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['skill_results', 'skill_assessment_skills', 'skill_assessments', 'skill_items']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
