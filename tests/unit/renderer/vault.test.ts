import { describe, expect, it } from 'vitest';
import { type WijktafelDB } from '../../../renderer/src/data/db';
import { createHousehold, getHousehold, listHouseholds } from '../../../renderer/src/data/repositories/households';
import { setSession } from '../../../renderer/src/data/session';
import {
  changePassphrase,
  createVault,
  decodeRecoveryKey,
  encodeRecoveryKey,
  unlockVault,
  unlockWithRecoveryKey,
  WrongPassphraseError,
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
});
