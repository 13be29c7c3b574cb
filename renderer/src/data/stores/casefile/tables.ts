import type { StoreTables } from '../scope';

/** The case-file store: everything recorded in one household's dossier. */
export const tables = {
  intakes: 'household-scoped',
  assessments: 'household-scoped',
  plans: 'household-scoped',
  goals: 'household-scoped',
  actions: 'household-scoped',
  handovers: 'household-scoped',
  notes: 'household-scoped',
  events: 'household-scoped',
} as const satisfies StoreTables;
