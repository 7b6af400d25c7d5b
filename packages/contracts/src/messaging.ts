import { z } from 'zod';
import { EstablishmentParams } from './directory.js';
import { PageQuery, pageOf } from './pagination.js';

export const MAX_ADDRESSES = 100;
export const MAX_ATTACHMENTS = 10;
export const MAX_SUBJECT = 200;
/** Rich text as sent by the editor, before sanitising (about 200 KB of text). */
export const MAX_BODY = 200_000;

/** Who a message is addressed to: a person, a class or group, or the relatives of its students. */
export const Address = z.object({
  type: z.enum(['person', 'group', 'group_relatives']),
  id: z.string().min(1).max(64),
});
export type Address = z.infer<typeof Address>;
export const AddressView = Address.extend({ label: z.string() });
export type AddressView = z.infer<typeof AddressView>;

const Addresses = z.array(Address).max(MAX_ADDRESSES).default([]);

export const MessageInput = z.object({
  subject: z.string().trim().max(MAX_SUBJECT).default(''),
  body: z.string().max(MAX_BODY).default(''),
  to: Addresses,
  cc: Addresses,
  bcc: Addresses,
  /** An announcement: recipients cannot answer (teachers and staff only). */
  noReply: z.boolean().default(false),
  /** The message this one answers: it joins that conversation. */
  replyTo: z.string().min(1).max(64).optional(),
  /** The message this one forwards: its attachments come along. */
  forwardOf: z.string().min(1).max(64).optional(),
  attachmentIds: z.array(z.string().min(1).max(64)).max(MAX_ATTACHMENTS).default([]),
  /** Keep as a draft instead of sending. */
  draft: z.boolean().default(false),
});
export type MessageInput = z.input<typeof MessageInput>;

export const SYSTEM_FOLDERS = ['inbox', 'sent', 'drafts', 'trash'] as const;
export type SystemFolder = (typeof SYSTEM_FOLDERS)[number];
export const MessagesQuery = PageQuery.extend({
  /** A system folder or the id of one of the user's folders. */
  folder: z.string().min(1).max(64).default('inbox'),
  q: z.string().trim().max(100).optional(),
});

export const MessagePerson = z.object({ id: z.string(), displayName: z.string() });
export type MessagePerson = z.infer<typeof MessagePerson>;

export const MessageRole = z.enum(['author', 'to', 'cc', 'bcc']);
export const MessageSummary = z.object({
  id: z.string(),
  conversationId: z.string(),
  subject: z.string(),
  preview: z.string(),
  from: MessagePerson,
  /** The addresses written by the sender (to, then cc), labelled: "Parents de 5B", "Alice MARTIN". */
  to: z.array(z.string()),
  state: z.enum(['draft', 'sent']),
  role: MessageRole,
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
  read: z.boolean(),
  hasAttachments: z.boolean(),
  noReply: z.boolean(),
  recipientCount: z.number().int(),
});
export type MessageSummary = z.infer<typeof MessageSummary>;
export const MessagesPage = pageOf(MessageSummary);
export type MessagesPage = z.infer<typeof MessagesPage>;

export const MessageAttachment = z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number().int() });
export type MessageAttachment = z.infer<typeof MessageAttachment>;

export const MessageView = z.object({
  id: z.string(),
  conversationId: z.string(),
  parentId: z.string().nullable(),
  subject: z.string(),
  /** Sanitised HTML. */
  body: z.string(),
  from: MessagePerson,
  to: z.array(AddressView),
  cc: z.array(AddressView),
  /** Only the author sees the blind copies (a blind-copied recipient sees only themselves here). */
  bcc: z.array(AddressView),
  state: z.enum(['draft', 'sent']),
  role: MessageRole,
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
  readAt: z.string().nullable(),
  noReply: z.boolean(),
  recipientCount: z.number().int(),
  attachments: z.array(MessageAttachment),
  /** The viewer may answer this message (not an announcement, not their own draft). */
  canReply: z.boolean(),
  /** Where the viewer keeps it: a system folder or a folder id. */
  folder: z.string(),
});
export type MessageView = z.infer<typeof MessageView>;

export const Thread = z.object({
  conversation: z.object({ id: z.string(), subject: z.string(), noReply: z.boolean() }),
  /** The messages of the conversation the viewer holds, oldest first. */
  messages: z.array(MessageView),
  focusId: z.string(),
});
export type Thread = z.infer<typeof Thread>;

export const FolderCount = z.object({ id: z.string(), name: z.string().nullable(), unread: z.number().int(), total: z.number().int() });
export type FolderCount = z.infer<typeof FolderCount>;
export const Mailbox = z.object({
  system: z.array(FolderCount),
  folders: z.array(FolderCount),
  quota: z.object({ used: z.number().int(), limit: z.number().int() }),
  /** The viewer may send announcements (messages that cannot be answered). */
  canAnnounce: z.boolean(),
});
export type Mailbox = z.infer<typeof Mailbox>;

export const FolderInput = z.object({ name: z.string().trim().min(1).max(60) });
export const MessageParams = EstablishmentParams.extend({ messageId: z.string().min(1).max(64) });
export const FolderParams = EstablishmentParams.extend({ folderId: z.string().min(1).max(64) });
export const MessageFileParams = EstablishmentParams.extend({ fileId: z.string().min(1).max(64) });
export const MoveInput = z.object({ folder: z.string().min(1).max(64) });
export const ReadInput = z.object({ read: z.boolean() });

export const Receipt = z.object({ person: MessagePerson, role: MessageRole, readAt: z.string().nullable() });
export const ReceiptsQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const Receipts = pageOf(Receipt).extend({ total: z.number().int(), read: z.number().int() });
export type Receipts = z.infer<typeof Receipts>;
