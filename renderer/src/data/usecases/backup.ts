import { z } from 'zod';
import {
  BackupFormatError,
  BackupHeaderSchema,
  MAX_BODY_BYTES,
  encodeBackupFrame,
  headerAad,
  headerForAad,
  parseBackupFile,
  parseBodyBytes,
  sealedHeaderFields,
  serializeBodyParts,
  toTagged,
  fromTagged,
  type BackupHeader,
  type BackupTables,
  type ParsedBackupFile,
} from '@shared/backup/format';
import { ActionSchema, AssessmentSchema, GoalSchema, HandoverSchema, IntakeSchema, NoteSchema, PlanSchema } from '@shared/domain/casefile';
import { HouseholdSchema } from '@shared/domain/household';
import { ConsentSchema, ContactSchema, InvitationSchema, InvolvementSchema, OrganisationSchema, PlacementSchema } from '@shared/domain/partners';
import { AppSettingsSchema, TeamMemberSchema } from '@shared/domain/team';
import { base64Decode, base64Encode } from '@shared/backup/bytes';
import { version as APP_VERSION } from '../../../../package.json';
import { DecryptError, importKek, openBytes, sealBytes, sha256Hex, unwrapKey } from '../../crypto/aead';
import { deriveInWorker } from '../../crypto/kdf-client';
import { getDb, type StoredRow, type TableName, type WijktafelDB } from '../db';
import { LATEST_VERSION } from '../migrations';
import { HOUSEHOLD_SCOPED, openRecord, PLAIN_FIELDS, sealRecord } from '../records';
import { getSession, isUnlocked } from '../session';
import { VaultRowSchema, type VaultRow } from '../vault';
import { AuditEntrySchema, appendAudit, auditActor } from '../stores/audit/audit';
import { newId, nowIso } from '../stores/kit';

/**
 * Whole-store backups (`.wijktafel`, see shared/backup/format.ts) and restore.
 *
 * A backup is the stored rows as they are (already sealed), plus the vault row and the wrapped
 * household keys, sealed again as a whole with the data key. So it is exactly as safe as the
 * store, and restoring needs the passphrase of the vault inside the backup.
 *
 * Restore validates EVERYTHING before it touches the store: frame, versions, checksum, the
 * passphrase, the body, and every record opened and parsed with its zod schema. Only then does
 * it replace all tables in one transaction; any failure before that leaves the store as it was.
 * Two things of the current store survive a restore: its audit log (the log is append-only:
 * a restore adds to it and never rewinds it), and the deletions made under retention — a
 * household the current audit log says was deleted stays deleted unless the user explicitly
 * chooses to bring it back.
 */

export { APP_VERSION };
export const ALL_TABLES = Object.keys(PLAIN_FIELDS) as TableName[];

/* Frozen by the vault format (renderer/src/data/vault.ts and session.ts): changing them would
 * lock every existing vault out, so copying them here is safe. */
const AAD_PASSPHRASE = 'wijktafel:vault:passphrase';
const householdKeyAad = (householdId: string) => `wijktafel:householdKey:${householdId}`;

export type BackupProgress = (phase: 'read' | 'seal' | 'check' | 'open' | 'write', fraction: number) => void;
export type TableCounts = Partial<Record<TableName, number>>;

const Loose = z.looseObject({ id: z.string().min(1).max(200) });
const SCHEMAS: Partial<Record<TableName, z.ZodType>> = {
  households: HouseholdSchema,
  intakes: IntakeSchema,
  assessments: AssessmentSchema,
  plans: PlanSchema,
  goals: GoalSchema,
  actions: ActionSchema,
  handovers: HandoverSchema,
  notes: NoteSchema,
  organisations: OrganisationSchema,
  contacts: ContactSchema,
  placements: PlacementSchema,
  involvements: InvolvementSchema,
  consents: ConsentSchema,
  invitations: InvitationSchema,
  teamMembers: TeamMemberSchema,
  audit: AuditEntrySchema,
};

