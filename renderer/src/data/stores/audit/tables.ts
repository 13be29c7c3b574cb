import type { StoreTables } from '../scope';

/** The audit store: the append-only log (never content, so not household-scoped). */
export const tables = {
  audit: 'team',
} as const satisfies StoreTables;
