import { z } from 'zod';
import {
  DecryptError,
  generateWrappableKey,
  importKek,
  randomBytes,
  unwrapKey,
  wrapKey,
} from '../crypto/aead';
import { calibrate, KdfParamsSchema, type KdfParams } from '../crypto/kdf';
import { deriveInWorker } from '../crypto/kdf-client';
import type { WijktafelDB } from './db';
import { Session } from './session';

/**
 * The vault row holds the data key wrapped by a passphrase-derived key (Argon2id), and a
 * second copy wrapped by the recovery key. Nothing in it is readable without one of them.
 * A wrong passphrase never writes: unlock only reads this row.
 */
const Bytes = z.instanceof(Uint8Array);
export const VaultRowSchema = z.object({
  id: z.literal('main'),
  formatVersion: z.literal(1),
  kdf: KdfParamsSchema,
  wrappedKey: Bytes,
  recovery: z.object({ wrappedKey: Bytes }),
  /** Optional copy of the passphrase-derived key wrapped by the OS key store (desktop only). */
  keystore: z.object({ wrappedKek: Bytes }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VaultRow = z.infer<typeof VaultRowSchema>;

const AAD_PASSPHRASE = 'wijktafel:vault:passphrase';
const AAD_RECOVERY = 'wijktafel:vault:recovery';

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

export type Progress = (step: 'derive' | 'unwrap' | 'keys' | 'done', fraction: number) => void;

export async function readVault(db: WijktafelDB): Promise<VaultRow | null> {
  const row = await db.vault.get('main');
  return row ? VaultRowSchema.parse(row) : null;
}

async function kekFromPassphrase(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  return (await kekAndMs(passphrase, params)).kek;
}

async function kekAndMs(passphrase: string, params: KdfParams): Promise<{ kek: CryptoKey; ms: number }> {
  const { bytes, ms } = await deriveInWorker(passphrase, params);
  try {
    return { kek: await importKek(bytes), ms: Math.round(ms) };
  } finally {
    bytes.fill(0);
  }
}

/** The data key, unwrapped with the passphrase; extractable only when the caller re-wraps it. */
async function dataKeyFromPassphrase(vault: VaultRow, passphrase: string, extractable: boolean): Promise<CryptoKey> {
  const kek = await kekFromPassphrase(passphrase, vault.kdf);
  try {
    return await unwrapKey(vault.wrappedKey, kek, AAD_PASSPHRASE, extractable);
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongPassphraseError();
    throw e;
  }
}

/* Crockford base32 without padding: readable when printed, no 0/O or 1/I confusion. */
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function encodeRecoveryKey(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

export function decodeRecoveryKey(text: string): Uint8Array | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = B32.indexOf(ch);
    if (idx < 0) return null;
    value = ((value << 5) | idx) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out.length === 32 ? new Uint8Array(out) : null;
}

/** First run: make the data key, wrap it twice, store the vault. Returns the recovery key to show once. */
export async function createVault(
  db: WijktafelDB,
  passphrase: string,
  options: { params?: KdfParams; now?: () => Date; onProgress?: Progress } = {},
): Promise<{ session: Session; recoveryKey: string }> {
  if (await readVault(db)) throw new Error('vault exists');
  options.onProgress?.('derive', 0.1);
  const params =
    options.params ??
    (await calibrate(async (p) => (await deriveInWorker('calibration', p)).ms, randomBytes(16)));
  const salt = randomBytes(16);
  const derived = await kekAndMs(passphrase, { ...params, salt });
  const kek = derived.kek;
  // The time of the real derivation with the final parameters (calibration only estimated it).
  const kdf: KdfParams = { ...params, salt, measuredMs: derived.ms };
  options.onProgress?.('unwrap', 0.7);
  const dataKey = await generateWrappableKey();
  const recoveryBytes = randomBytes(32);
  const recoveryKek = await importKek(recoveryBytes);
  const now = (options.now?.() ?? new Date()).toISOString();
  const row: VaultRow = {
    id: 'main',
    formatVersion: 1,
    kdf,
    wrappedKey: await wrapKey(dataKey, kek, AAD_PASSPHRASE),
    recovery: { wrappedKey: await wrapKey(dataKey, recoveryKek, AAD_RECOVERY) },
    createdAt: now,
    updatedAt: now,
  };
  const recoveryKey = encodeRecoveryKey(recoveryBytes);
  recoveryBytes.fill(0);
  await db.vault.add(row);
  // Re-open the key as non-extractable for the session; the extractable copy goes out of scope.
  const sessionKey = await unwrapKey(row.wrappedKey, kek, AAD_PASSPHRASE);
  options.onProgress?.('done', 1);
  return { session: new Session(db, sessionKey), recoveryKey };
}

/** Unlock with the passphrase. Reads only; a wrong passphrase changes nothing on disk. */
export async function unlockVault(db: WijktafelDB, passphrase: string, onProgress?: Progress): Promise<Session> {
  const vault = await readVault(db);
  if (!vault) throw new Error('no vault');
  onProgress?.('derive', 0.1);
  const kek = await kekFromPassphrase(passphrase, vault.kdf);
  onProgress?.('unwrap', 0.6);
  let key: CryptoKey;
  try {
    key = await unwrapKey(vault.wrappedKey, kek, AAD_PASSPHRASE);
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongPassphraseError();
    throw e;
  }
  const session = new Session(db, key);
  onProgress?.('keys', 0.7);
  await session.loadHouseholdKeys((f) => onProgress?.('keys', 0.7 + 0.3 * f));
  onProgress?.('done', 1);
  return session;
}

/** Unlock with the printed recovery key (when the passphrase is lost). */
export async function unlockWithRecoveryKey(db: WijktafelDB, recoveryKey: string): Promise<Session> {
  const vault = await readVault(db);
  if (!vault) throw new Error('no vault');
  const bytes = decodeRecoveryKey(recoveryKey);
  if (!bytes) throw new WrongPassphraseError();
  const kek = await importKek(bytes);
  bytes.fill(0);
  try {
    const session = new Session(db, await unwrapKey(vault.recovery.wrappedKey, kek, AAD_RECOVERY));
    await session.loadHouseholdKeys();
    return session;
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongPassphraseError();
    throw e;
  }
}

/**
 * New passphrase: unwrap the data key with the old one (or the recovery key), wrap it with
 * the new one. The data itself is not re-encrypted. Fresh salt; parameters may be raised.
 */
export async function changePassphrase(
  db: WijktafelDB,
  current: { passphrase: string } | { recoveryKey: string },
  next: string,
  params?: KdfParams,
): Promise<void> {
  const vault = await readVault(db);
  if (!vault) throw new Error('no vault');
  let dataKey: CryptoKey;
  try {
    if ('passphrase' in current) {
      const kek = await kekFromPassphrase(current.passphrase, vault.kdf);
      dataKey = await unwrapKey(vault.wrappedKey, kek, AAD_PASSPHRASE, true);
    } else {
      const bytes = decodeRecoveryKey(current.recoveryKey);
      if (!bytes) throw new WrongPassphraseError();
      dataKey = await unwrapKey(vault.recovery.wrappedKey, await importKek(bytes), AAD_RECOVERY, true);
    }
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongPassphraseError();
    throw e;
  }
  const fresh: KdfParams = { ...(params ?? vault.kdf), salt: randomBytes(16) };
  const { kek, ms } = await kekAndMs(next, fresh);
  const kdf: KdfParams = { ...fresh, measuredMs: ms };
  const wrappedKey = await wrapKey(dataKey, kek, AAD_PASSPHRASE);
  // The keystore copy wrapped the old passphrase key: it is dropped, the user may re-enable it.
  const { keystore: _dropped, ...rest } = vault;
  await db.vault.put({ ...rest, kdf, wrappedKey, updatedAt: new Date().toISOString() });
}

/**
 * A new recovery key replaces the old one (e.g. the printed sheet was lost). Requires the
 * passphrase; the data key is re-wrapped, nothing else changes. Returns the key to show once.
 */
export async function rotateRecoveryKey(db: WijktafelDB, passphrase: string): Promise<string> {
  const vault = await readVault(db);
  if (!vault) throw new Error('no vault');
  const dataKey = await dataKeyFromPassphrase(vault, passphrase, true);
  const recoveryBytes = randomBytes(32);
  const wrapped = await wrapKey(dataKey, await importKek(recoveryBytes), AAD_RECOVERY);
  const recoveryKey = encodeRecoveryKey(recoveryBytes);
  recoveryBytes.fill(0);
  await db.vault.put({ ...vault, recovery: { wrappedKey: wrapped }, updatedAt: new Date().toISOString() });
  return recoveryKey;
}

/** True when the passphrase opens the vault. Reads only. */
export async function checkPassphrase(db: WijktafelDB, passphrase: string): Promise<boolean> {
  const vault = await readVault(db);
  if (!vault) throw new Error('no vault');
  try {
    await dataKeyFromPassphrase(vault, passphrase, false);
    return true;
  } catch (e) {
    if (e instanceof WrongPassphraseError) return false;
    throw e;
  }
}

/** The part of the OS key store the vault needs (platform().keystore in the app). */
export type KeystoreLike = {
  wrap(secret: Uint8Array): Promise<Uint8Array>;
  unwrap(wrapped: Uint8Array): Promise<Uint8Array>;
};

/**
 * "Remember on this device": the passphrase-derived key bytes, wrapped by the OS key store,
 * are stored next to the passphrase copy. The caller must have checked that the store is
 * available and not a plain-text fallback (the shell refuses basic_text itself as well).
 * The passphrase is verified first, so a typo cannot store a useless copy.
 */
export async function enableKeystore(db: WijktafelDB, passphrase: string, keystore: KeystoreLike): Promise<void> {
  const vault = await readVault(db);
  if (!vault) throw new Error('no vault');
  const { bytes } = await deriveInWorker(passphrase, vault.kdf);
  try {
    try {
      await unwrapKey(vault.wrappedKey, await importKek(bytes), AAD_PASSPHRASE);
    } catch (e) {
      if (e instanceof DecryptError) throw new WrongPassphraseError();
      throw e;
    }
    const wrappedKek = new Uint8Array(await keystore.wrap(bytes));
    await db.vault.put({ ...vault, keystore: { wrappedKek }, updatedAt: new Date().toISOString() });
  } finally {
    bytes.fill(0);
  }
}

export async function disableKeystore(db: WijktafelDB): Promise<void> {
  const vault = await readVault(db);
  if (!vault?.keystore) return;
  const { keystore: _dropped, ...rest } = vault;
  await db.vault.put({ ...rest, updatedAt: new Date().toISOString() });
}

/** Unlock with the OS key store copy. Reads only; any failure is a refusal, never a write. */
export async function unlockWithKeystore(db: WijktafelDB, keystore: KeystoreLike, onProgress?: Progress): Promise<Session> {
  const vault = await readVault(db);
  if (!vault?.keystore) throw new Error('no keystore copy');
  onProgress?.('unwrap', 0.3);
  let key: CryptoKey;
  const bytes = await keystore.unwrap(vault.keystore.wrappedKek);
  try {
    key = await unwrapKey(vault.wrappedKey, await importKek(bytes), AAD_PASSPHRASE);
  } catch (e) {
    if (e instanceof DecryptError) throw new WrongPassphraseError();
    throw e;
  } finally {
    bytes.fill(0);
  }
  const session = new Session(db, key);
  onProgress?.('keys', 0.7);
  await session.loadHouseholdKeys((f) => onProgress?.('keys', 0.7 + 0.3 * f));
  onProgress?.('done', 1);
  return session;
}
