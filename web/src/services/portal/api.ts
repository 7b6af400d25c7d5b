import type { Home } from '@preau/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export function fetchHome(establishmentId: string | null): Promise<Home> {
  return api.get<Home>('/api/portal/home', { establishmentId });
}

export function useHomeQuery(establishmentId: string | null) {
  return useQuery({ queryKey: ['portal', 'home', establishmentId], queryFn: () => fetchHome(establishmentId) });
}
