import { describe, expect, it } from 'vitest';
import {
  AgendaItemSchema,
  MeetingActionDraftSchema,
  NominationDraftSchema,
  agendaBudget,
  followUpTimeBox,
  followUpsFrom,
  formatClock,
  meetingActionFromDraft,
  meetingLength,
  moveItem,
  nextMeetingDate,
  nextOpenItem,
  previousMeeting,
  sortAgenda,
  timerState,
  upcomingMeeting,
} from '@shared/domain/meeting';

const TS = '2025-05-01T10:00:00.000Z';
const item = (id: string, order: number, extra: Record<string, unknown> = {}) => ({
  id,
  order,
  createdAt: TS,
  timeBoxMinutes: 15,
  status: 'open' as 'open' | 'besproken' | 'uitgesteld',
  ...extra,
});

describe('agenda', () => {
  it('orders by order, then by when an item was brought in', () => {
    const items = [item('b', 1), item('a', 0), item('c', 1, { createdAt: '2025-04-01T00:00:00.000Z' })];
    expect(sortAgenda(items).map((i) => i.id)).toEqual(['a', 'c', 'b']);
  });

  it('moves an item up or down with dense orders, and leaves the edges alone', () => {
    const items = [item('a', 0), item('b', 3), item('c', 7)];
    expect(moveItem(items, 'c', 'up').map((i) => [i.id, i.order])).toEqual([['a', 0], ['c', 1], ['b', 2]]);
    expect(moveItem(items, 'a', 'down').map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(moveItem(items, 'a', 'up').map((i) => [i.id, i.order])).toEqual([['a', 0], ['b', 1], ['c', 2]]);
    expect(moveItem(items, 'c', 'down').map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('totals the time boxes against the meeting length; postponed items do not count', () => {
    const items = [item('a', 0, { timeBoxMinutes: 30 }), item('b', 1, { timeBoxMinutes: 45 }), item('c', 2, { timeBoxMinutes: 20, status: 'uitgesteld' })];
    expect(agendaBudget(items, 90)).toEqual({ plannedMinutes: 75, lengthMinutes: 90, overMinutes: 0, fits: true });
    expect(agendaBudget([...items, item('d', 3, { timeBoxMinutes: 25 })], 90)).toEqual({ plannedMinutes: 100, lengthMinutes: 90, overMinutes: 10, fits: false });
  });

  it('uses the team meeting length or 90 minutes', () => {
    expect(meetingLength(null)).toBe(90);
    expect(meetingLength({ meeting: { lengthMinutes: 120 } })).toBe(120);
  });

  it('plans the next meeting on the team weekday, or a week on', () => {
    // 2025-06-02 is a Monday.
    expect(nextMeetingDate('2025-06-02', 4)).toBe('2025-06-05');
    expect(nextMeetingDate('2025-06-02', 1)).toBe('2025-06-09');
    expect(nextMeetingDate('2025-06-02')).toBe('2025-06-09');
  });

  it('finds the upcoming and the previous meeting', () => {
    const ms = [
      { id: 'm1', date: '2025-05-01', status: 'afgerond' as const },
      { id: 'm2', date: '2025-05-15', status: 'afgerond' as const },
      { id: 'm3', date: '2025-06-05', status: 'gepland' as const },
      { id: 'm4', date: '2025-06-19', status: 'gepland' as const },
    ];
    expect(upcomingMeeting(ms, '2025-06-02')?.id).toBe('m3');
    expect(previousMeeting(ms, { id: 'm3', date: '2025-06-05' })?.id).toBe('m2');
    expect(previousMeeting(ms, { id: 'm1', date: '2025-05-01' })).toBeUndefined();
  });

  it('a case needs a question for the team; a follow-up does not', () => {
    const base = { id: 'i', meetingId: 'm', householdId: 'h', timeBoxMinutes: 10, order: 0, status: 'open', createdAt: TS, updatedAt: TS };
    expect(AgendaItemSchema.safeParse({ ...base, kind: 'case' }).success).toBe(false);
    expect(AgendaItemSchema.safeParse({ ...base, kind: 'case', question: 'Wie pakt de schulden op?' }).success).toBe(true);
    expect(AgendaItemSchema.safeParse({ ...base, kind: 'follow_up' }).success).toBe(true);
  });

  it('validates a nomination: question required, time box 1–120 minutes', () => {
    expect(NominationDraftSchema.safeParse({ householdId: 'h', question: '', timeBoxMinutes: '15' }).success).toBe(false);
    expect(NominationDraftSchema.safeParse({ householdId: 'h', question: 'Vraag', timeBoxMinutes: '0' }).success).toBe(false);
    expect(NominationDraftSchema.safeParse({ householdId: 'h', question: 'Vraag', timeBoxMinutes: '200' }).success).toBe(false);
    expect(NominationDraftSchema.parse({ householdId: 'h', question: 'Vraag', timeBoxMinutes: '20' }).timeBoxMinutes).toBe(20);
  });
});

describe('follow-ups from the previous meeting', () => {
  const actions = [
    { id: 'a1', householdId: 'h1', status: 'open' as const, meetingId: 'prev' },
    { id: 'a2', householdId: 'h1', status: 'gedaan' as const, meetingId: 'prev' },
    { id: 'a3', householdId: 'h2', status: 'open' as const, meetingId: 'older' },
    { id: 'a4', householdId: 'h3', status: 'gedaan' as const, meetingId: 'prev' },
  ];
  const duties = [
    { id: 'fd:partner_report:prev:h2:c1', householdId: 'h2', status: 'open' as const, kind: 'partner_report' as const, sourceId: 'prev:h2:c1', dueDate: '2025-06-01' },
    { id: 'fd:action_result:a4', householdId: 'h3', status: 'open' as const, kind: 'action_result' as const, sourceId: 'a4', dueDate: '2025-06-01' },
    { id: 'fd:action_result:a2', householdId: 'h1', status: 'gedaan' as const, kind: 'action_result' as const, sourceId: 'a2', dueDate: '2025-06-01' },
    { id: 'fd:partner_report:prev-late', householdId: 'h4', status: 'open' as const, kind: 'partner_report' as const, sourceId: 'prev:h4:c1', dueDate: '2025-07-01' },
  ];
  it('brings back open actions agreed there and open feedback due by the next meeting, one item per household', () => {
    const f = followUpsFrom({ id: 'prev' }, actions, duties, '2025-06-05');
    expect(f).toEqual([
      { householdId: 'h1', actionIds: ['a1'], dutyIds: [] },
      { householdId: 'h2', actionIds: [], dutyIds: ['fd:partner_report:prev:h2:c1'] },
      { householdId: 'h3', actionIds: [], dutyIds: ['fd:action_result:a4'] },
    ]);
    expect(followUpTimeBox({ householdId: 'h', actionIds: ['a'], dutyIds: [] })).toBe(5);
    expect(followUpTimeBox({ householdId: 'h', actionIds: Array(20).fill('a'), dutyIds: [] })).toBe(20);
  });
});

describe('meeting mode', () => {
  it('counts the timer against the time box', () => {
    const start = Date.UTC(2025, 5, 2, 14, 0, 0);
    expect(timerState(start, start + 65_000, 10)).toEqual({ elapsedSeconds: 65, remainingSeconds: 535, over: false, nearlyOver: false });
    expect(timerState(start, start + 9 * 60_000, 10).nearlyOver).toBe(true);
    expect(timerState(start, start + 11 * 60_000, 10)).toMatchObject({ over: true, remainingSeconds: -60 });
    expect(formatClock(535)).toBe('08:55');
    expect(formatClock(-60)).toBe('−01:00');
  });

  it('goes to the next open item, wrapping to an earlier one left open', () => {
    const items = [item('a', 0, { status: 'besproken' }), item('b', 1), item('c', 2, { status: 'besproken' }), item('d', 3)];
    expect(nextOpenItem(items, 'b')?.id).toBe('d');
    expect(nextOpenItem(items, 'd')?.id).toBe('b');
    expect(nextOpenItem(items, undefined)?.id).toBe('b');
    expect(nextOpenItem([item('a', 0, { status: 'besproken' })], 'a')).toBeUndefined();
  });

  it('an action goes under an existing goal or a new goal with a domain and text', () => {
    const base = { text: 'Afspraak schuldhulp maken', layer: 'professioneel', layerReason: 'schuld te hoog', owner: { kind: 'team_member', refId: 't1' }, dueDate: '2025-06-20', reportTo: { kind: 'team_member', refId: 't2' } };
    expect(MeetingActionDraftSchema.safeParse({ ...base, goalChoice: '' }).success).toBe(false);
    expect(MeetingActionDraftSchema.safeParse({ ...base, goalChoice: 'new' }).success).toBe(false);
    const parsed = MeetingActionDraftSchema.parse({ ...base, goalChoice: 'new', newGoalDomainId: 'financien', newGoalText: 'Rust in de financiën' });
    expect(meetingActionFromDraft(parsed, 'x').newGoal).toEqual({ domainId: 'financien', text: 'Rust in de financiën' });
    expect(meetingActionFromDraft(MeetingActionDraftSchema.parse({ ...base, goalChoice: 'g1' }), 'y').goalId).toBe('g1');
  });
});
