/**
 * The FLOOR of unlock-to-list: the least any app could do to show the case list. Runs inside
 * the page (same origin, same IndexedDB) but uses none of the app's code: raw IndexedDB,
 * Argon2id with the vault's own parameters (hash-wasm, as the app), WebCrypto unwrap of the
 * data key and of every household key, and AES-GCM decryption + JSON.parse of every household
 * row. No validation, no React, no rendering. The AAD strings are the storage format's
 * (renderer/src/data/records.ts, session.ts, vault.ts); if they drift the floor throws.
 *
 * Bundled into an IIFE by tests/bench/scripts.ts and installed as globalThis.__wijktafelFloor.
 */
import { argon2id } from 'hash-wasm';

type Row = Record<string, unknown>;

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('idb request failed'));
  });
}

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('idb open failed'));
  });
}

const te = new TextEncoder();
const td = new TextDecoder();
const gcm = (iv: Uint8Array, aad: string): AesGcmParams => ({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: te.encode(aad) });

async function unwrap(wrapped: Uint8Array, kek: CryptoKey, aad: string): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    wrapped.subarray(12) as Uint8Array<ArrayBuffer>,
    kek,
    gcm(wrapped.subarray(0, 12), aad),
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
}

export type FloorResult = { ms: number; deriveMs: number; keysMs: number; rowsMs: number; households: number };

async function floor(passphrase: string): Promise<FloorResult> {
  const t0 = performance.now();
  const db = await openDb('wijktafel');
  const vault = (await req(db.transaction('vault').objectStore('vault').get('main'))) as Row & {
    kdf: { memoryKiB: number; iterations: number; parallelism: number; salt: Uint8Array };
    wrappedKey: Uint8Array;
  };
  const derived = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: vault.kdf.salt,
    parallelism: vault.kdf.parallelism,
    iterations: vault.kdf.iterations,
    memorySize: vault.kdf.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  const kek = await crypto.subtle.importKey('raw', derived as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['unwrapKey']);
  const dataKey = await crypto.subtle.unwrapKey(
    'raw',
    vault.wrappedKey.subarray(12) as Uint8Array<ArrayBuffer>,
    kek,
    gcm(vault.wrappedKey.subarray(0, 12), 'wijktafel:vault:passphrase'),
    { name: 'AES-GCM', length: 256 },
    false,
    ['unwrapKey'],
  );
  const t1 = performance.now();
  const tx = db.transaction(['householdKeys', 'households']);
  const [keyRows, rows] = await Promise.all([
    req(tx.objectStore('householdKeys').getAll()) as Promise<{ householdId: string; wrapped: Uint8Array }[]>,
    req(tx.objectStore('households').getAll()) as Promise<(Row & { id: string; enc: Uint8Array })[]>,
  ]);
  const keys = new Map<string, CryptoKey>();
  await Promise.all(
    keyRows.map(async (k) => {
      keys.set(k.householdId, await unwrap(k.wrapped, dataKey, `wijktafel:householdKey:${k.householdId}`));
    }),
  );
  const t2 = performance.now();
  const opened = await Promise.all(
    rows.map(async (r) => {
      const key = keys.get(r.id);
      if (!key) throw new Error('floor: household without key');
      const plain = await crypto.subtle.decrypt(gcm(r.enc.subarray(0, 12), `wijktafel:households:${r.id}`), key, r.enc.subarray(12) as Uint8Array<ArrayBuffer>);
      return JSON.parse(td.decode(plain)) as Row;
    }),
  );
  const t3 = performance.now();
  db.close();
  return { ms: t3 - t0, deriveMs: t1 - t0, keysMs: t2 - t1, rowsMs: t3 - t2, households: opened.length };
}

(globalThis as unknown as { __wijktafelFloor: typeof floor }).__wijktafelFloor = floor;
