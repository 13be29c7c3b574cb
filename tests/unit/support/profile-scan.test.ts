/**
 * Tests for tests/support/profile-scan.ts. Every fixture is generated at run time: real LevelDB
 * databases written with classic-level (the same LevelDB format Chromium's IndexedDB uses),
 * plus a few hand-built files for cases real LevelDB will not produce on demand (zstd blocks,
 * corrupted tables, arbitrary log fragmentation).
 *
 * Each "found" test is paired with proof that a naive search of the raw bytes does NOT find
 * the same canary, so the test fails if the scanner stops decoding.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ClassicLevel } from 'classic-level';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import initSqlJs from 'sql.js';
import {
  assertNoCanaries,
  assertWholeProfileScanned,
  controlsMissed,
  crc32c,
  describeReport,
  encodeAs,
  ENCODINGS,
  maskCrc,
  plantControls,
  scanProfile,
  type ScanReport,
} from '../../support/profile-scan';

// ---------------------------------------------------------------------------------------------
// Helpers

const requireCjs = createRequire(import.meta.url);
const snappyMod: unknown = requireCjs('snappyjs');
function snappyCompress(data: Buffer): Buffer {
  if (typeof snappyMod === 'object' && snappyMod !== null && 'compress' in snappyMod && typeof snappyMod.compress === 'function') {
    const out: unknown = (snappyMod.compress as (b: Buffer) => unknown)(data);
    if (out instanceof Uint8Array) return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }
  throw new Error('snappyjs.compress unavailable');
}

/** Every encoding the scanner searches; a naive check must miss in all of them. */
function naiveFind(bytes: Buffer, needle: string): boolean {
  const le = Buffer.from(needle, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'latin1'), le, be].some((p) => bytes.includes(p));
}

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith(suffix)).map((n) => path.join(dir, n));
}

function hitsFor(report: ScanReport, needle: string, fileSuffix?: string) {
  return report.hitSummary.filter((g) => g.needle === needle && (fileSuffix === undefined || g.file.endsWith(fileSuffix)));
}

