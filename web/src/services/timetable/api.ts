import type { CalendarFeed, CalendarSettings, LessonException, NewSlot, RoomRef, SchoolCalendar, Slot, Timetable, TimetableChoices, TimetableImportReport, TimetableView } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const base = (establishmentId: string) => `/api/timetable/establishments/${encodeURIComponent(establishmentId)}`;

export type TimetableTarget = { view: TimetableView; id: string };

export function useChoicesQuery(establishmentId: string | null) {
  return useQuery({
    queryKey: ['timetable', 'choices', establishmentId],
    queryFn: () => api.get<TimetableChoices>(`${base(establishmentId as string)}/choices`),
    enabled: establishmentId !== null,
  });
}

export function useTimetableQuery(establishmentId: string | null, target: TimetableTarget | null, date: string, days: number) {
  return useQuery({
    queryKey: ['timetable', 'view', establishmentId, target, date, days],
    queryFn: () => api.get<Timetable>(`${base(establishmentId as string)}/view`, { view: target?.view, id: target?.id, date, days }),
    enabled: establishmentId !== null && target !== null,
  });
}

export function useRoomsQuery(establishmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['timetable', 'rooms', establishmentId],
    queryFn: () => api.get<{ items: RoomRef[] }>(`${base(establishmentId)}/rooms`),
    enabled,
  });
}

export function useExceptionMutation(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slotId, date, body }: { slotId: string; date: string; body: LessonException | null }) =>
      body
        ? api.put<void>(`${base(establishmentId)}/slots/${encodeURIComponent(slotId)}/exceptions/${date}`, body)
        : api.delete<void>(`${base(establishmentId)}/slots/${encodeURIComponent(slotId)}/exceptions/${date}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['timetable', 'view'] }),
  });
}

/** The feed URL is fetched only when asked for: showing it is a deliberate act. */
export function useFeed() {
  const client = useQueryClient();
  const key = ['timetable', 'feed'];
  const feed = useQuery({ queryKey: key, queryFn: () => api.get<CalendarFeed>('/api/timetable/feed'), enabled: false });
  const renew = useMutation({
    mutationFn: () => api.post<CalendarFeed>('/api/timetable/feed/renew'),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const revoke = useMutation({
    mutationFn: () => api.delete<void>('/api/timetable/feed'),
    onSuccess: () => client.removeQueries({ queryKey: key }),
  });
  return { feed, renew, revoke };
}

/** YYYY-MM-DD of a local date, and date arithmetic on such strings. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function useSlotsQuery(establishmentId: string, groupId: string | null) {
  return useQuery({
    queryKey: ['timetable', 'slots', establishmentId, groupId],
    queryFn: () => api.get<{ items: Slot[] }>(`${base(establishmentId)}/slots`, { groupId }),
    enabled: groupId !== null,
  });
}

export function useSlotMutations(establishmentId: string) {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ['timetable'] });
  return {
    create: useMutation({ mutationFn: (body: NewSlot) => api.post<Slot>(`${base(establishmentId)}/slots`, body), onSuccess: done }),
    remove: useMutation({ mutationFn: (slotId: string) => api.delete<void>(`${base(establishmentId)}/slots/${encodeURIComponent(slotId)}`), onSuccess: done }),
  };
}

export function useCalendar(establishmentId: string) {
  const client = useQueryClient();
  const key = ['timetable', 'calendar', establishmentId];
  const set = (data: SchoolCalendar) => client.setQueryData(key, data);
  return {
    calendar: useQuery({ queryKey: key, queryFn: () => api.get<SchoolCalendar>(`${base(establishmentId)}/calendar`) }),
    save: useMutation({ mutationFn: (body: CalendarSettings) => api.put<SchoolCalendar>(`${base(establishmentId)}/calendar`, body), onSuccess: set }),
    addHoliday: useMutation({ mutationFn: (body: { name: string; from: string; to: string }) => api.post<SchoolCalendar>(`${base(establishmentId)}/calendar/holidays`, body), onSuccess: set }),
    removeHoliday: useMutation({ mutationFn: (id: string) => api.delete<SchoolCalendar>(`${base(establishmentId)}/calendar/holidays/${encodeURIComponent(id)}`), onSuccess: set }),
  };
}

export function useTimetableImport(establishmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, file, apply }: { source: 'sts' | 'csv'; file: File; apply: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api.post<TimetableImportReport>(`${base(establishmentId)}/import?source=${source}&apply=${apply}`, form);
    },
    onSuccess: (report) => {
      if (report.applied) client.invalidateQueries({ queryKey: ['timetable'] });
    },
  });
}
