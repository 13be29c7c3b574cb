import { z } from 'zod';
import { base64Decode, base64Encode, concatBytes, utf8DecodeStrict, utf8Encode } from './bytes';
import { sha256Hex } from './sha256';

/**
 * The `.wijktafel` backup file. Pure: no crypto here beyond the checksum; the renderer seals
 * and opens the body (renderer/src/data/repositories/backup.ts).
 *
 *   MAGIC (16 bytes "WIJKTAFEL-BACKUP") | header length (uint32 BE) | header (UTF-8 JSON) | body
 *
 * The header holds only what restore needs before it can decrypt, and nothing identifying:
 * format version, app version, schema version, creation time, per-table row counts, the
 * vault row (the data key wrapped by the passphrase key and the recovery key, plus the KDF
 * salt — the same non-identifying material the store keeps in plain text) and the SHA-256 of
 * the encrypted body. The body is every table's stored rows (already sealed, as stored),
 * serialised as JSON and sealed as a whole with the data key (AES-GCM). The header minus its
 * checksum is the AES-GCM additional data, so editing counts, dates or the vault in the header
 * makes the body fail to open.
 */
export const BACKUP_MAGIC = 'WIJKTAFEL-BACKUP';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.wijktafel';
const MAGIC_BYTES = utf8Encode(BACKUP_MAGIC);
const MAX_HEADER_BYTES = 64 * 1024;

export type BackupErrorCode =
  | 'not-a-backup'
  | 'truncated'
  | 'header-invalid'
  | 'newer-format'
  | 'newer-app'
  | 'checksum'
  | 'wrong-passphrase'
  | 'tampered'
  | 'body-invalid'
  | 'record-invalid'
  | 'no-vault'
  | 'empty';

/**
 * A backup that cannot be used. `code` is the kind of failure; `reason` says what exactly is
 * wrong (the message is backup.error.<code>.<reason> when there is one, else backup.error.<code>);
 * `detail` fills the message's {detail}, e.g. a table name or a number of missing bytes.
 */
export class BackupFormatError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    /** Non-identifying detail for the message, e.g. a table name. Never record content. */
    readonly detail?: string,
    /** Which part of the file or which check failed, e.g. 'magic', 'header', 'body', 'counts'. */
    readonly reason?: string,
  ) {
    super(`backup: ${code}${reason ? `/${reason}` : ''}${detail ? ` (${detail})` : ''}`);
    this.name = 'BackupFormatError';
  }
}

/** A name from the file, fit to show: plain letters only (a table name), else a placeholder. */
function safeName(name: string): string {
  return /^[a-zA-Z]{1,40}$/.test(name) ? name : '?';
}

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
const Count = z.number().int().min(0).max(100_000_000);

export const BackupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT_VERSION),
    appVersion: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/).max(40),
    schemaVersion: z.number().int().min(1).max(10_000),
    createdAt: Timestamp,
    counts: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), Count),
    /** The vault row in tagged form (bytes as {"$b64": …}); the renderer validates it with VaultRowSchema. */
    vault: z.record(z.string(), z.unknown()),
    /**
     * The header's own fields (versions, date, counts, vault) sealed with the data key: the
     * body's additional data already binds the header, but a failure there cannot say WHAT was
     * edited; opening this seal can (backup.ts openBackup). Optional: older backups lack it.
     */
    seal: z.string().regex(/^[A-Za-z0-9+/]+=*$/).max(8192).optional(),
    body: z.object({ bytes: Count.max(2 ** 31), sha256: Hex64 }),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;
export type BackupHeaderInput = Omit<BackupHeader, 'body' | 'format'>;

/** What the header seal holds: the header fields, as JSON, for openBackup to compare. */
export function sealedHeaderFields(input: Omit<BackupHeaderInput, 'seal'>): string {
  return JSON.stringify({ appVersion: input.appVersion, schemaVersion: input.schemaVersion, createdAt: input.createdAt, counts: input.counts, vault: input.vault });
}

/** "1.2.10" > "1.2.9"; pre-release/build suffixes are ignored for ordering. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => (v.split(/[-+]/)[0] ?? '').split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/* ---- tagged JSON: rows hold Uint8Arrays (sealed payloads, wrapped keys) ---- */

export function toTagged(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b64: base64Encode(value) };
  if (Array.isArray(value)) return value.map(toTagged);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toTagged(v);
    return out;
  }
  return value;
}