/** Total matches of a needle in one view kind, over all files (ending in fileSuffix). */
function countIn(report: ScanReport, needle: string, view: string, fileSuffix?: string): number {
  return hitsFor(report, needle, fileSuffix)
    .filter((g) => g.view === view)
    .reduce((sum, g) => sum + g.count, 0);
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** Deterministic, compressible Dutch-ish filler. */
function filler(i: number, length: number): string {
  const words = ['het', 'gezin', 'heeft', 'een', 'afspraak', 'met', 'de', 'wijkcoach', 'over', 'schulden', 'en', 'school'];
  let s = '';
  let k = i;
  while (s.length < length) {
    s += `${words[k % words.length] ?? 'x'} `;
    k = (k * 7 + 3) % 1009;
  }
  return s.slice(0, length);
}

/**
 * Canaries built as P + S where P and S first occur separately ("P|S|"), then the canary P+S
 * repeats. Snappy (block or value level) then encodes every occurrence of P+S as
 * back-references, so the canary is never contiguous in the compressed bytes.
 */
const SPLIT_CANARIES = [
  ['WIJKTAFEL-QZ7X-', 'CANARY-JANSEN-0451'],
  ['BSN-CANARY-', '999990019-MOKUM'],
  ['NARRATIEF-', 'CANARY-SCHULDHULP-88'],
] as const;
const splitCanary = (i: number): string => (SPLIT_CANARIES[i] ?? ['', '']).join('');
function splitCanaryValue(i: number, record: number): string {
  const [p, s] = SPLIT_CANARIES[i] ?? ['', ''];
  return `${filler(record, 300)}${p}|${s}|${`${p}${s} `.repeat(8)}${filler(record + 1, 200)}`;
}

const UTF16_CANARY = 'UTF16-CANARY-de-Vries-31';
const LATIN1_CANARY = 'Jördis-Ñúñez-CANARY-Latin1';
const KEY_CANARY = 'CANARY-KEY-77';
const IDB_CANARY = ['IDB-WRAPPED-', 'CANARY-Bakker-12'] as const;
const BE_KEY_CANARY = 'IDBKEY-CANARY-Smit-1960';
const LOG_CANARY = 'LOGSPLIT-CANARY-Pietersen-2024';
const ABSENT = 'NEVER-WRITTEN-CANARY-zz';
const ALL_CANARIES = [splitCanary(0), splitCanary(1), splitCanary(2), UTF16_CANARY, LATIN1_CANARY, KEY_CANARY, IDB_CANARY.join(''), LOG_CANARY, BE_KEY_CANARY];

// ---------------------------------------------------------------------------------------------
// Fixtures

let tmp = '';
let dbCompressed = ''; // (a), (b): compacted into Snappy-compressed .ldb tables
let dbKeys = ''; // key reconstruction
let dbLog = ''; // (c): one big value left in the write-ahead log
let dbClean = ''; // (d)
let noLevelDb = ''; // (e)
let reportCompressed: ScanReport;

const LOG_VALUE_LENGTH = 40 * 1024;
const LOG_SPLIT_AT = 11; // bytes of the canary before the 32 KiB boundary

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'profile-scan-test-'));
  dbCompressed = path.join(tmp, 'compressed', 'leveldb');
  dbKeys = path.join(tmp, 'keys');
  dbLog = path.join(tmp, 'log');
  dbClean = path.join(tmp, 'clean');
  noLevelDb = path.join(tmp, 'no-leveldb');

  // (a)+(b): ~1.3 MB of compressible values, small write buffer so several tables are flushed,
  // then a full compaction. Snappy is on (the default) as in Chromium.
  {
    const db = new ClassicLevel<string, Buffer>(dbCompressed, {
      keyEncoding: 'utf8',
      valueEncoding: 'buffer',
      compression: true,
      writeBufferSize: 256 * 1024,
    });
    await db.open();
    for (let start = 0; start < 1500; start += 250) {
      const batch = db.batch();
      for (let i = start; i < start + 250; i++) {
        batch.put(`rec-${String(i).padStart(5, '0')}`, Buffer.from(splitCanaryValue(i % SPLIT_CANARIES.length, i), 'latin1'));
      }
      await batch.write();
    }
    // (b) V8 two-byte string (UTF-16LE) and one-byte string with non-ASCII chars (Latin-1).
    await db.put('u16-0001', Buffer.concat([Buffer.from(filler(5, 400)), Buffer.from(UTF16_CANARY, 'utf16le'), Buffer.from(filler(6, 400))]));
    await db.put('lat-0001', Buffer.concat([Buffer.from(filler(7, 400)), Buffer.from(LATIN1_CANARY, 'latin1'), Buffer.from(filler(8, 400))]));
    // A Blink-style wrapped value: varint data version, FF 11 02, raw Snappy of the SSV.
    const [ip, is] = IDB_CANARY;
    const ssv = Buffer.from(`${filler(9, 2000)}${ip}|${is}|${`${ip}${is}`.repeat(20)}`, 'latin1');
    await db.put('idb-0001', Buffer.concat([Buffer.from([0x14, 0xff, 0x11, 0x02]), snappyCompress(ssv)]));
    // IndexedDB encodes string keys as UTF-16BE (StringWithLength) behind a (db, store, index) prefix.
    const beKey = Buffer.concat([Buffer.from([0x00, 0x01, 0x01, 0x01, 0x01]), varint(BE_KEY_CANARY.length), Buffer.from(BE_KEY_CANARY, 'utf16le').swap16()]);
    await db.put<Buffer, Buffer>(beKey, Buffer.from(filler(10, 300)), { keyEncoding: 'buffer', valueEncoding: 'buffer' });
    await db.compactRange('\u0000', '\uffff');
    await db.close();
  }

  // Keys sharing a prefix: the second key is stored as (shared 13, "RY-KEY-77…"), so the key
  // canary exists only after prefix reconstruction.
  {
    const db = new ClassicLevel<string, string>(dbKeys, { keyEncoding: 'utf8', valueEncoding: 'utf8' });
    await db.open();
    await db.put('pfx-WIJK-CANAA', filler(1, 100));
    await db.put(`pfx-WIJK-${KEY_CANARY}`, filler(2, 100));
    await db.compactRange('\u0000', '\uffff');
    await db.close();
  }

  // (c): one put of a 40 KiB value into a fresh database; it stays in the write-ahead log
  // (default 4 MB write buffer, no compaction, LevelDB does not flush on close).
  {
    const db = new ClassicLevel<string, Buffer>(dbLog, { keyEncoding: 'utf8', valueEncoding: 'buffer' });
    await db.open();
    const key = 'big';
    // Physical offset of value byte 0 in the log: record header 7, batch header 12, tag 1,
    // varint(key length), key, varint(value length).
    const valueStart = 7 + 12 + 1 + varint(key.length).length + key.length + varint(LOG_VALUE_LENGTH).length;
    const canaryAt = 32 * 1024 - LOG_SPLIT_AT - valueStart;
    const value = Buffer.from(filler(3, LOG_VALUE_LENGTH), 'latin1');
    value.write(LOG_CANARY, canaryAt, 'latin1');
    await db.put(key, value);
    await db.close();
  }

  // (d): same shapes, no canaries.
  {
    const db = new ClassicLevel<string, string>(dbClean, { keyEncoding: 'utf8', valueEncoding: 'utf8', writeBufferSize: 128 * 1024 });
    await db.open();
    const batch = db.batch();
    for (let i = 0; i < 600; i++) batch.put(`rec-${String(i).padStart(5, '0')}`, filler(i, 600));
    await batch.write();
    await db.compactRange('\u0000', '\uffff');
    await db.put('after-compaction', filler(4, 5000)); // something in the log as well
    await db.close();
  }

  // (e): a folder with a file holding a canary, but no LevelDB at all.
  await mkdir(path.join(noLevelDb, 'sub'), { recursive: true });
  await writeFile(path.join(noLevelDb, 'sub', 'notes.txt'), `nothing to see ${filler(1, 200)}`);

  reportCompressed = await scanProfile(dbCompressed, [...ALL_CANARIES, ABSENT]);
  // Visible in the test output: the numbers behind the claims below.
  console.info(`compressed fixture: ${describeReport(reportCompressed)}`);
}, 20_000);

