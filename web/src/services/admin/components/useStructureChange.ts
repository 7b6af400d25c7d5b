import type { StructureDetail } from '@preau/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { structureQueryKey } from '../structures-api';

/** A change to one structure: the server answers with the structure as it now is, shown at once. */
export function useStructureChange<V>(establishmentId: string, groupId: string, change: (v: V) => Promise<StructureDetail>, onDone?: (s: StructureDetail, v: V) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (detail, variables) => {
      queryClient.setQueryData(structureQueryKey(establishmentId, groupId), detail);
      // Counts in the list and people's classes changed too.
      void queryClient.invalidateQueries({ queryKey: ['admin', 'structures'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
      onDone?.(detail, variables);
    },
  });
}
