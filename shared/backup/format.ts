import { z } from 'zod';
import { base64Decode, base64Encode, concatBytes, utf8DecodeStrict, utf8Encode } from './bytes';
import { sha256Hex } from './sha256';

/**
 * The `.wijktafel` backup file. Pure: no crypto here beyond the checksum; the renderer seals
 * and opens the body (renderer/src/data/usecases/backup.ts).
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
  | 'too-large'
  | 'cancelled'
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
/** Rows per table: far beyond any store (10,000 households have ~63,000 actions). */
const Count = z.number().int().min(0).max(100_000_000);

/**
 * The largest sealed body a backup can have: 2 GiB. It is not a format limit but the app's: the
 * body is sealed and opened with ONE AES-GCM call (WebCrypto has no streaming mode) and so is one
 * ArrayBuffer in the renderer. The 10,000-household benchmark store makes a body of about
 * 180 MB (README, Performance), so this is ~11× the largest store the app is measured with.
 * A store whose backup would exceed it is told so before the backup is made (backup.ts
 * createBackup, error 'too-large'). Its own schema: the row-count bound (`Count`) once also
 * bounded these bytes, which refused every body over 100 MB.
 */
export const MAX_BODY_BYTES = 2 ** 31;
const BodyBytes = z.number().int().min(0).max(MAX_BODY_BYTES);

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
    body: z.object({ bytes: BodyBytes, sha256: Hex64 }),
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

/** Assemble a file from header fields and the already sealed body (checksum computed here, in plain TypeScript). */
export function encodeBackupFile(input: BackupHeaderInput, sealedBody: Uint8Array): Uint8Array {
  return encodeBackupFrame(buildHeader(input, sealedBody), sealedBody);
}

