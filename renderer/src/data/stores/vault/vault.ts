import { getDb } from '../../db';
import { getSession, type Session } from '../../session';
import * as vault from '../../vault';
import { appendAudit } from '../audit/audit';

/**
 * The vault as the UI sees it: open the store, is there a vault, create, unlock.
 * (Screens never touch the database itself; see eslint.config.js.)
 */
export type VaultState = 'none' | 'locked';

/** Open the database and say whether a vault exists. Rejects with Dexie's VersionError for a newer database. */
export async function openStore(): Promise<VaultState> {
  const db = getDb();
  await db.open();
  return (await vault.readVault(db)) ? 'locked' : 'none';
}

export function createVault(passphrase: string, onProgress?: vault.Progress) {
  return vault.createVault(getDb(), passphrase, onProgress ? { onProgress } : {});
}

export function unlockVault(passphrase: string, onProgress?: vault.Progress): Promise<Session> {
  return vault.unlockVault(getDb(), passphrase, onProgress);
}

export async function recoverVault(recoveryKey: string, newPassphrase: string): Promise<Session> {
  const session = await vault.unlockWithRecoveryKey(getDb(), recoveryKey);
  await vault.changePassphrase(getDb(), { recoveryKey }, newPassphrase);
  return session;
}

/** Re-wraps the data key only (no data is re-encrypted); audited. Requires an unlocked session. */
export async function changePassphrase(current: string, next: string): Promise<void> {
  getSession();
  await vault.changePassphrase(getDb(), { passphrase: current }, next);
  await appendAudit({ action: 'vault.passphrase-change', entity: 'vault' });
}

/** A new recovery key (the old one stops working). Returns it to show once. */
export async function rotateRecoveryKey(passphrase: string): Promise<string> {
  getSession();
  const key = await vault.rotateRecoveryKey(getDb(), passphrase);
  await appendAudit({ action: 'vault.recovery-rotate', entity: 'vault' });
  return key;
}

export async function enableKeystore(passphrase: string, keystore: vault.KeystoreLike): Promise<void> {
  getSession();
  await vault.enableKeystore(getDb(), passphrase, keystore);
  await appendAudit({ action: 'vault.keystore-enable', entity: 'vault' });
}

export async function disableKeystore(): Promise<void> {
  getSession();
  await vault.disableKeystore(getDb());
  await appendAudit({ action: 'vault.keystore-disable', entity: 'vault' });
}

export function unlockWithKeystore(keystore: vault.KeystoreLike, onProgress?: vault.Progress): Promise<Session> {
  return vault.unlockWithKeystore(getDb(), keystore, onProgress);
}

/** What the settings screen shows about the vault: no key material, only parameters and dates. */
export type VaultInfo = {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  measuredMs: number | undefined;
  keystore: boolean;
  createdAt: string;
  updatedAt: string;
};

export async function vaultInfo(): Promise<VaultInfo | null> {
  const row = await vault.readVault(getDb());
  if (!row) return null;
  return {
    memoryKiB: row.kdf.memoryKiB,
    iterations: row.kdf.iterations,
    parallelism: row.kdf.parallelism,
    measuredMs: row.kdf.measuredMs,
    keystore: row.keystore !== undefined,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export { WrongPassphraseError } from '../../vault';
export type { Progress } from '../../vault';
