import { BackupFormatError } from '@shared/backup/format';
import { onStoreChange } from '../changes';
import { getDb } from '../db';
import { isUnlocked } from '../session';
import { countAuditSince } from '../stores/audit/audit';
import { createBackup } from './backup';

/**
 * Automatic backups (desktop): after changes, debounced, and once a day, through the shell's
 * backup store (temp file + fsync + rename + rotation live in electron/backup-store.ts).
 *
 * Never sends an empty store: no vault → no backup (and the shell refuses empty payloads too).
 * A store with far fewer households than the newest good backup (an empty, freshly made vault
 * after Chromium lost the database, say) is sent, but the shell keeps it apart ('held') so it
 * never rotates a good backup away (electron/backup-store.ts isSuspiciousDrop). Households
 * deleted on purpose since that backup (retention, recorded in the audit log) are counted and
 * sent along, so a drop they explain is a normal backup.
 * Changes to the audit log alone (e.g. "household viewed") do not trigger a backup; they ride
 * along with the next one.
 */
export type AutoBackupTarget = {
  write(data: Uint8Array, reason: 'change' | 'daily', opts?: { removedOnPurpose?: number }): Promise<{ written: boolean; held: boolean }>;
  list(): Promise<{ name: string; size: number; createdAt: string; kind: 'change' | 'daily' | 'held'; households: number | null }[]>;
};

export type AutoBackupStatus = {
  /** 'held': written, but kept apart because it holds far fewer households than the newest good backup. */
  state: 'idle' | 'pending' | 'writing' | 'ok' | 'held' | 'failed';
  at?: string;
  reason?: 'change' | 'daily';
  /** For 'held': households now, and in the newest good backup. */
  households?: number;
  previousHouseholds?: number;
};

/** Audit actions that remove a household on purpose (retention); they explain a drop in households. */
const REMOVAL_ACTIONS = ['household.delete', 'household.anonymise'] as const;

export type Timers = {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
};

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
};

export const DEBOUNCE_MS = 30_000;
export const DAY_MS = 24 * 60 * 60 * 1000;
const DAILY_CHECK_MS = 60 * 60 * 1000;

let status: AutoBackupStatus = { state: 'idle' };
const listeners = new Set<() => void>();
function setStatus(next: AutoBackupStatus): void {
  status = next;
  for (const l of listeners) l();
}
export function getAutoBackupStatus(): AutoBackupStatus {
  return status;
}
export function subscribeAutoBackup(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startAutoBackup(
  target: AutoBackupTarget,
  opts: { debounceMs?: number; now?: () => Date; timers?: Timers; dbName?: string } = {},
): { stop: () => void; flush: () => Promise<void> } {
  const timers = opts.timers ?? realTimers;
  const now = opts.now ?? (() => new Date());
  const debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
  let pending: unknown = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const run = (reason: 'change' | 'daily'): Promise<void> => {
    running = running.then(async () => {
      if (stopped || !isUnlocked()) return;
      setStatus({ state: 'writing', reason });
      try {
        const { bytes, header } = await createBackup({ now: now() });
        if (bytes.byteLength === 0) return;
        const newestGood = (await target.list())
          .filter((b) => b.kind !== 'held')
          .reduce<{ createdAt: string; households: number | null } | null>((m, b) => (m === null || b.createdAt > m.createdAt ? b : m), null);
        const removedOnPurpose = newestGood ? await countAuditSince(REMOVAL_ACTIONS, newestGood.createdAt) : 0;
        const { held } = await target.write(bytes, reason, { removedOnPurpose });
        const at = now().toISOString();
        if (held) {
          setStatus({ state: 'held', at, reason, households: header.counts.households ?? 0, previousHouseholds: newestGood?.households ?? 0 });
        } else {
          setStatus({ state: 'ok', at, reason });
        }
      } catch (e) {
        // No vault (an empty store) is not a failure: there is simply nothing to keep.
        if (e instanceof BackupFormatError && e.code === 'no-vault') setStatus({ state: 'idle' });
        else setStatus({ state: 'failed', at: now().toISOString(), reason });
      }
    });
    return running;
  };

  const checkDaily = async () => {
    try {
      const list = await target.list();
      const newest = list.reduce((m, b) => Math.max(m, Date.parse(b.createdAt) || 0), 0);
      if (now().getTime() - newest >= DAY_MS) await run('daily');
    } catch {
      setStatus({ state: 'failed', at: now().toISOString(), reason: 'daily' });
    }
  };

  const unsubscribe = onStoreChange((tables) => {
    if (tables.every((t) => t === 'audit')) return;
    if (pending !== null) timers.clearTimeout(pending);
    setStatus({ state: 'pending' });
    pending = timers.setTimeout(() => {
      pending = null;
      void run('change');
    }, debounceMs);
  }, opts.dbName ?? getDb().name);

  const daily = timers.setInterval(() => void checkDaily(), DAILY_CHECK_MS);
  void checkDaily();

  return {
    stop() {
      stopped = true;
      unsubscribe();
      if (pending !== null) timers.clearTimeout(pending);
      timers.clearInterval(daily);
    },
    /** Write a pending change backup now (e.g. before the app closes). */
    async flush() {
      if (pending !== null) {
        timers.clearTimeout(pending);
        pending = null;
        await run('change');
      }
      await running;
    },
  };
}
