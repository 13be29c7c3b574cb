import { utf8DecodeStrict } from '../backup/bytes';
import { MAX_CELL, MAX_COLUMNS, MAX_ROWS } from './csv';
import { oleFileError } from './ole';
import { ImportFileError, MAX_IMPORT_BYTES } from './text';

/**
 * A small XLSX reader: the first worksheet's cell values as text. An XLSX file is a ZIP of XML
 * parts; we read the ZIP central directory ourselves and let the caller inflate (the renderer
 * uses DecompressionStream('deflate-raw'), fed in small slices), so shared/ needs no library.
 *
 * Bounded against zip bombs by the bytes the inflater actually PRODUCES, never by what the
 * archive declares: a part may not inflate to more than its declared size, and all parts
 * together not to more than `maxInflated`. The inflater yields its output in chunks and this
 * reader stops pulling (returns the iterator, which cancels the stream) as soon as a limit is
 * passed, so at most one chunk beyond the limit is ever produced. A part that declares 1,234
 * bytes and inflates to 1.1 GB is refused after the first chunk.
 */
export type InflateRaw = (data: Uint8Array) => AsyncIterable<Uint8Array>;

export const MAX_INFLATED = 100 * 1024 * 1024;

export type XlsxOptions = { maxInflated?: number };

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number; flags: number };

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE2 compound file (CFB): a password-protected workbook, or an old binary .xls/.doc. */
export function isOleCompound(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return sig.every((b, i) => bytes[i] === b);
}

function readEntries(bytes: Uint8Array): Map<string, Entry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportFileError('xlsx-invalid', { reason: 'truncated' });
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const entries = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ImportFileError('xlsx-invalid', { reason: 'damaged' });
    const nameLen = u16(bytes, at + 28);
    const extraLen = u16(bytes, at + 30);
    const commentLen = u16(bytes, at + 32);
    const name = utf8DecodeStrict(bytes.subarray(at + 46, at + 46 + nameLen));
    if (name === null) throw new ImportFileError('xlsx-invalid', { reason: 'damaged' });
    entries.set(name, {
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function inflateBounded(raw: Uint8Array, inflate: InflateRaw, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Leaving the loop early (the throw below) returns the iterator: the inflater stops.
    for await (const chunk of inflate(raw)) {
      total += chunk.byteLength;
      if (total > limit) throw new ImportFileError('too-large', { reason: 'inflated' });
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('xlsx-invalid', { reason: 'damaged' });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function readEntry(bytes: Uint8Array, e: Entry, inflate: InflateRaw, budget: { left: number }): Promise<string> {
  if (e.flags & 1) throw new ImportFileError('xlsx-encrypted');
  if (e.size > budget.left) throw new ImportFileError('too-large', { reason: 'inflated' });
  const lh = e.localOffset;
  if (lh + 30 > bytes.length || u32(bytes, lh) !== 0x04034b50) throw new ImportFileError('xlsx-invalid', { reason: 'damaged' });
  const start = lh + 30 + u16(bytes, lh + 26) + u16(bytes, lh + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ImportFileError('xlsx-invalid', { reason: 'truncated' });
  const raw = bytes.subarray(start, end);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  // More output than the part declares is a lie about its size: stop there (e.size <= budget.left).
  else if (e.method === 8) data = await inflateBounded(raw, inflate, e.size);
  else throw new ImportFileError('xlsx-invalid', { reason: 'damaged' });
  if (data.byteLength !== e.size) throw new ImportFileError('xlsx-invalid', { reason: 'damaged' });
  budget.left -= data.byteLength;
  const text = utf8DecodeStrict(data);
  if (text === null) throw new ImportFileError('xlsx-invalid', { reason: 'damaged' });
  return text;
}

export function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, ent: string) => {
    if (ent === 'lt') return '<';
    if (ent === 'gt') return '>';
    if (ent === 'amp') return '&';
    if (ent === 'quot') return '"';
    if (ent === 'apos') return "'";
    const cp = ent.startsWith('#x') ? Number.parseInt(ent.slice(2), 16) : Number.parseInt(ent.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

function textOf(fragment: string): string {
  // Rich text has several <t> runs; phonetic runs (<rPh>) are not part of the value.
  const withoutPhonetic = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += decodeXmlText(m[1] ?? '');
  return out;
}

function columnIndex(ref: string): number {
  const letters = /^([A-Z]{1,3})/.exec(ref)?.[1] ?? '';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Rows of the first worksheet, as text; empty rows dropped. */
export async function readXlsx(bytes: Uint8Array, inflate: InflateRaw, opts: XlsxOptions = {}): Promise<string[][]> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError('too-large');
  if (isOleCompound(bytes)) throw oleFileError(bytes);
  if (!isZip(bytes)) throw new ImportFileError('xlsx-invalid', { reason: 'not-zip' });
  const entries = readEntries(bytes);
  const budget = { left: opts.maxInflated ?? MAX_INFLATED };
  const get = async (name: string) => {
    const e = entries.get(name);
    return e ? readEntry(bytes, e, inflate, budget) : null;
  };

  // The first sheet in workbook order, through the workbook's relationships.
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const workbook = await get('xl/workbook.xml');
  const rels = await get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const firstSheet = /<sheet\b[^>]*>/.exec(workbook)?.[0];
    const rid = firstSheet ? (attr(firstSheet, 'r:id') ?? '') : '';
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (attr(m[0], 'Id') === rid) {
        const target = attr(m[0], 'Target') ?? '';
        sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      }
    }
  }
  const sheet = await get(sheetPath);
  if (sheet === null) throw new ImportFileError('xlsx-invalid', { reason: 'no-sheet' });
  const sharedXml = await get('xl/sharedStrings.xml');
  const shared: string[] = [];
  if (sharedXml) for (const m of sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(textOf(m[1] ?? ''));

  const rows: string[][] = [];
  for (const rm of sheet.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const row: string[] = [];
    for (const cm of (rm[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = cm[1] ?? '';
      const inner = cm[2] ?? '';
      const ref = attr(` ${tag}`, 'r');
      const col = ref ? columnIndex(ref) : row.length;
      if (col < 0 || col >= MAX_COLUMNS) throw new ImportFileError('too-many-columns', { row: rows.length + 1 });
      const type = attr(` ${tag}`, 't');
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: string;
      if (type === 's') {
        // A shared-string index with no string behind it (the part is missing or shorter) is a
        // damaged workbook; reading it as empty would call a full file "empty".
        const str = v !== undefined && /^\d+$/.test(v.trim()) ? shared[Number(v)] : undefined;
        if (str === undefined) throw new ImportFileError('xlsx-invalid', { reason: 'missing-strings' });
        value = str;
      }
      else if (type === 'inlineStr') value = textOf(inner);
      else if (type === 'b') value = v === '1' ? 'WAAR' : 'ONWAAR';
      else value = decodeXmlText(v ?? '');
      if (value.length > MAX_CELL) throw new ImportFileError('cell-too-long', { row: rows.length + 1, column: col + 1 });
      while (row.length < col) row.push('');
      row[col] = value;
    }
    if (row.some((c) => c.trim() !== '')) rows.push(row);
    if (rows.length > MAX_ROWS) throw new ImportFileError('too-many-rows');
  }
  return rows;
}
