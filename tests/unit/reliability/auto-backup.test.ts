import 'fake-indexeddb/auto';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackupStore, parseBackupName } from '../../../electron/backup-store';
import { inspectBackup } from '../../../renderer/src/data/usecases/backup';
import { DAY_MS, DEBOUNCE_MS, getAutoBackupStatus, startAutoBackup, type AutoBackupTarget } from '../../../renderer/src/data/usecases/backup-auto';
import { appendAudit } from '../../../renderer/src/data/stores/audit/audit';
import { createHousehold } from '../../../renderer/src/data/stores/households/households';
import { setDb, WijktafelDB } from '../../../renderer/src/data/db';
import { setSession } from '../../../renderer/src/data/session';
import { freshUnlockedDb } from '../../support/test-db';

function fakeTarget(existing: { createdAt: string }[] = []) {
  const writes: { data: Uint8Array; reason: string }[] = [];
  const target: AutoBackupTarget = {
    async write(data, reason) {
      if (data.byteLength === 0) throw new Error('empty');
      writes.push({ data, reason });
      return { written: true, held: false };
    },
    async list() {
      return [
        ...existing.map((e, i) => ({ name: `b${i}`, size: 1, createdAt: e.createdAt, kind: 'change' as const, households: null })),
        ...writes.map((w, i) => ({ name: `w${i}`, size: w.data.byteLength, createdAt: new Date().toISOString(), kind: w.reason === 'daily' ? ('daily' as const) : ('change' as const), households: null })),
      ];
    },
  };
  return { target, writes };
}

/** Let promise chains settle (fake-indexeddb schedules with setImmediate, which fake timers leave alone). */
const settle = () => new Promise((r) => setImmediate(r));
async function settleMany(n = 30) {
  for (let i = 0; i < n; i++) await settle();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('automatic backups', () => {
  it('writes one change backup 30 s after the last write, none for audit-only changes', async () => {
    const { db } = await freshUnlockedDb();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const { target, writes } = fakeTarget([{ createdAt: new Date().toISOString() }]);
    const auto = startAutoBackup(target, { dbName: db.name });
    await settleMany();
    await appendAudit({ action: 'household.view', entity: 'household', entityId: 'x' });
    await settleMany();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 1);
    await settleMany();
    expect(writes).toHaveLength(0);

    await createHousehold({ displayName: 'Familie Een', members: [] });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    await createHousehold({ displayName: 'Familie Twee', members: [] });
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(writes).toHaveLength(0); // debounced: the second write restarted the wait
    await vi.advanceTimersByTimeAsync(2);
    await settleMany(200);
    await auto.flush();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.reason).toBe('change');
    const header = inspectBackup(writes[0]?.data ?? new Uint8Array());
    expect(header.counts.households).toBe(2);
    auto.stop();
  });

  it('makes a daily backup when the newest is a day old, and none when recent', async () => {
    await freshUnlockedDb();
    const old = fakeTarget([{ createdAt: new Date(Date.now() - DAY_MS - 1000).toISOString() }]);
    const a = startAutoBackup(old.target);
    await settleMany(200);
    await a.flush();
    expect(old.writes.map((w) => w.reason)).toEqual(['daily']);
    a.stop();
    const recent = fakeTarget([{ createdAt: new Date(Date.now() - 3600_000).toISOString() }]);
    const b = startAutoBackup(recent.target);
    await settleMany(50);
    await b.flush();
    expect(recent.writes).toHaveLength(0);
    b.stop();
  });

  it('never sends an empty store (no vault) and never writes while locked', async () => {
    const empty = new WijktafelDB(`empty-${Date.now()}`);
    setDb(empty);
    const { session } = await freshUnlockedDb();
    setSession(session);
    // The session's db has a vault; point the backup at an empty store by removing it.
    await session.db.vault.clear();
    const t = fakeTarget();
    const a = startAutoBackup(t.target);
    await settleMany(100);
    await a.flush();
    expect(t.writes).toHaveLength(0);
    a.stop();
    setSession(null);
    const t2 = fakeTarget();
    const b = startAutoBackup(t2.target);
    await settleMany(50);
    await b.flush();
    expect(t2.writes).toHaveLength(0);
    b.stop();
  });
});

