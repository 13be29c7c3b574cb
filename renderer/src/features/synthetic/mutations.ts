import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyntheticSize } from '@shared/synthetic';
import type { SyntheticLoadProgress } from '../../data/usecases/synthetic';

/**
 * Load a synthetic municipality. The loader (and with it the generator and its word lists) is
 * imported on demand, so it is not part of the app's start-up bundle.
 * Loading touches every area, so every query is invalidated afterwards.
 */
export function useLoadExampleData(onProgress: (p: SyntheticLoadProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ size, seed }: { size: SyntheticSize; seed: string }) => {
      const { loadSyntheticMunicipality } = await import('../../data/usecases/synthetic');
      return loadSyntheticMunicipality({ seed, size, onProgress });
    },
    onSettled: async () => {
      await qc.invalidateQueries();
    },
  });
}

export async function isExampleLoaded(seed: string): Promise<boolean> {
  const { isSyntheticLoaded } = await import('../../data/usecases/synthetic');
  return isSyntheticLoaded(seed);
}

export function isAlreadyLoaded(error: unknown): boolean {
  return error instanceof Error && error.name === 'AlreadyLoadedError';
}
