import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Action,
  ActionDraft,
  ActionProgress,
  AssessmentDraft,
  CloseDraft,
  GoalDraft,
  HandoverDraft,
  IntakeDecisionDraft,
  IntakeDraft,
  NewPlanDraft,
  NoteDraft,
} from '@shared/domain/casefile';
import type { CaseFile } from '@shared/domain/casefile-rules';
import type { Household, HouseholdDraft, HouseholdStatus } from '@shared/domain/household';
import { loadCaseFile } from '../../data/stores/casefile/casefile';
import { addAssessment, addIntake, addNote, decideIntake } from '../../data/stores/casefile/intake';
import { addAction, addGoal, startPlan, updateActionProgress } from '../../data/stores/casefile/plan';
import { changeStatus, closeHousehold, handOver } from '../../data/stores/casefile/regie';
import { updateHousehold } from '../../data/stores/households/households';
import { createHouseholdWithIntake } from '../../data/usecases/create-intake';
import { householdKeys } from './queries';
import { searchIndex } from './search/searchIndex';

/**
 * After any case-file write: the fresh case file (one household, decrypted once) replaces the
 * cached case file, header and search docs, and is patched into the cached case list in place,
 * so a save never re-decrypts 10,000 households.
 */
async function refreshHousehold(qc: QueryClient, id: string): Promise<void> {
  const cf = await loadCaseFile(id);
  if (cf) {
    qc.setQueryData(householdKeys.caseFile(id), cf);
    qc.setQueryData(householdKeys.detail(id), cf.household);
    qc.setQueryData(householdKeys.list(), (list: Household[] | undefined) =>
      list === undefined ? undefined : list.some((h) => h.id === id) ? list.map((h) => (h.id === id ? cf.household : h)) : [...list, cf.household],
    );
    searchIndex.reindexCaseFile(cf);
  } else {
    await qc.invalidateQueries({ queryKey: householdKeys.list() });
  }
  await qc.invalidateQueries({ queryKey: householdKeys.openFeedback(id) });
}

export function useCreateHousehold() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ household, intake }: { household: HouseholdDraft; intake?: IntakeDraft }) => createHouseholdWithIntake(household, intake),
    onSuccess: async ({ household }) => refreshHousehold(qc, household.id),
  });
}

export function useUpdateHousehold(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: HouseholdDraft) => updateHousehold(id, draft),
    onSuccess: async () => refreshHousehold(qc, id),
  });
}

/**
 * One hook per case-file write; each refreshes the household afterwards. A write that changes
 * exactly one record can pass `patch`: the committed record then replaces (or joins) its list in
 * the cached case file at once, and the full re-read of the household follows in the background
 * (at 10,000 households, re-reading and decrypting the whole file before showing a saved action
 * was most of the save's time; docs/adr/0004-performance.md).
 */
function useCaseMutation<A, R>(householdId: string, fn: (args: A) => Promise<R>, patch?: (cf: CaseFile, result: R) => CaseFile) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      const key = householdKeys.caseFile(householdId);
      if (patch && qc.getQueryData<CaseFile>(key)) {
        qc.setQueryData<CaseFile>(key, (cf) => cf && patch(cf, result));
        // The write is committed and shown; a failing re-read (say, locked meanwhile) changes nothing.
        void refreshHousehold(qc, householdId).catch(() => undefined);
        return;
      }
      await refreshHousehold(qc, householdId);
    },
  });
}

/** The list with `item` in place of the record with its id, or added at the end. */
function upsert<T extends { id: string }>(list: readonly T[], item: T): readonly T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}

export const useAddIntake = (hid: string) => useCaseMutation(hid, (d: IntakeDraft) => addIntake(hid, d));
export const useDecideIntake = (hid: string) =>
  useCaseMutation(hid, ({ intakeId, draft }: { intakeId: string; draft: IntakeDecisionDraft }) => decideIntake(hid, intakeId, draft));
export const useAddAssessment = (hid: string) =>
  useCaseMutation(hid, (d: AssessmentDraft) => addAssessment(hid, d), (cf, a) => ({ ...cf, assessments: upsert(cf.assessments, a) }));
export const useAddNote = (hid: string) =>
  useCaseMutation(
    hid,
    ({ draft, authorId }: { draft: NoteDraft; authorId?: string | undefined }) => addNote(hid, draft, authorId),
    (cf, n) => ({ ...cf, notes: upsert(cf.notes, n) }),
  );
export const useStartPlan = (hid: string) => useCaseMutation(hid, (d: NewPlanDraft) => startPlan(hid, d));
export const useAddGoal = (hid: string) =>
  useCaseMutation(hid, ({ planId, draft }: { planId: string; draft: GoalDraft }) => addGoal(hid, planId, draft), (cf, g) => ({ ...cf, goals: upsert(cf.goals, g) }));
export const useAddAction = (hid: string) => useCaseMutation(hid, (d: ActionDraft) => addAction(hid, d), (cf, a) => ({ ...cf, actions: upsert(cf.actions, a) }));
/** `seen`: the action as on screen; with the household from the cached case file, the save skips its reads (updateActionProgress). */
export function useUpdateAction(hid: string) {
  const qc = useQueryClient();
  return useCaseMutation(
    hid,
    ({ actionId, draft, today, seen }: { actionId: string; draft: ActionProgress; today: string; seen?: Action }) =>
      updateActionProgress(hid, actionId, draft, today, seen && { record: seen, household: qc.getQueryData<CaseFile>(householdKeys.caseFile(hid))?.household }),
    (cf, a) => ({ ...cf, actions: upsert(cf.actions, a) }),
  );
}
export const useHandOver = (hid: string) =>
  useCaseMutation(hid, ({ fromId, draft }: { fromId: string | undefined; draft: HandoverDraft }) => handOver(hid, fromId, draft));
export const useChangeStatus = (hid: string) => useCaseMutation(hid, (to: HouseholdStatus) => changeStatus(hid, to));
export const useCloseHousehold = (hid: string) => useCaseMutation(hid, (d: CloseDraft) => closeHousehold(hid, d));