function schemaFor(table: TableName, row: StoredRow): z.ZodType {
  if (table === 'settings' && row.id === 'app') return AppSettingsSchema;
  return SCHEMAS[table] ?? Loose;
}

/** Every table's rows, read in ONE read transaction so the backup is a consistent snapshot. */
async function readAllTables(db: WijktafelDB, onProgress?: BackupProgress): Promise<Record<TableName, StoredRow[]>> {
  const out = {} as Record<TableName, StoredRow[]>;
  await db.transaction('r', db.tables, async () => {
    let done = 0;
    for (const name of ALL_TABLES) {
      out[name] = await db.rows(name).toArray();
      onProgress?.('read', ++done / ALL_TABLES.length);
    }
  });
  return out;
}

export async function countTables(db: WijktafelDB = getDb()): Promise<TableCounts> {
  const counts: TableCounts = {};
  await db.transaction('r', db.tables, async () => {
    for (const name of ALL_TABLES) counts[name] = await db.rows(name).count();
  });
  return counts;
}

/** AES-GCM adds its 12-byte nonce and 16-byte tag to the sealed body (crypto/aead.ts sealBytes). */
const SEAL_OVERHEAD = 28;
/** Rows sampled per table for the size estimate before a backup. */
const SAMPLE_ROWS = 40;

/** Let the page answer (a task boundary) during long work on the main thread. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * How large the sealed body of a backup of this store will be, in bytes, estimated from the row
 * counts and a sample of rows per table, without reading the store in full. The rows are stored
 * sealed, so their serialised sizes hardly vary within a table.
 */
export async function estimateBackupBytes(db: WijktafelDB = getDb()): Promise<number> {
  let total = 32;
  await db.transaction('r', db.tables, async () => {
    for (const name of ALL_TABLES) {
      const count = await db.rows(name).count();
      if (count === 0) continue;
      const sample = await db.rows(name).limit(SAMPLE_ROWS).toArray();
      const sampled = sample.reduce((s, r) => s + JSON.stringify(toTagged(r)).length + 2, 0);
      total += name.length + 8 + Math.ceil((sampled / Math.max(1, sample.length)) * count);
    }
  });
  return total + SEAL_OVERHEAD;
}

function tooLarge(bytes: number): BackupFormatError {
  return new BackupFormatError('too-large', String(Math.ceil(bytes / 1_000_000)));
}

/**
 * The body's plain bytes, encoded a row at a time (serializeBodyParts) into 8 MiB chunks and
 * joined once: the body never exists as one string. Stops with 'too-large' as soon as it would
 * pass `max`, before anything is sealed.
 */
async function encodeBody(tables: Readonly<BackupTables>, max: number): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const CHUNK = 8 * 1024 * 1024;
  const chunks: Uint8Array[] = [];
  let chunk = new Uint8Array(CHUNK);
  let used = 0;
  let total = 0;
  let pieces = 0;
  for (const piece of serializeBodyParts(tables)) {
    let rest = piece;
    while (rest.length > 0) {
      const { read, written } = encoder.encodeInto(rest, chunk.subarray(used));
      used += written;
      total += written;
      rest = rest.slice(read);
      if (total + SEAL_OVERHEAD > max) throw tooLarge(total + SEAL_OVERHEAD);
      if (rest.length > 0 || used === chunk.byteLength) {
        chunks.push(chunk.subarray(0, used));
        chunk = new Uint8Array(Math.max(CHUNK, rest.length * 3));
        used = 0;
      }
    }
    if (++pieces % 2000 === 0) await nextTask();
  }
  chunks.push(chunk.subarray(0, used));
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
    c.fill(0);
  }
  return out;
}

/**
 * Build a backup file of the whole store. Needs an unlocked session (the data key seals it).
 * Throws BackupFormatError('no-vault') for a store without a vault: there is nothing to protect
 * and an empty file must never replace a good one. Throws 'too-large' when the body would pass
 * `maxBodyBytes` (default MAX_BODY_BYTES): first from an estimate, before the store is read in
 * full, and again, exactly, while the body is encoded (before anything is sealed or saved).
 */
