import type { StoreTables } from '../scope';

/** The households store: the household (members inside, ADR 0001 §6) and its own key. */
export const tables = {
  households: 'household-scoped',
  householdKeys: 'household-scoped',
} as const satisfies StoreTables;
