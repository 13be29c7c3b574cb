import { describe, expect, it } from 'vitest';
import { FeedbackDutySchema } from '@shared/domain/feedback';
import { deriveDuties } from '@shared/domain/feedback-rules';
import { AgendaItemSchema, MeetingSchema } from '@shared/domain/meeting';
import { generateMunicipality } from '@shared/synthetic';

/** The meeting and feedback records the generator makes must be what those features read. */
describe('synthetic meetings and feedback duties', () => {
  const { team, households } = generateMunicipality({ seed: 7, size: 'small', today: '2025-03-14' });

  it('meetings and agenda items pass the meeting schemas, and every agenda household has a pseudonym', () => {
    for (const m of team.meetings) MeetingSchema.parse(m);
    let items = 0;
    for (const b of households) {
      for (const a of b.agendaItems) {
        AgendaItemSchema.parse(a);
        const meeting = team.meetings.find((m) => m.id === a.meetingId);
        expect(meeting?.pseudonyms[b.household.id]).toMatch(/^[A-Z]+$/);
        items++;
      }
    }
    expect(items).toBeGreaterThan(0);
  });

  it('feedback duties pass the feedback schema and are exactly what the feedback rules derive', () => {
    let duties = 0;
    for (const b of households) {
      for (const d of b.feedbackDuties) {
        FeedbackDutySchema.parse(d);
        expect(d.householdId).toBe(b.household.id);
        duties++;
      }
    }
    expect(duties).toBeGreaterThan(0);
  });

  it("leaves the feedback feature's sync nothing to add", () => {
    const existing = new Set(households.flatMap((b) => b.feedbackDuties.map((d) => d.id)));
    const missing = deriveDuties(
      {
        intakes: households.flatMap((b) => b.intakes),
        plans: households.flatMap((b) => b.plans),
        households: households.map((b) => b.household),
        actions: households.flatMap((b) => b.actions),
      },
      existing,
      { workingDays: team.settings.feedbackDueWorkingDays, now: '2025-03-14T12:00:00.000Z' },
    );
    expect(missing).toEqual([]);
    expect(households.some((b) => b.feedbackDuties.some((d) => d.kind === 'action_result'))).toBe(true);
  });
});
