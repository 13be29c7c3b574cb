import * as fs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBackupStore,
  formatBackupName,
  parseBackupName,
  selectBackupsToKeep,
  type BackupFs,
  type ParsedBackupName,
} from '../../../electron/backup-store';
import { SafeError } from '../../../electron/errors';

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

describe('backup names', () => {
  it('round-trips and rejects anything else', () => {
    const name = formatBackupName(new Date('2025-03-04T05:06:07.089Z'), 'daily', 'deadbeef');
    expect(name).toBe('wijktafel-20250304T050607089Z-daily-deadbeef.wtbackup');
    expect(parseBackupName(name)).toMatchObject({ reason: 'daily', createdAt: new Date('2025-03-04T05:06:07.089Z') });
    for (const bad of [
      '../wijktafel-20250304T050607089Z-daily-deadbeef.wtbackup',
      'wijktafel-20250304T050607089Z-daily-deadbeef.wtbackup/../../x',
      'wijktafel-20251304T050607089Z-daily-deadbeef.wtbackup',
      'wijktafel-20250304T050607089Z-hourly-deadbeef.wtbackup',
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
    const { written, name } = await store.writeAuto(new Uint8Array([1, 2, 3]), 'change');
    expect(written).toBe(true);
    expect(log.slice(0, 5)).toEqual(['open temp wx', 'write', 'sync', 'close', 'rename temp -> final']);
    // Then the folder itself is fsynced so the rename survives a power cut.
    expect(log[5]).toBe('open other r');
    expect(await readdir(backupsDir())).toEqual([name]);
    expect(new Uint8Array(await readFile(join(backupsDir(), name)))).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('creates files only the user can read (Unix)', async () => {
    if (process.platform === 'win32') return;
    const { name } = await storeAt({ now: Date.UTC(2025, 0, 10) }).writeAuto(new Uint8Array([1]), 'change');
    expect((await stat(join(backupsDir(), name))).mode & 0o077).toBe(0);
  });

  it('refuses an empty payload and writes nothing', async () => {
    const store = storeAt({ now: Date.UTC(2025, 0, 10) });
    await expect(store.writeAuto(new Uint8Array(0), 'change')).rejects.toBeInstanceOf(SafeError);
    expect(await readdir(userData)).toEqual([]);
  });

  it('removes leftover temp files of a crashed write', async () => {
    await fs.mkdir(backupsDir(), { recursive: true });
    await writeFile(join(backupsDir(), '.wijktafel-20250101T000000000Z-change-00000000.wtbackup.tmp'), 'half');
    await storeAt({ now: Date.UTC(2025, 0, 10) }).writeAuto(new Uint8Array([1]), 'change');
    expect((await readdir(backupsDir())).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('leaves files it did not write alone', async () => {
    await fs.mkdir(backupsDir(), { recursive: true });
    await writeFile(join(backupsDir(), 'notes.txt'), 'mine');
    await storeAt({ now: Date.UTC(2025, 0, 10) }).writeAuto(new Uint8Array([1]), 'change');
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
      names.push((await store.writeAuto(new Uint8Array([i + 1]), 'change')).name);
    }
    expect((await readdir(backupsDir())).sort()).toEqual(names.slice(5).sort());
  });

  it('keeps one backup per day for 14 days plus the last 10 change backups', async () => {
    const clock = { now: Date.UTC(2025, 0, 1, 8) };
    const store = storeAt(clock);
    const daily: string[] = [];
    for (let day = 0; day < 20; day += 1) {
      daily.push((await store.writeAuto(new Uint8Array([1]), 'daily')).name);
      clock.now += DAY;
    }
    // Day 20 ("today"): twelve change backups, an hour apart.
    const changes: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      changes.push((await store.writeAuto(new Uint8Array([2]), 'change')).name);
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
      { name: 'daily-08h', reason: 'daily', createdAt: at(8) },
      { name: 'change-09h', reason: 'change', createdAt: at(9) },
      { name: 'daily-yesterday', reason: 'daily', createdAt: new Date(at(8).getTime() - DAY) },
      { name: 'daily-15-days-ago', reason: 'daily', createdAt: new Date(at(8).getTime() - 14 * DAY) },
    ];
    expect(selectBackupsToKeep(backups, at(12))).toEqual(new Set(['change-09h', 'daily-yesterday']));
  });

  it('always keeps the newest backup, even when it is old', () => {
    const old: ParsedBackupName = { name: 'old', reason: 'daily', createdAt: new Date(Date.UTC(2024, 0, 1)) };
    expect(selectBackupsToKeep([old], new Date(Date.UTC(2025, 5, 1)))).toEqual(new Set(['old']));
  });
});

describe('list and read', () => {
  it('lists newest first with size and creation time, and reads a backup back', async () => {
    const clock = { now: Date.UTC(2025, 0, 10, 9) };
    const store = storeAt(clock);
    const first = await store.writeAuto(new Uint8Array([1, 2]), 'daily');
    clock.now += DAY;
    const second = await store.writeAuto(new Uint8Array([3, 4, 5]), 'change');
    const list = await store.list();
    expect(list).toEqual([
      { name: second.name, size: 3, createdAt: new Date(clock.now).toISOString() },
      { name: first.name, size: 2, createdAt: new Date(clock.now - DAY).toISOString() },
    ]);
    const data = await store.read(first.name);
    expect(data).toEqual(new Uint8Array([1, 2]));
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
