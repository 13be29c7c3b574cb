import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SafeError } from './errors';

/**
 * Automatic backups in the app's data folder (`<userData>/backups`). The renderer sends an
 * already encrypted database export; main only stores, rotates and returns it.
 *
 * Durability: each backup is written to a temp file, fsynced, then renamed over its final
 * name and the folder is fsynced, so a crash or power loss leaves either the old set or the
 * new complete file — never a truncated backup that looks valid.
 */

export const BACKUP_DIR_NAME = 'backups';
/** Retention: the newest N change-backups, plus the newest backup of each of the last D days. */
export const KEEP_CHANGE_BACKUPS = 10;
export const KEEP_DAILY_DAYS = 14;

export type BackupReason = 'change' | 'daily';

/**
 * The only names this store writes or reads. Reading is by this exact pattern: no folders,
 * no dots beyond the extension, so a name from the renderer can never point elsewhere.
 */
const NAME_PATTERN = /^wijktafel-(\d{8}T\d{9}Z)-(change|daily)-([0-9a-f]{8})\.wtbackup$/;
const TEMP_PATTERN = /^\.wijktafel-.*\.tmp$/;

export type ParsedBackupName = { name: string; createdAt: Date; reason: BackupReason };

export function parseBackupName(name: string): ParsedBackupName | null {
  const match = NAME_PATTERN.exec(name);
  if (match === null) return null;
  const [, stamp, reason] = match;
  if (stamp === undefined || (reason !== 'change' && reason !== 'daily')) return null;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) return null;
  return { name, createdAt, reason };
}

export function formatBackupName(createdAt: Date, reason: BackupReason, suffix: string): string {
  const stamp = createdAt.toISOString().replace(/[-:.]/g, '');
  return `wijktafel-${stamp}-${reason}-${suffix}.wtbackup`;
}

/**
 * Which backups rotation keeps: the newest KEEP_CHANGE_BACKUPS 'change' backups, the newest
 * backup (of either reason) of each UTC day in the last KEEP_DAILY_DAYS days counting today,
 * and always the newest backup overall. UTC days keep the rule independent of the machine's
 * time zone and DST; the cost is that "a day" ends at 01:00 or 02:00 Dutch time.
 */
export function selectBackupsToKeep(backups: readonly ParsedBackupName[], now: Date): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const newest = newestFirst[0];
  if (newest !== undefined) keep.add(newest.name);

  for (const backup of newestFirst.filter((b) => b.reason === 'change').slice(0, KEEP_CHANGE_BACKUPS)) {
    keep.add(backup.name);
  }

  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const oldestKeptDay = todayStart - (KEEP_DAILY_DAYS - 1) * 86_400_000;
  const daysSeen = new Set<string>();
  for (const backup of newestFirst) {
    if (backup.createdAt.getTime() < oldestKeptDay) continue;
    const day = backup.createdAt.toISOString().slice(0, 10);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup.name);
  }
  return keep;
}

/** The file-system surface the store needs; node:fs/promises fits it. */
export type BackupFileHandle = {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
};
export type BackupFs = {
  mkdir(path: string, options: { recursive: true; mode: number }): Promise<unknown>;
  open(path: string, flags: string, mode?: number): Promise<BackupFileHandle>;
  rename(from: string, to: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
  unlink(path: string): Promise<void>;
};

export type BackupEntry = { name: string; size: number; createdAt: string };

export type BackupStore = {
  writeAuto(data: Uint8Array, reason: BackupReason): Promise<{ written: boolean; name: string }>;
  list(): Promise<BackupEntry[]>;
  read(name: string): Promise<Uint8Array<ArrayBuffer>>;
};

export function createBackupStore(opts: {
  userDataDir: string;
  fs: BackupFs;
  now?: () => Date;
  randomSuffix?: () => string;
  /** Folder fsync is not supported on Windows; the rename is still atomic there. */
  syncDirectory?: boolean;
}): BackupStore {
  const dir = join(opts.userDataDir, BACKUP_DIR_NAME);
  const now = opts.now ?? (() => new Date());
  const randomSuffix = opts.randomSuffix ?? (() => randomBytes(4).toString('hex'));
  const { fs } = opts;

  // All operations run one after another: a rotation must never delete a temp file that a
  // concurrent write is still filling, and two writes must not race on the listing.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const ensureDir = () => fs.mkdir(dir, { recursive: true, mode: 0o700 });

  async function syncDir(): Promise<void> {
    if (opts.syncDirectory === false) return;
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function listParsed(): Promise<ParsedBackupName[]> {
    const names = await fs.readdir(dir).catch(() => []);
    return names.map(parseBackupName).filter((parsed): parsed is ParsedBackupName => parsed !== null);
  }

  async function rotate(): Promise<void> {
    const names = await fs.readdir(dir);
    const keep = selectBackupsToKeep(await listParsed(), now());
    for (const name of names) {
      // Leftover temp files are from a crashed write (writes are serialised, none is running).
      const remove = parseBackupName(name) !== null ? !keep.has(name) : TEMP_PATTERN.test(name);
      if (remove) await fs.unlink(join(dir, name));
    }
  }

  return {
    writeAuto: (data, reason) =>
      serial(async () => {
        // An empty export is a bug upstream; storing it would rotate away a good backup.
        if (data.byteLength === 0) throw new SafeError('empty-backup', 'refusing to write an empty backup');
        await ensureDir();
        const name = formatBackupName(now(), reason, randomSuffix());
        const finalPath = join(dir, name);
        const tempPath = join(dir, `.${name}.tmp`);
        // 'wx': never overwrite an existing file; 0o600: backups are the user's alone.
        const handle = await fs.open(tempPath, 'wx', 0o600);
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(tempPath, finalPath);
        await syncDir();
        await rotate();
        return { written: true, name };
      }),

    list: () =>
      serial(async () => {
        const entries: BackupEntry[] = [];
        for (const parsed of await listParsed()) {
          const info = await fs.stat(join(dir, parsed.name)).catch(() => null);
          if (info === null || !info.isFile()) continue;
          entries.push({ name: parsed.name, size: info.size, createdAt: parsed.createdAt.toISOString() });
        }
        return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      }),

    read: (name) =>
      serial(async () => {
        // Only names this store could have written: the pattern excludes separators and '..'.
        if (parseBackupName(name) === null) throw new SafeError('invalid-name', 'not a backup name');
        // A copy into a plain Uint8Array: IPC and the contract want no Buffer subclass.
        return new Uint8Array(await fs.readFile(join(dir, name)));
      }),
  };
}
