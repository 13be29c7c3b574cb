import type { StoreTables } from '../scope';

/** The meetings store: the team meeting and its agenda (an item names one household). */
export const tables = {
  meetings: 'team',
  agendaItems: 'household-scoped',
} as const satisfies StoreTables;
