import type {
  CycleSummary,
  GradePeriods,
  GradeTeachings,
  NewSkillAssessment,
  NewSkillItem,
  SkillAssessment,
  SkillClassView,
  SkillItem,
  SkillItems,
  SkillResults,
  SkillSheet,
  SkillSummary,
} from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/skills/establishments/${encodeURIComponent(establishmentId)}`;

/** The grading periods are grades' (one calendar per establishment). */
export function usePeriods(establishmentId: string | null) {
  return useQuery({
    queryKey: ['grades', 'periods', establishmentId],
    queryFn: () => api.get<GradePeriods>(`/api/grades/establishments/${encodeURIComponent(establishmentId as string)}/periods`),
    enabled: establishmentId !== null,
  });
}

export function useSummary(establishmentId: string | null, studentId: string | null, periodId: string | null) {
  return useQuery({
    queryKey: ['skills', 'summary', establishmentId, studentId, periodId],
    queryFn: () => api.get<SkillSummary>(`${base(establishmentId as string)}/summary`, { studentId, ...(periodId ? { periodId } : {}) }),
    enabled: establishmentId !== null && studentId !== null,
  });
}

export function useCycleSummary(establishmentId: string | null, studentId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['skills', 'cycle', establishmentId, studentId],
    queryFn: () => api.get<CycleSummary>(`${base(establishmentId as string)}/cycle`, { studentId }),
    enabled: enabled && establishmentId !== null && studentId !== null,
  });
}

export function useTeachings(establishmentId: string | null) {
  return useQuery({
    queryKey: ['skills', 'teachings', establishmentId],
    queryFn: () => api.get<GradeTeachings>(`${base(establishmentId as string)}/teachings`),
    enabled: establishmentId !== null,
  });
}

export function useSheet(establishmentId: string, groupId: string | null, subjectId: string | null) {
  return useQuery({
    queryKey: ['skills', 'sheet', establishmentId, groupId, subjectId],
    queryFn: () => api.get<SkillSheet>(`${base(establishmentId)}/sheet`, { groupId, subjectId }),
    enabled: groupId !== null && subjectId !== null,
  });
}

export function useClassView(establishmentId: string, groupId: string | null, periodId: string | null) {
  return useQuery({
    queryKey: ['skills', 'class', establishmentId, groupId, periodId],
    queryFn: () => api.get<SkillClassView>(`${base(establishmentId)}/class`, { groupId, ...(periodId ? { periodId } : {}) }),
    enabled: groupId !== null,
  });
}

export function useItems(establishmentId: string, subjectId: string | null) {
  return useQuery({
    queryKey: ['skills', 'items', establishmentId, subjectId],
    queryFn: () => api.get<SkillItems>(`${base(establishmentId)}/items`, { subjectId }),
    enabled: subjectId !== null,
  });
}

export function useCreateItem(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSkillItem) => api.post<SkillItem>(`${base(establishmentId)}/items`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['skills', 'items'] }),
  });
}

export function useCreateAssessment(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSkillAssessment) => api.post<SkillAssessment>(`${base(establishmentId)}/assessments`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['skills'] }),
  });
}

export function useEnterResults(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ assessmentId, body }: { assessmentId: string; body: SkillResults }) =>
      api.put<void>(`${base(establishmentId)}/assessments/${encodeURIComponent(assessmentId)}/results`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['skills'] }),
  });
}

export function useDeleteAssessment(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (assessmentId: string) => api.delete<void>(`${base(establishmentId)}/assessments/${encodeURIComponent(assessmentId)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['skills'] }),
  });
}