/** Assemble a file from a complete header (its body checksum already computed) and the sealed body. */
export function encodeBackupFrame(header: BackupHeader, sealedBody: Uint8Array): Uint8Array {
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

/** Where the body starts and what the header says; the body itself is not read. */
export type BackupFrame = { header: BackupHeader; bodyOffset: number; aad: string };

/** Enough of a file's start to read its frame: magic, length and the largest header. */
export const FRAME_HEAD_BYTES = MAGIC_BYTES.byteLength + 4 + MAX_HEADER_BYTES;

/**
 * Check a file's frame from its first bytes (`head`, at least FRAME_HEAD_BYTES of it or the whole
 * file) and its total size: magic, versions, header and body length. Not the checksum: that
 * needs the whole body (readBackupFile, parseBackupFile). Throws BackupFormatError.
 */
export function parseBackupFrame(head: Uint8Array, fileSize: number, current: { appVersion: string; schemaVersion: number }): BackupFrame {
  if (fileSize === 0) throw new BackupFormatError('empty');
  if (fileSize < MAGIC_BYTES.byteLength) {
    if (startsLikeBackup(head)) throw new BackupFormatError('truncated', undefined, 'magic');
    throw new BackupFormatError('not-a-backup', undefined, foreignKind(head));
  }
  for (let i = 0; i < MAGIC_BYTES.byteLength; i++) {
    if (head[i] !== MAGIC_BYTES[i]) throw new BackupFormatError('not-a-backup', undefined, foreignKind(head));
  }
  const lenAt = MAGIC_BYTES.byteLength;
  if (head.byteLength < lenAt + 4) throw new BackupFormatError('truncated', undefined, 'header');
  const headerLen = new DataView(head.buffer, head.byteOffset + lenAt, 4).getUint32(0);
  if (headerLen === 0 || headerLen > MAX_HEADER_BYTES) throw new BackupFormatError('header-invalid', undefined, 'length');
  const headerEnd = lenAt + 4 + headerLen;
  if (head.byteLength < headerEnd) throw new BackupFormatError('truncated', undefined, 'header');
  const text = utf8DecodeStrict(head.subarray(lenAt + 4, headerEnd));
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
  const bodyLength = fileSize - headerEnd;
  // A cut-off file says how much is missing: "1 byte" and "half the file" are different stories.
  if (bodyLength < header.body.bytes) throw new BackupFormatError('truncated', String(header.body.bytes - bodyLength), 'body');
  if (bodyLength > header.body.bytes) throw new BackupFormatError('checksum', String(bodyLength - header.body.bytes), 'extra');
  return { header, bodyOffset: headerEnd, aad: headerAad(rawHeader) };
}

function checkDigest(header: BackupHeader, actual: string): void {
  // The first digits of both checksums (not secret: a hash of ciphertext) tell one damage from another.
  if (actual !== header.body.sha256) throw new BackupFormatError('checksum', `${header.body.sha256.slice(0, 8)}/${actual.slice(0, 8)}`);
}

/**
 * Read and check a file's frame: magic, versions, length and checksum. Throws
 * BackupFormatError; decrypting and validating the records is the renderer's next step.
 * Synchronous and whole-file (tests, small files); the app reads files with readBackupFile.
 */
export function parseBackupFile(
  bytes: Uint8Array,
  current: { appVersion: string; schemaVersion: number },
): ParsedBackupFile {
  const frame = parseBackupFrame(bytes, bytes.byteLength, current);
  const body = bytes.subarray(frame.bodyOffset);
  checkDigest(frame.header, sha256Hex(body));
  return { header: frame.header, body, aad: frame.aad };
}

/** A file read piece by piece (a Blob in the renderer's worker, a Uint8Array in tests). */
export type ByteSource = { size: number; read(offset: number, length: number): Promise<Uint8Array> };
/** An incremental SHA-256 (the renderer uses hash-wasm's). */
export type IncrementalHash = { update(bytes: Uint8Array): void; digestHex(): string };

/** Bytes hashed per step: progress is reported, and cancelling is seen, once per step. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Read and check a backup file in steps: the frame from its first bytes, then the body
 * READ_CHUNK_BYTES at a time, hashed as it is read and copied once into the body buffer (no
 * second whole copy). `onProgress(done, total)` after each step (body bytes); `isCancelled` is
 * asked before each step and ends the read with BackupFormatError('cancelled').
 */
export async function readBackupFile(
  source: ByteSource,
  current: { appVersion: string; schemaVersion: number },
  opts: Readonly<{ hash: IncrementalHash; chunkBytes?: number; onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean }>,
): Promise<ParsedBackupFile> {
  const cancelled = () => {
    if (opts.isCancelled?.()) throw new BackupFormatError('cancelled');
  };
  cancelled();
  const head = await source.read(0, Math.min(source.size, FRAME_HEAD_BYTES));
  const frame = parseBackupFrame(head, source.size, current);
  const total = frame.header.body.bytes;
  const body = new Uint8Array(total);
  const step = Math.max(1, opts.chunkBytes ?? READ_CHUNK_BYTES);
  let done = 0;
  opts.onProgress?.(0, total);
  while (done < total) {
    cancelled();
    const chunk = await source.read(frame.bodyOffset + done, Math.min(step, total - done));
    if (chunk.byteLength === 0) throw new BackupFormatError('truncated', String(total - done), 'body');
    opts.hash.update(chunk);
    body.set(chunk, done);
    done += chunk.byteLength;
    opts.onProgress?.(done, total);
  }
  cancelled();
  checkDigest(frame.header, opts.hash.digestHex());
  return { header: frame.header, body, aad: frame.aad };
}

/** A ByteSource over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.byteLength, read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)) };
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

/**
 * The body's JSON text in pieces, one table head or one row per line:
 *
 *   {"tables":{
 *   "households":[
 *   {…row…},
 *   {…row…}
 *   ],
 *   "notes":[
 *   ]
 *   }}
 *
 * It is still one JSON document (older readers JSON.parse it whole), but a reader can take it a
 * line at a time (parseBodyBytes): no row's JSON holds a raw newline (JSON.stringify escapes
 * it). So neither making nor opening a backup needs the whole body as one string — V8 refuses
 * strings over ~512 M characters, and one JSON.parse of a 180 MB body blocks for seconds.
 */
export function* serializeBodyParts(tables: Readonly<BackupTables>): Generator<string> {
  yield '{"tables":{\n';
  const names = Object.keys(tables);
  for (let t = 0; t < names.length; t++) {
    const name = names[t] ?? '';
    const rows = tables[name] ?? [];
    yield `${JSON.stringify(name)}:[\n`;
    for (let i = 0; i < rows.length; i++) yield `${JSON.stringify(toTagged(rows[i]))}${i < rows.length - 1 ? ',' : ''}\n`;
    yield `]${t < names.length - 1 ? ',' : ''}\n`;
  }
  yield '}}';
}

/** JSON text of the body as one string (tests and small stores; the app encodes serializeBodyParts piece by piece). */
export function serializeBody(tables: Readonly<BackupTables>): string {
  return [...serializeBodyParts(tables)].join('');
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
  checkMissingTables(tables, header);
  return tables;
}

function checkMissingTables(tables: Readonly<BackupTables>, header: BackupHeader): void {
  for (const [name, count] of Object.entries(header.counts)) {
    if (count > 0 && !(name in tables)) throw new BackupFormatError('body-invalid', safeName(name), 'missing-table');
  }
}

const TABLE_LINE = /^("[a-zA-Z]{1,40}"):\[$/;

/**
 * The decrypted body, line by line (the layout of serializeBodyParts); a body on one line (a
 * backup made before that layout) is parsed whole with parseBody. `decode` is strict UTF-8
 * (null when malformed); `pause` is awaited every `rowsPerPause` rows so a caller on the main
 * thread can let the page answer.
 */
export async function parseBodyBytes(
  plain: Uint8Array,
  header: BackupHeader,
  knownTables: readonly string[],
  decode: (bytes: Uint8Array) => string | null,
  opts: Readonly<{ pause?: () => Promise<void>; rowsPerPause?: number }> = {},
): Promise<BackupTables> {
  const NL = 0x0a;
  const first = plain.indexOf(NL);
  if (first < 0) {
    const text = decode(plain);
    if (text === null) throw new BackupFormatError('body-invalid', undefined, 'utf8');
    return parseBody(text, header, knownTables);
  }
  const bad = (reason: 'json' | 'shape' = 'json'): never => {
    throw new BackupFormatError('body-invalid', undefined, reason);
  };
  let at = 0;
  const nextLine = (): string | null => {
    if (at > plain.byteLength) return null;
    let end = plain.indexOf(NL, at);
    if (end < 0) end = plain.byteLength;
    const line = decode(plain.subarray(at, end));
    if (line === null) throw new BackupFormatError('body-invalid', undefined, 'utf8');
    at = end + 1;
    return line;
  };
  if (nextLine() !== '{"tables":{') bad();
  const tables: BackupTables = {};
  const every = opts.rowsPerPause ?? 2000;
  let sinceLast = 0;
  for (;;) {
    const line = nextLine();
    if (line === null) bad();
    if (line === '}}') break;
    const m = TABLE_LINE.exec(line ?? '');
    const quoted = m?.[1];
    if (!quoted) {
      // A table name that is not plain letters is not one of ours (it may be anything: not shown).
      if (/^".*":\[$/.test(line ?? '')) throw new BackupFormatError('body-invalid', '?', 'unknown-table');
      return bad();
    }
    const name = JSON.parse(quoted) as string;
    if (!knownTables.includes(name)) throw new BackupFormatError('body-invalid', safeName(name), 'unknown-table');
    if (name in tables) bad('shape');
    const rows: Record<string, unknown>[] = [];
    for (;;) {
      const rowLine = nextLine();
      if (rowLine === null) bad();
      if (rowLine === ']' || rowLine === '],') break;
      const json = rowLine?.endsWith(',') ? rowLine.slice(0, -1) : (rowLine ?? '');
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch {
        return bad();
      }
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) bad('shape');
      rows.push(fromTagged(raw) as Record<string, unknown>);
      if (opts.pause && ++sinceLast >= every) {
        sinceLast = 0;
        await opts.pause();
      }
    }
    if ((header.counts[name] ?? 0) !== rows.length) throw new BackupFormatError('body-invalid', name, 'count');
    tables[name] = rows;
  }
  if (at <= plain.byteLength) bad();
  checkMissingTables(tables, header);
  return tables;
}
