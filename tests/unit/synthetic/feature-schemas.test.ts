import { describe, expect, it } from 'vitest';
import { FeedbackDutySchema } from '@shared/domain/feedback';
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

  it('feedback duties pass the feedback schema and belong to a decided intake', () => {
    let duties = 0;
    for (const b of households) {
      for (const d of b.feedbackDuties) {
        FeedbackDutySchema.parse(d);
        expect(b.intakes.some((i) => i.id === d.sourceId && i.decision)).toBe(true);
        duties++;
      }
    }
    expect(duties).toBeGreaterThan(0);
  });
});
