/**
 * Profile scanner: proves that a Chromium profile folder (or any folder) contains a set of
 * canary strings nowhere — not in plain bytes, not inside Snappy-compressed LevelDB table
 * blocks, not split across LevelDB log blocks, not inside Blink's Snappy-wrapped IndexedDB
 * values, in any of the encodings Chromium uses for strings.
 *
 * See PRIVACY.md ("At rest" → "Check"). Why a plain grep is not enough:
 *  - LevelDB table files (*.ldb, *.sst) hold Snappy-compressed blocks; a repeated string is
 *    stored as back-references and never appears contiguously on disk.
 *  - LevelDB table blocks prefix-compress keys (shared/non-shared), so a key is only
 *    contiguous after reconstruction.
 *  - LevelDB log / MANIFEST files split records into fragments across 32 KiB blocks, each with a
 *    7-byte header, so a value that crosses a block boundary is interrupted on disk.
 *  - Blink compresses large IndexedDB values itself (`FF 11 02` + raw Snappy,
 *    kCompressedWithSnappy in idb_value_wrapping.cc), both in LevelDB values and in the
 *    blob files under `*.indexeddb.blob/`.
 *  - V8 serialises strings as one-byte Latin-1 or two-byte UTF-16LE; IndexedDB keys encode
 *    strings as UTF-16BE.
 *
 * IndexedDB is not the only place Chromium writes (PRIVACY.md "At rest"): session restore
 * (`Sessions/Session_*`, form-control state as UTF-16), the autofill table (`Web Data`, SQLite),
 * `History`, `Preferences` and more. So:
 *  - Every file is searched raw, whatever its name.
 *  - Files whose names say they are LevelDB files are additionally decoded.
 *  - Every file that starts with the SQLite header is additionally opened with SQLite (sql.js)
 *    and every cell of every table searched (a value that overflows onto several pages is only
 *    contiguous there); a `-wal` next to it is applied to a copy first, so committed rows that
 *    were never checkpointed are read as rows too. The raw search of the database file, its
 *    `-wal` and `-journal` still covers deleted rows in free pages and free blocks.
 * If decoding fails, the problem is reported (never a silent "clean").
 *
 * Test support only (Node). Never logs or returns more than ±40 bytes around a hit.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js';

// ---------------------------------------------------------------------------------------------
// Public types

/** Which decoded form of a file's bytes a hit was found in. */
export type ViewKind =
  /** The file's bytes as they are on disk. */
  | 'raw'
  /** A LevelDB table block (data, index, meta-index or filter), decompressed. */
  | 'table-block'
  /** A LevelDB table entry's key, reconstructed from its shared prefix and its own suffix. */
  | 'table-key'
  /** A LevelDB table entry's value. */
  | 'table-value'
  /** A LevelDB log / MANIFEST record, reassembled from its fragments (headers removed). */
  | 'log-record'
  /** A key inside a WriteBatch stored in a LevelDB log record. */
  | 'log-key'
  /** A value inside a WriteBatch stored in a LevelDB log record. */
  | 'log-value'
  /** A Blink IndexedDB value (or blob file) wrapped as `FF 11 02` + Snappy, decompressed. */
  | 'idb-snappy-value'
  /**
   * A cell of a SQLite table, read through SQLite: a BLOB as its bytes, TEXT as UTF-8 (the
   * needle's UTF-16 forms then match only text that itself holds UTF-16 code units as bytes).
   */
  | 'sqlite-value'
  /** A table or column name, or a schema's SQL text, read through SQLite. */
  | 'sqlite-schema';

/**
 * How a needle was encoded when it was found. For a pure-ASCII needle the UTF-8 and Latin-1
 * bytes are identical; it is then searched once and reported as 'utf-8'.
 */
export type NeedleEncoding = 'utf-8' | 'latin-1' | 'utf-16le' | 'utf-16be';

export interface ScanHit {
  /** Path relative to the scanned root, with '/' separators. */
  file: string;
  view: ViewKind;
  encoding: NeedleEncoding;
  needle: string;
  /** Byte offset of the match inside the view (for 'raw': the file offset). */
  offset: number;
  /** Where the view comes from, e.g. "table block @0x1a2b (snappy 4051→4096 B) entry 3 value". */
  location: string;
  /** At most 40 bytes either side of the match, printable ASCII kept, everything else as \xNN. */
  context: string;
}

export type ProblemSeverity =
  /** Part of the file could not be decoded: the scan cannot vouch for it. */
  | 'error'
  /** Something is off (checksum, truncated tail) but every byte was still searched. */
  | 'warning';

export type ProblemKind =
  | 'read-error'
  | 'not-a-regular-file'
  | 'table-too-short'
  | 'bad-magic'
  | 'bad-block-handle'
  | 'unsupported-compression'
  | 'snappy-error'
  | 'checksum-mismatch'
  | 'bad-block-entries'
  | 'bad-log-record'
  | 'truncated-log-record'
  | 'orphan-log-fragment'
  | 'bad-write-batch'
  | 'idb-snappy-error'
  | 'sqlite-error';

export interface ScanProblem {
  file: string;
  severity: ProblemSeverity;
  kind: ProblemKind;
  message: string;
}

export interface HitSummary {
  file: string;
  view: ViewKind;
  encoding: NeedleEncoding;
  needle: string;
  /** Number of matches (all of them, even those not listed in `hits`). */
  count: number;
}

