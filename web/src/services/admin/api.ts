import type { ActivationReset } from '@preau/contracts';
import { api } from '../../lib/api-client';

/** Gives the person a new activation code; their current password stops working. */
export function resetActivation(establishmentId: string, personId: string): Promise<ActivationReset> {
  return api.post<ActivationReset>(
    `/api/admin/establishments/${encodeURIComponent(establishmentId)}/people/${encodeURIComponent(personId)}/activation-reset`,
  );
}
