import 'fake-indexeddb/auto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { concatBytes, utf8Encode } from '../../shared/backup/bytes';
import { BACKUP_MAGIC, encodeBackupFile, headerAad, headerForAad, serializeBody, toTagged } from '../../shared/backup/format';
import { sealBytes } from '../../renderer/src/crypto/aead';
import { setDb, type StoredRow } from '../../renderer/src/data/db';
import { MIGRATIONS } from '../../renderer/src/data/migrations';
import { sealRecord } from '../../renderer/src/data/records';
import { APP_VERSION, createBackup } from '../../renderer/src/data/usecases/backup';
import { createHousehold } from '../../renderer/src/data/stores/households/households';
import { initialiseUser } from '../../renderer/src/data/stores/team/settings';
import { getSession, setSession } from '../../renderer/src/data/session';
import { createVault } from '../../renderer/src/data/vault';
import { WijktafelDB } from '../../renderer/src/data/db';
import { freshUnlockedDb, TEST_KDF, TEST_PASSPHRASE } from './test-db';
import { writeCfb } from './cfb-writer';
import { zip, xlsxParts, writeXlsx } from './xlsx-writer';

/**
 * Generates tests/fixtures (run: WIJKTAFEL_WRITE_FIXTURES=1 npx vitest run tests/unit/reliability/corpus.test.ts).
 * Every fixture is made by the real code from synthetic data; the manifest says what each one
 * must produce. The files are committed so the tests read stored files, not freshly made ones.
 */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const FIXED_NOW = new Date('2026-03-02T09:30:00.000Z');

export type CorpusEntry =
  | { file: string; kind: 'backup'; passphrase: string; expect: string; note: string }
  | { file: string; kind: 'backup-valid'; passphrase: string; households: number; note: string }
  | { file: string; kind: 'import'; expect: string; note: string }
  | { file: string; kind: 'import-ok'; households: number; skipped: number; neutralised: number; encoding?: string; note: string };

const HEADER = ['Huishouden', 'Voornaam', 'Achternaam', 'Geboortedatum', 'BSN', 'Rol', 'Wijk', 'Postcode'];
const VALID_ROWS = [
  ['Familie Jansen', 'Fatima', 'Jansen', '12-04-1986', '', 'moeder', 'Centrum', '1234 AB'],
  ['Familie Jansen', 'Noah', 'Jansen', '2015-09-01', '', 'kind', 'Centrum', '1234 AB'],
  ['Familie de Boer', 'Piet', 'de Boer', '03-11-1950', '', 'ouder', 'Noord', ''],
  ['Familie Çelik', 'Zoë', 'Çelik', '1990-01-31', '', 'partner', 'Oost', ''],
];

