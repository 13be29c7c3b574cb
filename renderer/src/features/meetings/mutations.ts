import { useMutation, useQueryClient } from '@tanstack/react-query';
import { localDay } from '@shared/dates';
import type { AgendaItem, Decision, Meeting, MeetingAction, NominationDraft } from '@shared/domain/meeting';
import {
  addDecision,
  addMeetingAction,
  bringBackFollowUps,
  closeMeeting,
  moveAgendaItem,
  nominate,
  planMeeting,
  removeAgendaItem,
  removeDecision,
  removeMeetingAction,
  setInvitedContacts,
  startItem,
  startMeeting,
  updateAgendaItem,
  updateMeeting,
} from '../../data/stores/meetings/meetings';
import { closeItem } from '../../data/usecases/close-agenda-item';
import { teamKeys } from '../team/queries';
import { meetingKeys } from './queries';

/** Every meeting mutation invalidates the meeting feature's queries; the case file's too when a plan changed. */
function useInvalidate() {
  const qc = useQueryClient();
  return async (alsoCaseFile = false) => {
    await qc.invalidateQueries({ queryKey: meetingKeys.all });
    if (alsoCaseFile) {
      // The case file and feedback features read the plan and duties this wrote.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'meetings' });
    }
  };
}

export function usePlanMeeting() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (date?: string) => planMeeting(date, localDay()), onSuccess: () => inv() });
}

export function useUpdateMeeting(id: string) {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (patch: Partial<Pick<Meeting, 'date' | 'lengthMinutes' | 'attendeeIds' | 'chairId'>>) => updateMeeting(id, patch),
    onSuccess: () => inv(),
  });
}

export function useNominate() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (v: { draft: NominationDraft; by: string | undefined }) => nominate(v.draft, v.by, localDay()),
    onSuccess: () => inv(),
  });
}

export function useUpdateItem() {
  const inv = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; patch: Partial<Pick<AgendaItem, 'question' | 'timeBoxMinutes' | 'status' | 'notes'>> }) => updateAgendaItem(v.id, v.patch),
    onSuccess: () => inv(),
  });
}

export function useRemoveItem() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (id: string) => removeAgendaItem(id), onSuccess: () => inv() });
}

export function useMoveItem(meetingId: string) {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (v: { id: string; direction: 'up' | 'down' }) => moveAgendaItem(meetingId, v.id, v.direction), onSuccess: () => inv() });
}

export function useInvite() {
  const inv = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { itemId: string; contactIds: string[] }) => setInvitedContacts(v.itemId, v.contactIds, localDay()),
    // The guests' household invitations ("for this meeting") belong to the team feature's lists.
    onSuccess: async (item) => Promise.all([inv(), qc.invalidateQueries({ queryKey: teamKeys.invitations(item.householdId) })]),
  });
}

export function useFollowUps(meetingId: string) {
  const inv = useInvalidate();
  return useMutation({ mutationFn: () => bringBackFollowUps(meetingId), onSuccess: () => inv() });
}

export function useStartMeeting(meetingId: string) {
  const inv = useInvalidate();
  return useMutation({ mutationFn: () => startMeeting(meetingId), onSuccess: () => inv() });
}

export function useStartItem(meetingId: string) {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (itemId: string) => startItem(meetingId, itemId), onSuccess: () => inv() });
}

export function useAddDecision() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (v: { itemId: string; decision: Omit<Decision, 'id'> }) => addDecision(v.itemId, v.decision), onSuccess: () => inv() });
}

export function useRemoveDecision() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (v: { itemId: string; id: string }) => removeDecision(v.itemId, v.id), onSuccess: () => inv() });
}

export function useAddAction() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (v: { itemId: string; action: MeetingAction }) => addMeetingAction(v.itemId, v.action), onSuccess: () => inv() });
}

export function useRemoveAction() {
  const inv = useInvalidate();
  return useMutation({ mutationFn: (v: { itemId: string; id: string }) => removeMeetingAction(v.itemId, v.id), onSuccess: () => inv() });
}

export function useCloseItem() {
  const inv = useInvalidate();
  // Also after a refusal: the screen then shows what is stored (an item closed or removed in
  // another window moves the chair on instead of leaving a stale item on screen).
  return useMutation({ mutationFn: (itemId: string) => closeItem(itemId, localDay()), onSettled: () => inv(true) });
}

export function useCloseMeeting(meetingId: string) {
  const inv = useInvalidate();
  return useMutation({ mutationFn: () => closeMeeting(meetingId), onSuccess: () => inv() });
}
