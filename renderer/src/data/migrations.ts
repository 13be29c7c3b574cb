/**
 * Numbered, frozen schema migrations. NEVER edit a shipped version: add a new one.
 * A migration imports no feature code (copy what it needs), so old migrations keep
 * meaning what they meant. Each version has a test that upgrades from a fixture of
 * the version before it (tests/unit/renderer/migrations.test.ts).
 *
 * Index only non-identifying values: ids, dates, statuses, wijk, regisseur id.
 * Everything a person typed lives in the encrypted `enc` payload (see records.ts).
 */
import type { Transaction } from 'dexie';

export type Migration = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    stores: {
      vault: 'id',
      settings: 'id',
      householdKeys: 'householdId',
      households: 'id, status, wijk, regisseurId, lastActivityAt',
      intakes: 'id, householdId, date',
      assessments: 'id, householdId, date',
      plans: 'id, householdId, status',
      goals: 'id, householdId, planId',
      actions: 'id, householdId, planId, goalId, status, dueDate, ownerId',
      handovers: 'id, householdId, date',
      notes: 'id, householdId, createdAt',
      events: 'id, householdId, at',
      organisations: 'id',
      contacts: 'id, organisationId',
      teamMembers: 'id',
      placements: 'id, organisationId',
      involvements: 'id, householdId, organisationId, contactId',
      consents: 'id, householdId, organisationId',
      invitations: 'id, householdId, contactId, endDate',
      feedbackDuties: 'id, householdId, status, dueDate',
      evaluations: 'id, householdId, planId, date',
      escalations: 'id, householdId, status',
      knelpunten: 'id',
      meetings: 'id, date',
      agendaItems: 'id, meetingId, householdId',
      audit: '++seq, at',
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 1;
