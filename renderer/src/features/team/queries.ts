import { useQuery } from '@tanstack/react-query';
import {
  listConsents,
  listContacts,
  listInvitations,
  listInvolvements,
  listOrganisations,
  listPlacements,
  loadWorkloadInput,
} from '../../data/stores/partners/partners';
import { previewReplacement } from '../../data/usecases/replace-contact';
import { getTeamSettings, listMembers } from '../../data/stores/team/team';

/**
 * Query keys of the team feature. Data only changes through this app's own mutations, which
 * invalidate what they change, so nothing goes stale by itself: staleTime is Infinity (a lock
 * reloads the renderer and drops the cache anyway). Other features may read these keys.
 */
export const teamKeys = {
  all: ['team'] as const,
  settings: () => [...teamKeys.all, 'settings'] as const,
  members: () => [...teamKeys.all, 'members'] as const,
  organisations: () => [...teamKeys.all, 'organisations'] as const,
  contacts: () => [...teamKeys.all, 'contacts'] as const,
  placements: () => [...teamKeys.all, 'placements'] as const,
  workload: () => [...teamKeys.all, 'workload'] as const,
  preview: (contactId: string, today: string) => [...teamKeys.all, 'preview', contactId, today] as const,
  household: (householdId: string) => [...teamKeys.all, 'household', householdId] as const,
  involvements: (householdId: string) => [...teamKeys.household(householdId), 'involvements'] as const,
  consents: (householdId: string) => [...teamKeys.household(householdId), 'consents'] as const,
  invitations: (householdId: string) => [...teamKeys.household(householdId), 'invitations'] as const,
};

const opts = { staleTime: Infinity } as const;

export const useTeamSettings = () => useQuery({ queryKey: teamKeys.settings(), queryFn: getTeamSettings, ...opts });
export const useMembers = () => useQuery({ queryKey: teamKeys.members(), queryFn: listMembers, ...opts });
export const useOrganisations = () => useQuery({ queryKey: teamKeys.organisations(), queryFn: listOrganisations, ...opts });
export const useContacts = () => useQuery({ queryKey: teamKeys.contacts(), queryFn: listContacts, ...opts });
export const usePlacements = () => useQuery({ queryKey: teamKeys.placements(), queryFn: listPlacements, ...opts });
export const useWorkloadInput = () => useQuery({ queryKey: teamKeys.workload(), queryFn: loadWorkloadInput, ...opts });
export const useInvolvements = (householdId: string) =>
  useQuery({ queryKey: teamKeys.involvements(householdId), queryFn: () => listInvolvements(householdId), ...opts });
export const useConsents = (householdId: string) =>
  useQuery({ queryKey: teamKeys.consents(householdId), queryFn: () => listConsents(householdId), ...opts });
export const useInvitations = (householdId: string) =>
  useQuery({ queryKey: teamKeys.invitations(householdId), queryFn: () => listInvitations(householdId), ...opts });
export const useReplacementPreview = (contactId: string | undefined, today: string) =>
  useQuery({
    queryKey: teamKeys.preview(contactId ?? '', today),
    queryFn: () => previewReplacement(contactId ?? '', today),
    enabled: Boolean(contactId),
    // Other features move actions too: always count afresh when the dialog opens.
    staleTime: 0,
  });

