import type { StoreTables } from '../scope';

/** The feedback store: the loops that must not fall silent, and the team's knelpunten. */
export const tables = {
  feedbackDuties: 'household-scoped',
  evaluations: 'household-scoped',
  escalations: 'household-scoped',
  knelpunten: 'team',
} as const satisfies StoreTables;