afterAll(async () => {
  if (tmp !== '') await rm(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// (a) Snappy-compressed table blocks

describe('LevelDB table files (.ldb)', () => {
  it('fixture really is compacted into Snappy-compressed tables, and parses without problems', async () => {
    const ldbs = await filesUnder(dbCompressed, '.ldb');
    expect(ldbs.length).toBeGreaterThan(0);
    expect(reportCompressed.tableFiles).toBe(ldbs.length);
    expect(reportCompressed.blocksDecompressed).toBeGreaterThan(50);
    expect(reportCompressed.tableEntries).toBeGreaterThanOrEqual(1503);
    // Real LevelDB checksums verify, every block decodes.
    expect(reportCompressed.problems).toEqual([]);
  });

  it('finds canaries that a naive raw search of the .ldb bytes misses (Snappy back-references)', async () => {
    const ldbs = await filesUnder(dbCompressed, '.ldb');
    const rawBytes = Buffer.concat(await Promise.all(ldbs.map((f) => readFile(f))));
    const compressedOnly = SPLIT_CANARIES.map((_, i) => splitCanary(i)).filter((c) => !naiveFind(rawBytes, c));
    // The fixture is built so the canaries exist only as back-references on disk.
    console.info(`canaries absent from the raw .ldb bytes: ${compressedOnly.length} of ${SPLIT_CANARIES.length}`);
    expect(compressedOnly.length).toBeGreaterThanOrEqual(1);
    for (const canary of compressedOnly) {
      const hits = hitsFor(reportCompressed, canary, '.ldb');
      expect(hits.filter((h) => h.view === 'raw')).toEqual([]);
      const decoded = hits.filter((h) => h.view === 'table-block' || h.view === 'table-value');
      expect(decoded.length).toBeGreaterThan(0);
      // 500 records per canary × 8 occurrences each, all found in the values.
      expect(countIn(reportCompressed, canary, 'table-value', '.ldb')).toBe(500 * 8);
    }
  });

  it('reconstructs prefix-compressed keys (shared / non-shared) to find a key canary', async () => {
    const report = await scanProfile(dbKeys, [KEY_CANARY]);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const hits = hitsFor(report, KEY_CANARY, '.ldb');
    expect(hits.map((h) => h.view)).toContain('table-key');
    // Not contiguous in the block or on disk: only the rebuilt key has it.
    expect(hits.filter((h) => h.view === 'raw' || h.view === 'table-block')).toEqual([]);
  });

  it('unwraps Blink Snappy-wrapped IndexedDB values (FF 11 02) inside table entries', () => {
    const canary = IDB_CANARY.join('');
    const hits = hitsFor(reportCompressed, canary, '.ldb');
    expect(hits.filter((h) => h.view === 'raw' || h.view === 'table-block' || h.view === 'table-value')).toEqual([]);
    expect(countIn(reportCompressed, canary, 'idb-snappy-value', '.ldb')).toBe(20);
    expect(reportCompressed.idbValuesDecompressed).toBeGreaterThanOrEqual(1);
  });

  it('(b) finds a UTF-16LE (V8 two-byte) canary with encoding utf-16le and a Latin-1 one with latin-1', () => {
    const u16 = hitsFor(reportCompressed, UTF16_CANARY, '.ldb');
    expect(u16.some((h) => h.encoding === 'utf-16le' && h.view === 'table-value')).toBe(true);
    expect(u16.some((h) => h.encoding === 'utf-8')).toBe(false);
    const l1 = hitsFor(reportCompressed, LATIN1_CANARY, '.ldb');
    expect(l1.some((h) => h.encoding === 'latin-1' && h.view === 'table-value')).toBe(true);
    expect(l1.some((h) => h.encoding === 'utf-8')).toBe(false);
  });

  it('finds an IndexedDB-style UTF-16BE key with encoding utf-16be', () => {
    const hits = hitsFor(reportCompressed, BE_KEY_CANARY, '.ldb');
    expect(hits.some((h) => h.view === 'table-key' && h.encoding === 'utf-16be')).toBe(true);
    expect(hits.some((h) => h.encoding === 'utf-8' || h.encoding === 'utf-16le')).toBe(false);
  });

  it('reports hits with file, view, encoding, offset and at most ±40 bytes of context', () => {
    const hit = reportCompressed.hits.find((h) => h.needle === splitCanary(0) && h.view === 'table-value');
    expect(hit).toBeDefined();
    if (hit === undefined) return;
    expect(hit.file).toMatch(/^\d{6}\.ldb$/);
    expect(hit.encoding).toBe('utf-8');
    expect(hit.location).toMatch(/data block @0x[0-9a-f]+ \(snappy \d+→\d+ B\) entry \d+ value/);
    expect(hit.context).toContain(splitCanary(0));
    expect(hit.context.length).toBeLessThanOrEqual(40 + splitCanary(0).length + 40 + 3 * 80);
    expect(hitsFor(reportCompressed, ABSENT)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Log records split across 32 KiB blocks

/** Minimal LevelDB log writer (log_writer.cc) for arbitrary fragmentation. */
function writeLog(records: Buffer[]): Buffer {
  const out: Buffer[] = [];
  let blockOffset = 0;
  for (const rec of records) {
    let pos = 0;
    let begin = true;
    do {
      const leftover = 32768 - blockOffset;
      if (leftover < 7) {
        out.push(Buffer.alloc(leftover));
        blockOffset = 0;
      }
      const avail = 32768 - blockOffset - 7;
      const fragment = Math.min(rec.length - pos, avail);
      const end = pos + fragment === rec.length;
      const type = begin && end ? 1 : begin ? 2 : end ? 4 : 3;
      const payload = rec.subarray(pos, pos + fragment);
      const header = Buffer.alloc(7);
      header.writeUInt32LE(maskCrc(crc32c(Buffer.from([type]), payload)), 0);
      header.writeUInt16LE(fragment, 4);
      header[6] = type;
      out.push(header, payload);
      blockOffset += 7 + fragment;
      pos += fragment;
      begin = false;
    } while (pos < rec.length);
  }
  return Buffer.concat(out);
}

function writeBatch(seq: number, key: string, value: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header.writeBigUInt64LE(BigInt(seq), 0);
  header.writeUInt32LE(1, 8);
  const k = Buffer.from(key);
  return Buffer.concat([header, Buffer.from([1]), varint(k.length), k, varint(value.length), value]);
}

describe('LevelDB log files (.log)', () => {
  it('(c) finds a canary split across a 32 KiB block boundary of a real LevelDB log', async () => {
    const logs = await filesUnder(dbLog, '.log');
    expect(logs.length).toBe(1);
    const raw = await readFile(logs[0] ?? '');
    expect(raw.length).toBeGreaterThan(LOG_VALUE_LENGTH);
    // Proof of the split: the halves sit on either side of the 7-byte header at 32768.
    expect(naiveFind(raw, LOG_CANARY)).toBe(false);
    expect(raw.subarray(32768 - LOG_SPLIT_AT, 32768).toString('latin1')).toBe(LOG_CANARY.slice(0, LOG_SPLIT_AT));
    expect(raw.subarray(32768 + 7, 32768 + 7 + LOG_CANARY.length - LOG_SPLIT_AT).toString('latin1')).toBe(LOG_CANARY.slice(LOG_SPLIT_AT));

    const report = await scanProfile(dbLog, [LOG_CANARY]);
    expect(report.problems).toEqual([]); // header checksums verified against real LevelDB
    const hits = hitsFor(report, LOG_CANARY, '.log');
    expect(hits.filter((h) => h.view === 'raw')).toEqual([]);
    expect(hits.find((h) => h.view === 'log-record')?.count).toBe(1);
    expect(hits.find((h) => h.view === 'log-value')?.count).toBe(1);
    expect(report.hits.find((h) => h.view === 'log-record')?.location).toMatch(/2 fragments/);
  });

  it('finds a needle anywhere in arbitrarily fragmented log records (property)', async () => {
    const dir = path.join(tmp, 'log-property');
    await mkdir(dir, { recursive: true });
    const needle = 'PROP-CANARY-Ølstad';
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 70_000 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom<BufferEncoding>('utf8', 'latin1', 'utf16le'),
        async (sizes, which, where, enc) => {
          const target = which % sizes.length;
          const values = sizes.map((n, i) => Buffer.from(filler(i, n).replace(/ /g, 'a'), 'latin1'));
          const v = values[target] ?? Buffer.alloc(0);
          const encoded = Buffer.from(needle, enc);
          const at = where % (v.length + 1);
          values[target] = Buffer.concat([v.subarray(0, at), encoded, v.subarray(at)]);
          const log = writeLog(values.map((val, i) => writeBatch(i + 1, `k${i}`, val)));
          await writeFile(path.join(dir, '000003.log'), log);
          const report = await scanProfile(dir, [needle]);
          expect(report.problems).toEqual([]);
          const hits = hitsFor(report, needle).filter((h) => h.view === 'log-record');
          expect(hits.length).toBe(1);
          expect(hits[0]?.count).toBe(1);
          expect(report.logRecords).toBe(values.length);
        },
      ),
      { numRuns: 40, seed: 20240611 },
    );
  });

  it('a log cut off mid-record is a warning, and the surviving bytes are still searched', async () => {
    const dir = path.join(tmp, 'log-truncated');
    await mkdir(dir, { recursive: true });
    const [src] = await filesUnder(dbLog, '.log');
    const raw = await readFile(src ?? '');
    await writeFile(path.join(dir, '000009.log'), raw.subarray(0, 32768 + 7 + 100));
    const report = await scanProfile(dir, [LOG_CANARY]);
    expect(report.problems.map((p) => p.kind)).toContain('truncated-log-record');
    expect(hitsFor(report, LOG_CANARY).map((h) => h.view)).toContain('log-record');
  });
});

// ---------------------------------------------------------------------------------------------
// (d), (e) clean folders and the wrong folder

describe('assertNoCanaries', () => {
  it('(d) a LevelDB folder without canaries reports zero hits and passes', async () => {
    const report = await scanProfile(dbClean, [...ALL_CANARIES, ABSENT]);
    expect(report.totalHits).toBe(0);
    expect(report.hits).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.tableFiles).toBeGreaterThan(0);
    expect(report.logFiles).toBeGreaterThan(0);
    expect(report.blocksDecompressed).toBeGreaterThan(0);
    await expect(assertNoCanaries(dbClean, ALL_CANARIES)).resolves.toMatchObject({ totalHits: 0 });
  });

  it('throws a readable, bounded message when canaries are present', async () => {
    const error = await assertNoCanaries(dbCompressed, [splitCanary(0)]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = error instanceof Error ? error.message : '';
    expect(message).toContain('Canaries found');
    expect(message).toContain(JSON.stringify(splitCanary(0)));
    expect(message).toMatch(/\.ldb \[table-value, utf-8\] ×\d+/);
    // No dumping of file contents: every line is short.
    for (const line of message.split('\n')) expect(line.length).toBeLessThan(500);
  });

  it('(e) throws when the folder holds no LevelDB files (wrong folder)', async () => {
    await expect(assertNoCanaries(noLevelDb, [ABSENT])).rejects.toThrow(/No LevelDB files/);
    await expect(assertNoCanaries(path.join(tmp, 'does-not-exist'), [ABSENT])).rejects.toThrow(/No LevelDB files/);
    const report = await scanProfile(noLevelDb, [ABSENT]);
    expect(report.filesScanned).toBe(1);
    expect(report.leveldbFiles).toBe(0);
  });

  it('assertWholeProfileScanned passes only for a scan of the whole user-data-dir', async () => {
    const root = path.join(tmp, 'user-data-dir');
    const idb = path.join(root, 'Default', 'IndexedDB', 'http_127.0.0.1_1.indexeddb.leveldb');
    await mkdir(idb, { recursive: true });
    for (const name of await readdir(dbClean)) await copyFile(path.join(dbClean, name), path.join(idb, name));
    await writeFile(path.join(root, 'Local State'), '{}');
    const whole = await scanProfile(root, [ABSENT]);
    expect(() => assertWholeProfileScanned(whole)).not.toThrow();
    // Pointed at the profile folder (the old scope) or at the LevelDB folder, it fails.
    const profileOnly = await scanProfile(path.join(root, 'Default'), [ABSENT]);
    expect(() => assertWholeProfileScanned(profileOnly)).toThrow(/Local State/);
    const levelDbOnly = await scanProfile(idb, [ABSENT]);
    expect(() => assertWholeProfileScanned(levelDbOnly)).toThrow(/did not cover the whole profile/);
  });

  it('searches files of any name raw, and does not follow symlinks', async () => {
    const dir = path.join(tmp, 'misc');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'Preferences'), `{"x":"${Buffer.from(ABSENT, 'utf16le').toString('latin1')}"}`, 'latin1');
    const { symlink } = await import('node:fs/promises');
    await symlink(noLevelDb, path.join(dir, 'link'));
    const report = await scanProfile(dir, [ABSENT]);
    expect(report.hitSummary).toEqual([{ file: 'Preferences', view: 'raw', encoding: 'utf-16le', needle: ABSENT, count: 1 }]);
    expect(report.skipped).toEqual(['link (symlink, not followed)']);
    expect(report.files).toEqual(['Preferences']);
  });
});

// ---------------------------------------------------------------------------------------------
// (f) Damaged and unsupported files are problems, never "clean"

/** Block in LevelDB format with every entry at a restart point. */
function block(entries: Array<[Buffer, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  const restarts: number[] = [];
  let off = 0;
  for (const [k, v] of entries) {
    restarts.push(off);
    const e = Buffer.concat([varint(0), varint(k.length), varint(v.length), k, v]);
    parts.push(e);
    off += e.length;
  }
  if (restarts.length === 0) restarts.push(0);
  const tail = Buffer.alloc(4 * restarts.length + 4);
  restarts.forEach((r, i) => tail.writeUInt32LE(r, 4 * i));
  tail.writeUInt32LE(restarts.length, 4 * restarts.length);
  return Buffer.concat([...parts, tail]);
}

/** A one-data-block table whose data block is stored with the given compression type byte. */
function table(entries: Array<[Buffer, Buffer]>, type: number, stored: (b: Buffer) => Buffer): Buffer {
  const parts: Buffer[] = [];
  let off = 0;
  const put = (contents: Buffer, t: number): Buffer => {
    const handle = Buffer.concat([varint(off), varint(contents.length)]);
    const trailer = Buffer.alloc(5);
    trailer[0] = t;
    trailer.writeUInt32LE(maskCrc(crc32c(contents, Buffer.from([t]))), 1);
    parts.push(contents, trailer);
    off += contents.length + 5;
    return handle;
  };
  const data = put(stored(block(entries)), type);
  const meta = put(block([]), 0);
  const index = put(block([[Buffer.from('z'), data]]), 0);
  const footer = Buffer.alloc(48);
  Buffer.concat([meta, index]).copy(footer, 0);
  footer.writeUInt32LE(0x8b80fb57, 40);
  footer.writeUInt32LE(0xdb477524, 44);
  return Buffer.concat([...parts, footer]);
}

describe('damaged or unsupported files', () => {
  it('(f) a truncated .ldb is reported as an error, not as clean', async () => {
    const dir = path.join(tmp, 'truncated');
    await mkdir(dir, { recursive: true });
    const ldbs = await filesUnder(dbCompressed, '.ldb');
    const sizes = await Promise.all(ldbs.map(async (f) => ({ f, size: (await stat(f)).size })));
    const biggest = sizes.sort((a, b) => b.size - a.size)[0];
    expect(biggest).toBeDefined();
    const raw = await readFile(biggest?.f ?? '');
    await writeFile(path.join(dir, '000042.ldb'), raw.subarray(0, Math.floor(raw.length / 2)));

    const report = await scanProfile(dir, [splitCanary(0)]);
    expect(report.tableFiles).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ file: '000042.ldb', severity: 'error', kind: 'bad-magic' })]);
    await expect(assertNoCanaries(dir, [splitCanary(0)])).rejects.toThrow(/could not be decoded[\s\S]*000042\.ldb: \[bad-magic\]/);
  });

  it('a corrupted block is a checksum warning or a decode error, never silent', async () => {
    const dir = path.join(tmp, 'flipped');
    await mkdir(dir, { recursive: true });
    const [src] = await filesUnder(dbCompressed, '.ldb');
    const raw = Buffer.from(await readFile(src ?? ''));
    raw[100] = (raw[100] ?? 0) ^ 0x55; // inside the first data block
    await writeFile(path.join(dir, '000043.ldb'), raw);
    const report = await scanProfile(dir, [splitCanary(0)]);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.map((p) => p.kind)).toContain('checksum-mismatch');
  });

  it('a zstd block (compression type 2) is reported as unsupported-compression', async () => {
    const dir = path.join(tmp, 'zstd');
    await mkdir(dir, { recursive: true });
    const needle = 'ZSTD-CANARY-Visser';
    const entries: Array<[Buffer, Buffer]> = [[Buffer.from('k1'), Buffer.from(`${needle}${needle}${needle}`.repeat(10))]];
    // Stand-in compressed bytes (the scanner must not pretend it can read them).
    await writeFile(path.join(dir, '000044.ldb'), table(entries, 2, snappyCompress));
    const report = await scanProfile(dir, [needle]);
    expect(report.problems).toEqual([expect.objectContaining({ severity: 'error', kind: 'unsupported-compression' })]);
    expect(report.problems[0]?.message).toMatch(/zstd/);
    await expect(assertNoCanaries(dir, [needle])).rejects.toThrow(/unsupported-compression/);

    // Sanity: the same table with type 1 (snappy) is read and the needle found.
    await writeFile(path.join(dir, '000044.ldb'), table(entries, 1, snappyCompress));
    const ok = await scanProfile(dir, [needle]);
    expect(ok.problems).toEqual([]);
    expect(ok.blocksDecompressed).toBe(1);
    expect(hitsFor(ok, needle).map((h) => h.view)).toEqual(expect.arrayContaining(['table-block', 'table-value']));
  });

  it('a Blink blob file (FF 11 02 + Snappy) is decompressed; a broken one is an error', async () => {
    const dir = path.join(tmp, 'blob', 'http_localhost_0.indexeddb.blob', '1', '00');
    await mkdir(dir, { recursive: true });
    const [p, s] = IDB_CANARY;
    const ssv = Buffer.from(`${filler(1, 5000)}${p}|${s}|${`${p}${s}`.repeat(5)}`, 'latin1');
    const blob = Buffer.concat([Buffer.from([0xff, 0x11, 0x02]), snappyCompress(ssv)]);
    await writeFile(path.join(dir, '2'), blob);
    expect(naiveFind(blob, IDB_CANARY.join(''))).toBe(false);
    const report = await scanProfile(path.join(tmp, 'blob'), [IDB_CANARY.join('')]);
    expect(report.hitSummary).toEqual([expect.objectContaining({ view: 'idb-snappy-value', count: 5 })]);

    await writeFile(path.join(dir, '3'), blob.subarray(0, blob.length - 10));
    const broken = await scanProfile(path.join(tmp, 'blob'), [IDB_CANARY.join('')]);
    expect(broken.problems).toEqual([expect.objectContaining({ file: 'http_localhost_0.indexeddb.blob/1/00/3', kind: 'idb-snappy-error', severity: 'error' })]);
  });

  it('copying a whole real LevelDB folder keeps the scan result (no hidden state)', async () => {
    const copy = path.join(tmp, 'copy');
    await mkdir(copy, { recursive: true });
    for (const name of await readdir(dbCompressed)) await copyFile(path.join(dbCompressed, name), path.join(copy, name));
    const report = await scanProfile(copy, [...ALL_CANARIES, ABSENT]);
    expect(report.hitSummary).toEqual(reportCompressed.hitSummary);
    expect(report.blocksDecompressed).toBe(reportCompressed.blocksDecompressed);
  });
});

