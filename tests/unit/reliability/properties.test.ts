import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { base64Decode, base64Encode, utf8DecodeStrict, utf8Encode } from '../../../shared/backup/bytes';
import { BackupFormatError, parseBackupFile, toTagged, fromTagged } from '../../../shared/backup/format';
import { sha256Hex } from '../../../shared/backup/sha256';
import { parseCsv } from '../../../shared/import/csv';
import { neutraliseCell, isFormulaLike } from '../../../shared/import/formula';
import { buildImportPlan } from '../../../shared/import/households';
import { householdDraftSchema, memberDraftSchema } from '../../../shared/domain/household';
import { IMPORT_FIELDS, suggestMapping, type ColumnMapping } from '../../../shared/import/mapping';
import { decodeSpreadsheetText, ImportFileError } from '../../../shared/import/text';
import { readXlsx } from '../../../shared/import/xlsx';
import { openBackup } from '../../../renderer/src/data/usecases/backup';
import { inflateRawChunks, readSpreadsheet } from '../../../renderer/src/features/backup/import/spreadsheet';
import { dumpStore } from '../../support/store-dump';
import { FIXTURES, seedStore } from '../../support/reliability-fixtures';
import { TEST_PASSPHRASE } from '../../support/test-db';
import { createHash } from 'node:crypto';

/**
 * Bad input everywhere: random and malformed values into every import and restore path and
 * every schema in shared/domain. No crash (only our own typed errors), no partial write, and a
 * clear error (a message key the UI translates).
 */
const RUNS = Number(process.env.FC_RUNS ?? 150);
const inflate = (d: Uint8Array) => inflateRawChunks(d);

