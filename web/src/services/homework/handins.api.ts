import type { HandinList, MyHandin } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string, homeworkId: string) =>
  `/api/homework/establishments/${encodeURIComponent(establishmentId)}/homework/${encodeURIComponent(homeworkId)}`;

export const handinFileUrl = (establishmentId: string, homeworkId: string, fileId: string) => `${base(establishmentId, homeworkId)}/handin-files/${encodeURIComponent(fileId)}`;
export const returnFileUrl = (establishmentId: string, homeworkId: string, returnId: string) => `${base(establishmentId, homeworkId)}/returns/${encodeURIComponent(returnId)}`;
export const zipUrl = (establishmentId: string, homeworkId: string) => `${base(establishmentId, homeworkId)}/handins.zip`;

export function useMyHandin(establishmentId: string | null, homeworkId: string, studentId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['homework', 'handin', establishmentId, homeworkId, studentId],
    queryFn: () => api.get<MyHandin>(`${base(establishmentId as string, homeworkId)}/handin`, { studentId }),
    enabled: enabled && establishmentId !== null,
  });
}

export function useHandinList(establishmentId: string | null, homeworkId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['homework', 'handins', establishmentId, homeworkId],
    queryFn: () => api.get<HandinList>(`${base(establishmentId as string, homeworkId)}/handins`),
    enabled: enabled && establishmentId !== null,
  });
}

export function useHandIn(establishmentId: string, homeworkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ text, files }: { text: string; files: File[] }) => {
      const form = new FormData();
      form.append('text', text);
      for (const file of files) form.append('file', file);
      return api.put<MyHandin>(`${base(establishmentId, homeworkId)}/handin`, form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework', 'handin'] }),
  });
}

export function useReturnCorrection(establishmentId: string, homeworkId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, comment, file }: { studentId: string | null; comment: string; file: File | null }) => {
      const form = new FormData();
      if (studentId) form.append('studentId', studentId);
      form.append('comment', comment);
      if (file) form.append('file', file);
      return api.post<HandinList>(`${base(establishmentId, homeworkId)}/returns`, form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework', 'handins'] }),
  });
}