export function fromTagged(value: unknown, depth = 0): unknown {
  if (depth > 32) throw new BackupFormatError('body-invalid', undefined, 'nesting');
  if (Array.isArray(value)) return value.map((v) => fromTagged(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === '$b64') {
      const raw = entries[0][1];
      const bytes = typeof raw === 'string' ? base64Decode(raw) : null;
      if (!bytes) throw new BackupFormatError('body-invalid', undefined, 'bytes');
      return bytes;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw new BackupFormatError('body-invalid', undefined, 'key');
      out[k] = fromTagged(v, depth + 1);
    }
    return out;
  }
  return value;
}

/** The additional data that binds the sealed body to its header. */
export function headerAad(header: Readonly<Record<string, unknown>>): string {
  const { body: _body, ...rest } = header;
  return `wijktafel:backup:${JSON.stringify(rest)}`;
}

/** Assemble a file from header fields and the already sealed body. */
export function encodeBackupFile(input: BackupHeaderInput, sealedBody: Uint8Array): Uint8Array {
  const header = buildHeader(input, sealedBody);
  const headerBytes = utf8Encode(JSON.stringify(header));
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, headerBytes.byteLength);
  return concatBytes(MAGIC_BYTES, len, headerBytes, sealedBody);
}

/** The header object without the body checksum: what the body's AAD is computed over before sealing. */
export function headerForAad(input: BackupHeaderInput): Record<string, unknown> {
  return {
    format: BACKUP_FORMAT_VERSION,
    appVersion: input.appVersion,
    schemaVersion: input.schemaVersion,
    createdAt: input.createdAt,
    counts: input.counts,
    vault: input.vault,
    ...(input.seal === undefined ? {} : { seal: input.seal }),
  };
}

function buildHeader(input: BackupHeaderInput, sealedBody: Uint8Array): BackupHeader {
  return { ...(headerForAad(input) as Omit<BackupHeader, 'body'>), body: { bytes: sealedBody.byteLength, sha256: sha256Hex(sealedBody) } };
}

export type ParsedBackupFile = { header: BackupHeader; body: Uint8Array; aad: string };

/**
 * Read and check a file's frame: magic, versions, length and checksum. Throws
 * BackupFormatError; decrypting and validating the records is the renderer's next step.
 */
export function parseBackupFile(
  bytes: Uint8Array,
  current: { appVersion: string; schemaVersion: number },
): ParsedBackupFile {
  if (bytes.byteLength === 0) throw new BackupFormatError('empty');
  if (bytes.byteLength < MAGIC_BYTES.byteLength) {
    if (startsLikeBackup(bytes)) throw new BackupFormatError('truncated', undefined, 'magic');
    throw new BackupFormatError('not-a-backup', undefined, foreignKind(bytes));
  }
  for (let i = 0; i < MAGIC_BYTES.byteLength; i++) {
    if (bytes[i] !== MAGIC_BYTES[i]) throw new BackupFormatError('not-a-backup', undefined, foreignKind(bytes));
  }
  const lenAt = MAGIC_BYTES.byteLength;
  if (bytes.byteLength < lenAt + 4) throw new BackupFormatError('truncated', undefined, 'header');
  const headerLen = new DataView(bytes.buffer, bytes.byteOffset + lenAt, 4).getUint32(0);
  if (headerLen === 0 || headerLen > MAX_HEADER_BYTES) throw new BackupFormatError('header-invalid', undefined, 'length');
  const headerEnd = lenAt + 4 + headerLen;
  if (bytes.byteLength < headerEnd) throw new BackupFormatError('truncated', undefined, 'header');
  const text = utf8DecodeStrict(bytes.subarray(lenAt + 4, headerEnd));
  if (text === null) throw new BackupFormatError('header-invalid', undefined, 'json');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupFormatError('header-invalid', undefined, 'json');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new BackupFormatError('header-invalid', undefined, 'json');
  const rawHeader = raw as Record<string, unknown>;
  // Version checks come before the strict shape: a newer format may look different.
  if (typeof rawHeader.format === 'number' && rawHeader.format > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError('newer-format', String(Math.trunc(rawHeader.format)).slice(0, 12));
  }
  if (typeof rawHeader.appVersion === 'string' && compareVersions(rawHeader.appVersion, current.appVersion) > 0) {
    throw new BackupFormatError('newer-app', rawHeader.appVersion.slice(0, 40));
  }
  if (typeof rawHeader.schemaVersion === 'number' && rawHeader.schemaVersion > current.schemaVersion) {
    throw new BackupFormatError('newer-app', String(Math.trunc(rawHeader.schemaVersion)).slice(0, 12), 'schema');
  }
  const parsed = BackupHeaderSchema.safeParse(rawHeader);
  if (!parsed.success) throw new BackupFormatError('header-invalid', undefined, 'shape');
  const header = parsed.data;
  const body = bytes.subarray(headerEnd);
  // A cut-off file says how much is missing: "1 byte" and "half the file" are different stories.
  if (body.byteLength < header.body.bytes) throw new BackupFormatError('truncated', String(header.body.bytes - body.byteLength), 'body');
  if (body.byteLength > header.body.bytes) throw new BackupFormatError('checksum', String(body.byteLength - header.body.bytes), 'extra');
  const actual = sha256Hex(body);
  // The first digits of both checksums (not secret: a hash of ciphertext) tell one damage from another.
  if (actual !== header.body.sha256) throw new BackupFormatError('checksum', `${header.body.sha256.slice(0, 8)}/${actual.slice(0, 8)}`);
  return { header, body, aad: headerAad(rawHeader) };
}