/** The shell's real backup store (electron/backup-store.ts) on a temp folder, as the renderer's target. */
async function shellStore(clock: { now: number }) {
  const userDataDir = await fs.mkdtemp(join(tmpdir(), 'wijktafel-auto-'));
  let n = 0;
  const store = createBackupStore({
    userDataDir,
    fs,
    now: () => new Date(clock.now),
    randomSuffix: () => (n++).toString(16).padStart(8, '0'),
  });
  const written = { count: 0 };
  const target: AutoBackupTarget = {
    async write(data, reason, opts) {
      const r = await store.writeAuto(data, reason, opts);
      written.count += 1;
      return { written: r.written, held: r.held };
    },
    list: () => store.list(),
  };
  return { store, target, written, cleanup: () => fs.rm(userDataDir, { recursive: true, force: true }) };
}

/** One daily backup run at the clock's time (a new auto-backup instance sees the newest backup is a day old). */
async function dailyRun(shell: Awaited<ReturnType<typeof shellStore>>, clock: { now: number }) {
  const before = shell.written.count;
  const auto = startAutoBackup(shell.target, { now: () => new Date(clock.now) });
  // Counts the write; the timeout is a safety net only (vi.waitFor's default of 1 s is shorter
  // than a whole backup written to disk can take on a busy machine).
  await vi.waitFor(() => expect(shell.written.count).toBe(before + 1), { timeout: 30_000 });
  await auto.flush();
  auto.stop();
  return getAutoBackupStatus();
}

describe('automatic backups of a store that lost its households (through the real shell store)', () => {
  it('a fresh vault with zero households is kept apart and never rotates the good backup out', async () => {
    const clock = { now: Date.now() - 60 * DAY_MS };
    const shell = await shellStore(clock);
    try {
      await freshUnlockedDb();
      for (const name of ['Familie Een', 'Familie Twee', 'Familie Drie']) await createHousehold({ displayName: name, members: [] });
      expect((await dailyRun(shell, clock)).state).toBe('ok');
      const [good] = await shell.store.list();
      expect(good).toMatchObject({ kind: 'daily', households: 3 });

      // Chromium lost the database: a new, empty vault. Thirty days of daily backups follow.
      await freshUnlockedDb();
      for (let day = 0; day < 30; day += 1) {
        clock.now += DAY_MS + 1000;
        const status = await dailyRun(shell, clock);
        expect(status).toMatchObject({ state: 'held', households: 0, previousHouseholds: 3 });
      }
      const list = await shell.store.list();
      expect(list.map((b) => b.name)).toContain(good?.name);
      expect(list.filter((b) => b.kind !== 'held').map((b) => b.households)).toEqual([3]);
      // The backup that is kept can still be restored: its header says three households.
      const bytes = await shell.store.read(good?.name ?? '');
      expect(inspectBackup(bytes).counts.households).toBe(3);
    } finally {
      await shell.cleanup();
    }
  });

  it('a drop explained by retention deletes in the audit log is a normal backup', async () => {
    const clock = { now: Date.now() - 10_000 };
    const shell = await shellStore(clock);
    try {
      const { db } = await freshUnlockedDb();
      const ids: string[] = [];
      for (const name of ['Familie A', 'Familie B', 'Familie C', 'Familie D', 'Familie E']) ids.push((await createHousehold({ displayName: name, members: [] })).id);
      expect((await dailyRun(shell, clock)).state).toBe('ok');
      // Four households deleted under retention (rows gone, each delete in the audit log).
      for (const id of ids.slice(0, 4)) {
        await db.households.delete(id);
        await appendAudit({ action: 'household.delete', entity: 'household', entityId: id, details: { reason: 'bewaartermijn' } });
      }
      clock.now = Date.now() + DAY_MS + 1000;
      expect((await dailyRun(shell, clock)).state).toBe('ok');
      const newest = (await shell.store.list())[0];
      expect(newest).toMatchObject({ kind: 'daily', households: 1 });
      expect(parseBackupName(newest?.name ?? '')?.reason).toBe('daily');

      // A fresh vault right after: nothing in its audit log explains the drop to zero, so it is held.
      await freshUnlockedDb();
      clock.now += DAY_MS + 1000;
      expect((await dailyRun(shell, clock)).state).toBe('held');
    } finally {
      await shell.cleanup();
    }
  });
});
