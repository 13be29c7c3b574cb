import { ImportFileError } from './text';

/**
 * Old Office files are OLE2 compound files (MS-CFB): a small FAT file system in one file. Two
 * kinds reach the importer with an .xlsx name, and they need different advice:
 *  - a password-protected workbook: Excel encrypts the .xlsx into an `EncryptedPackage` stream
 *    described by an `EncryptionInfo` stream (MS-OFFCRYPTO);
 *  - an Excel 97–2003 .xls (a `Workbook` stream; Excel 5/95: `Book`), renamed or saved with the
 *    wrong extension.
 * Only the directory is read (which streams exist), bounded by the file's own size, with every
 * sector number checked and chain loops cut off.
 */
const ENDOFCHAIN = 0xfffffffe;
const MAX_DIRECTORY_ENTRIES = 100_000;

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;
}

/** The names of all streams and storages in a compound file, or null when its structure is broken. */
export function oleEntryNames(bytes: Uint8Array): string[] | null {
  if (bytes.byteLength < 512 || u16(bytes, 28) !== 0xfffe) return null;
  const shift = u16(bytes, 30);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  // Sector n starts after the header, which takes one sector (512 or 4096 bytes).
  const sectorAt = (n: number): number | null => {
    const at = (n + 1) * size;
    return n < 0x0ffffffa && at + 128 <= bytes.byteLength ? at : null;
  };
  // The FAT sectors are listed in the header's DIFAT (109 entries) and, for huge files, in DIFAT
  // sectors; directories of the files the importer sees are always reached from the header's.
  const fatSectors: number[] = [];
  const fatCount = u32(bytes, 44);
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(u32(bytes, 76 + i * 4));
  const perSector = size / 4;
  const next = (n: number): number | null => {
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined) return null;
    const at = sectorAt(fatSector);
    return at === null ? null : u32(bytes, at + (n % perSector) * 4);
  };
  const names: string[] = [];
  const visited = new Set<number>();
  for (let s: number | null = u32(bytes, 48); s !== ENDOFCHAIN; s = next(s)) {
    if (s === null || visited.has(s) || names.length >= MAX_DIRECTORY_ENTRIES) return null;
    visited.add(s);
    const at = sectorAt(s);
    if (at === null) return null;
    for (let e = at; e + 128 <= Math.min(at + size, bytes.byteLength); e += 128) {
      const type = bytes[e + 66] ?? 0;
      if (type === 0) continue; // unused entry
      const nameBytes = Math.min(u16(bytes, e + 64), 64);
      let name = '';
      for (let i = 0; i + 1 < nameBytes; i += 2) {
        const c = u16(bytes, e + i);
        if (c === 0) break;
        name += String.fromCharCode(c);
      }
      names.push(name);
    }
  }
  return names.length > 0 ? names : null;
}

/** The error that says what this compound file is (it is never read as a spreadsheet). */
export function oleFileError(bytes: Uint8Array): ImportFileError {
  const names = oleEntryNames(bytes);
  if (names === null) return new ImportFileError('xlsx-invalid', { reason: 'damaged' });
  const has = (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptionInfo') || has('EncryptedPackage')) return new ImportFileError('xlsx-encrypted');
  if (has('Workbook') || has('Book')) return new ImportFileError('xls-legacy');
  return new ImportFileError('xlsx-invalid', { reason: 'ole-other' });
}
