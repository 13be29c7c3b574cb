import { z } from 'zod';
import {
  BackupFormatError,
  encodeBackupFile,
  headerAad,
  headerForAad,
  parseBackupFile,
  parseBody,
  serializeBody,
  toTagged,
  fromTagged,
  type BackupHeader,
  type BackupTables,
} from '@shared/backup/format';
import { ActionSchema, AssessmentSchema, GoalSchema, HandoverSchema, IntakeSchema, NoteSchema, PlanSchema } from '@shared/domain/casefile';
import { HouseholdSchema } from '@shared/domain/household';
import { ConsentSchema, ContactSchema, InvitationSchema, InvolvementSchema, OrganisationSchema, PlacementSchema } from '@shared/domain/partners';
import { AppSettingsSchema, TeamMemberSchema } from '@shared/domain/team';
import { version as APP_VERSION } from '../../../../package.json';
import { DecryptError, importKek, openBytes, sealBytes, unwrapKey } from '../../crypto/aead';
import { deriveInWorker } from '../../crypto/kdf-client';
import { getDb, type StoredRow, type TableName, type WijktafelDB } from '../db';
import { LATEST_VERSION } from '../migrations';
import { HOUSEHOLD_SCOPED, openRecord, PLAIN_FIELDS, sealRecord } from '../records';
import { getSession } from '../session';
import { VaultRowSchema, type VaultRow } from '../vault';
import { AuditEntrySchema, appendAudit } from './audit';
import { newId, nowIso } from './kit';

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

/**
 * Build a backup file of the whole store. Needs an unlocked session (the data key seals it).
 * Throws BackupFormatError('no-vault') for a store without a vault: there is nothing to protect
 * and an empty file must never replace a good one.
 */
export async function createBackup(
  opts: { onProgress?: BackupProgress; now?: Date; db?: WijktafelDB } = {},
): Promise<{ bytes: Uint8Array; header: BackupHeader; fileName: string }> {
  const session = getSession();
  const db = opts.db ?? session.db;
  const tables = await readAllTables(db, opts.onProgress);
  const vault = tables.vault.find((r) => r.id === 'main');
  if (!vault) throw new BackupFormatError('no-vault');
  const counts: Record<string, number> = {};
  for (const name of ALL_TABLES) counts[name] = tables[name].length;
  const createdAt = (opts.now ?? new Date()).toISOString();
  const input = {
    appVersion: APP_VERSION,
    schemaVersion: LATEST_VERSION,
    createdAt,
    counts,
    vault: toTagged(vault) as Record<string, unknown>,
  };
  opts.onProgress?.('seal', 0);
  const plain = new TextEncoder().encode(serializeBody(tables));
  const sealed = await sealBytes(session.dataKey, plain, headerAad(headerForAad(input)));
  plain.fill(0);
  opts.onProgress?.('seal', 1);
  const bytes = encodeBackupFile(input, sealed);
  const header = parseBackupFile(bytes, { appVersion: APP_VERSION, schemaVersion: LATEST_VERSION }).header;
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
  /** An audit entry, sealed with the backup's data key, saying a restore happened. */
  auditRow: StoredRow;
};

function checkPlainFields(table: TableName, row: Record<string, unknown>): void {
  const allowed: readonly string[] = PLAIN_FIELDS[table];
  for (const k of Object.keys(row)) {
    if (k === 'enc') continue;
    if (!allowed.includes(k)) throw new BackupFormatError('record-invalid', table);
  }
}

/**
 * Validate a backup completely with the passphrase of the vault inside it. Reads nothing from
 * and writes nothing to the store. Throws BackupFormatError with a precise code.
 */
export async function openBackup(bytes: Uint8Array, passphrase: string, onProgress?: BackupProgress): Promise<RestorePlan> {
  const { header, body, aad } = parseBackupFile(bytes, { appVersion: APP_VERSION, schemaVersion: LATEST_VERSION });
  onProgress?.('check', 0.05);
  const vaultParsed = VaultRowSchema.safeParse(fromTagged(header.vault));
  if (!vaultParsed.success) throw new BackupFormatError('header-invalid');
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
  let plain: Uint8Array;
  try {
    plain = await openBytes(dataKey, body, aad);
  } catch (e) {
    // The passphrase opened the key but the body does not authenticate: header or body was edited.
    if (e instanceof DecryptError) throw new BackupFormatError('tampered');
    throw e;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new BackupFormatError('body-invalid');
  } finally {
    plain.fill(0);
  }
  const decoded: BackupTables = parseBody(text, header, ALL_TABLES);
  const tables = {} as Record<TableName, StoredRow[]>;
  for (const name of ALL_TABLES) tables[name] = (decoded[name] ?? []) as StoredRow[];

  // The vault inside must be the vault in the header (the one the passphrase opened).
  const bodyVault = tables.vault;
  if (bodyVault.length !== 1 || JSON.stringify(toTagged(bodyVault[0])) !== JSON.stringify(header.vault)) {
    throw new BackupFormatError('tampered');
  }

  // Household keys: every one must unwrap with the data key.
  const hhKeys = new Map<string, CryptoKey>();
  for (const row of tables.householdKeys) {
    checkPlainFields('householdKeys', row);
    const id = row.householdId;
    if (typeof id !== 'string' || !(row.wrapped instanceof Uint8Array) || hhKeys.has(id)) {
      throw new BackupFormatError('record-invalid', 'householdKeys');
    }
    try {
      hhKeys.set(id, await unwrapKey(row.wrapped, dataKey, householdKeyAad(id)));
    } catch {
      throw new BackupFormatError('record-invalid', 'householdKeys');
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
          if (pk === undefined || seen.has(pk)) throw new BackupFormatError('record-invalid', table);
          seen.add(pk);
          let key = dataKey;
          if (HOUSEHOLD_SCOPED.has(table)) {
            const hid = table === 'households' ? row.id : row.householdId;
            const k = typeof hid === 'string' ? hhKeys.get(hid) : undefined;
            if (!k) throw new BackupFormatError('record-invalid', table);
            key = k;
          }
          try {
            await openRecord(table, row, key, schemaFor(table, row));
          } catch {
            throw new BackupFormatError('record-invalid', table);
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
  const auditRow = await sealRecord(
    'audit',
    { id: newId(), at: nowIso(), action: 'backup.restore', entity: 'backup', details: { backupCreatedAt: header.createdAt } },
    dataKey,
  );
  return { header, counts, tables, auditRow };
}

/**
 * Replace the whole store with a validated backup, in ONE transaction over all tables: either
 * everything is replaced or (on any error, e.g. a full disk) nothing is. The OS key-store copy of
 * the passphrase key is dropped: it belongs to the machine the backup was made on.
 */
export async function applyRestore(plan: RestorePlan, db: WijktafelDB = getDb(), onProgress?: BackupProgress): Promise<void> {
  const vaultRows = plan.tables.vault.map((r) => {
    const { keystore: _machineBound, ...rest } = r;
    return rest;
  });
  await db.transaction('rw', db.tables, async () => {
    for (const name of ALL_TABLES) await db.rows(name).clear();
    let done = 0;
    for (const name of ALL_TABLES) {
      const rows = name === 'vault' ? vaultRows : plan.tables[name];
      if (rows.length) await db.rows(name).bulkAdd(rows);
      onProgress?.('write', ++done / ALL_TABLES.length);
    }
    await db.audit.add(plan.auditRow);
  });
}
