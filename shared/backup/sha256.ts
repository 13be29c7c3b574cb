import { sha256 as nobleSha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * SHA-256 from @noble/hashes (audited, maintained, synchronous, no WebCrypto or Node needed),
 * so the backup format in shared/ can verify its checksum in any process. It hashes encrypted
 * bytes only: a checksum over plaintext could be brute-forced for short values.
 */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

export function sha256Hex(data: Uint8Array): string {
  return bytesToHex(nobleSha256(data));
}
