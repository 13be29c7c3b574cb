import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { peekBackupHeader } from '../shared/backup/format';
import { localDay } from '../shared/dates';
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
/**
 * Retention: the newest N change-backups, plus the newest backup of each of the last D days;
 * nothing older than D days (docs/dpia.md promises that: a household deleted under retention
 * is gone from every backup after D days), except the newest good backup, which always stays.
 */
export const KEEP_CHANGE_BACKUPS = 10;
export const KEEP_DAILY_DAYS = 14;
/** Held-apart backups (see isSuspiciousDrop) kept: the newest few, at most KEEP_DAILY_DAYS old but the newest. */
export const KEEP_HELD_BACKUPS = 5;

/** Why the renderer asks for a backup. */
export type BackupReason = 'change' | 'daily';
/**
 * How a stored backup is kept. 'held' is a backup with far fewer households than the one
 * before it (typically: an empty store after Chromium lost the database, and a fresh vault
 * was made). It is stored, so the current work is safe too, but in its own lane: it never
 * takes the place of a good backup in rotation.
 */
export type BackupKind = BackupReason | 'held';

/**
 * The only names this store writes or reads. Reading is by this exact pattern: no folders,
 * no dots beyond the extension, so a name from the renderer can never point elsewhere.
 * `-h<n>` is the number of households in the backup (from its plain header); names written
 * before it existed have none.
 */
const NAME_PATTERN = /^wijktafel-(\d{8}T\d{9}Z)-(change|daily|held)(?:-h(\d{1,9}))?-([0-9a-f]{8})\.wtbackup$/;
const TEMP_PATTERN = /^\.wijktafel-.*\.tmp$/;

export type ParsedBackupName = {
  name: string;
  createdAt: Date;
  reason: BackupKind;
  /** Households in the backup; null for names from before the count was part of the name. */
  households: number | null;
};

export function parseBackupName(name: string): ParsedBackupName | null {
  const match = NAME_PATTERN.exec(name);
  if (match === null) return null;
  const [, stamp, reason, households] = match;
  if (stamp === undefined || (reason !== 'change' && reason !== 'daily' && reason !== 'held')) return null;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso) return null;
  return { name, createdAt, reason, households: households === undefined ? null : Number(households) };
}

export function formatBackupName(createdAt: Date, reason: BackupKind, suffix: string, households?: number): string {
  const stamp = createdAt.toISOString().replace(/[-:.]/g, '');
  const count = households === undefined ? '' : `-h${households}`;
  return `wijktafel-${stamp}-${reason}${count}-${suffix}.wtbackup`;
}

/** Below this many households a drop is only suspicious when it reaches zero. */
export const DROP_MIN_PREVIOUS = 4;
/** A backup with less than this share of the previous good backup's households is held apart. */
export const DROP_RATIO = 0.5;

/**
 * Is a new backup with `next` households a suspicious drop from the newest good backup with
 * `previous`? `removedOnPurpose` counts households the renderer knows were deleted on purpose
 * since that backup (retention deletes, from the audit log): a drop they explain is normal.
 * An empty store after a non-empty backup is suspicious unless every household is explained.
 */
export function isSuspiciousDrop(previous: number | null, next: number, removedOnPurpose = 0): boolean {
  if (previous === null || previous === 0) return false;
  const explained = next + removedOnPurpose;
  if (next === 0) return explained < previous;
  return previous >= DROP_MIN_PREVIOUS && explained < previous * DROP_RATIO;
}

const DAY_MS = 86_400_000;

/**
 * Which backups rotation keeps. Good backups ('change', 'daily'): the newest KEEP_CHANGE_BACKUPS
 * change backups that are less than KEEP_DAILY_DAYS old, the newest backup of each UTC day in
 * the last KEEP_DAILY_DAYS days counting today, and the newest good backup whatever its age.
 * Held backups: the newest KEEP_HELD_BACKUPS, none older than KEEP_DAILY_DAYS but the newest.
 *
 * Held backups never count as "newest" or as a day's backup, so a store that lost its data
 * can write as often as it likes: the last good backup — the last one with households, since
 * an unexplained drop to zero is always held — stays. Only a drop explained by retention
 * deletes makes an emptier backup the newest good one; then the older backups age out after
 * KEEP_DAILY_DAYS, as the DPIA says.
 * UTC days keep the rule independent of the machine's time zone and DST; the cost is that
 * "a day" ends at 01:00 or 02:00 Dutch time.
 */
export function selectBackupsToKeep(backups: readonly ParsedBackupName[], now: Date): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const good = newestFirst.filter((b) => b.reason !== 'held');
  const held = newestFirst.filter((b) => b.reason === 'held');
  const keep = new Set<string>();
  const todayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const oldestKeptDay = todayStart - (KEEP_DAILY_DAYS - 1) * DAY_MS;
  const recent = (b: ParsedBackupName) => b.createdAt.getTime() >= oldestKeptDay;

  const newest = good[0];
  if (newest !== undefined) keep.add(newest.name);

  for (const backup of good.filter((b) => b.reason === 'change' && recent(b)).slice(0, KEEP_CHANGE_BACKUPS)) {
    keep.add(backup.name);
  }

  const daysSeen = new Set<string>();
  for (const backup of good) {
    if (!recent(backup)) continue;
    const day = localDay(backup.createdAt);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup.name);
  }

  held.forEach((backup, i) => {
    if (i === 0 || (i < KEEP_HELD_BACKUPS && recent(backup))) keep.add(backup.name);
  });
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

export type BackupEntry = { name: string; size: number; createdAt: string; kind: BackupKind; households: number | null };

export type BackupStore = {
  /**
   * Store a backup. `removedOnPurpose`: households deleted on purpose since the newest good
   * backup (see isSuspiciousDrop). `held` says the backup was kept apart.
   */
  writeAuto(data: Uint8Array, reason: BackupReason, opts?: { removedOnPurpose?: number }): Promise<{ written: boolean; name: string; held: boolean }>;
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

  /** Households of a stored backup: from its name, or (names from before the count) its header. */
  async function householdsOf(backup: ParsedBackupName): Promise<number | null> {
    if (backup.households !== null) return backup.households;
    const bytes = await fs.readFile(join(dir, backup.name)).catch(() => null);
    return bytes === null ? null : (peekBackupHeader(bytes)?.counts.households ?? null);
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
    writeAuto: (data, reason, writeOpts = {}) =>
      serial(async () => {
        // An empty export is a bug upstream; storing it would rotate away a good backup.
        if (data.byteLength === 0) throw new SafeError('empty-backup', 'refusing to write an empty backup');
        // So is anything that is not a backup frame: its counts could not be judged below.
        const header = peekBackupHeader(data);
        if (header === null) throw new SafeError('invalid-backup', 'refusing to write something that is not a backup');
        const households = header.counts.households ?? 0;
        await ensureDir();
        const newestGood = (await listParsed()).filter((b) => b.reason !== 'held').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
        const previous = newestGood === undefined ? null : await householdsOf(newestGood);
        const held = isSuspiciousDrop(previous, households, writeOpts.removedOnPurpose ?? 0);
        const name = formatBackupName(now(), held ? 'held' : reason, randomSuffix(), households);
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
        return { written: true, name, held };
      }),

    list: () =>
      serial(async () => {
        const entries: BackupEntry[] = [];
        for (const parsed of await listParsed()) {
          const info = await fs.stat(join(dir, parsed.name)).catch(() => null);
          if (info === null || !info.isFile()) continue;
          entries.push({ name: parsed.name, size: info.size, createdAt: parsed.createdAt.toISOString(), kind: parsed.reason, households: parsed.households });
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
