import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BackupFormatError } from '../../../shared/backup/format';
import { buildImportPlan } from '../../../shared/import/households';
import { suggestMapping } from '../../../shared/import/mapping';
import { ImportFileError } from '../../../shared/import/text';
import { applyRestore, openBackup } from '../../../renderer/src/data/usecases/backup';
import { importHouseholds } from '../../../renderer/src/data/stores/households/import';
import { readSpreadsheet } from '../../../renderer/src/features/backup/import/spreadsheet';
import { listHouseholds } from '../../../renderer/src/data/stores/households/households';
import { setDb, WijktafelDB } from '../../../renderer/src/data/db';
import { unlockVault } from '../../../renderer/src/data/vault';
import { setSession } from '../../../renderer/src/data/session';
import { en, nl } from '../../../renderer/src/i18n/messages/backup';
import { translate } from '../../../renderer/src/i18n';
import { errorMessage, errorText } from '../../../renderer/src/features/backup/errors';
import { dumpStore } from '../../support/store-dump';
import { FIXTURES, generateFixtures, seedStore, type CorpusEntry } from '../../support/reliability-fixtures';

/**
 * The broken-files corpus (tests/fixtures/corpus.json): every file gives its own clear error and
 * the store stays byte-identical. Regenerate with WIJKTAFEL_WRITE_FIXTURES=1.
 */
let corpus: CorpusEntry[] = [];
beforeAll(async () => {
  if (process.env.WIJKTAFEL_WRITE_FIXTURES === '1') await generateFixtures();
  corpus = JSON.parse(await readFile(join(FIXTURES, 'corpus.json'), 'utf8')) as CorpusEntry[];
}, 120_000);

const messages: Record<string, string> = nl;
const english: Record<string, string> = en;
/** The Dutch text the user reads; fails when the precise message is missing in either language. */
function messageFor(e: unknown): string {
  const key = errorMessage(e).key.replace(/^backup\./, '');
  if (!messages[key]) throw new Error(`no Dutch message for ${key}`);
  if (!english[key]) throw new Error(`no English message for ${key}`);
  const text = errorText(e, (k, vars) => translate('nl', k, vars));
  expect(text, key).not.toMatch(/\{\w+\}|backup\./);
  return text;
}

describe('broken backup and import corpus', () => {
  it('holds at least 20 broken files, each with a note', () => {
    const broken = corpus.filter((c) => c.kind === 'backup' || c.kind === 'import');
    expect(broken.length).toBeGreaterThanOrEqual(20);
    for (const c of corpus) expect(c.note.length).toBeGreaterThan(3);
  });

  it('every broken backup is refused with its own message and the store is unchanged', async () => {
    const { db } = await seedStore();
    const before = await dumpStore(db);
    const seen = new Map<string, string>();
    const backups = corpus.filter((c): c is Extract<CorpusEntry, { kind: 'backup' }> => c.kind === 'backup');
    for (const entry of backups) {
      const bytes = new Uint8Array(await readFile(join(FIXTURES, entry.file)));
      let error: unknown = null;
      try {
        const plan = await openBackup(bytes, entry.passphrase);
        await applyRestore(plan, db); // must never be reached
      } catch (e) {
        error = e;
      }
      expect(error, entry.file).toBeInstanceOf(BackupFormatError);
      expect((error as BackupFormatError).code, entry.file).toBe(entry.expect);
      const text = messageFor(error);
      expect(seen.get(text), `${entry.file} reads the same as ${seen.get(text)}: ${text}`).toBeUndefined();
      seen.set(text, entry.file);
      expect(await dumpStore(db), `${entry.file} changed the store`).toBe(before);
    }
    // Every broken file has its own message (or its own detail naming what is wrong).
    expect(seen.size).toBe(backups.length);
  }, 120_000);

  it('every broken import file is refused with its own message and nothing is written', async () => {
    const { db } = await seedStore();
    const before = await dumpStore(db);
    const seen = new Map<string, string>();
    const imports = corpus.filter((c): c is Extract<CorpusEntry, { kind: 'import' }> => c.kind === 'import');
    for (const entry of imports) {
      const bytes = new Uint8Array(await readFile(join(FIXTURES, entry.file)));
      let error: unknown = null;
      try {
        const sheet = await readSpreadsheet(bytes, entry.file);
        const plan = buildImportPlan(sheet.rows, suggestMapping(sheet.rows[0] ?? []));
        await importHouseholds(plan.households);
      } catch (e) {
        error = e;
      }
      expect(error, entry.file).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).code, entry.file).toBe(entry.expect);
      const text = messageFor(error);
      expect(text.length).toBeGreaterThan(10);
      expect(seen.get(text), `${entry.file} reads the same as ${seen.get(text)}: ${text}`).toBeUndefined();
      seen.set(text, entry.file);
      expect(await dumpStore(db), `${entry.file} changed the store`).toBe(before);
    }
    expect(seen.size).toBe(imports.length);
  }, 120_000);

  it('readable import files give the expected report (valid, re-encoded, injected, invalid rows)', async () => {
    for (const entry of corpus.filter((c): c is Extract<CorpusEntry, { kind: 'import-ok' }> => c.kind === 'import-ok')) {
      await seedStore();
      const bytes = new Uint8Array(await readFile(join(FIXTURES, entry.file)));
      const sheet = await readSpreadsheet(bytes, entry.file);
      if (entry.encoding) expect(sheet.encoding, entry.file).toBe(entry.encoding);
      const plan = buildImportPlan(sheet.rows, suggestMapping(sheet.rows[0] ?? []));
      expect({ households: plan.households.length, skipped: plan.skipped, neutralised: plan.neutralised }, entry.file).toEqual({
        households: entry.households,
        skipped: entry.skipped,
        neutralised: entry.neutralised,
      });
      for (const r of plan.rows) if (r.status === 'skipped') expect(r.problems.length, `${entry.file} row ${r.row}`).toBeGreaterThan(0);
      const before = (await listHouseholds()).length;
      await importHouseholds(plan.households);
      const after = await listHouseholds();
      expect(after.length - before).toBe(entry.households);
      // Text survives the re-encoding exactly.
      if (entry.households === 3) expect(after.some((h) => h.members.some((m) => m.firstName === 'Zoë' && m.lastName === 'Çelik'))).toBe(true);
    }
  }, 120_000);

  it('the valid backup in the corpus restores into an empty store and opens with its passphrase', async () => {
    const entry = corpus.find((c): c is Extract<CorpusEntry, { kind: 'backup-valid' }> => c.kind === 'backup-valid');
    if (!entry) throw new Error('no valid backup in the corpus');
    const bytes = new Uint8Array(await readFile(join(FIXTURES, entry.file)));
    const empty = new WijktafelDB(`restore-target-${Date.now()}`);
    setDb(empty);
    setSession(null);
    const plan = await openBackup(bytes, entry.passphrase);
    await applyRestore(plan, empty);
    setSession(await unlockVault(empty, entry.passphrase));
    const households = await listHouseholds();
    expect(households.map((h) => h.displayName).sort()).toEqual(['Familie Visser', 'Familie Yilmaz', 'Meneer Bos']);
    expect(households.length).toBe(entry.households);
  }, 60_000);
});
