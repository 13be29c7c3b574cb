import { useQuery } from '@tanstack/react-query';
import { queryAudit, type AuditFilter } from '../../data/stores/audit/audit';
import { listAnonymousAggregates, retentionCandidates } from '../../data/usecases/retention';
import { getAppSettings, getTeamPrivacy, listTeamMembers } from '../../data/stores/team/settings';
import { vaultInfo } from '../../data/stores/vault/vault';
import { platform } from '../../platform';

/** Query keys of the privacy feature. Local data changed only by our own mutations: staleTime Infinity. */
export const privacyKeys = {
  all: ['privacy'] as const,
  appSettings: () => [...privacyKeys.all, 'appSettings'] as const,
  team: () => [...privacyKeys.all, 'team'] as const,
  vault: () => [...privacyKeys.all, 'vault'] as const,
  keystore: () => [...privacyKeys.all, 'keystore'] as const,
  retention: (today: string) => [...privacyKeys.all, 'retention', today] as const,
  aggregates: () => [...privacyKeys.all, 'aggregates'] as const,
  audit: (filter: AuditFilter) => [...privacyKeys.all, 'audit', filter] as const,
  members: () => [...privacyKeys.all, 'members'] as const,
};

export function useAppSettings() {
  return useQuery({ queryKey: privacyKeys.appSettings(), queryFn: getAppSettings, staleTime: Infinity });
}

export function useTeamPrivacy() {
  return useQuery({ queryKey: privacyKeys.team(), queryFn: getTeamPrivacy, staleTime: Infinity });
}

export function useVaultInfo() {
  return useQuery({ queryKey: privacyKeys.vault(), queryFn: vaultInfo, staleTime: Infinity });
}

/** The OS key store's state; null in the browser (no key store there). */
export function useKeystoreStatus() {
  return useQuery({
    queryKey: privacyKeys.keystore(),
    queryFn: async () => (platform().keystore ? await platform().keystore?.status() : null) ?? null,
    staleTime: Infinity,
  });
}

export function useRetentionCandidates(today: string) {
  return useQuery({ queryKey: privacyKeys.retention(today), queryFn: () => retentionCandidates(today), staleTime: Infinity });
}

export function useAnonymousAggregates() {
  return useQuery({ queryKey: privacyKeys.aggregates(), queryFn: listAnonymousAggregates, staleTime: Infinity });
}

/** The audit view shows at most this many lines; the export holds every matching line. */
export const AUDIT_VIEW_LIMIT = 1_000;

export function useAudit(filter: AuditFilter) {
  return useQuery({ queryKey: privacyKeys.audit(filter), queryFn: () => queryAudit(filter, AUDIT_VIEW_LIMIT), staleTime: Infinity });
}

export function useTeamMembers() {
  return useQuery({ queryKey: privacyKeys.members(), queryFn: listTeamMembers, staleTime: Infinity });
}
