import { describe, expect, it } from 'vitest';
import type { Action, Assessment, Goal, Plan } from '@shared/domain/casefile';
import type { Household } from '@shared/domain/household';
import type { AgendaItem, Meeting } from '@shared/domain/meeting';
import { DEFAULT_LIFE_DOMAINS } from '@shared/domain/partners';
import { renderHtml, resolveDocument, scanDocument } from '@shared/export/document';
import { projectMeetingPack, type MeetingExportInput } from '@shared/export/profiles';
import { assignPseudonyms } from '@shared/privacy/pseudonym';

/**
 * The pack is a pure function over decrypted data: 25 cases with goals, actions, scores and
 * narratives are projected, scanned, resolved and rendered, with every name pseudonymised.
 * How fast is not asserted here: a unit test's wall time depends on the machine and on what
 * else runs on it, so a time limit here would fail on a busy machine, not on slow code. The
 * budget (≤ 1 s for the whole pack-to-PDF path) is measured by the benchmark (`npm run bench`,
 * figure `meetingPack`, tests/bench/harness.ts).
 */
describe('a 25-case meeting pack', () => {
  it('is built, scanned and rendered with every name pseudonymised', () => {
    const TS = '2025-05-01T10:00:00.000Z';
    const households: Household[] = [];
    const plans: Plan[] = [];
    const goals: Goal[] = [];
    const actions: Action[] = [];
    const assessments: Assessment[] = [];
    const items: AgendaItem[] = [];
    for (let i = 0; i < 25; i++) {
      const id = `h${i}`;
      households.push({
        id, displayName: `Familie Naam${i}`, wijk: 'Centrum', status: 'actief', flags: [], alsoKnownBy: [], createdAt: TS, updatedAt: TS, lastActivityAt: TS,
        members: [
          { id: `${id}a`, role: 'ouder', firstName: `Voornaam${i}`, lastName: `Naam${i}`, birthDate: '1985-01-01' },
          { id: `${id}b`, role: 'kind', firstName: `Kind${i}`, lastName: `Naam${i}`, birthDate: '2015-01-01' },
        ],
      });
      plans.push({ id: `p${i}`, householdId: id, status: 'actief', startedAt: '2025-01-01', createdAt: TS });
      for (let g = 0; g < 3; g++) {
        goals.push({ id: `g${i}-${g}`, householdId: id, planId: `p${i}`, domainId: DEFAULT_LIFE_DOMAINS[g]?.id ?? 'werk', text: `Voornaam${i} wil rust in huis en een plan voor de schulden (${g}).`, status: 'open', createdAt: TS });
        for (let a = 0; a < 3; a++) {
          actions.push({
            id: `a${i}-${g}-${a}`, householdId: id, planId: `p${i}`, goalId: `g${i}-${g}`, text: `Bellen met Voornaam${i} op 06-1234567${a} over afspraak ${a}`, layer: 'netwerk',
            owner: { kind: 'resident' }, dueDate: '2025-07-01', reportTo: { kind: 'resident' }, status: 'open', createdAt: TS,
          });
        }
      }
      for (const d of DEFAULT_LIFE_DOMAINS) assessments.push({ id: `s${i}${d.id}`, householdId: id, date: '2025-02-01', domainId: d.id, score: 3, narrative: 'n', createdAt: TS });
      items.push({
        id: `i${i}`, meetingId: 'm', householdId: id, kind: 'case', question: `Wat is nodig voor Voornaam${i} Naam${i} (BSN 111222333)? Tel 06-12345678.`, timeBoxMinutes: 5, order: i,
        invitedContactIds: [], decisions: [], actions: [], writtenActionIds: [], status: 'open', createdAt: TS, updatedAt: TS,
      });
    }
    const meeting: Meeting = { id: 'm', date: '2025-06-05', status: 'gepland', lengthMinutes: 120, attendeeIds: [], pseudonyms: assignPseudonyms({}, households.map((h) => h.id)), createdAt: TS, updatedAt: TS };
    const input: MeetingExportInput = {
      meeting, items, households: new Map(households.map((h) => [h.id, h])), plans, goals, actions, assessments, domains: DEFAULT_LIFE_DOMAINS,
      teamMembers: [], contacts: [], organisations: [], placements: [], consents: [], today: '2025-06-02', madeOn: '2025-06-02',
    };
    const run = () => {
      const { document } = projectMeetingPack(input, { kind: 'binnenring' });
      const hits = scanDocument(document);
      return { html: renderHtml(resolveDocument(document, hits, {})), hits: hits.length };
    };
    const { html, hits } = run();
    expect(hits).toBeGreaterThan(25 * 3);
    expect(html).toContain('Huishouden Y');
    expect(html).not.toContain('Voornaam7');
    // Deterministic: the same input gives the same document.
    expect(run().html).toBe(html);
  });
});
