import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectBackup } from '../../../renderer/src/data/repositories/backup';
import { DAY_MS, DEBOUNCE_MS, startAutoBackup, type AutoBackupTarget } from '../../../renderer/src/data/repositories/backup-auto';
import { appendAudit } from '../../../renderer/src/data/repositories/audit';
import { createHousehold } from '../../../renderer/src/data/repositories/households';
import { setDb, WijktafelDB } from '../../../renderer/src/data/db';
import { setSession } from '../../../renderer/src/data/session';
import { freshUnlockedDb } from '../../support/test-db';

function fakeTarget(existing: { createdAt: string }[] = []) {
  const writes: { data: Uint8Array; reason: string }[] = [];
  const target: AutoBackupTarget = {
    async write(data, reason) {
      if (data.byteLength === 0) throw new Error('empty');
      writes.push({ data, reason });
      return true;
    },
    async list() {
      return [...existing.map((e, i) => ({ name: `b${i}`, size: 1, createdAt: e.createdAt })), ...writes.map((w, i) => ({ name: `w${i}`, size: w.data.byteLength, createdAt: new Date().toISOString() }))];
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
