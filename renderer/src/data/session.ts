import { generateWrappableKey, unwrapKey, wrapKey } from '../crypto/aead';
import type { StoredRow, TableName, WijktafelDB } from './db';
import { HOUSEHOLD_SCOPED } from './records';

/**
 * An unlocked session: the data key and the per-household keys, in memory only.
 * Each household has its own random key, wrapped by the data key, so deleting a household
 * can destroy its key (crypto-shredding; see docs/adr/0003-encryption-at-rest.md).
 */
export class Session {
  private readonly householdKeys = new Map<string, CryptoKey>();

  constructor(
    readonly db: WijktafelDB,
    readonly dataKey: CryptoKey,
  ) {}

  private static aad(householdId: string): string {
    return `wijktafel:householdKey:${householdId}`;
  }

  /** Unwrap every household key at once (the case list and search need them all). */
  async loadHouseholdKeys(onProgress?: (fraction: number) => void): Promise<void> {
    const rows = await this.db.householdKeys.toArray();
    const batch = 500;
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch);
      const keys = await Promise.all(
        slice.map((r) => unwrapKey(r.wrapped as Uint8Array, this.dataKey, Session.aad(String(r.householdId)))),
      );
      slice.forEach((r, j) => {
        const k = keys[j];
        if (k) this.householdKeys.set(String(r.householdId), k);
      });
      onProgress?.(Math.min(1, (i + batch) / rows.length));
    }
  }

  /** Every household key unwrapped so far (all of them after loadHouseholdKeys), for a reader in a worker. */
  householdKeyEntries(): (readonly [string, CryptoKey])[] {
    return [...this.householdKeys];
  }

  async householdKey(householdId: string): Promise<CryptoKey> {
    const cached = this.householdKeys.get(householdId);
    if (cached) return cached;
    const row = await this.db.householdKeys.get(householdId);
    if (!row) throw new Error('no key for household');
    const key = await unwrapKey(row.wrapped as Uint8Array, this.dataKey, Session.aad(householdId));
    this.householdKeys.set(householdId, key);
    return key;
  }

  /** A new household key and the row that stores it wrapped; the caller writes the row in its transaction. */
  async newHouseholdKey(householdId: string): Promise<{ key: CryptoKey; row: StoredRow }> {
    const extractable = await generateWrappableKey();
    const wrapped = await wrapKey(extractable, this.dataKey, Session.aad(householdId));
    const key = await unwrapKey(wrapped, this.dataKey, Session.aad(householdId));
    this.householdKeys.set(householdId, key);
    return { key, row: { householdId, wrapped } };
  }

  /** Forget a household key (after the household and its key row are deleted). */
  forgetHousehold(householdId: string): void {
    this.householdKeys.delete(householdId);
  }

  /** The key a record of this table is sealed with. */
  async keyFor(table: TableName, householdId?: string): Promise<CryptoKey> {
    if (HOUSEHOLD_SCOPED.has(table)) {
      if (!householdId) throw new Error(`${table} needs a household id`);
      return this.householdKey(householdId);
    }
    return this.dataKey;
  }
}

let current: Session | null = null;

export class LockedError extends Error {
  constructor() {
    super('locked');
    this.name = 'LockedError';
  }
}

export function setSession(session: Session | null): void {
  current = session;
}

export function getSession(): Session {
  if (!current) throw new LockedError();
  return current;
}

export function isUnlocked(): boolean {
  return current !== null;
}
