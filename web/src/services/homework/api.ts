import type { Agenda, EntryResult, NewEntry, NextLesson, Textbook, TextbookGroups, Workload } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/homework/establishments/${encodeURIComponent(establishmentId)}`;

export function useTextbookGroups(establishmentId: string | null) {
  return useQuery({
    queryKey: ['homework', 'groups', establishmentId],
    queryFn: () => api.get<TextbookGroups>(`${base(establishmentId as string)}/groups`),
    enabled: establishmentId !== null,
  });
}

export function useTextbook(establishmentId: string | null, groupId: string | null, subjectId: string | null) {
  return useQuery({
    queryKey: ['homework', 'textbook', establishmentId, groupId, subjectId],
    queryFn: () => api.get<Textbook>(`${base(establishmentId as string)}/textbook`, { groupId, subjectId }),
    enabled: establishmentId !== null && groupId !== null,
  });
}

export function useWorkload(establishmentId: string, groupId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['homework', 'workload', establishmentId, groupId, from, to],
    queryFn: () => api.get<Workload>(`${base(establishmentId)}/workload`, { groupId, from, to }),
  });
}

export function fetchNextLesson(establishmentId: string, groupId: string, subjectId: string, after: string) {
  return api.get<NextLesson>(`${base(establishmentId)}/next-lesson`, { groupId, subjectId, after });
}

export function useSaveEntry(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: NewEntry }) =>
      id ? api.put<EntryResult>(`${base(establishmentId)}/entries/${encodeURIComponent(id)}`, body) : api.post<EntryResult>(`${base(establishmentId)}/entries`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework'] }),
  });
}

export function useDeleteEntry(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${base(establishmentId)}/entries/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework'] }),
  });
}

export function useVisa(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { groupId: string; subjectId: string | null; date: string; comment: string }) => api.post<Textbook>(`${base(establishmentId)}/visas`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework', 'textbook'] }),
  });
}

export function useAgenda(establishmentId: string | null, studentId: string | null) {
  return useQuery({
    queryKey: ['homework', 'agenda', establishmentId, studentId],
    queryFn: () => api.get<Agenda>(`${base(establishmentId as string)}/agenda`, { studentId }),
    enabled: establishmentId !== null && studentId !== null,
  });
}

export function useMarkDone(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ homeworkId, done }: { homeworkId: string; done: boolean }) => api.put<void>(`${base(establishmentId)}/agenda/${encodeURIComponent(homeworkId)}/done`, { done }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework', 'agenda'] }),
  });
}

export function fileUrl(establishmentId: string, fileId: string): string {
  return `${base(establishmentId)}/files/${encodeURIComponent(fileId)}`;
}

export function useUploadFile(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, file }: { entryId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<void>(`${base(establishmentId)}/entries/${encodeURIComponent(entryId)}/files`, form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework', 'textbook'] }),
  });
}

export function useCopySequence(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { fromGroupId: string; subjectId: string; from: string; to: string; toGroupId: string; toDate: string }) =>
      api.post<{ entries: number; homework: number }>(`${base(establishmentId)}/copy`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework'] }),
  });
}
