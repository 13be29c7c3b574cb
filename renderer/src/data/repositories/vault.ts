import { getDb } from '../db';
import type { Session } from '../session';
import * as vault from '../vault';

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

export function changePassphrase(current: string, next: string): Promise<void> {
  return vault.changePassphrase(getDb(), { passphrase: current }, next);
}

export { WrongPassphraseError } from '../vault';
export type { Progress } from '../vault';