// ---------------------------------------------------------------------------------------------
// Positive controls per encoding and per container (raw file, LevelDB, SQLite): PRIVACY.md asks
// for a scan of every file in UTF-8, Latin-1, UTF-16LE and UTF-16BE, SQLite files included.

/** A canary per encoding; the Latin-1 letters make its UTF-8 and Latin-1 bytes differ. */
const perEncoding = (container: string) => ENCODINGS.map((encoding) => ({ encoding, needle: `Wulp-Jördis-Æ-${container}-${encoding}-CANARY` }));

describe('positive controls: every encoding in every container', () => {
  it('raw files of any name (Sessions/Session_*, Preferences): found in each encoding', async () => {
    const root = path.join(tmp, 'controls-raw');
    await mkdir(path.join(root, 'Default', 'Sessions'), { recursive: true });
    const canaries = perEncoding('raw');
    for (const { encoding, needle } of canaries) {
      await writeFile(path.join(root, 'Default', 'Sessions', `Session_${encoding}`), Buffer.concat([Buffer.from([0x53, 0x4e, 0x53, 0x53, 0x01]), encodeAs(needle, encoding)]));
    }
    const report = await scanProfile(root, canaries.map((c) => c.needle));
    for (const { encoding, needle } of canaries) {
      expect(report.hitSummary, `${needle} in ${encoding}`).toContainEqual({ file: `Default/Sessions/Session_${encoding}`, view: 'raw', encoding, needle, count: 1 });
    }
    expect(report.totalHits).toBe(canaries.length);
  });

  it('LevelDB (Snappy-compressed table blocks): found in each encoding inside the decoded blocks', async () => {
    const dir = path.join(tmp, 'controls-leveldb');
    const canaries = perEncoding('ldb');
    const db = new ClassicLevel<string, Buffer>(dir, { keyEncoding: 'utf8', valueEncoding: 'buffer', compression: true });
    await db.open();
    for (const { encoding, needle } of canaries) {
      // Repeated so Snappy turns later copies into back-references; the table entry has them all.
      await db.put(`control-${encoding}`, Buffer.concat([Buffer.from(filler(11, 300)), encodeAs(needle, encoding), encodeAs(needle, encoding), Buffer.from(filler(12, 300))]));
    }
    await db.compactRange('\u0000', '\uffff');
    await db.close();
    const report = await scanProfile(dir, canaries.map((c) => c.needle));
    expect(report.problems).toEqual([]);
    for (const { encoding, needle } of canaries) {
      const found = report.hitSummary.filter((g) => g.needle === needle && g.encoding === encoding && g.view === 'table-value' && g.file.endsWith('.ldb'));
      expect(found.map((g) => g.count), `${needle} in a decoded table value`).toEqual([2]);
    }
  });

  it('SQLite: BLOB cells in each encoding, TEXT in UTF-8, UTF-16le and UTF-16be databases, read through SQLite', async () => {
    const SQL = await initSqlJs();
    const root = path.join(tmp, 'controls-sqlite');
    await mkdir(root, { recursive: true });
    const blobs = perEncoding('blob');
    const db = new SQL.Database();
    db.run('CREATE TABLE autofill (name TEXT, value BLOB)');
    for (const { encoding, needle } of blobs) db.run('INSERT INTO autofill VALUES (?, ?)', [encoding, encodeAs(needle, encoding)]);
    await writeFile(path.join(root, 'Web Data'), Buffer.from(db.export()));
    db.close();
    const texts: { dbEncoding: string; needle: string; file: string }[] = [];
    for (const dbEncoding of ['UTF-8', 'UTF-16le', 'UTF-16be']) {
      const needle = `Wulp-Jördis-Æ-text-${dbEncoding}-CANARY`;
      const t = new SQL.Database();
      t.run(`PRAGMA encoding = '${dbEncoding}'`);
      t.run('CREATE TABLE autofill (name TEXT, value TEXT)');
      t.run('INSERT INTO autofill VALUES (?, ?)', ['x', needle]);
      const file = `History-${dbEncoding}`;
      await writeFile(path.join(root, file), Buffer.from(t.export()));
      t.close();
      texts.push({ dbEncoding, needle, file });
    }
    const report = await scanProfile(root, [...blobs, ...texts].map((c) => c.needle));
    expect(report.problems).toEqual([]);
    expect(report.sqliteFiles.sort()).toEqual(['History-UTF-16be', 'History-UTF-16le', 'History-UTF-8', 'Web Data']);
    for (const { encoding, needle } of blobs) {
      expect(report.hitSummary, `${needle} as a BLOB`).toContainEqual({ file: 'Web Data', view: 'sqlite-value', encoding, needle, count: 1 });
    }
    for (const { dbEncoding, needle, file } of texts) {
      // Read through SQLite, the text is a string: found as such whatever the database encoding …
      expect(report.hitSummary, `${needle} as TEXT`).toContainEqual({ file, view: 'sqlite-value', encoding: 'utf-8', needle, count: 1 });
      // … and raw in the file's own encoding.
      const rawEncoding = dbEncoding === 'UTF-8' ? 'utf-8' : dbEncoding === 'UTF-16le' ? 'utf-16le' : 'utf-16be';
      expect(report.hitSummary, `${needle} raw`).toContainEqual({ file, view: 'raw', encoding: rawEncoding, needle, count: 1 });
    }
  });

  it('SQLite: finds a value split over overflow pages, which a raw search of the file misses', async () => {
    const SQL = await initSqlJs();
    const root = path.join(tmp, 'controls-overflow');
    await mkdir(root, { recursive: true });
    const needle = 'OVERFLOW-CANARY-Jansen-Wulp-0451';
    // A 512-byte page holds a few hundred bytes of a cell; the rest goes to overflow pages, each
    // starting with a 4-byte next-page number. Move the canary until it straddles a page seam.
    let file: Buffer | null = null;
    for (let at = 0; at < 600 && file === null; at += 5) {
      const db = new SQL.Database();
      db.run('PRAGMA page_size = 512');
      db.run('CREATE TABLE t (v TEXT)');
      db.run('INSERT INTO t VALUES (?)', [`${'x'.repeat(at)}${needle}${'y'.repeat(3000)}`]);
      const bytes = Buffer.from(db.export());
      db.close();
      if (!naiveFind(bytes, needle)) file = bytes;
    }
    if (file === null) throw new Error('could not build a database with the canary across a page seam');
    await writeFile(path.join(root, 'Web Data'), file);
    const report = await scanProfile(root, [needle]);
    expect(report.hitSummary).toEqual([{ file: 'Web Data', view: 'sqlite-value', encoding: 'utf-8', needle, count: 1 }]);
  });

  it('SQLite: rows only in the -wal are read (the -wal applied to a copy), and the -wal is searched raw', async () => {
    const SQL = await initSqlJs();
    const root = path.join(tmp, 'controls-wal');
    await mkdir(root, { recursive: true });
    const needle = 'WAL-CANARY-de-Vries-Wulp-31';
    const make = (rows: string[]): Buffer => {
      const db = new SQL.Database();
      db.run('PRAGMA page_size = 512');
      db.run('CREATE TABLE t (v TEXT)');
      for (const r of rows) db.run('INSERT INTO t VALUES (?)', [r]);
      const out = Buffer.from(db.export());
      db.close();
      return out;
    };
    // The same long row, the canary placed across a page seam, so only SQLite can read it whole.
    let before: Buffer | null = null;
    let after: Buffer | null = null;
    for (let at = 0; at < 600 && after === null; at += 5) {
      const b = make(['eerste rij']);
      const a = make(['eerste rij', `${'x'.repeat(at)}${needle}${'y'.repeat(3000)}`]);
      if (!naiveFind(a, needle)) [before, after] = [b, a];
    }
    if (before === null || after === null) throw new Error('could not build the fixture');
    // A WAL in SQLite's format: 32-byte header, then per changed page a 24-byte frame header
    // (page number, database size on commit, salts, checksums: not checked by the scanner).
    const pageSize = 512;
    const header = Buffer.alloc(32);
    header.writeUInt32BE(0x377f0682, 0);
    header.writeUInt32BE(3007000, 4);
    header.writeUInt32BE(pageSize, 8);
    const frames: Buffer[] = [];
    const pages = after.length / pageSize;
    for (let pg = 0; pg < pages; pg++) {
      const page = after.subarray(pg * pageSize, (pg + 1) * pageSize);
      if (before.subarray(pg * pageSize, (pg + 1) * pageSize).equals(page)) continue;
      const fh = Buffer.alloc(24);
      fh.writeUInt32BE(pg + 1, 0);
      fh.writeUInt32BE(pg === pages - 1 ? pages : 0, 4);
      frames.push(fh, page);
    }
    const walFile = Buffer.concat([header, ...frames]);
    expect(naiveFind(walFile, needle), 'the canary is split in the -wal too').toBe(false);
    await writeFile(path.join(root, 'Web Data'), before);
    await writeFile(path.join(root, 'Web Data-wal'), walFile);
    const report = await scanProfile(root, [needle, 'eerste rij']);
    expect(report.problems).toEqual([]);
    expect(hitsFor(report, needle)).toEqual([{ file: 'Web Data', view: 'sqlite-value', encoding: 'utf-8', needle, count: 1 }]);
    expect(report.files).toContain('Web Data-wal');
  });

  it('a file with the SQLite header that does not open is an error, not clean', async () => {
    const root = path.join(tmp, 'controls-bad-sqlite');
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, 'Web Data'), Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(4096, 0xab)]));
    const report = await scanProfile(root, [ABSENT]);
    expect(report.problems.filter((p) => p.kind === 'sqlite-error' && p.severity === 'error').map((p) => p.file)).toEqual(['Web Data']);
  });

  it('plantControls (used by the e2e scans) plants one control per encoding raw and in SQLite, and the scan finds each', async () => {
    const root = path.join(tmp, 'controls-planted');
    const controls = await plantControls(root, 'Default/Wijktafel-control', 'unit');
    expect(controls).toHaveLength(2 * ENCODINGS.length);
    const report = await scanProfile(root, controls.map((c) => c.needle));
    expect(controlsMissed(report, controls)).toEqual([]);
    // And the check itself can fail: a scan for the wrong needles misses every control.
    expect(controlsMissed(await scanProfile(root, [ABSENT]), controls)).toHaveLength(controls.length);
  });
});