export async function createBackup(
  opts: { onProgress?: BackupProgress; now?: Date; db?: WijktafelDB; maxBodyBytes?: number } = {},
): Promise<{ bytes: Uint8Array; header: BackupHeader; fileName: string }> {
  const session = getSession();
  const db = opts.db ?? session.db;
  const max = Math.min(opts.maxBodyBytes ?? MAX_BODY_BYTES, MAX_BODY_BYTES);
  const estimate = await estimateBackupBytes(db);
  if (estimate > max) throw tooLarge(estimate);
  const tables = await readAllTables(db, opts.onProgress);
  const vault = tables.vault.find((r) => r.id === 'main');
  if (!vault) throw new BackupFormatError('no-vault');
  const counts: Record<string, number> = {};
  for (const name of ALL_TABLES) counts[name] = tables[name].length;
  const createdAt = (opts.now ?? new Date()).toISOString();
  const fields = {
    appVersion: APP_VERSION,
    schemaVersion: LATEST_VERSION,
    createdAt,
    counts,
    vault: toTagged(vault) as Record<string, unknown>,
  };
  const seal = base64Encode(await sealBytes(session.dataKey, new TextEncoder().encode(sealedHeaderFields(fields)), HEADER_SEAL_AAD));
  const input = { ...fields, seal };
  opts.onProgress?.('seal', 0);
  const plain = await encodeBody(tables, max);
  const sealed = await sealBytes(session.dataKey, plain, headerAad(headerForAad(input)));
  plain.fill(0);
  opts.onProgress?.('seal', 1);
  // WebCrypto's digest (off the main thread in Chromium); the header is checked by its schema.
  const header = BackupHeaderSchema.parse({ ...headerForAad(input), body: { bytes: sealed.byteLength, sha256: await sha256Hex(sealed) } });
  const bytes = encodeBackupFrame(header, sealed);
  const stamp = createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { bytes, header, fileName: `wijktafel-${stamp}.wijktafel` };
}

/** Manual backup: audit that it happened (never what it holds). */
export async function recordBackupMade(): Promise<void> {
  await appendAudit({ action: 'backup.create', entity: 'backup' });
}

/** Check a file's frame without a passphrase: versions, checksum, date and counts. */
export function inspectBackup(bytes: Uint8Array): BackupHeader {
  return parseBackupFile(bytes, { appVersion: APP_VERSION, schemaVersion: LATEST_VERSION }).header;
}

/** A backup that passed every check and is ready to be written. */
export type RestorePlan = {
  header: BackupHeader;
  counts: TableCounts;
  /** Decoded stored rows per table (still sealed: nothing decrypted is kept). */
  tables: Record<TableName, StoredRow[]>;
  /** The backup's data key (non-extractable, in memory only): seals the kept audit entries and the restore event. */
  backupKey: CryptoKey;
  /**
   * Ids of households in the backup that the current audit log records as deleted or
   * anonymised under retention since. Restore leaves them out unless the user confirms.
   */
  retentionDeleted: string[];
};

/** Audit actions of a retention delete (retention.ts eraseHousehold writes them with the household id). */
const RETENTION_ACTIONS: readonly string[] = ['household.delete', 'household.anonymise'];

/** The unlocked session of this database, if any: only then can its audit log be read. */
function sessionOf(db: WijktafelDB) {
  if (!isUnlocked()) return null;
  const session = getSession();
  return session.db === db || session.db.name === db.name ? session : null;
}

/** The current store's audit entries, opened (empty when the store is not unlocked, e.g. on the first-run screen). */
async function currentAudit(db: WijktafelDB): Promise<{ rows: StoredRow[]; entries: z.output<typeof AuditEntrySchema>[]; unreadable: number }> {
  const session = sessionOf(db);
  const rows = await db.audit.orderBy('seq').toArray();
  if (!session) return { rows: [], entries: [], unreadable: rows.length };
  const entries = [];
  for (let i = 0; i < rows.length; i += 200) {
    entries.push(...(await Promise.all(rows.slice(i, i + 200).map((r) => openRecord('audit', r, session.dataKey, AuditEntrySchema)))));
  }
  return { rows, entries, unreadable: 0 };
}

