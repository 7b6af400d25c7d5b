import type { ArchiveSummary } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/homework/establishments/${encodeURIComponent(establishmentId)}/archives`;

export const archivePdfUrl = (establishmentId: string, schoolYear: number, groupId: string) => `${base(establishmentId)}/${schoolYear}/groups/${encodeURIComponent(groupId)}/pdf`;

export function useArchives(establishmentId: string | null) {
  return useQuery({
    queryKey: ['homework', 'archives', establishmentId],
    queryFn: () => api.get<{ archives: ArchiveSummary[] }>(base(establishmentId as string)),
    enabled: establishmentId !== null,
  });
}

export function useCreateArchive(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (schoolYear: number) => api.post<ArchiveSummary>(base(establishmentId), { schoolYear }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['homework', 'archives'] }),
  });
}
