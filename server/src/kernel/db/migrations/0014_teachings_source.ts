import { type Kysely, sql } from 'kysely';

/**
 * Who owns a teaching (a teacher's subject in a class): the import that fed it, or nobody (null:
 * attached by hand in the admin console). An import replaces only the teachings it owns, as it
 * already does for class members (group_members.source).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('teachings').addColumn('source', 'text').execute();
  // Until now only imports wrote teachings: each belongs to the import that fed the membership.
  await sql`update teachings set source = coalesce(
    (select gm.source from group_members gm
      where gm.group_id = teachings.group_id and gm.person_id = teachings.person_id and gm.role = 'teacher' and gm.source is not null),
    'sts')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('teachings').dropColumn('source').execute();
}