describe('byte helpers', () => {
  it('UTF-8 and base64 round-trip any string / bytes; SHA-256 matches node:crypto', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8DecodeStrict(utf8Encode(s))).toBe(s);
        expect(Buffer.from(utf8Encode(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        expect(base64Encode(b)).toBe(Buffer.from(b).toString('base64'));
        expect(Buffer.from(base64Decode(base64Encode(b)) ?? []).equals(Buffer.from(b))).toBe(true);
        expect(sha256Hex(b)).toBe(createHash('sha256').update(b).digest('hex'));
        // Strict UTF-8 agrees with the WHATWG fatal decoder on arbitrary bytes.
        let expected: string | null;
        try {
          expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
        } catch {
          expected = null;
        }
        expect(utf8DecodeStrict(b)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('tagged JSON round-trips nested values with bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter((v) => !/"(__proto__|constructor|prototype|\$b64)"/.test(JSON.stringify(v))), fc.uint8Array({ maxLength: 40 }), (v, b) => {
        const value = { v, b, nested: [{ b }] };
        const back = fromTagged(JSON.parse(JSON.stringify(toTagged(value))));
        expect(back).toEqual({ v: JSON.parse(JSON.stringify(v)) as unknown, b, nested: [{ b }] });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('restore path', () => {
  it('random bytes are refused with a BackupFormatError, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          parseBackupFile(bytes, { appVersion: '0.1.0', schemaVersion: 1 });
          throw new Error('random bytes accepted');
        } catch (e) {
          expect(e).toBeInstanceOf(BackupFormatError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('any truncation or byte change of a valid backup is refused and changes nothing', async () => {
    const valid = new Uint8Array(await readFile(join(FIXTURES, 'backup/valid.wijktafel')));
    const { db } = await seedStore();
    const before = await dumpStore(db);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ cut: fc.integer({ min: 0, max: valid.length - 1 }) }),
          fc.record({ at: fc.integer({ min: 0, max: valid.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }),
        ),
        async (m) => {
          let bytes: Uint8Array;
          if ('cut' in m) bytes = valid.subarray(0, m.cut);
          else {
            bytes = new Uint8Array(valid);
            bytes[m.at] = (bytes[m.at] ?? 0) ^ m.xor;
          }
          const err = await openBackup(bytes, TEST_PASSPHRASE).then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(BackupFormatError);
        },
      ),
      { numRuns: 60 },
    );
    expect(await dumpStore(db)).toBe(before);
  }, 120_000);
});

describe('import path', () => {
  it('any bytes: readSpreadsheet returns rows or throws an ImportFileError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.txt', 'a.xls'), async (bytes, name) => {
        try {
          const s = await readSpreadsheet(bytes, name);
          expect(Array.isArray(s.rows)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportFileError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV: quoting round-trips any cell text; decoding never throws anything but ImportFileError', () => {
    const cell = fc.string({ maxLength: 30, unit: 'grapheme' });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';', '\t'), (rows, sep) => {
        const width = rows[0]?.length ?? 2;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const text = table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(sep)).join('\r\n');
        const parsed = parseCsv(text, sep);
        expect(parsed).toEqual(table.filter((r) => !(r.length === 1 && r[0] === '')));
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => {
        try {
          const { text } = decodeSpreadsheetText(b);
          parseCsv(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportFileError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('XLSX reader: random ZIP-like bytes never crash', async () => {
    const valid = new Uint8Array(await readFile(join(FIXTURES, 'import/valid.xlsx')));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
        const b = new Uint8Array(valid);
        b[at] = (b[at] ?? 0) ^ xor;
        try {
          await readXlsx(b, inflate);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportFileError);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('formula neutralising: nothing that leaves the importer starts a formula', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const { value } = neutraliseCell(s);
        expect(isFormulaLike(value)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('import plans: any rows and mapping → no crash, only whole households, every skip explained', () => {
    const cell = fc.oneof(fc.string({ maxLength: 15 }), fc.constantFrom('', '12-04-1986', '2999-01-01', '111222333', '123456789', 'kind', 'moeder', '=1+1', '1234 AB', '06 12345678', 'a@b.nl'));
    const field = fc.option(fc.constantFrom(...IMPORT_FIELDS), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 25 }), fc.array(field, { minLength: 4, maxLength: 4 }), (rows, mapping: ColumnMapping) => {
        const plan = buildImportPlan([['a', 'b', 'c', 'd'], ...rows], mapping);
        expect(plan.rows).toHaveLength(rows.length);
        for (const r of plan.rows) {
          if (r.status === 'skipped') expect(r.problems.length).toBeGreaterThan(0);
          else expect(r.problems).toEqual([]);
          for (const p of r.problems) expect(p.message).toMatch(/^(validation|backup\.import\.reason)\./);
        }
        const members = plan.households.reduce((s, h) => s + h.members.length, 0);
        expect(members).toBe(plan.imported);
      }),
      { numRuns: RUNS },
    );
    expect(suggestMapping(['Naam', 'Voornaam', 'Geboortedatum', 'Wijk', 'BSN', 'Huishouden'])).toEqual(['fullName', 'firstName', 'birthDate', 'wijk', 'bsn', 'household']);
  });
});

describe('every schema in shared/domain', () => {
  it('takes random and malformed values without throwing; form schemas answer with message keys', async () => {
    const dir = join(import.meta.dirname, '../../../shared/domain');
    const schemas: [string, z.ZodType][] = [];
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.ts'))) {
      const mod = (await import(join(dir, f))) as Record<string, unknown>;
      for (const [name, v] of Object.entries(mod)) if (name.endsWith('Schema') && v instanceof z.ZodType) schemas.push([`${f}:${name}`, v]);
    }
    // The form schemas that take today's date (shared/dates) are factories: test them for a day.
    schemas.push(['household.ts:HouseholdDraftSchema', householdDraftSchema('2026-03-02')], ['household.ts:MemberDraftSchema', memberDraftSchema('2026-03-02')]);
    expect(schemas.length).toBeGreaterThan(20);
    const evil = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.constantFrom('', ' ', '\u0000', 'x'.repeat(100_000), '2024-02-30', '9999-99-99', '<script>', '=1+1', NaN, -0, Infinity, [], {}, null),
      fc.dictionary(fc.constantFrom('id', 'householdId', 'displayName', 'members', 'firstName', 'role', 'date', 'bsn', 'text', 'status', '__proto__'), fc.anything({ maxDepth: 2 })),
    );
    for (const [name, schema] of schemas) {
      fc.assert(
        fc.property(evil, (value) => {
          const r = schema.safeParse(value); // must not throw
          if (!r.success) expect(r.error.issues.length, name).toBeGreaterThan(0);
          if (!r.success && /household\.ts:(HouseholdDraft|MemberDraft)Schema/.test(name)) {
            for (const i of r.error.issues) expect(typeof i.message, name).toBe('string');
          }
        }),
        { numRuns: Math.max(30, Math.floor(RUNS / 3)) },
      );
    }
  }, 120_000);
});
