import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onStoreChange } from '../../data/changes';
import { countOpenFeedback, getTeamSettings, lifeDomainsOf, listPartnerContacts, loadCaseFile } from '../../data/stores/casefile/casefile';
import { getHousehold, listHouseholds } from '../../data/stores/households/households';
import { getAppSettings, listTeamMembers } from '../../data/stores/team/settings';

/**
 * Query keys for households and their case files. Data only changes through this app's own
 * mutations, which invalidate what they change, so cached data never goes stale by itself:
 * staleTime is Infinity and a lock reloads the renderer (dropping the cache) anyway.
 * Team members, contacts and team settings belong to other features; their keys live under
 * `casefileRefs` and are marked stale when a committed write touches their tables
 * (useCaseFileRefsSync), so opening a household does not re-read and re-decrypt them each time.
 */
export const householdKeys = {
  all: ['households'] as const,
  list: () => [...householdKeys.all, 'list'] as const,
  detail: (id: string) => [...householdKeys.all, 'detail', id] as const,
  caseFile: (id: string) => [...householdKeys.all, 'casefile', id] as const,
  openFeedback: (id: string) => [...householdKeys.all, 'openFeedback', id] as const,
};
export const casefileRefs = {
  all: ['casefile-refs'] as const,
  teamMembers: () => [...casefileRefs.all, 'teamMembers'] as const,
  teamSettings: () => [...casefileRefs.all, 'teamSettings'] as const,
  contacts: () => [...casefileRefs.all, 'contacts'] as const,
  app: () => [...casefileRefs.all, 'app'] as const,
};

/** The case list is the session's working set (every screen that names a household uses it): kept until the lock reloads the page. */
export function useHouseholds() {
  return useQuery({ queryKey: householdKeys.list(), queryFn: listHouseholds, staleTime: Infinity, gcTime: Infinity });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    queryFn: () => getHousehold(id),
    staleTime: Infinity,
  });
}

/**
 * A household's case file. Other features write into it too (a meeting's actions written back into
 * the plan, a partner contact leaving), so it is refetched whenever the page mounts; the cached
 * copy paints at once meanwhile. One household is a few hundred records at most.
 */
export function useCaseFile(id: string) {
  return useQuery({ queryKey: householdKeys.caseFile(id), queryFn: () => loadCaseFile(id), staleTime: 0 });
}

export function useOpenFeedback(id: string) {
  return useQuery({ queryKey: householdKeys.openFeedback(id), queryFn: () => countOpenFeedback(id), staleTime: 0 });
}

export function useTeamMembers() {
  return useQuery({ queryKey: casefileRefs.teamMembers(), queryFn: listTeamMembers, staleTime: Infinity, gcTime: Infinity });
}

export function useTeamSettings() {
  return useQuery({ queryKey: casefileRefs.teamSettings(), queryFn: getTeamSettings, staleTime: Infinity, gcTime: Infinity });
}

export function useLifeDomains() {
  const { data, isLoading } = useTeamSettings();
  return { domains: lifeDomainsOf(data ?? null), isLoading };
}

export function usePartnerContacts() {
  return useQuery({ queryKey: casefileRefs.contacts(), queryFn: listPartnerContacts, staleTime: Infinity, gcTime: Infinity });
}

export function useAppSettings() {
  return useQuery({ queryKey: casefileRefs.app(), queryFn: getAppSettings, staleTime: Infinity, gcTime: Infinity });
}

/** Which reference data each table's writes make stale. When adding a casefileRefs key: add its tables here. */
const REFS_BY_TABLE: Readonly<Record<string, readonly (readonly unknown[])[]>> = {
  teamMembers: [casefileRefs.teamMembers()],
  contacts: [casefileRefs.contacts()],
  organisations: [casefileRefs.contacts()],
  settings: [casefileRefs.teamSettings(), casefileRefs.app()],
};

/**
 * Keeps the case file's reference data (team members, partner contacts, team and app settings)
 * current: whichever feature wrote them, their queries are invalidated after the commit. Mounted
 * once while unlocked.
 */
export function useCaseFileRefsSync(): void {
  const qc = useQueryClient();
  useEffect(
    () =>
      onStoreChange((tables) => {
        for (const table of tables) for (const queryKey of REFS_BY_TABLE[table] ?? []) void qc.invalidateQueries({ queryKey });
      }),
    [qc],
  );
}
