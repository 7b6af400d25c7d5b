import type { DisciplineHistory, DisciplineList, IncidentTypes, NewIncident, NewIncidentTypes, NewMeasure } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { fetchPeople } from '../directory/api';

const base = (establishmentId: string) => `/api/discipline/establishments/${encodeURIComponent(establishmentId)}`;

export function useRecords(establishmentId: string | null, studentId: string | null) {
  return useQuery({
    queryKey: ['discipline', 'records', establishmentId, studentId],
    queryFn: () => api.get<DisciplineList>(`${base(establishmentId as string)}/records`, { studentId }),
    enabled: establishmentId !== null,
  });
}

export function useIncidentTypes(establishmentId: string | null) {
  return useQuery({
    queryKey: ['discipline', 'types', establishmentId],
    queryFn: () => api.get<IncidentTypes>(`${base(establishmentId as string)}/types`),
    enabled: establishmentId !== null,
  });
}

/** Students matching a search, for the incident and measure forms (the directory decides who is visible). */
export function useStudentSearch(establishmentId: string, q: string) {
  return useQuery({
    queryKey: ['discipline', 'students', establishmentId, q],
    queryFn: () => fetchPeople(establishmentId, { q, profile: 'student' }, null, 8),
    enabled: q.trim().length >= 2,
  });
}

export function useHistory(establishmentId: string, kind: 'incidents' | 'measures', id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['discipline', 'history', kind, id],
    queryFn: () => api.get<DisciplineHistory>(`${base(establishmentId)}/${kind}/${encodeURIComponent(id)}/history`),
    enabled,
  });
}

function useWrite<T>(fn: (body: T) => Promise<DisciplineList>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['discipline'] }) });
}

export const useCreateIncident = (establishmentId: string) => useWrite((body: NewIncident) => api.post<DisciplineList>(`${base(establishmentId)}/incidents`, body));
export const useUpdateIncident = (establishmentId: string, incidentId: string) =>
  useWrite((body: NewIncident) => api.put<DisciplineList>(`${base(establishmentId)}/incidents/${encodeURIComponent(incidentId)}`, body));
export const useCreateMeasure = (establishmentId: string) => useWrite((body: NewMeasure) => api.post<DisciplineList>(`${base(establishmentId)}/measures`, body));
export const usePublish = (establishmentId: string) =>
  useWrite(({ kind, id }: { kind: 'incidents' | 'measures'; id: string }) => api.post<DisciplineList>(`${base(establishmentId)}/${kind}/${encodeURIComponent(id)}/publish`));
export const useCancelMeasure = (establishmentId: string) => useWrite((id: string) => api.post<DisciplineList>(`${base(establishmentId)}/measures/${encodeURIComponent(id)}/cancel`));

export function useSaveTypes(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewIncidentTypes) => api.put<IncidentTypes>(`${base(establishmentId)}/types`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['discipline', 'types'] }),
  });
}