/** Household ids the current audit log records as deleted under retention. */
async function retentionDeletedIds(db: WijktafelDB): Promise<Set<string>> {
  const { entries } = await currentAudit(db);
  return new Set(entries.filter((e) => RETENTION_ACTIONS.includes(e.action) && e.entityId).map((e) => e.entityId as string));
}

function checkPlainFields(table: TableName, row: Record<string, unknown>): void {
  const allowed: readonly string[] = PLAIN_FIELDS[table];
  for (const k of Object.keys(row)) {
    if (k === 'enc') continue;
    if (!allowed.includes(k)) throw new BackupFormatError('record-invalid', table, 'plain-field');
  }
}

/** Additional data of the header seal (see BackupHeaderSchema.seal). */
const HEADER_SEAL_AAD = 'wijktafel:backup:header-seal';

/**
 * Which header field was edited, by comparing the header with its seal; null when they agree.
 * A seal that does not open means the seal itself was edited.
 */
async function editedHeaderField(header: BackupHeader, key: CryptoKey): Promise<string | null> {
  if (header.seal === undefined) return null;
  const sealed = base64Decode(header.seal);
  if (!sealed) return 'seal';
  let original: Record<string, unknown>;
  try {
    original = JSON.parse(new TextDecoder().decode(await openBytes(key, sealed, HEADER_SEAL_AAD))) as Record<string, unknown>;
  } catch {
    return 'seal';
  }
  const now = JSON.parse(sealedHeaderFields(header)) as Record<string, unknown>;
  for (const field of ['counts', 'createdAt', 'appVersion', 'schemaVersion', 'vault']) {
    if (JSON.stringify(original[field]) !== JSON.stringify(now[field])) return field;
  }
  return null;
}

/** Why a record does not open: a field over its maximum, another schema failure, or a payload that does not decrypt. */
function recordProblem(e: unknown): string {
  if (e instanceof z.ZodError) return e.issues.some((i) => i.code === 'too_big') ? 'too-long' : 'schema';
  return 'decrypt';
}

/**
 * Validate a backup completely with the passphrase of the vault inside it. Writes nothing to the
 * store; reads only the current audit log (when unlocked) to find households deleted under
 * retention since the backup. Throws BackupFormatError with a precise code.
 */
