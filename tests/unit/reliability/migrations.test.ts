import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromTagged } from '../../../shared/backup/format';
import { setDb, WijktafelDB, type TableName } from '../../../renderer/src/data/db';
import { LATEST_VERSION, MIGRATIONS } from '../../../renderer/src/data/migrations';
import { HOUSEHOLD_SCOPED, openRecord } from '../../../renderer/src/data/records';
import { listHouseholds } from '../../../renderer/src/data/stores/households/households';
import { setSession } from '../../../renderer/src/data/session';
import { unlockVault } from '../../../renderer/src/data/vault';
import { z } from 'zod';
import { FIXTURES } from '../../support/reliability-fixtures';

/**
 * Every schema version upgrades from a stored fixture of the version before. A fixture is a
 * dump of a database made by the real code at that version (tests/fixtures/migrations/v<N>/),
 * loaded raw at ITS version with ITS stores, then opened with today's WijktafelDB.
 */
type Fixture = { version: number; passphrase: string; stores: Record<string, string>; expect: { households: string[]; members: number }; tables: Record<string, unknown[]> };

async function loadFixture(dir: string, file: string): Promise<Fixture> {
  return JSON.parse(await readFile(join(FIXTURES, 'migrations', dir, file), 'utf8')) as Fixture;
}

async function materialise(name: string, fx: Fixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fx.version).stores(fx.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fx.tables)) await old.table(table).bulkAdd(rows.map((r) => fromTagged(r)));
  });
  old.close();
}

describe('migrations', () => {
  it('has a fixture for every version before the latest', async () => {
    const dirs = await readdir(join(FIXTURES, 'migrations'));
    for (const m of MIGRATIONS) if (m.version < LATEST_VERSION) expect(dirs).toContain(`v${m.version}`);
    // Today only version 1 exists; its fixture also proves the current code opens what v1 wrote.
    expect(dirs).toContain('v1');
  });

  it('opens every stored fixture with the current schema; every record still opens with the passphrase', async () => {
    for (const dir of await readdir(join(FIXTURES, 'migrations'))) {
      for (const file of await readdir(join(FIXTURES, 'migrations', dir))) {
        const fx = await loadFixture(dir, file);
        const name = `migrate-${dir}-${file}-${Date.now()}`;
        await materialise(name, fx);
        const db = new WijktafelDB(name);
        await db.open();
        expect(db.verno).toBe(LATEST_VERSION);
        setDb(db);
        const session = await unlockVault(db, fx.passphrase);
        setSession(session);
        const households = await listHouseholds();
        expect(households.map((h) => h.displayName).sort()).toEqual([...fx.expect.households].sort());
        expect(households.reduce((s, h) => s + h.members.length, 0)).toBe(fx.expect.members);
        // Every sealed row of every table opens (right key, intact AAD) after the upgrade.
        let opened = 0;
        for (const t of db.tables) {
          if (t.name === 'vault' || t.name === 'householdKeys') continue;
          const table = t.name as TableName;
          for (const row of await t.toArray()) {
            const hid = table === 'households' ? row.id : row.householdId;
            const key = await session.keyFor(table, HOUSEHOLD_SCOPED.has(table) ? String(hid) : undefined);
            await openRecord(table, row, key, z.looseObject({}));
            opened++;
          }
        }
        expect(opened).toBeGreaterThan(fx.expect.households.length);
        db.close();
      }
    }
  });

  it('refuses a database made by a newer version, and leaves it untouched', async () => {
    const name = `newer-${Date.now()}`;
    // A future app (Dexie version 999 → IndexedDB version 9990) with a store we do not know.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 9990);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore('households', { keyPath: 'id' });
        store.add({ id: 'h1', future: 'format' });
        req.result.createObjectStore('futureTable', { keyPath: 'id' });
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    const db = new WijktafelDB(name);
    const err = await db.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('VersionError');
    // Dexie's auto-open on first query goes through the same refusal.
    const err2 = await new WijktafelDB(name).households.count().then(() => null, (e: unknown) => e);
    expect((err2 as Error | null)?.name).toBe('DatabaseClosedError');
    expect((err2 as { inner?: Error } | null)?.inner?.name).toBe('VersionError');
    // Untouched: same version, same stores, same row.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    expect(raw.version).toBe(9990);
    expect([...raw.objectStoreNames].sort()).toEqual(['futureTable', 'households']);
    const row = await new Promise<unknown>((resolve) => {
      const req = raw.transaction('households').objectStore('households').get('h1');
      req.onsuccess = () => resolve(req.result);
    });
    expect(row).toEqual({ id: 'h1', future: 'format' });
    raw.close();
  });
});
