import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { HouseholdDraft } from '@shared/domain/household';
import { createHousehold, updateHousehold } from '../../data/repositories/households';
import { householdKeys } from './queries';

export function useCreateHousehold() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: HouseholdDraft) => createHousehold(draft),
    onSuccess: async (h) => {
      qc.setQueryData(householdKeys.detail(h.id), h);
      await qc.invalidateQueries({ queryKey: householdKeys.list() });
    },
  });
}

export function useUpdateHousehold(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: HouseholdDraft) => updateHousehold(id, draft),
    onSuccess: async (h) => {
      qc.setQueryData(householdKeys.detail(id), h);
      await qc.invalidateQueries({ queryKey: householdKeys.list() });
    },
  });
}
