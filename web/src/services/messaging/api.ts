import type { Address, Mailbox, MessageAttachment, MessageInput, MessagesPage, Receipts, RecipientsResult, Thread } from '@preau/contracts';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/messaging/establishments/${encodeURIComponent(establishmentId)}`;

export type Saved = { id: string; conversationId: string; state: 'draft' | 'sent'; recipientCount: number };

export function useMailbox(establishmentId: string | null) {
  return useQuery({
    queryKey: ['messaging', 'mailbox', establishmentId],
    queryFn: () => api.get<Mailbox>(`${base(establishmentId as string)}/mailbox`),
    enabled: establishmentId !== null,
  });
}

export function useMessages(establishmentId: string | null, folder: string, q: string) {
  return useInfiniteQuery({
    queryKey: ['messaging', 'messages', establishmentId, folder, q],
    queryFn: ({ pageParam }) => api.get<MessagesPage>(`${base(establishmentId as string)}/messages`, { folder, q: q || undefined, cursor: pageParam, limit: 30 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: establishmentId !== null,
  });
}

/** A message with its conversation; or, by conversation (links from the timeline), at its latest message. */
export function useThread(establishmentId: string | null, messageId: string | undefined, conversationId?: string) {
  return useQuery({
    queryKey: ['messaging', 'thread', establishmentId, messageId, conversationId],
    queryFn: () =>
      api.get<Thread>(
        messageId
          ? `${base(establishmentId as string)}/messages/${encodeURIComponent(messageId)}`
          : `${base(establishmentId as string)}/conversations/${encodeURIComponent(conversationId as string)}`,
      ),
    enabled: establishmentId !== null && (!!messageId || !!conversationId),
  });
}

export function useReceipts(establishmentId: string, messageId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['messaging', 'receipts', establishmentId, messageId],
    queryFn: ({ pageParam }) => api.get<Receipts>(`${base(establishmentId)}/messages/${encodeURIComponent(messageId)}/receipts`, { cursor: pageParam, limit: 100 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function searchRecipients(establishmentId: string, q: string): Promise<RecipientsResult> {
  return api.get<RecipientsResult>(`${base(establishmentId)}/recipients`, { q, limit: 20 });
}

export const saveMessage = (establishmentId: string, input: MessageInput, draftId?: string) =>
  draftId
    ? api.put<Saved>(`${base(establishmentId)}/messages/${encodeURIComponent(draftId)}`, input)
    : api.post<Saved>(`${base(establishmentId)}/messages`, input);

export const deleteMessage = (establishmentId: string, messageId: string) =>
  api.delete<{ outcome: 'deleted' | 'trashed' }>(`${base(establishmentId)}/messages/${encodeURIComponent(messageId)}`);

export const emptyTrash = (establishmentId: string) => api.post<{ removed: number }>(`${base(establishmentId)}/trash/empty`);

export const moveMessage = (establishmentId: string, messageId: string, folder: string) =>
  api.post<void>(`${base(establishmentId)}/messages/${encodeURIComponent(messageId)}/move`, { folder });

export const markRead = (establishmentId: string, messageId: string, read: boolean) =>
  api.post<void>(`${base(establishmentId)}/messages/${encodeURIComponent(messageId)}/read`, { read });

export const createFolder = (establishmentId: string, name: string) => api.post<{ id: string }>(`${base(establishmentId)}/folders`, { name });
export const renameFolder = (establishmentId: string, folderId: string, name: string) =>
  api.patch<void>(`${base(establishmentId)}/folders/${encodeURIComponent(folderId)}`, { name });
export const deleteFolder = (establishmentId: string, folderId: string) => api.delete<void>(`${base(establishmentId)}/folders/${encodeURIComponent(folderId)}`);

export function uploadAttachment(establishmentId: string, file: File): Promise<MessageAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.post<MessageAttachment>(`${base(establishmentId)}/files`, form);
}

export const attachmentUrl = (establishmentId: string, fileId: string) => `${base(establishmentId)}/files/${encodeURIComponent(fileId)}`;

/** After any change in the mailbox: counts, lists and threads are read again. */
export function useRefreshMailbox() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['messaging'] });
}

export type { Address };
