import type { ActivationReset, PersonState } from '@preau/contracts';
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
