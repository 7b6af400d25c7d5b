import type {
  AttendanceEvent,
  AttendanceEvents,
  AttendanceReason,
  AttendanceReasons,
  AttendanceSettings,
  Collective,
  Collectives,
  Exemption,
  Exemptions,
  ForgottenRegisters,
  NewAttendanceReason,
  NewCollective,
  NewExemption,
  NewStaffEvent,
  Register,
  RegisterLessons,
  RegisterMarks,
  TimetableChoices,
} from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/attendance/establishments/${encodeURIComponent(establishmentId)}`;

export function useLessons(establishmentId: string | null, date: string) {
  return useQuery({
    queryKey: ['attendance', 'lessons', establishmentId, date],
    queryFn: () => api.get<RegisterLessons>(`${base(establishmentId as string)}/lessons`, { date }),
    enabled: establishmentId !== null,
  });
}

/** Opening creates the register the first time; the answer is the register to take. */
export function useOpenRegister(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lesson: { slotId: string; date: string }) => api.post<Register>(`${base(establishmentId)}/registers`, lesson),
    onSuccess: (register) => {
      client.setQueryData(['attendance', 'register', establishmentId, register.id], register);
      return client.invalidateQueries({ queryKey: ['attendance', 'lessons'] });
    },
  });
}

export function useRegister(establishmentId: string, registerId: string | null) {
  return useQuery({
    queryKey: ['attendance', 'register', establishmentId, registerId],
    queryFn: () => api.get<Register>(`${base(establishmentId)}/registers/${encodeURIComponent(registerId as string)}`),
    enabled: registerId !== null,
  });
}

export function useSaveRegister(establishmentId: string, registerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ marks, submit }: { marks: RegisterMarks['marks']; submit: boolean }) =>
      submit
        ? api.post<Register>(`${base(establishmentId)}/registers/${encodeURIComponent(registerId)}/submit`, { marks })
        : api.put<Register>(`${base(establishmentId)}/registers/${encodeURIComponent(registerId)}/marks`, { marks }),
    onSuccess: (register) => {
      client.setQueryData(['attendance', 'register', establishmentId, register.id], register);
      return client.invalidateQueries({ queryKey: ['attendance', 'lessons'] });
    },
  });
}

export function useForgotten(establishmentId: string | null, date: string) {
  return useQuery({
    queryKey: ['attendance', 'forgotten', establishmentId, date],
    queryFn: () => api.get<ForgottenRegisters>(`${base(establishmentId as string)}/forgotten`, { date }),
    enabled: establishmentId !== null,
  });
}

export function useDayEvents(establishmentId: string | null, date: string) {
  return useQuery({
    queryKey: ['attendance', 'events', establishmentId, date],
    queryFn: () => api.get<AttendanceEvents>(`${base(establishmentId as string)}/events`, { date }),
    enabled: establishmentId !== null,
  });
}

export function useReasons(establishmentId: string | null) {
  return useQuery({
    queryKey: ['attendance', 'reasons', establishmentId],
    queryFn: () => api.get<AttendanceReasons>(`${base(establishmentId as string)}/reasons`),
    enabled: establishmentId !== null,
  });
}

export function useSaveReason(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: NewAttendanceReason }) =>
      id ? api.put<AttendanceReason>(`${base(establishmentId)}/reasons/${encodeURIComponent(id)}`, body) : api.post<AttendanceReason>(`${base(establishmentId)}/reasons`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attendance', 'reasons'] }),
  });
}

export function useDeleteReason(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${base(establishmentId)}/reasons/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attendance', 'reasons'] }),
  });
}

export function useSettings(establishmentId: string | null) {
  return useQuery({
    queryKey: ['attendance', 'settings', establishmentId],
    queryFn: () => api.get<AttendanceSettings>(`${base(establishmentId as string)}/settings`),
    enabled: establishmentId !== null,
  });
}

export function useSaveSettings(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceSettings) => api.put<AttendanceSettings>(`${base(establishmentId)}/settings`, body),
    onSuccess: (settings) => client.setQueryData(['attendance', 'settings', establishmentId], settings),
  });
}

/** The establishment's classes and groups, from the timetable's choices (vie scolaire sees them all). */
export function useGroups(establishmentId: string | null) {
  return useQuery({
    queryKey: ['attendance', 'groups', establishmentId],
    queryFn: async () =>
      (await api.get<TimetableChoices>(`/api/timetable/establishments/${encodeURIComponent(establishmentId as string)}/choices`)).groups.filter((g) => g.kind !== 'free_group'),
    enabled: establishmentId !== null,
  });
}

export function useCollectives(establishmentId: string | null, date: string) {
  return useQuery({
    queryKey: ['attendance', 'collectives', establishmentId, date],
    queryFn: () => api.get<Collectives>(`${base(establishmentId as string)}/collectives`, { date }),
    enabled: establishmentId !== null,
  });
}

export function useDeclareCollective(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCollective) => api.post<Collective>(`${base(establishmentId)}/collectives`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attendance'] }),
  });
}

export function useDeleteCollective(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${base(establishmentId)}/collectives/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attendance'] }),
  });
}

/** The students of a class or group, from the directory (vie scolaire reads every class). */
export function useStudentsOf(establishmentId: string, groupId: string | null) {
  return useQuery({
    queryKey: ['attendance', 'students', establishmentId, groupId],
    queryFn: () =>
      api.get<{ items: { id: string; displayName: string }[] }>(`/api/directory/establishments/${encodeURIComponent(establishmentId)}/people`, { groupId, profile: 'student', limit: 200 }),
    enabled: groupId !== null,
  });
}

export function useRecordAbsence(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewStaffEvent) => api.post<AttendanceEvent>(`${base(establishmentId)}/events`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attendance', 'events'] }),
  });
}

/** The establishment's subjects, from the timetable's choices (the list the timetable pages offer). */
export function useSubjects(establishmentId: string | null) {
  return useQuery({
    queryKey: ['attendance', 'subjects', establishmentId],
    queryFn: async () => (await api.get<TimetableChoices>(`/api/timetable/establishments/${encodeURIComponent(establishmentId as string)}/choices`)).subjects,
    enabled: establishmentId !== null,
  });
}

/** A student's exemptions (dispenses), past, current and coming. */
export function useExemptions(establishmentId: string, studentId: string | null) {
  return useQuery({
    queryKey: ['attendance', 'exemptions', establishmentId, studentId],
    queryFn: () => api.get<Exemptions>(`${base(establishmentId)}/exemptions`, { studentId }),
    enabled: studentId !== null,
  });
}

export function useCreateExemption(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewExemption) => api.post<Exemption>(`${base(establishmentId)}/exemptions`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attendance', 'exemptions'] }),
  });
}

export function useDeleteExemption(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${base(establishmentId)}/exemptions/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attendance', 'exemptions'] }),
  });
}
