import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ConsentDraft,
  ContactDraft,
  ContactReplacement,
  InvitationDraft,
  InvolvementDraft,
  InvolvementLevel,
  OrganisationDraft,
  PlacementDraft,
  TeamMemberDraft,
  TeamSettingsDraft,
} from '@shared/domain/partners';
import {
  addInvolvement,
  cancelInvitation,
  createPlacedOrganisation,
  inviteContact,
  placeOrganisation,
  recordConsent,
  saveContact,
  saveOrganisation,
  updateInvolvement,
  withdrawConsent,
} from '../../data/stores/partners/partners';
import { replaceContact } from '../../data/usecases/replace-contact';
import { loadExampleTeam } from '../../data/stores/team/example';
import { saveMember, saveTeamSettings } from '../../data/stores/team/team';
import { teamKeys } from './queries';

function useInvalidate() {
  const qc = useQueryClient();
  return (...keys: (readonly unknown[])[]) => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

export function useSaveTeamSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: TeamSettingsDraft) => saveTeamSettings(draft),
    onSuccess: (s) => qc.setQueryData(teamKeys.settings(), s),
  });
}

export function useLoadExampleTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: loadExampleTeam,
    onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.all }),
  });
}

export function useSaveMember() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ draft, id }: { draft: TeamMemberDraft; id?: string | undefined }) => saveMember(draft, id),
    onSuccess: () => invalidate(teamKeys.members(), teamKeys.workload()),
  });
}

export function useSaveOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ draft, id }: { draft: OrganisationDraft; id?: string | undefined }) => saveOrganisation(draft, id),
    onSuccess: () => invalidate(teamKeys.organisations()),
  });
}

/** A new organisation with its first placement (one transaction, see createPlacedOrganisation). */
export function useCreatePlacedOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ draft, placement }: { draft: OrganisationDraft; placement: Omit<PlacementDraft, 'organisationId'> }) => createPlacedOrganisation(draft, placement),
    onSuccess: () => invalidate(teamKeys.organisations(), teamKeys.placements()),
  });
}

export function useSaveContact() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ draft, id }: { draft: ContactDraft; id?: string | undefined }) => saveContact(draft, id),
    onSuccess: () => invalidate(teamKeys.contacts()),
  });
}

export function usePlaceOrganisation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (draft: PlacementDraft) => placeOrganisation(draft),
    onSuccess: () => invalidate(teamKeys.placements()),
  });
}

export function useReplaceContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ replacement, householdNote }: { replacement: ContactReplacement; householdNote: (note: string) => string }) =>
      replaceContact(replacement, householdNote),
    // Actions and notes of several households changed: drop every cached household view.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: teamKeys.all }), qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'team' })]),
  });
}

export function useAddInvolvement(householdId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (draft: InvolvementDraft) => addInvolvement(draft),
    onSuccess: () => invalidate(teamKeys.involvements(householdId), teamKeys.workload()),
  });
}

export function useUpdateInvolvement(householdId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { level?: InvolvementLevel; endedAt?: string } }) => updateInvolvement(householdId, id, patch),
    onSuccess: () => invalidate(teamKeys.involvements(householdId), teamKeys.workload()),
  });
}

export function useRecordConsent(householdId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (draft: ConsentDraft) => recordConsent(draft),
    onSuccess: () => invalidate(teamKeys.consents(householdId)),
  });
}

export function useWithdrawConsent(householdId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, date }: { id: string; date: string }) => withdrawConsent(householdId, id, date),
    onSuccess: () => invalidate(teamKeys.consents(householdId)),
  });
}

export function useInviteContact(householdId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ draft, today }: { draft: InvitationDraft; today: string }) => inviteContact(draft, today),
    onSuccess: () => invalidate(teamKeys.invitations(householdId)),
  });
}

export function useCancelInvitation(householdId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, date }: { id: string; date: string }) => cancelInvitation(householdId, id, date),
    onSuccess: () => invalidate(teamKeys.invitations(householdId)),
  });
}
