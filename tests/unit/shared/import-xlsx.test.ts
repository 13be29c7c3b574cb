import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../../shared/import/text';
import { readXlsx, type InflateRaw } from '../../../shared/import/xlsx';
import { inflateRawChunks, readSpreadsheet } from '../../../renderer/src/features/backup/import/spreadsheet';
import { errorText } from '../../../renderer/src/features/backup/errors';
import { translate } from '../../../renderer/src/i18n';
import { writeCfb } from '../../support/cfb-writer';
import { lyingXlsx, xlsxParts, zerosDeflated, zip } from '../../support/xlsx-writer';

const HEADER = ['Huishouden', 'Voornaam', 'Achternaam'];
const ROWS = [HEADER, ['Familie Jansen', 'Fatima', 'Jansen']];
const MiB = 1024 * 1024;

/** The renderer's inflater, counting what it actually produced. */
function countingInflater(): { inflate: InflateRaw; produced: () => number; largestChunk: () => number } {
  let produced = 0;
  let largest = 0;
  return {
    inflate: async function* (data) {
      for await (const chunk of inflateRawChunks(data)) {
        produced += chunk.byteLength;
        largest = Math.max(largest, chunk.byteLength);
        yield chunk;
      }
    },
    produced: () => produced,
    largestChunk: () => largest,
  };
}

async function refusal(p: Promise<unknown>): Promise<ImportFileError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportFileError);
  return e as ImportFileError;
}

const nl = (e: unknown) => errorText(e, (k, vars) => translate('nl', k, vars));
const en = (e: unknown) => errorText(e, (k, vars) => translate('en', k, vars));

describe('XLSX zip entries that lie about their size (issue 14, point 3)', () => {
  it('a sheet declaring 1,234 bytes that inflates to 64 MiB is refused with the zip-bomb message', async () => {
    const e = await refusal(readSpreadsheet(new Uint8Array(lyingXlsx(ROWS, zerosDeflated(64), 1234)), 'lijst.xlsx'));
    expect({ code: e.code, reason: e.detail?.reason }).toEqual({ code: 'too-large', reason: 'inflated' });
    expect(nl(e)).toContain('zou uitgepakt veel te groot worden');
  });

  it('the realistic bomb (1,234 bytes declared, 1.1 GB of output): inflating stops at the declared size plus one chunk', async () => {
    const counter = countingInflater();
    const bytes = new Uint8Array(lyingXlsx(ROWS, zerosDeflated(1050), 1234));
    expect(bytes.byteLength).toBeLessThan(2 * MiB); // the file itself is small
    const before = process.memoryUsage().arrayBuffers;
    const e = await refusal(readXlsx(bytes, counter.inflate));
    const grown = process.memoryUsage().arrayBuffers - before;
    expect({ code: e.code, reason: e.detail?.reason }).toEqual({ code: 'too-large', reason: 'inflated' });
    expect(counter.largestChunk()).toBeGreaterThan(0);
    expect(counter.produced()).toBeLessThanOrEqual(1234 + counter.largestChunk());
    // A rough bound on what was allocated and not yet freed (the old reader held 1.1 GB here).
    expect(grown).toBeLessThan(256 * MiB);
  });

  it('a sheet that tells the truth about a size above the limit is refused before anything is inflated', async () => {
    const counter = countingInflater();
    const bytes = new Uint8Array(lyingXlsx(ROWS, zerosDeflated(8), 8 * MiB));
    const e = await refusal(readXlsx(bytes, counter.inflate, { maxInflated: 4 * MiB }));
    expect({ code: e.code, reason: e.detail?.reason }).toEqual({ code: 'too-large', reason: 'inflated' });
    expect(counter.produced()).toBeLessThan(4096); // only the small workbook parts read before the sheet
  });

  it('the limit holds over all parts together, counted in bytes produced', async () => {
    // Each honest part fits; together they pass the (injected) limit: the part that crosses it stops there.
    const parts = xlsxParts(ROWS).map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: Buffer.concat([p.data, Buffer.from(`<!--${' '.repeat(3000)}-->`)]) } : p));
    const counter = countingInflater();
    const total = parts.filter((p) => p.name !== '[Content_Types].xml').reduce((n, p) => n + p.data.length, 0); // the parts the reader opens
    const e = await refusal(readXlsx(new Uint8Array(zip(parts)), counter.inflate, { maxInflated: total - 100 }));
    expect({ code: e.code, reason: e.detail?.reason }).toEqual({ code: 'too-large', reason: 'inflated' });
    expect(counter.produced()).toBeLessThanOrEqual(total);
  });

  it('an honest workbook still reads (shared strings, through the streaming inflater)', async () => {
    const rows = await readXlsx(new Uint8Array(zip(xlsxParts(ROWS))), inflateRawChunks);
    expect(rows).toEqual(ROWS);
  });
});

