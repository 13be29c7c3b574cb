import { useQuery } from '@tanstack/react-query';
import { getAppSettings } from '../../data/stores/team/settings';
import {
  getMeeting,
  householdsFor,
  listAgendaItems,
  listConsentsFor,
  listHouseholdAgendaItems,
  listMeetings,
  loadCaseSummary,
  loadPeople,
  readTeamSettings,
} from '../../data/stores/meetings/meetings';

/**
 * Query keys for meetings. Meeting data changes only through this feature's mutations (and
 * the case file's, for plans), which invalidate what they change: staleTime is Infinity.
 * Case summaries are read fresh each time meeting mode opens an item (staleTime 0) because the
 * case file may have changed them since.
 */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: () => [...meetingKeys.all, 'list'] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
  agenda: (id: string) => [...meetingKeys.all, 'agenda', id] as const,
  names: (ids: readonly string[]) => [...meetingKeys.all, 'names', ...ids] as const,
  people: () => [...meetingKeys.all, 'people'] as const,
  consents: (ids: readonly string[]) => [...meetingKeys.all, 'consents', ...ids] as const,
  household: (id: string) => [...meetingKeys.all, 'household', id] as const,
  summary: (id: string) => [...meetingKeys.all, 'summary', id] as const,
  settings: () => [...meetingKeys.all, 'settings'] as const,
  me: () => [...meetingKeys.all, 'me'] as const,
};

export const useMeetings = () => useQuery({ queryKey: meetingKeys.list(), queryFn: listMeetings, staleTime: Infinity });
export const useMeeting = (id: string) => useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => getMeeting(id), staleTime: Infinity });
export const useAgenda = (id: string) => useQuery({ queryKey: meetingKeys.agenda(id), queryFn: () => listAgendaItems(id), staleTime: Infinity });
export const useHouseholdNames = (ids: readonly string[]) =>
  useQuery({
    queryKey: meetingKeys.names(ids),
    queryFn: async () => new Map((await householdsFor(ids)).map((h) => [h.id, h.displayName])),
    staleTime: Infinity,
  });
export const usePeople = () => useQuery({ queryKey: meetingKeys.people(), queryFn: loadPeople, staleTime: Infinity });
export const useConsents = (ids: readonly string[]) =>
  useQuery({ queryKey: meetingKeys.consents(ids), queryFn: () => listConsentsFor(ids), staleTime: 0 });
export const useHouseholdAgenda = (id: string) =>
  useQuery({ queryKey: meetingKeys.household(id), queryFn: () => listHouseholdAgendaItems(id), staleTime: Infinity });
export const useCaseSummary = (id: string | undefined) =>
  useQuery({ queryKey: meetingKeys.summary(id ?? ''), queryFn: () => (id ? loadCaseSummary(id) : null), staleTime: 0, enabled: !!id });
export const useTeamSettings = () => useQuery({ queryKey: meetingKeys.settings(), queryFn: readTeamSettings, staleTime: Infinity });
export const useCurrentUserId = () =>
  useQuery({ queryKey: meetingKeys.me(), queryFn: async () => (await getAppSettings())?.currentUserId ?? null, staleTime: Infinity });

