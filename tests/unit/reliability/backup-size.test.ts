import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackupFormatError, BackupHeaderSchema, encodeBackupFile, parseBackupFile, parseBodyBytes, serializeBody, toTagged } from '../../../shared/backup/format';
import { createBackup, openBackup } from '../../../renderer/src/data/usecases/backup';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { errorText } from '../../../renderer/src/features/backup/errors';
import { en, nl } from '../../../renderer/src/i18n/messages/backup';
import { freshUnlockedDb, TEST_PASSPHRASE } from '../../support/test-db';

const fields = { appVersion: '0.1.0', schemaVersion: 1, createdAt: '2026-12-01T10:00:00.000Z', counts: { households: 10_000, vault: 1 }, vault: {} };
const sha = 'a'.repeat(64);

/** A message from the backup catalogue in one language, with its variables filled. */
function text(e: unknown, lang: 'nl' | 'en'): string {
  const cat: Record<string, string> = lang === 'nl' ? nl : en;
  return errorText(e, (key, vars) => {
    const raw = cat[key.replace(/^backup\./, '')] ?? key;
    return raw.replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? `{${k}}`));
  });
}

describe('a large store can be backed up (issue 14, point 5)', () => {
  it('the format accepts a body of more than 100,000,000 bytes', () => {
    // The 10,000-household benchmark store makes a body of ~180 MB.
    for (const bytes of [100_000_001, 180_000_000, 2 ** 31]) {
      const header = { format: 1, ...fields, body: { bytes, sha256: sha } };
      expect(BackupHeaderSchema.safeParse(header).success, String(bytes)).toBe(true);
    }
    // A real bound still exists (one AES-GCM call, one ArrayBuffer): 2 GiB.
    expect(BackupHeaderSchema.safeParse({ format: 1, ...fields, body: { bytes: 2 ** 31 + 1, sha256: sha } }).success).toBe(false);
  });

  it('a file whose header declares a 180 MB body is read as cut off, not as an invalid header', () => {
    const small = encodeBackupFile(fields, new Uint8Array([1, 2, 3]));
    // Rewrite the declared body size in the header (same length of JSON text not needed: the frame has its own length).
    const headerLen = new DataView(small.buffer, small.byteOffset + 16, 4).getUint32(0);
    const header = JSON.parse(new TextDecoder().decode(small.subarray(20, 20 + headerLen))) as { body: { bytes: number } };
    header.body.bytes = 180_000_000;
    const headerBytes = new TextEncoder().encode(JSON.stringify(header));
    const file = new Uint8Array(20 + headerBytes.byteLength + 3);
    file.set(small.subarray(0, 16));
    new DataView(file.buffer).setUint32(16, headerBytes.byteLength);
    file.set(headerBytes, 20);
    file.set([1, 2, 3], 20 + headerBytes.byteLength);
    const err = (() => {
      try {
        parseBackupFile(file, { appVersion: '0.1.0', schemaVersion: 1 });
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BackupFormatError);
    expect((err as BackupFormatError).code).toBe('truncated');
    expect((err as BackupFormatError).reason).toBe('body');
  });

  it('a store whose backup would be over the cap is told so before any work starts, in clear Dutch', async () => {
    await freshUnlockedDb();
    for (let i = 0; i < 3; i++) await createHousehold({ displayName: `Familie Groot ${i}`, members: [{ role: 'ouder', firstName: 'Ans' }] });
    const phases: string[] = [];
    const err = await createBackup({ maxBodyBytes: 2_000, onProgress: (phase) => phases.push(phase) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackupFormatError);
    expect((err as BackupFormatError).code).toBe('too-large');
    // No table was read in full, nothing was sealed: the check came first.
    expect(phases).toEqual([]);
    const nlText = text(err, 'nl');
    expect(nlText).toMatch(/te groot/i);
    expect(nlText).not.toMatch(/\{\w+\}|backup\./);
    expect(text(err, 'en')).toMatch(/too large/i);
    // The same store under the real cap is backed up and opens again.
    const { bytes, header } = await createBackup();
    expect(header.counts.households).toBe(3);
    const plan = await openBackup(bytes, TEST_PASSPHRASE);
    expect(plan.counts.households).toBe(3);
  });
});

describe('the body is read a line at a time', () => {
  const header = (counts: Record<string, number>) =>
    BackupHeaderSchema.parse({ format: 1, ...fields, counts, body: { bytes: 0, sha256: sha } });
  const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
  const tables = { households: [{ id: 'a', enc: new Uint8Array([1, 2, 3]) }, { id: 'b', enc: new Uint8Array([4]) }], notes: [], vault: [{ id: 'main' }] };

  it('a body made a row per line and a one-line body of an older backup read the same', async () => {
    const framed = new TextEncoder().encode(serializeBody(tables));
    expect(framed.filter((b) => b === 0x0a).length).toBeGreaterThan(3);
    const legacy = new TextEncoder().encode(JSON.stringify({ tables: { households: tables.households.map(toTagged), notes: [], vault: tables.vault } }));
    const h = header({ households: 2, vault: 1 });
    let pauses = 0;
    const a = await parseBodyBytes(framed, h, ['households', 'notes', 'vault'], decode, { pause: async () => void pauses++, rowsPerPause: 1 });
    const b = await parseBodyBytes(legacy, h, ['households', 'notes', 'vault'], decode);
    expect(a).toEqual(b);
    expect(a.households?.[0]?.enc).toEqual(new Uint8Array([1, 2, 3]));
    expect(pauses).toBe(3);
    // The framed text is still one JSON document.
    expect(() => JSON.parse(new TextDecoder().decode(framed))).not.toThrow();
  });

  it('refuses a framed body with a wrong count, an unknown table or a cut-off end', async () => {
    const framed = serializeBody(tables);
    const h = header({ households: 2, vault: 1 });
    const known = ['households', 'notes', 'vault'];
    const fail = (text: string, hh = h) =>
      parseBodyBytes(new TextEncoder().encode(text), hh, known, decode).then(
        () => null,
        (e: unknown) => (e instanceof BackupFormatError ? `${e.code}/${e.reason ?? ''}` : 'other'),
      );
    expect(await fail(framed, header({ households: 3, vault: 1 }))).toBe('body-invalid/count');
    expect(await fail(framed.replace('"notes":[', '"stolen":['))).toBe('body-invalid/unknown-table');
    expect(await fail(framed.slice(0, -2))).toBe('body-invalid/json');
    expect(await fail(`${framed}\nextra`)).toBe('body-invalid/json');
  });
});