export interface ScanReport {
  root: string;
  needles: string[];
  /** Sample of hits: at most `maxHitsPerGroup` per (file, view, needle, encoding), `maxHits` total. */
  hits: ScanHit[];
  /** Every (file, view, needle, encoding) with at least one match, with the full count. */
  hitSummary: HitSummary[];
  /** Total number of matches found, including those left out of `hits`. */
  totalHits: number;
  /** Relative paths of all regular files read. */
  files: string[];
  filesScanned: number;
  /** Sum of the on-disk sizes of the files read. */
  bytesScanned: number;
  /** Sum of the sizes of all views searched (raw + decoded); each view counted once, not per needle. */
  viewBytesSearched: number;
  /** Files recognised as LevelDB files by name: *.ldb, *.sst, *.log, MANIFEST-*. */
  leveldbFiles: number;
  tableFiles: number;
  logFiles: number;
  /** Table blocks read (any compression), including index / meta-index / filter blocks. */
  blocksRead: number;
  /** Table blocks that were Snappy-compressed and decompressed. */
  blocksDecompressed: number;
  /** Key/value entries parsed out of table blocks. */
  tableEntries: number;
  /** Records reassembled from log / MANIFEST fragments. */
  logRecords: number;
  /** Blink `FF 11 02` Snappy-wrapped IndexedDB values decompressed. */
  idbValuesDecompressed: number;
  /** Files that start with the SQLite header and were opened as databases. */
  sqliteFiles: string[];
  /** SQLite tables read, over all databases. */
  sqliteTables: number;
  /** SQLite cells (row × column) searched, over all databases. */
  sqliteCells: number;
  /** Symlinks and special files not followed / not read. */
  skipped: string[];
  problems: ScanProblem[];
}

export interface ScanOptions {
  /** Cap on `hits` (the sample); counts in `hitSummary`/`totalHits` are never capped. Default 200. */
  maxHits?: number;
  /** Cap on sample hits per (file, view, needle, encoding). Default 3. */
  maxHitsPerGroup?: number;
}

// ---------------------------------------------------------------------------------------------
// Snappy (snappyjs is CommonJS without type declarations)

interface SnappyJs {
  uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
}

function loadSnappy(): SnappyJs {
  const requireCjs = createRequire(import.meta.url);
  const mod: unknown = requireCjs('snappyjs');
  if (typeof mod === 'object' && mod !== null && 'uncompress' in mod && typeof mod.uncompress === 'function') {
    const fn = mod.uncompress as (compressed: Uint8Array, maxLength?: number) => unknown;
    return {
      uncompress(compressed, maxLength) {
        const out = fn(compressed, maxLength);
        if (!(out instanceof Uint8Array)) throw new Error('snappyjs returned a non-byte result');
        return out;
      },
    };
  }
  throw new Error('snappyjs does not export uncompress()');
}

const snappy = loadSnappy();

/** Upper bound for one decompressed block or value (guards against a corrupt length varint). */
const MAX_DECOMPRESSED = 512 * 1024 * 1024;