/**
 * The header of a backup frame without checking the body (no checksum, no versions): for the
 * shell's automatic-backup store, which only needs the plain, non-identifying counts to decide
 * how to keep a file. Null when the bytes are not a readable backup frame.
 */
export function peekBackupHeader(bytes: Uint8Array): BackupHeader | null {
  const lenAt = MAGIC_BYTES.byteLength;
  if (!looksLikeBackup(bytes) || bytes.byteLength < lenAt + 4) return null;
  const headerLen = new DataView(bytes.buffer, bytes.byteOffset + lenAt, 4).getUint32(0);
  if (headerLen === 0 || headerLen > MAX_HEADER_BYTES || bytes.byteLength < lenAt + 4 + headerLen) return null;
  const text = utf8DecodeStrict(bytes.subarray(lenAt + 4, lenAt + 4 + headerLen));
  if (text === null) return null;
  try {
    const parsed = BackupHeaderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What a file that is not a backup looks like, by its first bytes, so the message can say so. */
function foreignKind(bytes: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'office';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff)) return 'image';
  return 'unknown';
}

function startsLikeBackup(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 4) return false;
  for (let i = 0; i < bytes.byteLength; i++) if (bytes[i] !== MAGIC_BYTES[i]) return false;
  return true;
}

/** Only the magic: is this our kind of file at all (for the file picker's first check)? */
export function looksLikeBackup(bytes: Uint8Array): boolean {
  return bytes.byteLength >= MAGIC_BYTES.byteLength && startsLikeBackup(bytes.subarray(0, MAGIC_BYTES.byteLength));
}

/* ---- the body ---- */

export type BackupTables = Record<string, Record<string, unknown>[]>;

/** JSON text of the body (the renderer encodes it with TextEncoder: much faster than utf8Encode on large stores). */
export function serializeBody(tables: Readonly<BackupTables>): string {
  const out: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(tables)) out[name] = rows.map(toTagged);
  return JSON.stringify({ tables: out });
}

const BodySchema = z.object({ tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) }).strict();

/** Parse the decrypted body and check it against the header's counts and the known tables. */
export function parseBody(text: string, header: BackupHeader, knownTables: readonly string[]): BackupTables {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupFormatError('body-invalid', undefined, 'json');
  }
  const parsed = BodySchema.safeParse(raw);
  if (!parsed.success) throw new BackupFormatError('body-invalid', undefined, 'shape');
  const tables: BackupTables = {};
  for (const [name, rows] of Object.entries(parsed.data.tables)) {
    if (!knownTables.includes(name)) throw new BackupFormatError('body-invalid', safeName(name), 'unknown-table');
    if ((header.counts[name] ?? 0) !== rows.length) throw new BackupFormatError('body-invalid', name, 'count');
    tables[name] = rows.map((r) => fromTagged(r) as Record<string, unknown>);
  }
  for (const [name, count] of Object.entries(header.counts)) {
    if (count > 0 && !(name in tables)) throw new BackupFormatError('body-invalid', safeName(name), 'missing-table');
  }
  return tables;
}
