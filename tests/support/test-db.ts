import 'fake-indexeddb/auto';
import { WijktafelDB, setDb } from '../../renderer/src/data/db';
import { setSession } from '../../renderer/src/data/session';
import { createVault } from '../../renderer/src/data/vault';
import type { KdfParams } from '../../renderer/src/crypto/kdf';

/** The OWASP minimum: fast enough for unit tests, still the real algorithm. */
export const TEST_KDF: KdfParams = { alg: 'argon2id', memoryKiB: 19_456, iterations: 2, parallelism: 1, salt: new Uint8Array(16) };
export const TEST_PASSPHRASE = 'correct paard batterij nietje';

let n = 0;
/** A fresh fake-IndexedDB database with an unlocked vault, installed as the app's db and session. */
export async function freshUnlockedDb() {
  const db = new WijktafelDB(`test-${process.pid}-${++n}-${Date.now()}`);
  setDb(db);
  const { session, recoveryKey } = await createVault(db, TEST_PASSPHRASE, { params: TEST_KDF });
  setSession(session);
  return { db, session, recoveryKey };
}
