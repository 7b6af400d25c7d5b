import type {
  Assessment,
  ClassAverages,
  ClassCoefficients,
  GradeClasses,
  GradeEntries,
  GradePeriods,
  GradeReport,
  GradeSheet,
  GradeTeachings,
  NewAssessment,
  NewGradePeriods,
  SubjectCoefficients,
} from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/grades/establishments/${encodeURIComponent(establishmentId)}`;

export function usePeriods(establishmentId: string | null) {
  return useQuery({
    queryKey: ['grades', 'periods', establishmentId],
    queryFn: () => api.get<GradePeriods>(`${base(establishmentId as string)}/periods`),
    enabled: establishmentId !== null,
  });
}

export function useReport(establishmentId: string | null, studentId: string | null, periodId: string | null) {
  return useQuery({
    queryKey: ['grades', 'report', establishmentId, studentId, periodId],
    queryFn: () => api.get<GradeReport>(`${base(establishmentId as string)}/report`, { studentId, ...(periodId ? { periodId } : {}) }),
    enabled: establishmentId !== null && studentId !== null,
  });
}

export function useTeachings(establishmentId: string | null) {
  return useQuery({
    queryKey: ['grades', 'teachings', establishmentId],
    queryFn: () => api.get<GradeTeachings>(`${base(establishmentId as string)}/teachings`),
    enabled: establishmentId !== null,
  });
}

export function useSheet(establishmentId: string, groupId: string | null, subjectId: string | null) {
  return useQuery({
    queryKey: ['grades', 'sheet', establishmentId, groupId, subjectId],
    queryFn: () => api.get<GradeSheet>(`${base(establishmentId)}/sheet`, { groupId, subjectId }),
    enabled: groupId !== null && subjectId !== null,
  });
}

export function useCreateAssessment(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssessment) => api.post<Assessment>(`${base(establishmentId)}/assessments`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grades'] }),
  });
}

export function useEnterGrades(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ assessmentId, body }: { assessmentId: string; body: GradeEntries }) => api.put<void>(`${base(establishmentId)}/assessments/${encodeURIComponent(assessmentId)}/grades`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grades'] }),
  });
}

export function useSavePeriods(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewGradePeriods) => api.put<GradePeriods>(`${base(establishmentId)}/periods`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grades'] }),
  });
}

export function useUpdateAssessment(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ assessmentId, body }: { assessmentId: string; body: NewAssessment }) => api.put<Assessment>(`${base(establishmentId)}/assessments/${encodeURIComponent(assessmentId)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grades'] }),
  });
}

/** `withGrades`: the teacher confirmed that the grades go with the assessment (the server refuses otherwise). */
export function useDeleteAssessment(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ assessmentId, withGrades }: { assessmentId: string; withGrades: boolean }) =>
      api.delete<void>(`${base(establishmentId)}/assessments/${encodeURIComponent(assessmentId)}${withGrades ? '?withGrades=true' : ''}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grades'] }),
  });
}

export function useGradeClasses(establishmentId: string) {
  return useQuery({ queryKey: ['grades', 'classes', establishmentId], queryFn: () => api.get<GradeClasses>(`${base(establishmentId)}/classes`) });
}

export function useClassAverages(establishmentId: string, groupId: string | null, periodId: string | null) {
  return useQuery({
    queryKey: ['grades', 'class-averages', establishmentId, groupId, periodId],
    queryFn: () => api.get<ClassAverages>(`${base(establishmentId)}/class-averages`, { groupId, ...(periodId ? { periodId } : {}) }),
    enabled: groupId !== null,
  });
}

export function useClassCoefficients(establishmentId: string, groupId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['grades', 'coefficients', establishmentId, groupId],
    queryFn: () => api.get<ClassCoefficients>(`${base(establishmentId)}/coefficients`, { groupId }),
    enabled: enabled && groupId !== null,
  });
}

export function useSaveCoefficients(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubjectCoefficients) => api.put<void>(`${base(establishmentId)}/coefficients`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['grades'] }),
  });
}
