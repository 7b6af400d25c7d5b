import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Communication rules (who may start a conversation with whom, per establishment) and the
 * messaging service: conversations, messages, their addresses as written, one mailbox row per
 * holder (author and each expanded recipient), user folders, attachments and their bytes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  // Present once an establishment changed its rules; absent, Préau's defaults apply.
  await db.schema
    .createTable('communication_rule_sets')
    .addColumn('establishment_id', 'text', (c) => c.primaryKey().references('establishments.id').onDelete('cascade'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('communication_rules')
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('sender_profile', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('communication_rules_pk', ['establishment_id', 'sender_profile', 'target'])
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('no_reply', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_message_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('parent_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('preview', 'text', (c) => c.notNull())
    // Folded subject, text and author name: the owner's search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('no_reply', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recipient_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('messages_conversation').on('messages').columns(['conversation_id', 'created_at']).execute();

  await db.schema
    .createTable('message_addresses')
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_addresses_pk', ['message_id', 'kind', 'target_type', 'target_id'])
    .execute();

  await db.schema
    .createTable('message_folders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('message_folders_name', ['person_id', 'establishment_id', 'name'])
    .execute();

  // One row per person holding a message: its author (sent or draft) and each expanded recipient.
  await db.schema
    .createTable('mailbox_items')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('establishment_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    // author | to | cc | bcc
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('folder_id', 'text', (c) => c.references('message_folders.id').onDelete('set null'))
    .addColumn('trashed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('read_at', 'text')
    .addColumn('sort_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mailbox_items_pk', ['person_id', 'message_id'])
    .execute();
  await db.schema.createIndex('mailbox_items_listing').on('mailbox_items').columns(['person_id', 'establishment_id', 'sort_at', 'message_id']).execute();
  await db.schema.createIndex('mailbox_items_message').on('mailbox_items').columns(['message_id', 'role']).execute();
  await db.schema.createIndex('mailbox_items_conversation').on('mailbox_items').columns(['conversation_id', 'person_id']).execute();

  // Bytes of stored files, in the database so that every Préau process reads the same ones.
  await db.schema
    .createTable('stored_blobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bytes', postgres ? sql`bytea` : 'blob', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('message_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'text', (c) => c.notNull().references('establishments.id').onDelete('cascade'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('blob_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('message_files_owner').on('message_files').columns(['owner_id']).execute();

  await db.schema
    .createTable('message_attachments')
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('message_files.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_attachments_pk', ['message_id', 'file_id'])
    .execute();
  await db.schema.createIndex('message_attachments_file').on('message_attachments').columns(['file_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['message_attachments', 'message_files', 'stored_blobs', 'mailbox_items', 'message_folders', 'message_addresses',
    'messages', 'conversations', 'communication_rules', 'communication_rule_sets']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
