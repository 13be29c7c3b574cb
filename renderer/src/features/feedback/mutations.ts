import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionResultDraft, EscalationDraft, EvaluationDraft, FeedbackDone, KnelpuntDraft } from '@shared/domain/feedback';
import {
  createKnelpunt,
  escalateNextStep,
  linkKnelpunt,
  markDutyDone,
  recordActionResult,
  resolveEscalation,
  startEscalation,
} from '../../data/stores/feedback/feedback';
import { saveEvaluation } from '../../data/usecases/save-evaluation';
import { feedbackKeys } from './queries';

/** Feedback-only writes: refresh the feedback queries and the household list (activity dates). */
function useFeedbackInvalidation() {
  const qc = useQueryClient();
  return async () => {
    await qc.invalidateQueries({ queryKey: feedbackKeys.all });
    await qc.invalidateQueries({ queryKey: ['households'] });
  };
}

/**
 * Writes that also change the case file (action status, plan date, goals, scores): the case-file
 * feature's queries must refresh too, and their keys are that feature's business, so everything
 * is invalidated (local data, cheap to re-read).
 */
function useEverythingInvalidation() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}

export function useMarkDutyDone() {
  const invalidate = useFeedbackInvalidation();
  return useMutation({ mutationFn: ({ id, done }: { id: string; done: FeedbackDone }) => markDutyDone(id, done), onSuccess: invalidate });
}

export function useRecordActionResult() {
  const invalidate = useEverythingInvalidation();
  return useMutation({
    mutationFn: ({ householdId, actionId, draft }: { householdId: string; actionId: string; draft: ActionResultDraft }) => recordActionResult(householdId, actionId, draft),
    onSuccess: invalidate,
  });
}

export function useSaveEvaluation() {
  const invalidate = useEverythingInvalidation();
  return useMutation({
    mutationFn: ({ householdId, draft, authorId }: { householdId: string; draft: EvaluationDraft; authorId?: string | undefined }) => saveEvaluation(householdId, draft, authorId),
    onSuccess: invalidate,
  });
}

export function useStartEscalation() {
  const invalidate = useFeedbackInvalidation();
  return useMutation({ mutationFn: ({ householdId, draft, today }: { householdId: string; draft: EscalationDraft; today: string }) => startEscalation(householdId, draft, today), onSuccess: invalidate });
}

export function useEscalateNext() {
  const invalidate = useFeedbackInvalidation();
  return useMutation({
    mutationFn: ({ id, today, holderId, note }: { id: string; today: string; holderId?: string; note?: string }) => escalateNextStep(id, today, holderId, note),
    onSuccess: invalidate,
  });
}

export function useResolveEscalation() {
  const invalidate = useFeedbackInvalidation();
  return useMutation({ mutationFn: ({ id, resolution, today }: { id: string; resolution: string; today: string }) => resolveEscalation(id, resolution, today), onSuccess: invalidate });
}

export function useCreateKnelpunt() {
  const invalidate = useFeedbackInvalidation();
  return useMutation({ mutationFn: ({ draft, householdId }: { draft: KnelpuntDraft; householdId?: string | undefined }) => createKnelpunt(draft, householdId), onSuccess: invalidate });
}

export function useLinkKnelpunt() {
  const invalidate = useFeedbackInvalidation();
  return useMutation({ mutationFn: ({ id, householdId, linked }: { id: string; householdId: string; linked: boolean }) => linkKnelpunt(id, householdId, linked), onSuccess: invalidate });
}
