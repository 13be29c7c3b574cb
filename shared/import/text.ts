import { utf8DecodeStrict } from '../backup/bytes';

/**
 * Spreadsheet text comes in whatever Excel wrote: UTF-8 with or without BOM, UTF-16 ("Unicode
 * text"), or — very often in Dutch offices — Windows-1252 ("CSV (gescheiden door lijstscheidingsteken)").
 * We decode strictly as UTF-8 first; when that fails the bytes are converted from Windows-1252
 * and the report says so, so a user can check that "ë" and "é" came through.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type DecodedText = { text: string; encoding: TextEncoding };

export class ImportFileError extends Error {
  constructor(
    readonly code:
      | 'empty'
      | 'binary'
      | 'garbled'
      | 'utf16-no-bom'
      | 'invalid-utf8'
      | 'too-large'
      | 'unterminated-quote'
      | 'cell-too-long'
      | 'too-many-rows'
      | 'too-many-columns'
      | 'no-header'
      | 'xlsx-invalid'
      | 'xlsx-encrypted'
      | 'xls-legacy'
      | 'unknown-type',
    /** Where (row, column) and, for some codes, what exactly (`reason` picks the message variant). */
    readonly detail?: { row?: number; column?: number; reason?: string },
  ) {
    super(`import: ${code}`);
    this.name = 'ImportFileError';
  }
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/*
 * Windows-1252 0x80..0x9F; the rest of the range maps to the same code point as Latin-1. Kept by
 * hand, not TextDecoder('windows-1252'): Node before 23 decodes that label as Latin-1 (0x80 "€"
 * becomes the control U+0080), so the unit tests and any Node caller would read other text than
 * Chromium does. The five bytes the code page leaves undefined become U+FFFD.
 */
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? 0xfffd) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** UTF-16 after its byte-order mark (already stripped; a second one is kept as U+FEFF). */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  return new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes);
}

/**
 * UTF-16 text without a byte-order mark: in a sample, the zero bytes sit (almost) only at odd
 * offsets (little-endian ASCII) or only at even ones (big-endian). Guessing the byte order is
 * possible, but a wrong guess silently imports garbage, so such a file is refused with a
 * message that says how to save it properly.
 */
function looksLikeUtf16WithoutBom(sample: Uint8Array): boolean {
  if (sample.byteLength < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.byteLength; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(sample.byteLength / 2);
  return (odd > pairs * 0.3 && even < pairs * 0.02) || (even > pairs * 0.3 && odd < pairs * 0.02);
}

/**
 * Bytes that no spreadsheet text holds: C0 control characters other than tab, line feed, form
 * feed and carriage return, and DEL; for Windows-1252 also the five code points it leaves
 * undefined (in UTF-8 those bytes are ordinary continuation bytes). A few may be a stray
 * character; more than 1 in 200 is not text.
 */
function looksGarbled(sample: Uint8Array, encoding: 'utf-8' | 'windows-1252'): boolean {
  let bad = 0;
  for (const b of sample) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) bad++;
    else if (encoding === 'windows-1252' && (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d)) bad++;
  }
  return bad > Math.max(1, sample.byteLength / 200);
}

export function decodeSpreadsheetText(bytes: Uint8Array): DecodedText {
  if (bytes.byteLength === 0) throw new ImportFileError('empty');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError('too-large');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = utf8DecodeStrict(bytes.subarray(3));
    // The file says it is UTF-8 and is not: converting it another way would only guess.
    if (text === null) throw new ImportFileError('invalid-utf8');
    return { text, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 64 * 1024);
  if (looksLikeUtf16WithoutBom(sample.subarray(0, 4096))) throw new ImportFileError('utf16-no-bom');
  // NUL bytes do not occur in text files of these encodings: this is a binary file (or XLSX renamed .csv).
  if (sample.subarray(0, 4096).includes(0)) throw new ImportFileError('binary');
  const utf8 = utf8DecodeStrict(bytes);
  if (utf8 !== null) {
    if (looksGarbled(sample, 'utf-8')) throw new ImportFileError('garbled');
    return { text: utf8, encoding: 'utf-8' };
  }
  // Not UTF-8: Windows-1252 is the only other encoding Excel writes without a mark. Bytes that
  // it does not use mean this is no text at all, not a file to convert.
  if (looksGarbled(sample, 'windows-1252')) throw new ImportFileError('garbled');
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
