import { describe, expect, it } from 'vitest';
import { type WijktafelDB } from '../../../renderer/src/data/db';
import { createHousehold, getHousehold, listHouseholds } from '../../../renderer/src/data/stores/households/households';
import { setSession } from '../../../renderer/src/data/session';
import {
  changePassphrase,
  checkPassphrase,
  createVault,
  decodeRecoveryKey,
  disableKeystore,
  enableKeystore,
  encodeRecoveryKey,
  readVault,
  rotateRecoveryKey,
  unlockVault,
  unlockWithKeystore,
  unlockWithRecoveryKey,
  WrongPassphraseError,
  type KeystoreLike,
} from '../../../renderer/src/data/vault';
import { freshUnlockedDb, TEST_KDF, TEST_PASSPHRASE } from '../../support/test-db';

async function dump(db: WijktafelDB): Promise<string> {
  const out: unknown[] = [];
  for (const t of db.tables) out.push(t.name, await t.toArray());
  return JSON.stringify(out, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
}

describe('vault', () => {
  it('unlocks with the right passphrase and refuses a wrong one without writing', async () => {
    const { db } = await freshUnlockedDb();
    await createHousehold({ displayName: 'Familie Visser', members: [{ role: 'ouder', firstName: 'Els' }] });
    const before = await dump(db);
    await expect(unlockVault(db, 'niet de goede wachtzin')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await dump(db)).toBe(before);
    const session = await unlockVault(db, TEST_PASSPHRASE);
    setSession(session);
    expect((await listHouseholds()).map((h) => h.displayName)).toEqual(['Familie Visser']);
  });

  it('records the KDF parameters with the key, at or above the OWASP minimum', async () => {
    const { db } = await freshUnlockedDb();
    const row = await db.vault.get('main');
    const kdf = row?.kdf as { alg: string; memoryKiB: number; iterations: number; salt: Uint8Array };
    expect(kdf.alg).toBe('argon2id');
    expect(kdf.memoryKiB).toBeGreaterThanOrEqual(19_456);
    expect(kdf.iterations).toBeGreaterThanOrEqual(2);
    expect(kdf.salt.byteLength).toBe(16);
    expect(kdf.salt).not.toEqual(TEST_KDF.salt); // a fresh salt, not the template's zeros
  });

  it('the recovery key unwraps the data key, and a passphrase change keeps the data readable', async () => {
    const { db, recoveryKey } = await freshUnlockedDb();
    const h = await createHousehold({ displayName: 'Familie de Boer', members: [] });
    await expect(unlockWithRecoveryKey(db, 'AAAA-BBBB')).rejects.toBeInstanceOf(WrongPassphraseError);
    setSession(await unlockWithRecoveryKey(db, recoveryKey.toLowerCase()));
    expect((await getHousehold(h.id))?.displayName).toBe('Familie de Boer');

    await changePassphrase(db, { passphrase: TEST_PASSPHRASE }, 'een heel nieuwe wachtzin', TEST_KDF);
    await expect(unlockVault(db, TEST_PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    setSession(await unlockVault(db, 'een heel nieuwe wachtzin'));
    expect((await getHousehold(h.id))?.displayName).toBe('Familie de Boer');
  });

  it('refuses to create a second vault', async () => {
    const { db } = await freshUnlockedDb();
    await expect(createVault(db, 'x'.repeat(20), { params: TEST_KDF })).rejects.toThrow('vault exists');
  });

  it('encodes recovery keys reversibly', () => {
    const bytes = new Uint8Array(32).map((_, i) => (i * 37) & 0xff);
    expect(decodeRecoveryKey(encodeRecoveryKey(bytes))).toEqual(bytes);
    expect(decodeRecoveryKey('not a key!')).toBeNull();
  });

  it('records the measured derivation time with the parameters, and a passphrase change re-measures', async () => {
    const { db } = await freshUnlockedDb();
    const before = await readVault(db);
    expect(before?.kdf.measuredMs).toBeGreaterThan(0);
    await changePassphrase(db, { passphrase: TEST_PASSPHRASE }, 'nog een andere wachtzin', TEST_KDF);
    const after = await readVault(db);
    expect(after?.kdf.measuredMs).toBeGreaterThan(0);
    expect(after?.kdf.salt).not.toEqual(before?.kdf.salt);
    // Only the passphrase wrap changed: the recovery wrap and data are untouched.
    expect(after?.recovery.wrappedKey).toEqual(before?.recovery.wrappedKey);
  });

  it('a new recovery key needs the passphrase, works, and retires the old one', async () => {
    const { db, recoveryKey } = await freshUnlockedDb();
    const h = await createHousehold({ displayName: 'Familie Mulder', members: [] });
    const before = await dump(db);
    await expect(rotateRecoveryKey(db, 'fout fout fout fout')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await dump(db)).toBe(before);
    const fresh = await rotateRecoveryKey(db, TEST_PASSPHRASE);
    expect(fresh).not.toBe(recoveryKey);
    await expect(unlockWithRecoveryKey(db, recoveryKey)).rejects.toBeInstanceOf(WrongPassphraseError);
    setSession(await unlockWithRecoveryKey(db, fresh));
    expect((await getHousehold(h.id))?.displayName).toBe('Familie Mulder');
    expect(await checkPassphrase(db, TEST_PASSPHRASE)).toBe(true);
    expect(await checkPassphrase(db, 'niet deze')).toBe(false);
  });

  it('remember on this device: stores only an OS-wrapped copy, unlocks with it, and can be turned off', async () => {
    const { db } = await freshUnlockedDb();
    const h = await createHousehold({ displayName: 'Familie Smits', members: [] });
    // A stand-in for safeStorage: XOR with a machine secret (the real one is the OS key ring).
    const machine = new Uint8Array(32).fill(0x5a);
    const xor = async (b: Uint8Array) => b.map((v, i) => v ^ (machine[i % 32] ?? 0));
    const keystore: KeystoreLike = { wrap: xor, unwrap: xor };
    await expect(enableKeystore(db, 'verkeerde wachtzin hier', keystore)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await readVault(db))?.keystore).toBeUndefined();
    await enableKeystore(db, TEST_PASSPHRASE, keystore);
    const stored = (await readVault(db))?.keystore?.wrappedKek;
    expect(stored?.byteLength).toBe(32);
    setSession(await unlockWithKeystore(db, keystore));
    expect((await getHousehold(h.id))?.displayName).toBe('Familie Smits');
    // Another machine's key store cannot use the copy.
    const other: KeystoreLike = { wrap: async (b) => b, unwrap: async (b) => b };
    await expect(unlockWithKeystore(db, other)).rejects.toBeInstanceOf(WrongPassphraseError);
    // A passphrase change drops the copy (it wrapped the old passphrase key).
    await changePassphrase(db, { passphrase: TEST_PASSPHRASE }, 'een nieuwe lange wachtzin', TEST_KDF);
    expect((await readVault(db))?.keystore).toBeUndefined();
    await enableKeystore(db, 'een nieuwe lange wachtzin', keystore);
    await disableKeystore(db);
    expect((await readVault(db))?.keystore).toBeUndefined();
    await expect(unlockWithKeystore(db, keystore)).rejects.toThrow('no keystore copy');
  });
});
