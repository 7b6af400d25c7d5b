import type { GroupKind, StructureDetail, StructuresPage } from '@preau/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/admin/establishments/${encodeURIComponent(establishmentId)}`;
const structurePath = (establishmentId: string, groupId: string) => `${base(establishmentId)}/structures/${encodeURIComponent(groupId)}`;
export const STRUCTURES_PAGE_SIZE = 50;

export function useStructuresQuery(establishmentId: string | null, filter: { kind: GroupKind | null; q: string }, cursor: string | null, limit = STRUCTURES_PAGE_SIZE) {
  return useQuery({
    queryKey: ['admin', 'structures', establishmentId, filter, cursor, limit],
    queryFn: () => api.get<StructuresPage>(`${base(establishmentId as string)}/structures`, { kind: filter.kind, q: filter.q.trim() || undefined, cursor, limit }),
    placeholderData: keepPreviousData,
    enabled: establishmentId !== null,
  });
}

export const structureQueryKey = (establishmentId: string, groupId: string) => ['admin', 'structure', establishmentId, groupId] as const;

export function useStructureQuery(establishmentId: string | null, groupId: string) {
  return useQuery({
    queryKey: structureQueryKey(establishmentId ?? '', groupId),
    queryFn: () => api.get<StructureDetail>(structurePath(establishmentId as string, groupId)),
    enabled: establishmentId !== null,
  });
}

export type StructureDraft = { kind: GroupKind; name: string; level?: string; classIds?: string[] };
export type StructureChange = { name?: string; level?: string | null; classIds?: string[] };

export const structuresApi = {
  create: (establishmentId: string, draft: StructureDraft) => api.post<StructureDetail>(`${base(establishmentId)}/structures`, draft),
  update: (establishmentId: string, groupId: string, change: StructureChange) => api.patch<StructureDetail>(structurePath(establishmentId, groupId), change),
  remove: (establishmentId: string, groupId: string) => api.delete<void>(structurePath(establishmentId, groupId)),
  addStudents: (establishmentId: string, groupId: string, personIds: string[]) =>
    api.post<StructureDetail>(`${structurePath(establishmentId, groupId)}/students`, { personIds }),
  removeMember: (establishmentId: string, groupId: string, role: 'student' | 'teacher', personId: string) =>
    api.delete<StructureDetail>(`${structurePath(establishmentId, groupId)}/${role}s/${encodeURIComponent(personId)}`),
  attachTeacher: (establishmentId: string, groupId: string, body: { personId: string; subjectId: string; headTeacher?: boolean }) =>
    api.post<StructureDetail>(`${structurePath(establishmentId, groupId)}/teachers`, body),
  setHeadTeacher: (establishmentId: string, groupId: string, personId: string, headTeacher: boolean) =>
    api.patch<StructureDetail>(`${structurePath(establishmentId, groupId)}/teachers/${encodeURIComponent(personId)}`, { headTeacher }),
};

export type Subject = { id: string; code: string; name: string };

export function useSubjectsQuery(establishmentId: string | null) {
  return useQuery({
    queryKey: ['admin', 'subjects', establishmentId],
    queryFn: () => api.get<{ items: Subject[] }>(`${base(establishmentId as string)}/subjects`),
    enabled: establishmentId !== null,
  });
}