describe('XLSX and OLE files get the message that fits them (issue 14, point 6)', () => {
  it('cells pointing to a missing shared-strings part: damaged, not "empty"', async () => {
    const bytes = zip(xlsxParts(ROWS).filter((p) => p.name !== 'xl/sharedStrings.xml'));
    const e = await refusal(readSpreadsheet(new Uint8Array(bytes), 'lijst.xlsx'));
    expect({ code: e.code, reason: e.detail?.reason }).toEqual({ code: 'xlsx-invalid', reason: 'missing-strings' });
    expect(nl(e)).toContain('beschadigd');
    expect(nl(e)).not.toContain('leeg');
    expect(en(e)).toContain('damaged');
  });

  it('a cell pointing past the end of the shared strings: damaged', async () => {
    const parts = xlsxParts(ROWS).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.from(p.data.toString('utf8').replace('<v>0</v>', '<v>99</v>')) } : p,
    );
    const e = await refusal(readSpreadsheet(new Uint8Array(zip(parts)), 'lijst.xlsx'));
    expect({ code: e.code, reason: e.detail?.reason }).toEqual({ code: 'xlsx-invalid', reason: 'missing-strings' });
  });

  it('an old binary .xls renamed .xlsx (Workbook stream): "oud Excel-formaat", not "password"', async () => {
    for (const stream of ['Workbook', 'Book']) {
      const e = await refusal(readSpreadsheet(new Uint8Array(writeCfb([stream, '\u0005SummaryInformation'])), 'lijst.xlsx'));
      expect(e.code, stream).toBe('xls-legacy');
      expect(nl(e)).toContain('oud Excel-formaat');
      expect(nl(e)).toContain('sla het op als .xlsx of .csv');
      expect(nl(e)).not.toContain('wachtwoord');
      expect(en(e)).toContain('old Excel format');
    }
  });

  it('a password-protected workbook (EncryptionInfo stream) is still reported as protected', async () => {
    const e = await refusal(readSpreadsheet(new Uint8Array(writeCfb(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'])), 'lijst.xlsx'));
    expect(e.code).toBe('xlsx-encrypted');
    expect(nl(e)).toContain('wachtwoord');
  });

  it('another Office file (a Word .doc renamed .xlsx) and a broken OLE directory are neither', async () => {
    const doc = await refusal(readSpreadsheet(new Uint8Array(writeCfb(['WordDocument', '1Table'])), 'lijst.xlsx'));
    expect({ code: doc.code, reason: doc.detail?.reason }).toEqual({ code: 'xlsx-invalid', reason: 'ole-other' });
    expect(nl(doc)).not.toContain('wachtwoord');
    const broken = await refusal(readSpreadsheet(new Uint8Array(writeCfb(['Workbook'], { corruptDirectoryStart: true })), 'lijst.xlsx'));
    expect({ code: broken.code, reason: broken.detail?.reason }).toEqual({ code: 'xlsx-invalid', reason: 'damaged' });
    // Just the OLE signature and zeros (no directory at all): damaged too, never "protected".
    const bare = await refusal(readSpreadsheet(new Uint8Array(Buffer.concat([writeCfb([]).subarray(0, 8), Buffer.alloc(504)])), 'lijst.xlsx'));
    expect(bare.code).toBe('xlsx-invalid');
  });
});
