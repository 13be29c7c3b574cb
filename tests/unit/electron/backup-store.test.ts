import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBackupStore,
  formatBackupName,
  isSuspiciousDrop,
  KEEP_HELD_BACKUPS,
  parseBackupName,
  selectBackupsToKeep,
  type BackupFs,
  type ParsedBackupName,
} from '../../../electron/backup-store';
import { SafeError } from '../../../electron/errors';
import { encodeBackupFile } from '../../../shared/backup/format';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'wijktafel-backups-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

/** node:fs/promises, recording the calls that matter for durability. */
function recordingFs(log: string[]): BackupFs {
  return {
    mkdir: (p, o) => fs.mkdir(p, o),
    open: async (p, flags, mode) => {
      log.push(`open ${p.endsWith('.tmp') ? 'temp' : 'other'} ${flags}`);
      const handle = await fs.open(p, flags, mode);
      return {
        writeFile: async (data) => {
          log.push('write');
          await handle.writeFile(data);
        },
        sync: async () => {
          log.push('sync');
          await handle.sync();
        },
        close: async () => {
          log.push('close');
          await handle.close();
        },
      };
    },
    rename: async (from, to) => {
      log.push(`rename ${from.endsWith('.tmp') ? 'temp' : 'other'} -> ${to.endsWith('.wtbackup') ? 'final' : 'other'}`);
      await fs.rename(from, to);
    },
    readdir: (p) => fs.readdir(p),
    stat: (p) => fs.stat(p),
    readFile: (p) => fs.readFile(p),
    unlink: (p) => fs.unlink(p),
  };
}

function storeAt(clock: { now: number }, log: string[] = []) {
  let counter = 0;
  return createBackupStore({
    userDataDir: userData,
    fs: recordingFs(log),
    now: () => new Date(clock.now),
    randomSuffix: () => (counter++).toString(16).padStart(8, '0'),
  });
}

const backupsDir = () => join(userData, 'backups');

/**
 * A backup frame as the renderer sends it: the plain header with its counts, and a body that
 * stands in for the sealed store (the shell never opens it). `tag` makes files distinguishable.
 */
function frame(households: number, tag = 0): Uint8Array {
  return encodeBackupFile(
    { appVersion: '0.1.0', schemaVersion: 1, createdAt: '2025-01-01T00:00:00.000Z', counts: { households, vault: 1 }, vault: {} },
    new Uint8Array([tag & 0xff, 1, 2, 3]),
  );
}

const kept = async () => (await readdir(backupsDir())).filter((n) => n.endsWith('.wtbackup')).sort();
const parsed = (names: readonly string[]) => names.map((n) => parseBackupName(n)).filter((p): p is ParsedBackupName => p !== null);

describe('backup names', () => {
  it('round-trips and rejects anything else', () => {
    const name = formatBackupName(new Date('2025-03-04T05:06:07.089Z'), 'daily', 'deadbeef');
    expect(name).toBe('wijktafel-20250304T050607089Z-daily-deadbeef.wtbackup');
    expect(parseBackupName(name)).toMatchObject({ reason: 'daily', createdAt: new Date('2025-03-04T05:06:07.089Z'), households: null });
    const counted = formatBackupName(new Date('2025-03-04T05:06:07.089Z'), 'held', 'deadbeef', 0);
    expect(counted).toBe('wijktafel-20250304T050607089Z-held-h0-deadbeef.wtbackup');
    expect(parseBackupName(counted)).toMatchObject({ reason: 'held', households: 0 });
    expect(parseBackupName(formatBackupName(new Date(0), 'change', '00000001', 1234))).toMatchObject({ reason: 'change', households: 1234 });
    for (const bad of [
      '../wijktafel-20250304T050607089Z-daily-deadbeef.wtbackup',
      'wijktafel-20250304T050607089Z-daily-deadbeef.wtbackup/../../x',
      'wijktafel-20251304T050607089Z-daily-deadbeef.wtbackup',
      'wijktafel-20250304T050607089Z-hourly-deadbeef.wtbackup',
      'wijktafel-20250304T050607089Z-daily-h-deadbeef.wtbackup',
      'wijktafel-20250304T050607089Z-daily-h1x-deadbeef.wtbackup',
      '.wijktafel-20250304T050607089Z-daily-deadbeef.wtbackup.tmp',
      'passwd',
    ]) {
      expect(parseBackupName(bad), bad).toBeNull();
    }
  });
});

