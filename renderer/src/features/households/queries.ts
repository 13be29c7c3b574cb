import { useQuery } from '@tanstack/react-query';
import { getHousehold, listHouseholds } from '../../data/repositories/households';

/**
 * Query keys for households. Data only changes through this app's own mutations, which
 * invalidate what they change, so cached data never goes stale by itself: staleTime is
 * Infinity and a lock reloads the renderer (dropping the cache) anyway.
 */
export const householdKeys = {
  all: ['households'] as const,
  list: () => [...householdKeys.all, 'list'] as const,
  detail: (id: string) => [...householdKeys.all, 'detail', id] as const,
};

export function useHouseholds() {
  return useQuery({ queryKey: householdKeys.list(), queryFn: listHouseholds, staleTime: Infinity });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    queryFn: () => getHousehold(id, { audit: true }),
    staleTime: Infinity,
  });
}
