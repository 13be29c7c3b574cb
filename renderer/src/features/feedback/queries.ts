import { useQuery } from '@tanstack/react-query';
import {
  getDuty,
  getEscalation,
  getFeedbackRules,
  getOpenAction,
  householdNames,
  letterInputFor,
  listDuties,
  listEscalations,
  listFollowUp,
  listKnelpunten,
  listMembers,
  loadEvaluationContext,
  syncFeedbackDuties,
} from '../../data/stores/feedback/feedback';
import { loadAttention } from '../../data/views/attention';

/**
 * Query keys for the feedback loops. This feature's own records change only through its own
 * mutations, which invalidate what they change, so those queries have staleTime Infinity. "Today" is part of the attention key:
 * when the date moves on, the list is derived again (overdue is never stored).
 */
export const feedbackKeys = {
  all: ['feedback'] as const,
  attention: (today: string) => [...feedbackKeys.all, 'attention', today] as const,
  household: (id: string) => [...feedbackKeys.all, 'household', id] as const,
  duty: (id: string) => [...feedbackKeys.all, 'duty', id] as const,
  followUp: (ownerId: string, until: string) => [...feedbackKeys.all, 'followUp', ownerId, until] as const,
  action: (householdId: string, actionId: string) => [...feedbackKeys.all, 'action', householdId, actionId] as const,
  evaluation: (householdId: string) => [...feedbackKeys.all, 'evaluation', householdId] as const,
  escalations: () => [...feedbackKeys.all, 'escalations'] as const,
  escalation: (id: string) => [...feedbackKeys.all, 'escalation', id] as const,
  knelpunten: () => [...feedbackKeys.all, 'knelpunten'] as const,
  team: () => [...feedbackKeys.all, 'team'] as const,
};

/**
 * Views built on OTHER features' records (intakes, plans, actions, consents) cannot rely on
 * this feature's own invalidation: they show cached data at once and re-derive on every mount.
 * That is cheap: the repository only opens rows whose sealed version it has not seen before.
 */
const DERIVED = { staleTime: 0, refetchOnMount: 'always' } as const;

export function useAttention(today: string) {
  // No structural sharing: the repository hands out the same item objects while they are
  // unchanged, and comparing thousands of items deeply after every save cost more than it saved.
  return useQuery({ queryKey: feedbackKeys.attention(today), queryFn: () => loadAttention(today), ...DERIVED, structuralSharing: false });
}

/** Everything of the feedback loops for one household's page; derives missing duties first. */
export function useHouseholdFeedback(householdId: string, until: string) {
  return useQuery({
    queryKey: feedbackKeys.household(householdId),
    queryFn: async () => {
      await syncFeedbackDuties(householdId);
      const [duties, escalations, knelpunten, followUp] = await Promise.all([
        listDuties(householdId),
        listEscalations(householdId),
        listKnelpunten(),
        listFollowUp({ householdId, until }),
      ]);
      return { duties, escalations, knelpunten, followUp };
    },
    ...DERIVED,
  });
}

export function useDuty(id: string) {
  return useQuery({
    queryKey: feedbackKeys.duty(id),
    queryFn: async () => {
      const duty = await getDuty(id).catch(() => null);
      if (!duty) return null;
      const [letter, names] = await Promise.all([letterInputFor(id), householdNames([duty.householdId])]);
      return { duty, letter, householdName: names.get(duty.householdId) ?? '' };
    },
    staleTime: Infinity,
  });
}

export function useFollowUp(ownerId: string, until: string) {
  return useQuery({
    queryKey: feedbackKeys.followUp(ownerId, until),
    queryFn: () => listFollowUp({ until, ...(ownerId ? { ownerId } : {}) }),
    ...DERIVED,
  });
}

export function useOpenAction(householdId: string, actionId: string) {
  return useQuery({ queryKey: feedbackKeys.action(householdId, actionId), queryFn: () => getOpenAction(householdId, actionId), staleTime: Infinity });
}

export function useEvaluationContext(householdId: string) {
  return useQuery({
    queryKey: feedbackKeys.evaluation(householdId),
    queryFn: async () => {
      const [ctx, names] = await Promise.all([loadEvaluationContext(householdId), householdNames([householdId])]);
      return { ...ctx, householdName: names.get(householdId) ?? '' };
    },
    ...DERIVED,
  });
}

export function useOpenEscalations() {
  return useQuery({
    queryKey: feedbackKeys.escalations(),
    queryFn: async () => {
      const list = await listEscalations();
      return { list, names: await householdNames([...new Set(list.map((e) => e.householdId))]) };
    },
    staleTime: Infinity,
  });
}

export function useEscalation(id: string) {
  return useQuery({
    queryKey: feedbackKeys.escalation(id),
    queryFn: async () => {
      const e = await getEscalation(id).catch(() => null);
      if (!e) return null;
      return { escalation: e, householdName: (await householdNames([e.householdId])).get(e.householdId) ?? '' };
    },
    staleTime: Infinity,
  });
}

export function useKnelpunten() {
  return useQuery({ queryKey: feedbackKeys.knelpunten(), queryFn: listKnelpunten, staleTime: Infinity });
}

/** Team members (names for owners and holders) and the team's feedback settings. */
export function useTeam() {
  return useQuery({
    queryKey: feedbackKeys.team(),
    queryFn: async () => {
      const [members, rules] = await Promise.all([listMembers(), getFeedbackRules()]);
      return { members, rules };
    },
    staleTime: Infinity,
  });
}