describe('writeAuto', () => {
  it('writes a temp file, fsyncs, closes, then renames it into place', async () => {
    const log: string[] = [];
    const store = storeAt({ now: Date.UTC(2025, 0, 10, 12) }, log);
    const data = frame(2);
    const { written, name } = await store.writeAuto(data, 'change');
    expect(written).toBe(true);
    expect(log.slice(0, 5)).toEqual(['open temp wx', 'write', 'sync', 'close', 'rename temp -> final']);
    // Then the folder itself is fsynced so the rename survives a power cut.
    expect(log[5]).toBe('open other r');
    expect(await readdir(backupsDir())).toEqual([name]);
    expect(new Uint8Array(await readFile(join(backupsDir(), name)))).toEqual(data);
    expect(parseBackupName(name)).toMatchObject({ reason: 'change', households: 2 });
  });

  it('creates files only the user can read (Unix)', async () => {
    if (process.platform === 'win32') return;
    const { name } = await storeAt({ now: Date.UTC(2025, 0, 10) }).writeAuto(frame(1), 'change');
    expect((await stat(join(backupsDir(), name))).mode & 0o077).toBe(0);
  });

  it('refuses an empty payload and writes nothing', async () => {
    const store = storeAt({ now: Date.UTC(2025, 0, 10) });
    await expect(store.writeAuto(new Uint8Array(0), 'change')).rejects.toBeInstanceOf(SafeError);
    expect(await readdir(userData)).toEqual([]);
  });

  it('refuses a payload that is not a backup frame (its counts could not be judged) and writes nothing', async () => {
    const store = storeAt({ now: Date.UTC(2025, 0, 10) });
    await expect(store.writeAuto(new Uint8Array([1, 2, 3]), 'change')).rejects.toMatchObject({ code: 'invalid-backup' });
    const cut = frame(3).subarray(0, 30);
    await expect(store.writeAuto(cut, 'change')).rejects.toMatchObject({ code: 'invalid-backup' });
    expect(await readdir(userData)).toEqual([]);
  });

  it('removes leftover temp files of a crashed write', async () => {
    await fs.mkdir(backupsDir(), { recursive: true });
    await writeFile(join(backupsDir(), '.wijktafel-20250101T000000000Z-change-00000000.wtbackup.tmp'), 'half');
    await storeAt({ now: Date.UTC(2025, 0, 10) }).writeAuto(frame(1), 'change');
    expect((await readdir(backupsDir())).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('leaves files it did not write alone', async () => {
    await fs.mkdir(backupsDir(), { recursive: true });
    await writeFile(join(backupsDir(), 'notes.txt'), 'mine');
    await storeAt({ now: Date.UTC(2025, 0, 10) }).writeAuto(frame(1), 'change');
    expect(await readdir(backupsDir())).toContain('notes.txt');
  });
});

describe('rotation', () => {
  it('keeps the newest 10 change backups', async () => {
    const clock = { now: Date.UTC(2025, 0, 10, 9) };
    const store = storeAt(clock);
    const names: string[] = [];
    for (let i = 0; i < 15; i += 1) {
      clock.now += 60_000;
      names.push((await store.writeAuto(frame(3, i), 'change')).name);
    }
    expect((await readdir(backupsDir())).sort()).toEqual(names.slice(5).sort());
  });

  it('keeps one backup per day for 14 days plus the last 10 change backups', async () => {
    const clock = { now: Date.UTC(2025, 0, 1, 8) };
    const store = storeAt(clock);
    const daily: string[] = [];
    for (let day = 0; day < 20; day += 1) {
      daily.push((await store.writeAuto(frame(1), 'daily')).name);
      clock.now += DAY;
    }
    // Day 20 ("today"): twelve change backups, an hour apart.
    const changes: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      changes.push((await store.writeAuto(frame(1, 2), 'change')).name);
      clock.now += HOUR / 2;
    }
    const kept = new Set(await readdir(backupsDir()));
    // Today's newest backup is a change backup; days 7..19 keep their daily backup.
    expect([...kept].filter((n) => n.includes('-daily-')).sort()).toEqual(daily.slice(7).sort());
    expect([...kept].filter((n) => n.includes('-change-')).sort()).toEqual(changes.slice(2).sort());
    expect(kept.size).toBe(13 + 10);
  });

  it('lets the newest backup of a day stand for that day', () => {
    const at = (h: number) => new Date(Date.UTC(2025, 0, 10, h));
    const backups: ParsedBackupName[] = [
      { name: 'daily-08h', reason: 'daily', createdAt: at(8), households: 3 },
      { name: 'change-09h', reason: 'change', createdAt: at(9), households: 3 },
      { name: 'daily-yesterday', reason: 'daily', createdAt: new Date(at(8).getTime() - DAY), households: 3 },
      { name: 'daily-15-days-ago', reason: 'daily', createdAt: new Date(at(8).getTime() - 14 * DAY), households: 3 },
    ];
    expect(selectBackupsToKeep(backups, at(12))).toEqual(new Set(['change-09h', 'daily-yesterday']));
  });

  it('always keeps the newest backup, even when it is old', () => {
    const old: ParsedBackupName = { name: 'old', reason: 'daily', createdAt: new Date(Date.UTC(2024, 0, 1)), households: null };
    expect(selectBackupsToKeep([old], new Date(Date.UTC(2025, 5, 1)))).toEqual(new Set(['old']));
  });

  it('prunes change backups older than 14 days, however few there are (the DPIA promise)', () => {
    const now = new Date(Date.UTC(2025, 5, 20, 12));
    const ago = (days: number, name: string, reason: 'change' | 'daily' = 'change'): ParsedBackupName => ({
      name,
      reason,
      createdAt: new Date(now.getTime() - days * DAY),
      households: 4,
    });
    const backups = [ago(0.1, 'today'), ago(13.4, 'day-13'), ago(15, 'day-15'), ago(20, 'day-20'), ago(30, 'daily-30', 'daily')];
    expect(selectBackupsToKeep(backups, now)).toEqual(new Set(['today', 'day-13']));
  });
});

describe('a store that lost its households', () => {
  it('isSuspiciousDrop: an unexplained drop to zero, or below half of four or more, is held', () => {
    expect(isSuspiciousDrop(null, 0)).toBe(false); // first backup ever
    expect(isSuspiciousDrop(0, 0)).toBe(false); // never had households
    expect(isSuspiciousDrop(1, 0)).toBe(true);
    expect(isSuspiciousDrop(3, 0, 2)).toBe(true); // 2 of 3 deleted on purpose, the third unexplained
    expect(isSuspiciousDrop(3, 0, 3)).toBe(false); // all three deleted under retention
    expect(isSuspiciousDrop(40, 19)).toBe(true);
    expect(isSuspiciousDrop(40, 20)).toBe(false);
    expect(isSuspiciousDrop(40, 5, 30)).toBe(false); // retention explains the drop
    expect(isSuspiciousDrop(3, 1)).toBe(false); // small stores: only a drop to zero counts
    expect(isSuspiciousDrop(5, 12)).toBe(false);
  });

  it('a fresh, empty vault writing again and again never rotates the last good backup away', async () => {
    const clock = { now: Date.UTC(2025, 0, 10, 9) };
    const store = storeAt(clock);
    const good = await store.writeAuto(frame(12), 'change');
    expect(good.held).toBe(false);
    // Chromium lost the database; a new vault with zero households makes backup after backup,
    // over three weeks (change and daily), far more than rotation keeps.
    const heldNames: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      clock.now += 12 * HOUR;
      const r = await store.writeAuto(frame(0, i), i % 2 === 0 ? 'change' : 'daily');
      expect(r.held).toBe(true);
      heldNames.push(r.name);
    }
    const names = await kept();
    expect(names).toContain(good.name);
    const held = parsed(names).filter((b) => b.reason === 'held');
    expect(held.length).toBeLessThanOrEqual(KEEP_HELD_BACKUPS);
    // The newest held one is kept too: the current state is never lost either.
    expect(names).toContain(heldNames.at(-1));
    // Its count is on the list, so the restore offer can show it.
    expect((await store.list()).find((b) => b.name === good.name)).toMatchObject({ kind: 'change', households: 12 });
  });

  it('a sharp drop is held; restoring the good backup (the count comes back) makes backups normal again', async () => {
    const clock = { now: Date.UTC(2025, 0, 10, 9) };
    const store = storeAt(clock);
    const good = await store.writeAuto(frame(40), 'daily');
    clock.now += HOUR;
    expect((await store.writeAuto(frame(3), 'change')).held).toBe(true);
    for (let i = 0; i < 12; i += 1) {
      clock.now += HOUR;
      await store.writeAuto(frame(3, i), 'change');
    }
    expect(await kept()).toContain(good.name);
    clock.now += HOUR;
    const back = await store.writeAuto(frame(40), 'change');
    expect(back.held).toBe(false);
    expect(parseBackupName(back.name)).toMatchObject({ reason: 'change', households: 40 });
  });

  it('a drop explained by retention deletes is a normal backup', async () => {
    const clock = { now: Date.UTC(2025, 0, 10, 9) };
    const store = storeAt(clock);
    await store.writeAuto(frame(10), 'change');
    clock.now += HOUR;
    const r = await store.writeAuto(frame(2), 'change', { removedOnPurpose: 8 });
    expect(r.held).toBe(false);
    expect(parseBackupName(r.name)?.reason).toBe('change');
  });

  it('judges against an older backup without a count in its name by reading its header', async () => {
    await fs.mkdir(backupsDir(), { recursive: true });
    const legacy = formatBackupName(new Date(Date.UTC(2025, 0, 9)), 'daily', 'abcdef01');
    await writeFile(join(backupsDir(), legacy), frame(7));
    const store = storeAt({ now: Date.UTC(2025, 0, 10, 9) });
    expect((await store.writeAuto(frame(0), 'change')).held).toBe(true);
    expect(await kept()).toContain(legacy);
  });
});

describe('list and read', () => {
  it('lists newest first with size and creation time, and reads a backup back', async () => {
    const clock = { now: Date.UTC(2025, 0, 10, 9) };
    const store = storeAt(clock);
    const a = frame(2);
    const b = frame(0);
    const first = await store.writeAuto(a, 'daily');
    clock.now += DAY;
    const second = await store.writeAuto(b, 'change');
    const list = await store.list();
    expect(list).toEqual([
      { name: second.name, size: b.byteLength, createdAt: new Date(clock.now).toISOString(), kind: 'held', households: 0 },
      { name: first.name, size: a.byteLength, createdAt: new Date(clock.now - DAY).toISOString(), kind: 'daily', households: 2 },
    ]);
    const data = await store.read(first.name);
    expect(data).toEqual(a);
    expect(Object.getPrototypeOf(data)).toBe(Uint8Array.prototype);
  });

  it('lists nothing when there is no backups folder yet', async () => {
    expect(await storeAt({ now: 0 }).list()).toEqual([]);
  });

  it.each(['../secret', '..\\secret', 'wijktafel-x.wtbackup', '/etc/passwd', 'notes.txt'])(
    'refuses to read %s',
    async (name) => {
      await writeFile(join(userData, 'secret'), 'nope');
      await expect(storeAt({ now: 0 }).read(name)).rejects.toMatchObject({ code: 'invalid-name' });
    },
  );
});