function snappyUncompress(data: Buffer): Buffer {
  const out = snappy.uncompress(data, MAX_DECOMPRESSED);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

// ---------------------------------------------------------------------------------------------
// CRC32C (Castagnoli), masked as LevelDB stores it

const CRC32C_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32C over the concatenation of the given byte ranges. */
export function crc32c(...parts: Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      crc = (CRC32C_TABLE[(crc ^ (part[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** LevelDB's crc mask (crc32c.h): rotate right by 15 bits and add a constant. */
export function maskCrc(crc: number): number {
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Small binary helpers

interface Varint {
  value: number;
  next: number;
}

/** Reads a LevelDB varint (up to 64 bits; values above 2^53 are rejected). */
function readVarint(buf: Uint8Array, pos: number, end: number = buf.length): Varint | null {
  let result = 0;
  let multiplier = 1;
  for (let i = 0; i < 10; i++) {
    const p = pos + i;
    if (p >= end) return null;
    const byte = buf[p];
    if (byte === undefined) return null;
    result += (byte & 0x7f) * multiplier;
    if (result > Number.MAX_SAFE_INTEGER) return null;
    if ((byte & 0x80) === 0) return { value: result, next: p + 1 };
    multiplier *= 128;
  }
  return null;
}

const hex = (n: number): string => `0x${n.toString(16)}`;

function escapeContext(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f && b !== 0x5c) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Needles

interface EncodedNeedle {
  needle: string;
  encoding: NeedleEncoding;
  bytes: Buffer;
}

function encodeNeedles(needles: readonly string[]): EncodedNeedle[] {
  const out: EncodedNeedle[] = [];
  for (const needle of needles) {
    if (needle.length === 0) throw new Error('profile-scan: empty needle would match everywhere');
    const utf8 = Buffer.from(needle, 'utf8');
    out.push({ needle, encoding: 'utf-8', bytes: utf8 });
    const oneByte = [...needle].every((ch) => (ch.codePointAt(0) ?? 0x100) <= 0xff);
    if (oneByte) {
      const latin1 = Buffer.from(needle, 'latin1');
      if (!latin1.equals(utf8)) out.push({ needle, encoding: 'latin-1', bytes: latin1 });
    }
    const le = Buffer.from(needle, 'utf16le');
    out.push({ needle, encoding: 'utf-16le', bytes: le });
    const be = Buffer.from(le);
    be.swap16();
    out.push({ needle, encoding: 'utf-16be', bytes: be });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scanner state

const CONTEXT_BYTES = 40;

class Scan {
  readonly report: ScanReport;
  private readonly encoded: EncodedNeedle[];
  private readonly groups = new Map<string, HitSummary>();
  private readonly maxHits: number;
  private readonly maxHitsPerGroup: number;

  constructor(root: string, needles: string[], options: ScanOptions) {
    this.encoded = encodeNeedles(needles);
    this.maxHits = options.maxHits ?? 200;
    this.maxHitsPerGroup = options.maxHitsPerGroup ?? 3;
    this.report = {
      root,
      needles: [...needles],
      hits: [],
      hitSummary: [],
      totalHits: 0,
      files: [],
      filesScanned: 0,
      bytesScanned: 0,
      viewBytesSearched: 0,
      leveldbFiles: 0,
      tableFiles: 0,
      logFiles: 0,
      blocksRead: 0,
      blocksDecompressed: 0,
      tableEntries: 0,
      logRecords: 0,
      idbValuesDecompressed: 0,
      sqliteFiles: [],
      sqliteTables: 0,
      sqliteCells: 0,
      skipped: [],
      problems: [],
    };
  }

  problem(file: string, severity: ProblemSeverity, kind: ProblemKind, message: string): void {
    this.report.problems.push({ file, severity, kind, message });
  }

  /** Searches one view for every needle in every encoding. */
  search(file: string, view: ViewKind, bytes: Buffer, location: string): void {
    this.report.viewBytesSearched += bytes.length;
    for (const { needle, encoding, bytes: pattern } of this.encoded) {
      if (pattern.length > bytes.length) continue;
      let at = bytes.indexOf(pattern);
      while (at !== -1) {
        this.record(file, view, encoding, needle, bytes, at, pattern.length, location);
        at = bytes.indexOf(pattern, at + 1);
      }
    }
  }

  private record(
    file: string,
    view: ViewKind,
    encoding: NeedleEncoding,
    needle: string,
    bytes: Buffer,
    at: number,
    length: number,
    location: string,
  ): void {
    this.report.totalHits++;
    const key = `${file}\u0000${view}\u0000${needle}\u0000${encoding}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { file, view, encoding, needle, count: 0 };
      this.groups.set(key, group);
      this.report.hitSummary.push(group);
    }
    group.count++;
    if (group.count > this.maxHitsPerGroup || this.report.hits.length >= this.maxHits) return;
    const from = Math.max(0, at - CONTEXT_BYTES);
    const to = Math.min(bytes.length, at + length + CONTEXT_BYTES);
    this.report.hits.push({
      file,
      view,
      encoding,
      needle,
      offset: at,
      location,
      context: escapeContext(bytes.subarray(from, to)),
    });
  }

  /**
   * Blink wraps compressible IndexedDB values as `[varint data version] FF 11 02 <raw snappy>`
   * (and blob files as `FF 11 02 <raw snappy>`). If `value` looks like that, decompress and
   * search the result.
   */
  maybeUnwrapIdbValue(file: string, value: Buffer, location: string, maxPrefix = 10): void {
    for (let i = 0; i <= maxPrefix && i + 3 <= value.length; i++) {
      if (value[i] === 0xff && value[i + 1] === 0x11 && value[i + 2] === 0x02) {
        // Everything before the marker must be a single varint (the data version) or nothing.
        if (i > 0) {
          const v = readVarint(value, 0, i);
          if (v === null || v.next !== i) continue;
        }
        let out: Buffer;
        try {
          out = snappyUncompress(value.subarray(i + 3));
        } catch (err) {
          this.problem(
            file,
            'error',
            'idb-snappy-error',
            `${location}: looks like a Blink Snappy-wrapped value (FF 11 02 at +${i}) but does not decompress: ${errorText(err)}`,
          );
          return;
        }
        this.report.idbValuesDecompressed++;
        this.search(
          file,
          'idb-snappy-value',
          out,
          `${location}, Blink Snappy-wrapped value (${value.length - i - 3}→${out.length} B)`,
        );
        return;
      }
    }
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------
// LevelDB table files (*.ldb, *.sst)

const TABLE_MAGIC_LO = 0x8b80fb57; // 0xdb4775248b80fb57, little-endian halves
const TABLE_MAGIC_HI = 0xdb477524;
const FOOTER_SIZE = 48;
const BLOCK_TRAILER_SIZE = 5;

interface BlockHandle {
  offset: number;
  size: number;
}

function readHandle(buf: Uint8Array, pos: number, end: number): { handle: BlockHandle; next: number } | null {
  const off = readVarint(buf, pos, end);
  if (off === null) return null;
  const size = readVarint(buf, off.next, end);
  if (size === null) return null;
  return { handle: { offset: off.value, size: size.value }, next: size.next };
}

interface BlockEntry {
  key: Buffer;
  value: Buffer;
  index: number;
}

/**
 * Parses a (decompressed) table block: entries `varint shared, varint non_shared,
 * varint value_length, key_delta, value`, then `uint32 restarts[n], uint32 n`. Keys are
 * rebuilt from the previous key's shared prefix. On a malformed entry, parsing resumes at the
 * next restart point (where shared must be 0) and an error is returned alongside the entries.
 */
function parseBlockEntries(block: Buffer): { entries: BlockEntry[]; error: string | null } {
  const entries: BlockEntry[] = [];
  if (block.length < 4) return { entries, error: `block of ${block.length} B has no restart count` };
  const numRestarts = block.readUInt32LE(block.length - 4);
  const restartsOffset = block.length - 4 - 4 * numRestarts;
  if (numRestarts === 0 || restartsOffset < 0) {
    return { entries, error: `bad restart count ${numRestarts} for a ${block.length} B block` };
  }
  const restarts: number[] = [];
  for (let i = 0; i < numRestarts; i++) restarts.push(block.readUInt32LE(restartsOffset + 4 * i));
  const restartSet = new Set(restarts);
  const errors: string[] = [];
  if (restarts.some((r) => r >= restartsOffset && !(r === 0 && restartsOffset === 0))) {
    errors.push('restart point beyond the entries');
  }

  let pos = 0;
  let lastKey: Buffer = Buffer.alloc(0);
  let index = 0;
  while (pos < restartsOffset) {
    const entryStart = pos;
    const shared = readVarint(block, pos, restartsOffset);
    const nonShared = shared && readVarint(block, shared.next, restartsOffset);
    const valueLen = nonShared && readVarint(block, nonShared.next, restartsOffset);
    const keyStart = valueLen ? valueLen.next : -1;
    const valid =
      shared !== null &&
      nonShared !== null &&
      valueLen !== null &&
      shared.value <= lastKey.length &&
      keyStart + nonShared.value + valueLen.value <= restartsOffset &&
      !(restartSet.has(entryStart) && shared.value !== 0);
    if (!valid || shared === null || nonShared === null || valueLen === null) {
      errors.push(`malformed entry at block offset ${entryStart}`);
      const resume = restarts.filter((r) => r > entryStart && r < restartsOffset).sort((a, b) => a - b)[0];
      if (resume === undefined) break;
      pos = resume;
      lastKey = Buffer.alloc(0);
      continue;
    }
    const valueStart = keyStart + nonShared.value;
    const key = Buffer.concat([lastKey.subarray(0, shared.value), block.subarray(keyStart, valueStart)]);
    const value = block.subarray(valueStart, valueStart + valueLen.value);
    entries.push({ key, value, index });
    index++;
    lastKey = key;
    pos = valueStart + valueLen.value;
  }
  return { entries, error: errors.length > 0 ? errors.join('; ') : null };
}

function scanTable(scan: Scan, file: string, buf: Buffer): void {
  if (buf.length < FOOTER_SIZE) {
    scan.problem(file, 'error', 'table-too-short', `${buf.length} B is shorter than a table footer (48 B)`);
    return;
  }
  const footer = buf.subarray(buf.length - FOOTER_SIZE);
  if (footer.readUInt32LE(40) !== TABLE_MAGIC_LO || footer.readUInt32LE(44) !== TABLE_MAGIC_HI) {
    scan.problem(
      file,
      'error',
      'bad-magic',
      'no LevelDB table magic in the last 8 bytes (truncated or not a table); only the raw bytes were searched',
    );
    return;
  }
  const meta = readHandle(footer, 0, 40);
  const index = meta && readHandle(footer, meta.next, 40);
  if (meta === null || index === null) {
    scan.problem(file, 'error', 'bad-block-handle', 'footer block handles do not decode');
    return;
  }

  const seen = new Set<number>();
  const readBlock = (handle: BlockHandle, label: string): { contents: Buffer; location: string } | null => {
    const { offset, size } = handle;
    if (offset + size + BLOCK_TRAILER_SIZE > buf.length - FOOTER_SIZE) {
      scan.problem(file, 'error', 'bad-block-handle', `${label} block handle @${hex(offset)}+${size} lies outside the file`);
      return null;
    }
    if (seen.has(offset)) return null;
    seen.add(offset);
    scan.report.blocksRead++;
    const stored = buf.subarray(offset, offset + size);
    const type = buf[offset + size] ?? -1;
    const storedCrc = buf.readUInt32LE(offset + size + 1);
    const actualCrc = maskCrc(crc32c(stored, buf.subarray(offset + size, offset + size + 1)));
    if (storedCrc !== actualCrc) {
      scan.problem(file, 'warning', 'checksum-mismatch', `${label} block @${hex(offset)}: crc ${hex(storedCrc)} ≠ ${hex(actualCrc)}`);
    }
    let contents: Buffer;
    let how: string;
    if (type === 0) {
      contents = stored;
      how = `uncompressed ${size} B`;
    } else if (type === 1) {
      try {
        contents = snappyUncompress(stored);
      } catch (err) {
        scan.problem(file, 'error', 'snappy-error', `${label} block @${hex(offset)}: snappy: ${errorText(err)}`);
        return null;
      }
      scan.report.blocksDecompressed++;
      how = `snappy ${size}→${contents.length} B`;
    } else {
      const name = type === 2 ? 'zstd' : `type ${type}`;
      scan.problem(
        file,
        'error',
        'unsupported-compression',
        `${label} block @${hex(offset)} uses ${name} compression, which this scanner cannot read`,
      );
      return null;
    }
    const location = `table ${label} block @${hex(offset)} (${how})`;
    scan.search(file, 'table-block', contents, location);
    return { contents, location };
  };

  const scanEntries = (blk: { contents: Buffer; location: string }, label: string): BlockEntry[] => {
    const { entries, error } = parseBlockEntries(blk.contents);
    if (error !== null) scan.problem(file, 'error', 'bad-block-entries', `${blk.location}: ${error}`);
    scan.report.tableEntries += entries.length;
    for (const e of entries) {
      const where = `${blk.location} entry ${e.index}`;
      scan.search(file, 'table-key', e.key, `${where} key`);
      scan.search(file, 'table-value', e.value, `${where} value`);
      if (label === 'data') scan.maybeUnwrapIdbValue(file, e.value, `${where} value`);
    }
    return entries;
  };

  // Meta-index → meta (filter) blocks. Filter blocks are not in entry format: searched whole.
  const metaBlock = readBlock(meta.handle, 'meta-index');
  if (metaBlock !== null) {
    for (const e of scanEntries(metaBlock, 'meta-index')) {
      const h = readHandle(e.value, 0, e.value.length);
      if (h === null) {
        scan.problem(file, 'error', 'bad-block-handle', `meta-index entry ${e.index} holds no block handle`);
        continue;
      }
      readBlock(h.handle, 'meta');
    }
  }

  // Index → data blocks.
  const indexBlock = readBlock(index.handle, 'index');
  if (indexBlock === null) return;
  for (const e of scanEntries(indexBlock, 'index')) {
    const h = readHandle(e.value, 0, e.value.length);
    if (h === null) {
      scan.problem(file, 'error', 'bad-block-handle', `index entry ${e.index} holds no block handle`);
      continue;
    }
    const data = readBlock(h.handle, 'data');
    if (data !== null) scanEntries(data, 'data');
  }
}

// ---------------------------------------------------------------------------------------------
// LevelDB log files (*.log) and MANIFEST-*

const LOG_BLOCK_SIZE = 32 * 1024;
const LOG_HEADER_SIZE = 7;
const RecordType = { Zero: 0, Full: 1, First: 2, Middle: 3, Last: 4 } as const;

function scanLog(scan: Scan, file: string, buf: Buffer, isWriteAheadLog: boolean): void {
  let pending: Buffer[] | null = null;
  let pendingStart = 0;
  let recordNo = 0;

  const emit = (parts: Buffer[], start: number, end: number, partial: boolean): void => {
    const record = parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts);
    const location = `log record #${recordNo} (file ${hex(start)}..${hex(end)}, ${parts.length} fragment${parts.length === 1 ? '' : 's'}${partial ? ', incomplete' : ''})`;
    recordNo++;
    scan.report.logRecords++;
    scan.search(file, 'log-record', record, location);
    if (isWriteAheadLog) scanWriteBatch(scan, file, record, location, partial);
  };

  for (let blockStart = 0; blockStart < buf.length; blockStart += LOG_BLOCK_SIZE) {
    const blockEnd = Math.min(blockStart + LOG_BLOCK_SIZE, buf.length);
    let pos = blockStart;
    while (pos + LOG_HEADER_SIZE <= blockEnd) {
      const storedCrc = buf.readUInt32LE(pos);
      const length = buf.readUInt16LE(pos + 4);
      const type = buf[pos + 6] ?? -1;
      if (type === RecordType.Zero && length === 0) break; // preallocated / zero padding
      const payloadStart = pos + LOG_HEADER_SIZE;
      const payloadEnd = payloadStart + length;
      if (payloadEnd > blockEnd) {
        if (blockEnd === buf.length) {
          // Writer died mid-record; LevelDB ignores this tail. Search what is there.
          scan.problem(file, 'warning', 'truncated-log-record', `record header @${hex(pos)} claims ${length} B but the file ends`);
          const parts: Buffer[] = [...(pending ?? []), buf.subarray(payloadStart, blockEnd)];
          emit(parts, pending ? pendingStart : pos, blockEnd, true);
          pending = null;
        } else {
          scan.problem(file, 'error', 'bad-log-record', `record header @${hex(pos)} claims ${length} B, past the end of its 32 KiB block`);
        }
        break;
      }
      const payload = buf.subarray(payloadStart, payloadEnd);
      const actualCrc = maskCrc(crc32c(buf.subarray(pos + 6, pos + 7), payload));
      if (storedCrc !== actualCrc) {
        scan.problem(file, 'warning', 'checksum-mismatch', `log record fragment @${hex(pos)}: crc ${hex(storedCrc)} ≠ ${hex(actualCrc)}`);
      }
      if (type === RecordType.Full) {
        if (pending) {
          scan.problem(file, 'warning', 'orphan-log-fragment', `fragmented record before @${hex(pos)} has no LAST fragment`);
          emit(pending, pendingStart, pos, true);
          pending = null;
        }
        emit([payload], pos, payloadEnd, false);
      } else if (type === RecordType.First) {
        if (pending) {
          scan.problem(file, 'warning', 'orphan-log-fragment', `fragmented record before @${hex(pos)} has no LAST fragment`);
          emit(pending, pendingStart, pos, true);
        }
        pending = [payload];
        pendingStart = pos;
      } else if (type === RecordType.Middle || type === RecordType.Last) {
        if (!pending) {
          scan.problem(file, 'warning', 'orphan-log-fragment', `${type === RecordType.Middle ? 'MIDDLE' : 'LAST'} fragment @${hex(pos)} without a FIRST`);
          pending = [];
          pendingStart = pos;
        }
        pending.push(payload);
        if (type === RecordType.Last) {
          emit(pending, pendingStart, payloadEnd, false);
          pending = null;
        }
      } else {
        scan.problem(file, 'error', 'bad-log-record', `unknown record type ${type} @${hex(pos)}; rest of this 32 KiB block searched raw only`);
        break;
      }
      pos = payloadEnd;
    }
  }
  if (pending) {
    scan.problem(file, 'warning', 'truncated-log-record', 'the last fragmented record has no LAST fragment');
    emit(pending, pendingStart, buf.length, true);
  }
}

/**
 * A write-ahead-log record is a WriteBatch: fixed64 sequence, fixed32 count, then
 * `0x01 varstring key varstring value` (put) or `0x00 varstring key` (delete).
 */
function scanWriteBatch(scan: Scan, file: string, record: Buffer, location: string, partial: boolean): void {
  if (record.length < 12) {
    if (!partial) scan.problem(file, 'warning', 'bad-write-batch', `${location}: ${record.length} B is too short for a WriteBatch`);
    return;
  }
  let pos = 12;
  let n = 0;
  while (pos < record.length) {
    const tag = record[pos];
    pos++;
    const keyLen = readVarint(record, pos);
    if ((tag !== 0 && tag !== 1) || keyLen === null || keyLen.next + keyLen.value > record.length) {
      if (!partial) scan.problem(file, 'warning', 'bad-write-batch', `${location}: malformed batch entry ${n} (record itself was searched)`);
      return;
    }
    const key = record.subarray(keyLen.next, keyLen.next + keyLen.value);
    scan.search(file, 'log-key', key, `${location} batch entry ${n} key`);
    pos = keyLen.next + keyLen.value;
    if (tag === 1) {
      const valueLen = readVarint(record, pos);
      if (valueLen === null || valueLen.next + valueLen.value > record.length) {
        // A partial record may end inside a value: search what we have.
        if (partial && valueLen !== null) {
          const value = record.subarray(valueLen.next);
          scan.search(file, 'log-value', value, `${location} batch entry ${n} value (cut off)`);
        } else {
          scan.problem(file, 'warning', 'bad-write-batch', `${location}: malformed value in batch entry ${n} (record itself was searched)`);
        }
        return;
      }
      const value = record.subarray(valueLen.next, valueLen.next + valueLen.value);
      scan.search(file, 'log-value', value, `${location} batch entry ${n} value`);
      scan.maybeUnwrapIdbValue(file, value, `${location} batch entry ${n} value`);
      pos = valueLen.next + valueLen.value;
    }
    n++;
  }
}

// ---------------------------------------------------------------------------------------------
// Walking the folder

type LevelDbKind = 'table' | 'log' | 'manifest' | null;

function levelDbKind(name: string): LevelDbKind {
  if (name.endsWith('.ldb') || name.endsWith('.sst')) return 'table';
  if (name.endsWith('.log')) return 'log';
  if (name.startsWith('MANIFEST-')) return 'manifest';
  return null;
}

async function walk(scan: Scan, root: string, dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    scan.problem(toRel(root, dir), 'error', 'read-error', `cannot list folder: ${errorText(err)}`);
    return;
  }
  names.sort();
  for (const name of names) {
    const full = path.join(dir, name);
    const rel = toRel(root, full);
    let st;
    try {
      st = await lstat(full);
    } catch (err) {
      scan.problem(rel, 'error', 'read-error', `cannot stat: ${errorText(err)}`);
      continue;
    }
    if (st.isSymbolicLink()) {
      scan.report.skipped.push(`${rel} (symlink, not followed)`);
    } else if (st.isDirectory()) {
      await walk(scan, root, full);
    } else if (st.isFile()) {
      await scanFile(scan, full, rel, name);
    } else {
      scan.report.skipped.push(`${rel} (special file, not read)`);
    }
  }
}

function toRel(root: string, full: string): string {
  const rel = path.relative(root, full);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

async function scanFile(scan: Scan, full: string, rel: string, name: string): Promise<void> {
  const kind = levelDbKind(name);
  if (kind !== null) scan.report.leveldbFiles++;
  if (kind === 'table') scan.report.tableFiles++;
  if (kind === 'log') scan.report.logFiles++;
  let buf: Buffer;
  try {
    buf = await readFile(full);
  } catch (err) {
    scan.problem(rel, 'error', 'read-error', `cannot read: ${errorText(err)}`);
    return;
  }
  scan.report.files.push(rel);
  scan.report.filesScanned++;
  scan.report.bytesScanned += buf.length;

  scan.search(rel, 'raw', buf, 'file');
  // Blob files under *.indexeddb.blob/ may be Blink Snappy-wrapped values as a whole.
  scan.maybeUnwrapIdbValue(rel, buf, 'file', 0);
  try {
    if (kind === 'table') scanTable(scan, rel, buf);
    else if (kind === 'log') scanLog(scan, rel, buf, true);
    else if (kind === 'manifest') scanLog(scan, rel, buf, false);
  } catch (err) {
    // Defensive: a parser bug must never turn into a silent pass.
    scan.problem(rel, 'error', 'read-error', `decoder crashed (raw bytes were searched): ${errorText(err)}`);
  }
  if (isSqlite(buf)) {
    // By content, not by name: Chromium's SQLite files mostly have no extension ("Web Data", "History").
    const wal = await readFile(`${full}-wal`).catch(() => null);
    await scanSqlite(scan, rel, buf, wal);
  }
}

// ---------------------------------------------------------------------------------------------
// SQLite databases (Web Data, History, Cookies, … and any other file with the SQLite header)

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function isSqlite(buf: Buffer): boolean {
  return buf.length >= 100 && buf.subarray(0, 16).equals(SQLITE_MAGIC);
}

let sqlJs: Promise<SqlJsStatic> | null = null;
function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/**
 * Applies the frames of a write-ahead log to a copy of the database image (later frames win),
 * and marks the copy as a rollback-journal database so SQLite opens it without looking for a
 * -wal. Frames of a transaction that never committed are applied too: for a scan, more rows
 * read is safer than fewer. Returns null when the -wal has no valid header.
 */
export function applyWal(db: Buffer, wal: Buffer): Buffer | null {
  if (wal.length < 32) return null;
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
  const pageSize = wal.readUInt32BE(8) === 1 ? 65536 : wal.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const frames: { pgno: number; at: number }[] = [];
  let pages = Math.ceil(db.length / pageSize);
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const pgno = wal.readUInt32BE(at);
    if (pgno === 0) break;
    frames.push({ pgno, at: at + 24 });
    pages = Math.max(pages, pgno);
  }
  const out = Buffer.alloc(pages * pageSize);
  db.copy(out);
  for (const f of frames) wal.copy(out, (f.pgno - 1) * pageSize, f.at, f.at + pageSize);
  out[18] = 1; // file format write version: legacy (no WAL)
  out[19] = 1; // file format read version: legacy (no WAL)
  return out;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function scanSqlite(scan: Scan, file: string, buf: Buffer, wal: Buffer | null): Promise<void> {
  let image = buf;
  let source = 'database';
  if (wal !== null && wal.length > 0) {
    const applied = applyWal(buf, wal);
    if (applied === null) scan.problem(file, 'warning', 'sqlite-error', 'a -wal file exists but has no valid header (it was searched raw)');
    else {
      image = applied;
      source = 'database with its -wal applied';
    }
  }
  let SQL: SqlJsStatic;
  try {
    SQL = await loadSqlJs();
  } catch (err) {
    scan.problem(file, 'error', 'sqlite-error', `cannot load sql.js: ${errorText(err)}`);
    return;
  }
  let db;
  try {
    db = new SQL.Database(image);
  } catch (err) {
    scan.problem(file, 'error', 'sqlite-error', `has the SQLite header but does not open: ${errorText(err)}`);
    return;
  }
  try {
    scan.report.sqliteFiles.push(file);
    const master = db.exec("SELECT type, name, sql FROM sqlite_master");
    const tables: string[] = ['sqlite_master'];
    for (const row of master[0]?.values ?? []) {
      const [type, name, sql] = row;
      for (const v of [name, sql]) if (typeof v === 'string') scan.search(file, 'sqlite-schema', Buffer.from(v, 'utf8'), `${source}, schema of ${String(name)}`);
      // Virtual tables (fts) may need a module sql.js lacks; their shadow tables are plain tables.
      if (type === 'table' && typeof name === 'string' && !(typeof sql === 'string' && /^\s*CREATE\s+VIRTUAL/i.test(sql))) tables.push(name);
    }
    for (const table of tables) {
      let stmt;
      try {
        stmt = db.prepare(`SELECT * FROM ${quoteIdent(table)}`);
      } catch (err) {
        scan.problem(file, 'error', 'sqlite-error', `table ${table} cannot be read: ${errorText(err)}`);
        continue;
      }
      scan.report.sqliteTables++;
      try {
        const columns = stmt.getColumnNames();
        for (const c of columns) scan.search(file, 'sqlite-schema', Buffer.from(c, 'utf8'), `${source}, column name in ${table}`);
        let rowNo = 0;
        while (stmt.step()) {
          const values: SqlValue[] = stmt.get();
          values.forEach((v, i) => {
            const bytes = typeof v === 'string' ? Buffer.from(v, 'utf8') : v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : null;
            if (bytes === null) return;
            scan.report.sqliteCells++;
            scan.search(file, 'sqlite-value', bytes, `${source}, table ${table} row ${rowNo} column ${columns[i] ?? i}`);
          });
          rowNo++;
        }
      } catch (err) {
        scan.problem(file, 'error', 'sqlite-error', `table ${table} could not be read to the end: ${errorText(err)}`);
      } finally {
        stmt.free();
      }
    }
  } catch (err) {
    scan.problem(file, 'error', 'sqlite-error', `cannot read the schema: ${errorText(err)}`);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Scans every regular file under `dir` (recursively, symlinks not followed) for every needle,
 * in UTF-8, Latin-1, UTF-16LE and UTF-16BE, in the raw bytes, in every decoded LevelDB /
 * IndexedDB view and in every cell of every SQLite database. Never throws for file-level trouble: it is listed in `problems`.
 */
export async function scanProfile(dir: string, needles: string[], options: ScanOptions = {}): Promise<ScanReport> {
  const root = path.resolve(dir);
  const scan = new Scan(root, needles, options);
  let st;
  try {
    st = await lstat(root);
  } catch (err) {
    scan.problem('.', 'error', 'read-error', `cannot stat the folder to scan: ${errorText(err)}`);
    return scan.report;
  }
  if (!st.isDirectory()) {
    scan.problem('.', 'error', 'not-a-regular-file', 'the path to scan is not a folder (symlinks are not followed)');
    return scan.report;
  }
  await walk(scan, root, root);
  return scan.report;
}

/** One-paragraph human summary of a report (no file contents). */
export function describeReport(report: ScanReport): string {
  return (
    `${report.filesScanned} files, ${report.bytesScanned} B on disk, ${report.viewBytesSearched} B of views searched; ` +
    `${report.leveldbFiles} LevelDB files (${report.tableFiles} tables, ${report.logFiles} logs), ` +
    `${report.blocksRead} table blocks read (${report.blocksDecompressed} Snappy-decompressed), ` +
    `${report.tableEntries} table entries, ${report.logRecords} log records, ` +
    `${report.idbValuesDecompressed} Blink Snappy values, ` +
    `${report.sqliteFiles.length} SQLite databases (${report.sqliteTables} tables, ${report.sqliteCells} cells); ${report.totalHits} hits, ` +
    `${report.problems.filter((p) => p.severity === 'error').length} errors, ` +
    `${report.problems.filter((p) => p.severity === 'warning').length} warnings`
  );
}

export interface AssertOptions extends ScanOptions {
  /** Accept error-level problems (parts the scanner could not decode). Default false. */
  allowErrors?: boolean;
}

/**
 * Throws unless `dir` contains none of `needles` anywhere. Also throws if the folder holds no
 * LevelDB file at all (a scan of the wrong folder must not pass) and, unless `allowErrors`, if
 * any part of a file could not be decoded. Returns the report when clean.
 */
export async function assertNoCanaries(dir: string, needles: string[], options: AssertOptions = {}): Promise<ScanReport> {
  const report = await scanProfile(dir, needles, options);
  const lines: string[] = [];
  if (report.leveldbFiles === 0) {
    lines.push(
      `No LevelDB files (*.ldb, *.sst, *.log, MANIFEST-*) under ${report.root}: this is probably the wrong folder, ` +
        `so the scan proves nothing.`,
    );
  }
  if (report.totalHits > 0) {
    lines.push(`Canaries found (${report.totalHits} matches):`);
    for (const g of report.hitSummary) {
      lines.push(`  - ${JSON.stringify(g.needle)} in ${g.file} [${g.view}, ${g.encoding}] ×${g.count}`);
    }
    lines.push('Examples (±40 bytes of context):');
    for (const h of report.hits.slice(0, 20)) {
      lines.push(`  - ${h.file} [${h.view}, ${h.encoding}] @${h.offset} in ${h.location}: ${h.context}`);
    }
  }
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 && options.allowErrors !== true) {
    lines.push(`Parts of ${new Set(errors.map((e) => e.file)).size} file(s) could not be decoded, so they cannot be vouched for:`);
    for (const p of errors.slice(0, 30)) lines.push(`  - ${p.file}: [${p.kind}] ${p.message}`);
    if (errors.length > 30) lines.push(`  … and ${errors.length - 30} more`);
  }
  if (lines.length > 0) {
    throw new Error(`assertNoCanaries failed for ${report.root}\n${lines.join('\n')}\n(${describeReport(report)})`);
  }
  return report;
}

/**
 * Throws unless a scan of a Chromium user-data-dir really covered the whole folder: the
 * top-level files (`Local State`, next to the profile folders) and the origin's IndexedDB
 * LevelDB files inside the `Default` profile. A scan pointed at a sub-folder fails here.
 */
export function assertWholeProfileScanned(report: ScanReport): void {
  const topLevel = report.files.filter((f) => !f.includes('/'));
  const idb = report.files.filter((f) => f.startsWith('Default/IndexedDB/') && levelDbKind(path.posix.basename(f)) !== null);
  const missing: string[] = [];
  if (!topLevel.includes('Local State')) missing.push('the top-level "Local State" file');
  if (idb.length === 0) missing.push('LevelDB files under Default/IndexedDB/');
  if (missing.length > 0) {
    throw new Error(`the scan of ${report.root} did not cover the whole profile: missing ${missing.join(' and ')} (${describeReport(report)})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Positive controls: proof that a scan of a real profile can find something

/** The bytes of `text` in one of the encodings the scanner searches. */
export function encodeAs(text: string, encoding: NeedleEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'latin-1') return Buffer.from(text, 'latin1');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
}

export const ENCODINGS: readonly NeedleEncoding[] = ['utf-8', 'latin-1', 'utf-16le', 'utf-16be'];

/** Which container a planted control sits in, and the view the scan must report it in. */
export type ControlContainer = 'raw' | 'sqlite';

export interface PlantedControl {
  needle: string;
  encoding: NeedleEncoding;
  container: ControlContainer;
  /** Relative path (to the scanned root) of the file that holds it. */
  file: string;
  /** The view in which the scan must find it. */
  view: ViewKind;
}

/**
 * Writes one control canary per encoding as a raw file and one per encoding as a BLOB cell of a
 * SQLite database (made with sql.js) under `dir/relDir`. Each needle holds Latin-1 letters
 * (ö, Æ) so its UTF-8 and Latin-1 bytes differ. Returns what the scan of the root must find;
 * `controlsFound` checks that. (LevelDB controls: write a value through the page, as the e2e
 * tests do, or with classic-level, as the unit test does.)
 */
export async function plantControls(root: string, relDir: string, tag: string): Promise<PlantedControl[]> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const dir = path.join(root, relDir);
  await mkdir(dir, { recursive: true });
  const out: PlantedControl[] = [];
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE control (id INTEGER PRIMARY KEY, value BLOB)');
  for (const encoding of ENCODINGS) {
    const slug = encoding.replace('-', '');
    const rawNeedle = `Kontrolle-Jördis-Æ-raw-${slug}-${tag}`;
    const rawName = `control-${slug}.bin`;
    await writeFile(path.join(dir, rawName), Buffer.concat([Buffer.from('\u0000prefix\u0000'), encodeAs(rawNeedle, encoding), Buffer.from('\u0000')]));
    out.push({ needle: rawNeedle, encoding, container: 'raw', file: toPosix(path.join(relDir, rawName)), view: 'raw' });
    const sqlNeedle = `Kontrolle-Jördis-Æ-sqlite-${slug}-${tag}`;
    db.run('INSERT INTO control (value) VALUES (?)', [encodeAs(sqlNeedle, encoding)]);
    out.push({ needle: sqlNeedle, encoding, container: 'sqlite', file: toPosix(path.join(relDir, 'Control Data')), view: 'sqlite-value' });
  }
  await writeFile(path.join(dir, 'Control Data'), Buffer.from(db.export()));
  db.close();
  return out;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The planted controls that the report does NOT show in their file, view and encoding (must be empty). */
export function controlsMissed(report: ScanReport, controls: readonly PlantedControl[]): PlantedControl[] {
  return controls.filter(
    (c) => !report.hitSummary.some((g) => g.needle === c.needle && g.encoding === c.encoding && g.file === c.file && g.view === c.view && g.count > 0),
  );
}
