import type { AlertSettings, AttendanceReasons, ChildAbsences, ClassStatistics, StatisticsClasses, JustificationDecision, JustificationRecord, JustificationRecords, NewDeclaration } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const base = (establishmentId: string) => `/api/attendance/establishments/${encodeURIComponent(establishmentId)}`;

export function useChildAbsences(establishmentId: string | null, studentId: string | null) {
  return useQuery({
    queryKey: ['justification', 'absences', establishmentId, studentId],
    queryFn: () => api.get<ChildAbsences>(`${base(establishmentId as string)}/absences`, { studentId }),
    enabled: establishmentId !== null && studentId !== null,
  });
}

/** The establishment's reasons (active ones are offered to families). */
export function useReasons(establishmentId: string | null) {
  return useQuery({
    queryKey: ['justification', 'reasons', establishmentId],
    queryFn: () => api.get<AttendanceReasons>(`${base(establishmentId as string)}/reasons`),
    enabled: establishmentId !== null,
  });
}

export function useJustify(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ eventIds, reasonId, comment, file }: { eventIds: string[]; reasonId: string; comment: string; file: File | null }) => {
      const form = new FormData();
      for (const id of eventIds) form.append('eventIds', id);
      form.append('reasonId', reasonId);
      if (comment) form.append('comment', comment);
      if (file) form.append('file', file);
      return api.post<JustificationRecord>(`${base(establishmentId)}/justifications`, form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['justification'] }),
  });
}

export function useDeclare(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDeclaration) => api.post<JustificationRecord>(`${base(establishmentId)}/declarations`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['justification'] }),
  });
}

export function useQueue(establishmentId: string | null, state: string) {
  return useQuery({
    queryKey: ['justification', 'queue', establishmentId, state],
    queryFn: () => api.get<JustificationRecords>(`${base(establishmentId as string)}/justifications`, { state }),
    enabled: establishmentId !== null,
  });
}

export function useDecide(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: JustificationDecision }) => api.post<JustificationRecord>(`${base(establishmentId)}/justifications/${encodeURIComponent(id)}/decision`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['justification'] }),
  });
}

export function documentUrl(establishmentId: string, justificationId: string): string {
  return `${base(establishmentId)}/justifications/${encodeURIComponent(justificationId)}/file`;
}

export function useClassStatistics(establishmentId: string | null, groupId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ['justification', 'statistics', establishmentId, groupId, from, to],
    queryFn: () => api.get<ClassStatistics>(`${base(establishmentId as string)}/statistics/class`, { groupId, from: from || undefined, to: to || undefined }),
    enabled: establishmentId !== null && groupId !== null,
  });
}

export function useAlertSettings(establishmentId: string | null) {
  return useQuery({
    queryKey: ['justification', 'alerts', establishmentId],
    queryFn: () => api.get<AlertSettings>(`${base(establishmentId as string)}/alert-settings`),
    enabled: establishmentId !== null,
  });
}

export function useSaveAlertSettings(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlertSettings) => api.put<AlertSettings>(`${base(establishmentId)}/alert-settings`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['justification', 'alerts'] }),
  });
}

export function useStatisticsClasses(establishmentId: string | null) {
  return useQuery({
    queryKey: ['justification', 'classes', establishmentId],
    queryFn: () => api.get<StatisticsClasses>(`${base(establishmentId as string)}/statistics/classes`),
    enabled: establishmentId !== null,
  });
}
