import type { AppreciationGrid, Council, CouncilDecisions, CouncilSheet, GeneralAppreciations, ReportCardClasses, ReportCardList, SubjectAppreciations } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/report-cards/establishments/${encodeURIComponent(establishmentId)}`;

export function useReportCardClasses(establishmentId: string | null) {
  return useQuery({
    queryKey: ['report-cards', 'classes', establishmentId],
    queryFn: () => api.get<ReportCardClasses>(`${base(establishmentId as string)}/classes`),
    enabled: establishmentId !== null,
  });
}

export function useReportCardList(establishmentId: string | null, studentId: string | null) {
  return useQuery({
    queryKey: ['report-cards', 'list', establishmentId, studentId],
    queryFn: () => api.get<ReportCardList>(`${base(establishmentId as string)}/students/${encodeURIComponent(studentId as string)}/report-cards`),
    enabled: establishmentId !== null && studentId !== null,
  });
}

/** The PDF is a plain link: the browser downloads it with the session cookie. */
export const reportCardPdfUrl = (establishmentId: string, studentId: string, councilId: string) =>
  `${base(establishmentId)}/students/${encodeURIComponent(studentId)}/report-cards/${encodeURIComponent(councilId)}/pdf`;

export function useAppreciationGrid(establishmentId: string, groupId: string, periodId: string, subjectId: string | null) {
  return useQuery({
    queryKey: ['report-cards', 'grid', establishmentId, groupId, periodId, subjectId],
    queryFn: () => api.get<AppreciationGrid>(`${base(establishmentId)}/appreciations`, { groupId, periodId, subjectId }),
    enabled: subjectId !== null,
  });
}

export function useCouncilSheet(establishmentId: string, groupId: string, periodId: string) {
  return useQuery({
    queryKey: ['report-cards', 'council', establishmentId, groupId, periodId],
    queryFn: () => api.get<CouncilSheet>(`${base(establishmentId)}/council`, { groupId, periodId }),
  });
}

function useWrite<T>(establishmentId: string, method: 'put' | 'post', path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => api[method]<unknown>(`${base(establishmentId)}/${path}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['report-cards'] }),
  });
}

export const useSaveAppreciations = (establishmentId: string) => useWrite<SubjectAppreciations>(establishmentId, 'put', 'appreciations');
export const useSaveGeneral = (establishmentId: string) => useWrite<GeneralAppreciations>(establishmentId, 'put', 'council/general');
export const useSaveDecisions = (establishmentId: string) => useWrite<CouncilDecisions>(establishmentId, 'put', 'council/decisions');

export function useCouncilAction(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'close' | 'reopen' | 'publish'; body: { groupId: string; periodId: string; publishAt?: string | null } }) =>
      api.post<Council>(`${base(establishmentId)}/council/${action}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['report-cards'] }),
  });
}
