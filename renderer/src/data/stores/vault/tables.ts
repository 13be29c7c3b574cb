import type { StoreTables } from '../scope';

/** The vault store: the wrapped data key and KDF parameters. */
export const tables = {
  vault: 'team',
} as const satisfies StoreTables;
