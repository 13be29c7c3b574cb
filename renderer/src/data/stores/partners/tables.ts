import type { StoreTables } from '../scope';

/** The partners store: the organisations around the table and what ties them to a household. */
export const tables = {
  organisations: 'team',
  contacts: 'team',
  placements: 'team',
  involvements: 'household-scoped',
  consents: 'household-scoped',
  invitations: 'household-scoped',
} as const satisfies StoreTables;