export async function openBackup(
  file: Uint8Array | ParsedBackupFile,
  passphrase: string,
  onProgress?: BackupProgress,
  db: WijktafelDB = getDb(),
): Promise<RestorePlan> {
  // The app hands in a file already read and checked in the backup worker (backup-file-client.ts).
  const { header, body, aad } = file instanceof Uint8Array ? parseBackupFile(file, { appVersion: APP_VERSION, schemaVersion: LATEST_VERSION }) : file;
  onProgress?.('check', 0.05);
  const vaultParsed = VaultRowSchema.safeParse(fromTagged(header.vault));
  if (!vaultParsed.success) throw new BackupFormatError('header-invalid', undefined, 'vault');
  const vault: VaultRow = vaultParsed.data;

  const { bytes: kekBytes } = await deriveInWorker(passphrase, vault.kdf);
  const kek = await importKek(kekBytes);
  kekBytes.fill(0);
  let dataKey: CryptoKey;
  try {
    dataKey = await unwrapKey(vault.wrappedKey, kek, AAD_PASSPHRASE);
  } catch (e) {
    if (e instanceof DecryptError) throw new BackupFormatError('wrong-passphrase');
    throw e;
  }
  onProgress?.('check', 0.3);
  // The header seal names an edited header field before the body is even tried.
  const edited = await editedHeaderField(header, dataKey);
  if (edited !== null) throw new BackupFormatError('tampered', undefined, edited);
  let plain: Uint8Array;
  try {
    plain = await openBytes(dataKey, body, aad);
  } catch (e) {
    // The passphrase opened the key but the body does not authenticate. With an intact header
    // seal, the body itself was changed; without a seal (older backups) it could be either.
    if (e instanceof DecryptError) throw new BackupFormatError('tampered', undefined, header.seal === undefined ? undefined : 'body');
    throw e;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (b: Uint8Array): string | null => {
    try {
      return decoder.decode(b);
    } catch {
      return null;
    }
  };
  let decoded: BackupTables;
  try {
    // A line at a time, with a task boundary every 2000 rows: a large body never blocks the page for long.
    decoded = await parseBodyBytes(plain, header, ALL_TABLES, decode, { pause: nextTask });
  } finally {
    plain.fill(0);
  }
  const tables = {} as Record<TableName, StoredRow[]>;
  for (const name of ALL_TABLES) tables[name] = (decoded[name] ?? []) as StoredRow[];

  // The vault inside must be the vault in the header (the one the passphrase opened).
  const bodyVault = tables.vault;
  if (bodyVault.length !== 1 || JSON.stringify(toTagged(bodyVault[0])) !== JSON.stringify(header.vault)) {
    throw new BackupFormatError('tampered', undefined, 'vault-mismatch');
  }

  // Household keys: every one must unwrap with the data key.
  const hhKeys = new Map<string, CryptoKey>();
  for (const row of tables.householdKeys) {
    checkPlainFields('householdKeys', row);
    const id = row.householdId;
    if (typeof id !== 'string' || !(row.wrapped instanceof Uint8Array) || hhKeys.has(id)) {
      throw new BackupFormatError('record-invalid', 'householdKeys', 'shape');
    }
    try {
      hhKeys.set(id, await unwrapKey(row.wrapped, dataKey, householdKeyAad(id)));
    } catch {
      throw new BackupFormatError('record-invalid', 'householdKeys', 'decrypt');
    }
  }

  // Every record opens and parses with its schema.
  const total = ALL_TABLES.reduce((s, t) => s + (t === 'vault' || t === 'householdKeys' ? 0 : tables[t].length), 0);
  let done = 0;
  for (const table of ALL_TABLES) {
    if (table === 'vault' || table === 'householdKeys') continue;
    const seen = new Set<unknown>();
    const rows = tables[table];
    const batch = 200;
    for (let i = 0; i < rows.length; i += batch) {
      await Promise.all(
        rows.slice(i, i + batch).map(async (row) => {
          checkPlainFields(table, row);
          const pk = table === 'audit' ? row.seq : row.id;
          if (pk === undefined || seen.has(pk)) throw new BackupFormatError('record-invalid', table, pk === undefined ? 'no-id' : 'duplicate');
          seen.add(pk);
          let key = dataKey;
          if (HOUSEHOLD_SCOPED.has(table)) {
            const hid = table === 'households' ? row.id : row.householdId;
            const k = typeof hid === 'string' ? hhKeys.get(hid) : undefined;
            if (!k) throw new BackupFormatError('record-invalid', table, 'no-key');
            key = k;
          }
          try {
            await openRecord(table, row, key, schemaFor(table, row));
          } catch (e) {
            throw new BackupFormatError('record-invalid', table, recordProblem(e));
          }
        }),
      );
      done += Math.min(batch, rows.length - i);
      onProgress?.('open', total === 0 ? 1 : done / total);
    }
  }
  onProgress?.('open', 1);

  const counts: TableCounts = {};
  for (const name of ALL_TABLES) counts[name] = tables[name].length;
  const deleted = await retentionDeletedIds(db);
  const retentionDeleted = tables.households.map((h) => String(h.id)).filter((id) => deleted.has(id));
  return { header, counts, tables, backupKey: dataKey, retentionDeleted };
}

/** The rows of a plan without the given households (and everything that belongs to them, and their keys). */
function withoutHouseholds(plan: RestorePlan, ids: ReadonlySet<string>): Record<TableName, StoredRow[]> {
  if (ids.size === 0) return plan.tables;
  const out = { ...plan.tables };
  for (const name of ALL_TABLES) {
    if (name === 'households') out[name] = plan.tables[name].filter((r) => !ids.has(String(r.id)));
    else if (name === 'householdKeys' || HOUSEHOLD_SCOPED.has(name)) out[name] = plan.tables[name].filter((r) => !ids.has(String(r.householdId)));
  }
  return out;
}

/**
 * Replace the whole store with a validated backup, in ONE transaction over all tables: either
 * everything is replaced or (on any error, e.g. a full disk) nothing is. The OS key-store copy of
 * the passphrase key is dropped: it belongs to the machine the backup was made on.
 *
 * The current audit log is kept: its entries that the backup does not already hold are sealed
 * again with the backup's key (the restored vault's key) and appended after the backup's own,
 * then the restore event. Households the current log records as deleted under retention are
 * left out unless `reintroduceDeleted` (the user confirmed bringing them back). Both are read
 * from the store again here, so an entry written after the plan was made still counts.
 */
export async function applyRestore(
  plan: RestorePlan,
  db: WijktafelDB = getDb(),
  onProgress?: BackupProgress,
  opts: { reintroduceDeleted?: boolean } = {},
): Promise<{ keptAuditEntries: number; leftOut: number }> {
  const vaultRows = plan.tables.vault.map((r) => {
    const { keystore: _machineBound, ...rest } = r;
    return rest;
  });
  const current = await currentAudit(db);
  const deleted = new Set(current.entries.filter((e) => RETENTION_ACTIONS.includes(e.action) && e.entityId).map((e) => e.entityId as string));
  const inBackup = new Set(plan.tables.households.map((h) => String(h.id)));
  const leaveOut = opts.reintroduceDeleted ? new Set<string>() : new Set([...deleted].filter((id) => inBackup.has(id)));
  const reintroduced = opts.reintroduceDeleted ? [...deleted].filter((id) => inBackup.has(id)).length : 0;
  const tables = withoutHouseholds(plan, leaveOut);

  // The current log, minus what the backup already holds (a backup of this same store has the
  // older entries), sealed with the restored vault's key. Without seq: appended in order.
  const backupAuditIds = new Set(plan.tables.audit.map((r) => String(r.id)));
  const kept = current.entries.filter((e) => !backupAuditIds.has(e.id));
  const keptRows = await Promise.all(
    kept.map(({ seq: _seq, ...entry }) => sealRecord('audit', entry, plan.backupKey)),
  );
  const restoreRow = await sealRecord(
    'audit',
    {
      id: newId(),
      at: nowIso(),
      action: 'backup.restore',
      entity: 'backup',
      ...(auditActor() ? { actorId: auditActor() } : {}),
      details: {
        backupCreatedAt: plan.header.createdAt,
        keptAuditEntries: kept.length,
        retentionDeletedLeftOut: leaveOut.size,
        retentionDeletedReintroduced: reintroduced,
        ...(current.unreadable > 0 ? { previousAuditUnreadable: current.unreadable } : {}),
      },
    },
    plan.backupKey,
  );

  const RESTORE_SLICE = 500;
  await db.transaction('rw', db.tables, async () => {
    for (const name of ALL_TABLES) await db.rows(name).clear();
    let done = 0;
    for (const name of ALL_TABLES) {
      const rows = name === 'vault' ? vaultRows : tables[name];
      // In slices: IndexedDB clones each row on the page's thread when it is added, so one
      // bulkAdd of a large table is one long task that freezes the window (8.7 s for the
      // 10,000-household store). Slices awaited inside the same transaction keep the restore
      // all-or-nothing and let the page paint between them.
      for (let i = 0; i < rows.length; i += RESTORE_SLICE) await db.rows(name).bulkAdd(rows.slice(i, i + RESTORE_SLICE));
      onProgress?.('write', ++done / ALL_TABLES.length);
    }
    if (keptRows.length) await db.audit.bulkAdd(keptRows);
    await db.audit.add(restoreRow);
  });
  return { keptAuditEntries: kept.length, leftOut: leaveOut.size };
}
