/**
 * AES-256-GCM for records and key wrapping, through WebCrypto.
 * Every sealed value is `iv (12 bytes) || ciphertext+tag`, with a fresh random 96-bit IV.
 * Additional data binds a ciphertext to its table and record id, so ciphertexts cannot be
 * swapped between records without failing authentication.
 */
const subtle = () => globalThis.crypto.subtle;
const IV_BYTES = 12;
const enc = new TextEncoder();
const dec = new TextDecoder();

export class DecryptError extends Error {
  constructor() {
    super('decryption failed');
    this.name = 'DecryptError';
  }
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** A key-encryption key from 32 derived bytes (Argon2id output or a recovery key). */
export async function importKek(bytes: Uint8Array): Promise<CryptoKey> {
  return subtle().importKey('raw', bytes as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
}

/** A fresh 256-bit data key. Extractable only so it can be wrapped once; callers re-import it. */
export async function generateWrappableKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
}

export async function wrapKey(key: CryptoKey, wrappingKey: CryptoKey, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(IV_BYTES);
  const ct = new Uint8Array(
    await subtle().wrapKey('raw', key, wrappingKey, { name: 'AES-GCM', iv, additionalData: enc.encode(aad) }),
  );
  const out = new Uint8Array(IV_BYTES + ct.byteLength);
  out.set(iv, 0);
  out.set(ct, IV_BYTES);
  return out;
}

/** Unwrap a data key. Non-extractable unless the caller must re-wrap it (passphrase change). */
export async function unwrapKey(
  wrapped: Uint8Array,
  wrappingKey: CryptoKey,
  aad: string,
  extractable = false,
): Promise<CryptoKey> {
  if (wrapped.byteLength <= IV_BYTES) throw new DecryptError();
  try {
    return await subtle().unwrapKey(
      'raw',
      wrapped.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>,
      wrappingKey,
      { name: 'AES-GCM', iv: wrapped.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>, additionalData: enc.encode(aad) },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    );
  } catch {
    throw new DecryptError();
  }
}

export async function sealBytes(key: CryptoKey, plain: Uint8Array, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(IV_BYTES);
  const ct = new Uint8Array(
    await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, key, plain as Uint8Array<ArrayBuffer>),
  );
  const out = new Uint8Array(IV_BYTES + ct.byteLength);
  out.set(iv, 0);
  out.set(ct, IV_BYTES);
  return out;
}

export async function openBytes(key: CryptoKey, sealed: Uint8Array, aad: string): Promise<Uint8Array> {
  if (!(sealed instanceof Uint8Array) || sealed.byteLength <= IV_BYTES) throw new DecryptError();
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES) as Uint8Array<ArrayBuffer>, additionalData: enc.encode(aad) },
        key,
        sealed.subarray(IV_BYTES) as Uint8Array<ArrayBuffer>,
      ),
    );
  } catch {
    throw new DecryptError();
  }
}

export async function sealJson(key: CryptoKey, value: unknown, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  return sealBytes(key, enc.encode(JSON.stringify(value)), aad);
}

export async function openJson(key: CryptoKey, sealed: Uint8Array, aad: string): Promise<unknown> {
  return JSON.parse(dec.decode(await openBytes(key, sealed, aad))) as unknown;
}

/** SHA-256 hex, for checksums of encrypted content (never of plaintext that could be brute-forced). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
