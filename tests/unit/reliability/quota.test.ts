import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importHouseholds } from '../../../renderer/src/data/stores/households/import';
import { applyRestore, createBackup, openBackup } from '../../../renderer/src/data/usecases/backup';
import { errorMessage, isQuotaError } from '../../../renderer/src/features/backup/errors';
import { nl } from '../../../renderer/src/i18n/messages/backup';
import { dumpStore } from '../../support/store-dump';
import { seedStore } from '../../support/reliability-fixtures';
import { TEST_PASSPHRASE } from '../../support/test-db';

/** Make IndexedDB's add/put throw QuotaExceededError from the Nth write on, as a full disk does. */
function fillDiskAfter(n: number): () => void {
  const proto = IDBObjectStore.prototype;
  const add = proto.add;
  const put = proto.put;
  let calls = 0;
  const guard = <F extends (...a: never[]) => IDBRequest>(f: F) =>
    function (this: IDBObjectStore, ...args: Parameters<F>): IDBRequest {
      if (++calls > n) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return f.apply(this, args);
    };
  proto.add = guard(add);
  proto.put = guard(put);
  return () => {
    proto.add = add;
    proto.put = put;
  };
}

describe('a full disk (QuotaExceededError)', () => {
  it('maps to one clear Dutch message, also when Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [quota] })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(errorMessage({ name: 'DatabaseClosedError', inner: { name: 'QuotaExceededError' } }).key).toBe('backup.error.quota');
    expect(nl['error.quota']).toMatch(/schijf is vol.*niets verloren/);
  });

  it('aborts an import as a whole: nothing of it is written', async () => {
    const { db } = await seedStore();
    const before = await dumpStore(db);
    const drafts = Array.from({ length: 12 }, (_, i) => ({ displayName: `Familie ${i}`, flags: [], alsoKnownBy: [], members: [{ role: 'ouder' as const, firstName: `Naam ${i}` }] }));
    const restore = fillDiskAfter(7);
    let error: unknown = null;
    try {
      await importHouseholds(drafts);
    } catch (e) {
      error = e;
    } finally {
      restore();
    }
    expect(error).not.toBeNull();
    expect(errorMessage(error).key).toBe('backup.error.quota');
    expect(await dumpStore(db)).toBe(before);
  });

  it('aborts a restore as a whole: the current store stays exactly as it was', async () => {
    const { db } = await seedStore();
    const { bytes } = await createBackup();
    const plan = await openBackup(bytes, TEST_PASSPHRASE);
    const before = await dumpStore(db);
    const restore = fillDiskAfter(5);
    let error: unknown = null;
    try {
      await applyRestore(plan, db);
    } catch (e) {
      error = e;
    } finally {
      restore();
    }
    expect(errorMessage(error).key).toBe('backup.error.quota');
    expect(await dumpStore(db)).toBe(before);
  });
});

describe('storage health', () => {
  it('warns above 90 % of the quota or under 200 MB free, not otherwise', async () => {
    const { storageWarning, formatBytes } = await import('../../../renderer/src/features/backup/storage');
    const MB = 1024 * 1024;
    expect(storageWarning({ usage: 10 * MB, quota: 10_000 * MB })).toBe(false);
    expect(storageWarning({ usage: 9_100 * MB, quota: 10_000 * MB })).toBe(true);
    expect(storageWarning({ usage: 100 * MB, quota: 250 * MB })).toBe(true);
    expect(storageWarning({ usage: undefined, quota: undefined })).toBe(false);
    expect(formatBytes(11_000_000_000, 'nl')).toBe('11 GB');
  });
});
