import type { ActivationReset, AdminPeoplePage, AdminPersonDetail, PersonnelFunction, PersonState, Profile } from '@preau/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

const personPath = (establishmentId: string, personId: string) =>
  `/api/admin/establishments/${encodeURIComponent(establishmentId)}/people/${encodeURIComponent(personId)}`;

/** Gives the person a new activation code; their current password stops working. */
export function resetActivation(establishmentId: string, personId: string): Promise<ActivationReset> {
  return api.post<ActivationReset>(`${personPath(establishmentId, personId)}/activation-reset`);
}

export type AccountState = { login: string; state: PersonState };
export type AccountChange = 'suspend' | 'reactivate';

/** Suspension blocks logging in and ends the person's sessions; reactivation gives access back. */
export function changeAccountState(establishmentId: string, personId: string, change: AccountChange): Promise<AccountState> {
  return api.post<AccountState>(`${personPath(establishmentId, personId)}/${change}`);
}

/**
 * Where the activation letters (PDF) or codes (CSV) of a class are downloaded. Plain GET links:
 * the session cookie authenticates them, and a GET needs no CSRF token.
 */
export function lettersUrl(establishmentId: string, groupId: string, format: 'pdf' | 'csv'): string {
  const file = format === 'pdf' ? 'activation-letters.pdf' : 'activation-codes.csv';
  return `/api/admin/establishments/${encodeURIComponent(establishmentId)}/groups/${encodeURIComponent(groupId)}/${file}`;
}

// ---- The establishment's accounts, as its administrators see them ----

export type AccountsFilter = { q: string; profile: Profile | null; groupId: string | null; state: PersonState | null };
export const ACCOUNTS_PAGE_SIZE = 25;
const adminBase = (establishmentId: string) => `/api/admin/establishments/${encodeURIComponent(establishmentId)}`;

export function useAccountsQuery(establishmentId: string | null, filter: AccountsFilter, cursor: string | null, enabled = true) {
  return useQuery({
    queryKey: ['admin', 'people', establishmentId, filter, cursor],
    queryFn: () =>
      api.get<AdminPeoplePage>(`${adminBase(establishmentId as string)}/people`, {
        q: filter.q.trim() || undefined,
        profile: filter.profile,
        groupId: filter.groupId,
        state: filter.state,
        cursor,
        limit: ACCOUNTS_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    enabled: enabled && establishmentId !== null,
  });
}

export const personQueryKey = (establishmentId: string, personId: string) => ['admin', 'person', establishmentId, personId] as const;

export function usePersonQuery(establishmentId: string | null, personId: string, enabled = true) {
  return useQuery({
    queryKey: personQueryKey(establishmentId ?? '', personId),
    queryFn: () => api.get<AdminPersonDetail>(personPath(establishmentId as string, personId)),
    enabled: enabled && establishmentId !== null,
  });
}

/** Replaces the person's functions (the local administrator function is the platform's to give). */
export function saveFunctions(establishmentId: string, personId: string, functions: PersonnelFunction[]): Promise<{ functions: PersonnelFunction[] }> {
  return api.put(`${personPath(establishmentId, personId)}/functions`, { functions });
}
