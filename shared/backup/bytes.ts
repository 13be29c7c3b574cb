/**
 * Byte helpers for shared/: UTF-8 through the platform's TextEncoder/TextDecoder and base64
 * through atob/btoa (declared for shared/ in shared/ambient/platform.d.ts; every run time has
 * them). Strict UTF-8 decoding is also what the importer needs to tell a UTF-8 file from a
 * Windows-1252 one.
 */

const encoder = new TextEncoder();
/** Strict: a malformed sequence (overlong, surrogate, truncated) throws instead of becoming U+FFFD. A BOM is kept as U+FEFF. */
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 bytes of a string; a lone surrogate (which UTF-8 cannot hold) becomes U+FFFD. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8: returns null on any malformed sequence (overlong, surrogate, truncated). */
export function utf8DecodeStrict(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Bytes per btoa/String.fromCharCode call: a multiple of 3 (no padding inside), small enough for the argument list. */
const B64_CHUNK = 3 * 8192;

export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += B64_CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + B64_CHUNK))));
  }
  return parts.join('');
}

/** The standard alphabet, padded: atob alone would also take white space and missing padding. */
const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (standard alphabet, padded); null when malformed. */
export function base64Decode(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !STRICT_BASE64.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