function csv(rows: string[][], sep = ';'): string {
  return rows.map((r) => r.map((c) => (/[";\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n') + '\r\n';
}

function cp1252(text: string): Buffer {
  return Buffer.from(text, 'latin1'); // all characters used are in Latin-1 (a subset of Windows-1252 here)
}

function frame(header: Record<string, unknown>, body: Uint8Array): Uint8Array {
  const hb = utf8Encode(JSON.stringify(header));
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, hb.byteLength);
  return concatBytes(utf8Encode(BACKUP_MAGIC), len, hb, body);
}

function splitFile(bytes: Uint8Array): { header: Record<string, unknown>; body: Uint8Array } {
  const len = new DataView(bytes.buffer, bytes.byteOffset + 16, 4).getUint32(0);
  const header = JSON.parse(Buffer.from(bytes.subarray(20, 20 + len)).toString('utf8')) as Record<string, unknown>;
  return { header, body: bytes.subarray(20 + len) };
}

async function sha(b: Uint8Array): Promise<string> {
  return Buffer.from(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>)).toString('hex');
}

/** A small store made through the repositories: a user, three households with members. */
export async function seedStore(): Promise<{ db: WijktafelDB }> {
  const { db } = await freshUnlockedDb();
  await initialiseUser('Sanne de Vries');
  await createHousehold({ displayName: 'Familie Visser', wijk: 'Centrum', members: [{ role: 'ouder', firstName: 'Els', lastName: 'Visser', birthDate: '1979-02-14', bsn: '111222333' }, { role: 'kind', firstName: 'Tim' }] });
  await createHousehold({ displayName: 'Familie Yilmaz', wijk: 'Noord', members: [{ role: 'ouder', firstName: 'Ayşe', lastName: 'Yılmaz' }] });
  await createHousehold({ displayName: 'Meneer Bos', members: [{ role: 'anders', firstName: 'Henk', lastName: 'Bos', phone: '06 12345678' }] });
  return { db };
}

export async function generateFixtures(): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  const put = async (file: string, data: Uint8Array | string) => {
    const p = join(FIXTURES, file);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, data);
  };

  // ---- backups ----
  const { db } = await seedStore();
  const session = getSession();
  const { bytes: valid } = await createBackup({ now: FIXED_NOW });
  await put('backup/valid.wijktafel', valid);
  entries.push({ file: 'backup/valid.wijktafel', kind: 'backup-valid', passphrase: TEST_PASSPHRASE, households: 3, note: 'a good backup of three households' });
  const P = TEST_PASSPHRASE;
  const bad = async (file: string, data: Uint8Array | string, expect: string, note: string) => {
    await put(`backup/${file}`, data);
    entries.push({ file: `backup/${file}`, kind: 'backup', passphrase: P, expect, note });
  };
  const { header, body } = splitFile(valid);
  await bad('empty.wijktafel', new Uint8Array(0), 'empty', 'zero bytes');
  await bad('truncated-half.wijktafel', valid.subarray(0, Math.floor(valid.length / 2)), 'truncated', 'cut off halfway through the body');
  await bad('truncated-last-byte.wijktafel', valid.subarray(0, valid.length - 1), 'truncated', 'the last byte missing');
  await bad('truncated-header.wijktafel', valid.subarray(0, 60), 'truncated', 'cut off inside the header');
  await bad('truncated-magic.wijktafel', valid.subarray(0, 9), 'truncated', 'only the first bytes of the magic');
  await bad('foreign-pdf.wijktafel', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'), 'not-a-backup', 'a PDF renamed');
  await bad('foreign-zip.wijktafel', writeXlsx([['a']]), 'not-a-backup', 'a spreadsheet renamed');
  await bad('newer-format.wijktafel', frame({ ...header, format: 2 }, body), 'newer-format', 'format version 2');
  await bad('newer-app.wijktafel', frame({ ...header, appVersion: '99.0.0' }, body), 'newer-app', 'made by app version 99');
  await bad('newer-schema.wijktafel', frame({ ...header, schemaVersion: 999 }, body), 'newer-app', 'database schema version 999');
  await bad('tampered-checksum.wijktafel', frame({ ...header, body: { bytes: body.length, sha256: '0'.repeat(64) } }, body), 'checksum', 'checksum in the header edited');
  const flipped = new Uint8Array(body);
  flipped[Math.floor(flipped.length / 2)] = (flipped[Math.floor(flipped.length / 2)] ?? 0) ^ 1;
  await bad('tampered-body.wijktafel', frame(header, flipped), 'checksum', 'one bit of the body flipped');
  await bad('tampered-body-rehashed.wijktafel', frame({ ...header, body: { bytes: flipped.length, sha256: await sha(flipped) } }, flipped), 'tampered', 'body bit flipped and checksum recomputed');
  await bad('tampered-counts.wijktafel', frame({ ...header, counts: { ...(header.counts as object), households: 0 } }, body), 'tampered', 'header counts edited (authenticated as AAD)');
  await bad('tampered-date.wijktafel', frame({ ...header, createdAt: '2030-01-01T00:00:00.000Z' }, body), 'tampered', 'header date edited');
  await bad('header-not-json.wijktafel', concatBytes(utf8Encode(BACKUP_MAGIC), new Uint8Array([0, 0, 0, 5]), utf8Encode('{"a":'), body), 'header-invalid', 'header is not JSON');
  await bad('header-length-huge.wijktafel', concatBytes(utf8Encode(BACKUP_MAGIC), new Uint8Array([255, 255, 255, 255]), body), 'header-invalid', 'header length 4 GB');
  await bad('header-extra-field.wijktafel', frame({ ...header, owner: 'Sanne de Vries' }, body), 'header-invalid', 'an unexpected (identifying) header field');
  await bad('header-vault-broken.wijktafel', frame({ ...header, vault: { id: 'main' } }, body), 'header-invalid', 'vault row missing its keys');

  // Sealed with the right key but wrong content: needs the data key, as only the app has it.
  const input = { appVersion: APP_VERSION, schemaVersion: 1, createdAt: FIXED_NOW.toISOString(), counts: header.counts as Record<string, number>, vault: header.vault as Record<string, unknown> };
  const sealWith = async (text: string) => encodeBackupFile(input, await sealBytes(session.dataKey, utf8Encode(text), headerAad(headerForAad(input))));
  await bad('body-not-json.wijktafel', await sealWith('this is not json'), 'body-invalid', 'decrypts, but is not JSON');
  const tables: Record<string, StoredRow[]> = {};
  for (const t of db.tables) tables[t.name] = await t.toArray();
  await bad('body-unknown-table.wijktafel', await sealWith(serializeBody({ ...tables, stolenNames: [] })), 'body-invalid', 'an unknown table in the body');
  await bad('body-count-mismatch.wijktafel', await sealWith(serializeBody({ ...tables, households: (tables.households ?? []).slice(1) })), 'body-invalid', 'fewer rows than the header says');

  // A household whose sealed content breaks the schema (invalid BSN), and one with a plain-text leak.
  const hhRow = tables.households?.[0];
  if (!hhRow) throw new Error('no household');
  const hhKey = await session.householdKey(String(hhRow.id));
  const badRecord = await sealRecord('households', { id: hhRow.id, status: 'actief', displayName: 'X', members: [{ id: 'm1', role: 'ouder', firstName: 'Y', bsn: '123456789' }], createdAt: 'yesterday' }, hhKey);
  await bad('record-schema-invalid.wijktafel', await sealWith(serializeBody({ ...tables, households: [badRecord, ...(tables.households ?? []).slice(1)] })), 'record-invalid', 'a household that fails HouseholdSchema');
  await bad('record-plain-leak.wijktafel', await sealWith(serializeBody({ ...tables, households: [{ ...hhRow, displayName: 'Familie Visser' }, ...(tables.households ?? []).slice(1)] })), 'record-invalid', 'a plain-text name next to the sealed payload');
  const hugeField = await sealRecord('notes', { id: 'n1', householdId: hhRow.id, createdAt: FIXED_NOW.toISOString(), text: 'x'.repeat(300_000) }, hhKey);
  const withNote = { ...input, counts: { ...input.counts, notes: 1 } };
  const noteBody = await sealBytes(session.dataKey, utf8Encode(serializeBody({ ...tables, notes: [hugeField] })), headerAad(headerForAad(withNote)));
  await bad('record-huge-field.wijktafel', encodeBackupFile(withNote, noteBody), 'record-invalid', 'a 300 000-character note (over the schema maximum)');

  // Another vault: the right passphrase for OUR store does not open it.
  const other = new WijktafelDB(`fixture-other-${Date.now()}`);
  setDb(other);
  const made = await createVault(other, 'een heel andere wachtzin voor een ander team', { params: TEST_KDF });
  setSession(made.session);
  await initialiseUser('Ander Team');
  const { bytes: foreign } = await createBackup({ now: FIXED_NOW });
  await bad('wrong-key.wijktafel', foreign, 'wrong-passphrase', 'a backup of another vault');
  setDb(db);
  setSession(session);

  // ---- imports ----
  const ok = async (file: string, data: Uint8Array | string, e: Omit<Extract<CorpusEntry, { kind: 'import-ok' }>, 'file' | 'kind'>) => {
    await put(`import/${file}`, data);
    entries.push({ file: `import/${file}`, kind: 'import-ok', ...e });
  };
  const badImport = async (file: string, data: Uint8Array | string, expect: string, note: string) => {
    await put(`import/${file}`, data);
    entries.push({ file: `import/${file}`, kind: 'import', expect, note });
  };
  const validCsv = csv([HEADER, ...VALID_ROWS]);
  await ok('valid-utf8.csv', validCsv, { households: 3, skipped: 0, neutralised: 0, encoding: 'utf-8', note: 'semicolons, UTF-8 without BOM' });
  await ok('valid-utf8-bom.csv', '\ufeff' + csv([HEADER, ...VALID_ROWS], ','), { households: 3, skipped: 0, neutralised: 0, encoding: 'utf-8-bom', note: 'commas, UTF-8 with BOM' });
  await ok('windows-1252.csv', cp1252(validCsv), { households: 3, skipped: 0, neutralised: 0, encoding: 'windows-1252', note: 'Excel "CSV (lijstscheidingsteken)" in Windows-1252: converted and reported' });
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([HEADER, ...VALID_ROWS], '\t'), 'utf16le')]);
  await ok('utf16le-tabs.txt', u16, { households: 3, skipped: 0, neutralised: 0, encoding: 'utf-16le', note: 'Excel "Unicode text"' });
  await ok('formula-injection.csv', csv([HEADER, ['Familie Kaya', '=HYPERLINK("http://evil.example","klik")', 'Kaya', '', '', 'ouder', 'Zuid', ''], ['Familie Kaya', '@SUM(1+1)', 'Kaya', '', '', 'kind', 'Zuid', ''], ['Familie Smit', 'Jan', '+cmd|\'/C calc\'!A0', '', '', 'ouder', '-2+3', ''], ['Familie Smit', 'Eva', 'Smit', '', '', '\tkind', '', '']]), { households: 2, skipped: 0, neutralised: 3, note: 'cells starting with = @ + and -: neutralised with a quote and reported (3 rows); a leading tab is trimmed away, so that cell is plain text' });
  await ok('invalid-rows.csv', csv([HEADER, ...VALID_ROWS, ['Familie Fout', 'Ali', 'Fout', '31-02-1980', '', 'ouder', 'West', ''], ['Familie Fout', 'Sara', 'Fout', '', '', 'kind', 'West', ''], ['Familie Toekomst', 'Bo', 'T', '01-01-2999', '', 'kind', '', ''], ['Familie BSN', 'Kim', 'B', '', '123456789', 'ouder', '', ''], ['Familie Post', 'Lou', 'P', '', '', 'ouder', '', '0000 XX'], ['', '', 'Zonder', '', '', '', '', ''], ['Familie Rol', 'Rik', 'R', '', '', 'buurman', '', '']]), { households: 3, skipped: 7, neutralised: 0, note: 'impossible date, future date, bad BSN, bad postcode, no first name, unknown role; a household with one bad row is skipped whole' });
  await ok('valid.xlsx', writeXlsx([HEADER, ...VALID_ROWS.map((r, i) => (i === 2 ? [r[0] ?? '', r[1] ?? '', r[2] ?? '', 18_570, '', r[5] ?? '', r[6] ?? '', ''] : r))]), { households: 3, skipped: 0, neutralised: 0, note: 'XLSX with shared strings and an Excel serial birth date' });
  await ok('formula.xlsx', writeXlsx([HEADER, ['Familie Kaya', '=1+1', 'Kaya', '', '', 'ouder', '', '']]), { households: 1, skipped: 0, neutralised: 1, note: 'a text cell in XLSX that starts with =' });
  await badImport('empty.csv', '', 'empty', 'zero bytes');
  await badImport('header-only.csv', csv([HEADER]), 'no-header', 'only the header row');
  await badImport('binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'binary', 'a PNG renamed to .csv');
  await badImport('unterminated-quote.csv', `${HEADER.join(';')}\r\nFamilie X;"Anna;X;;;ouder;;\r\nFamilie X;Bob;X;;;kind;;\r\n`, 'unterminated-quote', 'a quote opened and never closed (a truncated file)');
  await badImport('huge-cell.csv', csv([HEADER, ['Familie Groot', 'A'.repeat(20_000), 'G', '', '', 'ouder', '', '']]), 'cell-too-long', 'a 20 000-character cell');
  await badImport('too-many-columns.csv', `${Array.from({ length: 250 }, (_, i) => `k${i}`).join(';')}\r\n`, 'too-many-columns', '250 columns');
  await badImport('too-many-rows.csv', `${HEADER.join(';')}\r\n${'Familie A;A;B;;;ouder;;\r\n'.repeat(50_001)}`, 'too-many-rows', '50 001 data rows');
  await badImport('truncated.xlsx', writeXlsx([HEADER, ...VALID_ROWS]).subarray(0, 300), 'xlsx-invalid', 'an XLSX cut off after 300 bytes');
  await badImport('encrypted.xlsx', writeCfb(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']), 'xlsx-encrypted', 'a password-protected workbook (OLE container with an EncryptionInfo stream)');
  await badImport('legacy-renamed.xlsx', writeCfb(['Workbook', '\u0005SummaryInformation']), 'xls-legacy', 'an Excel 97 .xls (OLE container with a Workbook stream) renamed .xlsx: old format, not a password');
  await badImport('missing-strings.xlsx', zip(xlsxParts([HEADER, ...VALID_ROWS]).filter((p) => p.name !== 'xl/sharedStrings.xml')), 'xlsx-invalid', 'cells that point to a shared-strings part the file does not hold: damaged, not empty');
  await badImport('legacy.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), 'unknown-type', 'an Excel 97 .xls');
  const bomb = xlsxParts([HEADER, ...VALID_ROWS]).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: 900 * 1024 * 1024 } : p));
  await badImport('zip-bomb.xlsx', zip(bomb), 'too-large', 'a sheet that claims to inflate to 900 MB');
  await badImport('not-a-zip.xlsx', 'Huishouden;Voornaam\r\n', 'xlsx-invalid', 'a CSV renamed to .xlsx');
  // Wrong encodings: each used to be read wrongly or refused as "not a text file".
  await badImport('utf16le-no-bom.csv', Buffer.from(csv([HEADER, ...VALID_ROWS]), 'utf16le'), 'utf16-no-bom', 'UTF-16 text without its byte-order mark');
  await badImport('utf8-bom-invalid.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Huishouden;Voornaam\r\nFamilie '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(';Ans\r\n')]), 'invalid-utf8', 'says UTF-8 (BOM) but holds invalid UTF-8 sequences');
  let seed = 0x2545f491;
  const garbage = Buffer.alloc(4000, 0).map(() => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return 1 + ((seed >>> 16) % 255); // 1..255: no NUL byte, so the binary check alone lets it through
  });
  await badImport('garbage.csv', garbage, 'garbled', 'random bytes without a NUL (used to be read as Windows-1252)');

  await put('corpus.json', `${JSON.stringify(entries, null, 2)}\n`);

  // ---- migration fixture: a v1 database made by the real code ----
  const dump: Record<string, unknown[]> = {};
  for (const t of db.tables) dump[t.name] = (await t.toArray()).map((r) => toTagged(r));
  const fixture = {
    version: 1,
    note: 'A version-1 database made by the app (synthetic data). Do not regenerate once a version 2 exists.',
    passphrase: TEST_PASSPHRASE,
    stores: MIGRATIONS[0]?.stores,
    expect: { households: ['Familie Visser', 'Familie Yilmaz', 'Meneer Bos'], members: 4 },
    tables: dump,
  };
  // Frozen once written: a migration test reads the database of the version BEFORE the current one.
  const migrationFixture = join(FIXTURES, 'migrations/v1/basic.json');
  if (!(await stat(migrationFixture).then(() => true, () => false))) await put('migrations/v1/basic.json', `${JSON.stringify(fixture)}\n`);
  return entries;
}
