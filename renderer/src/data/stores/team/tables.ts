import type { StoreTables } from '../scope';

/** The team store: its members and the settings rows ('team', 'app', the anonymous aggregates). */
export const tables = {
  teamMembers: 'team',
  settings: 'team',
} as const satisfies StoreTables;
