/**
 * A minimal OLE2 / Compound File Binary (CFB, MS-CFB) writer for import fixtures: version 3
 * (512-byte sectors), one FAT sector, one or more directory sectors, and empty streams with the
 * given names under the root storage. That is all the importer reads of such a file (which
 * streams exist), so real contents are not needed:
 *  - a password-protected .xlsx is a CFB with `EncryptionInfo` and `EncryptedPackage` streams;
 *  - an Excel 97–2003 .xls is a CFB with a `Workbook` stream (Excel 5/95: `Book`).
 */
const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

function dirEntry(name: string, type: 1 | 2 | 5, child: number, right: number): Buffer {
  const e = Buffer.alloc(128);
  const utf16 = Buffer.from(`${name}\u0000`, 'utf16le');
  utf16.copy(e, 0, 0, Math.min(64, utf16.length));
  e.writeUInt16LE(Math.min(64, utf16.length), 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(NOSTREAM, 68); // left sibling
  e.writeUInt32LE(right, 72); // right sibling
  e.writeUInt32LE(child, 76); // child
  e.writeUInt32LE(type === 5 ? ENDOFCHAIN : 0, 116); // starting sector (none for empty streams)
  return e;
}

export function writeCfb(streams: readonly string[], opts: { corruptDirectoryStart?: boolean } = {}): Buffer {
  // Entry 0 is the root; the streams are a right-leaning chain of siblings under it.
  const entries = [dirEntry('Root Entry', 5, streams.length ? 1 : NOSTREAM, NOSTREAM)];
  streams.forEach((s, i) => entries.push(dirEntry(s, 2, NOSTREAM, i + 2 <= streams.length ? i + 2 : NOSTREAM)));
  while (entries.length % 4 !== 0) entries.push(Buffer.alloc(128)); // unused entries
  const dirSectors = entries.length / 4;

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // number of FAT sectors
  header.writeUInt32LE(opts.corruptDirectoryStart ? 9999 : 1, 48); // first directory sector
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  header.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREESECT, 76 + i * 4);

  // Sector 0: the FAT. Sector 1..dirSectors: the directory chain.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  for (let i = 0; i < dirSectors; i++) fat.writeUInt32LE(i === dirSectors - 1 ? ENDOFCHAIN : i + 2, (i + 1) * 4);
  return Buffer.concat([header, fat, ...entries]);
}
