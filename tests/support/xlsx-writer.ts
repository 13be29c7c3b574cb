import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A minimal XLSX writer for fixtures: shared strings, one sheet, optional numeric cells. */
type Cell = string | number;

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function col(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function zip(files: { name: string; data: Buffer; store?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const comp = f.store ? f.data : deflateRawSync(f.data);
    const crc = crc32(f.data);
    const size = f.declaredSize ?? f.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(f.store ? 0 : 8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(f.store ? 0 : 8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function xlsxParts(rows: Cell[][]): { name: string; data: Buffer }[] {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sheetRows = rows
    .map((r, ri) => {
      const cells = r
        .map((c, ci) => {
          const ref = `${col(ci)}${ri + 1}`;
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if (c === '') return '';
          let i = index.get(c);
          if (i === undefined) {
            i = strings.length;
            strings.push(c);
            index.set(c, i);
          }
          return `<c r="${ref}" t="s"><v>${i}</v></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Casussen" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: 'xl/sharedStrings.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${strings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('')}</sst>`) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetRows}</sheetData></worksheet>`) },
  ];
}

export function writeXlsx(rows: Cell[][]): Buffer {
  return zip(xlsxParts(rows));
}

/**
 * Raw deflate data that inflates to `mib` MiB of zeros, made without ever holding them: one
 * MiB of zeros compressed with a sync flush (a byte-aligned, non-final block that refers only to
 * itself) repeated, then an empty final block. About 1 KiB per MiB.
 */
export function zerosDeflated(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** An XLSX whose sheet is `compressed` (already deflated) while the central directory declares `declaredSize`. */
export function lyingXlsx(rows: Cell[][], compressed: Buffer, declaredSize: number): Buffer {
  const parts = xlsxParts(rows).filter((p) => p.name !== 'xl/worksheets/sheet1.xml');
  // The sheet is stored as method 8 with the given deflate bytes: zip() deflates `data` itself,
  // so hand it the compressed bytes as "stored" and patch the method to 8 afterwards.
  const all = [...parts, { name: 'xl/worksheets/sheet1.xml', data: compressed, store: true, declaredSize }];
  const bytes = zip(all);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  // Local header and central directory entry of the sheet: method at +8 / +10.
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt16LE(8, at - 30 + 8);
    if (at >= 46 && bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt16LE(8, at - 46 + 10);
  }
  return bytes;
}
