import type { z } from 'zod';
import { openJson, sealJson } from '../crypto/aead';
import type { StoredRow, TableName } from './db';

/**
 * What may be stored in plain text, per table. EVERYTHING else of a record goes into the
 * AES-GCM payload `enc`. This is an allowlist on purpose: a new field is encrypted unless
 * someone adds it here, and tests/unit/renderer/records.test.ts fails when a stored row holds
 * a plain field that is not listed. Only non-identifying values belong here: ids, dates,
 * statuses, wijk, regisseur id — what an index needs.
 */
export const PLAIN_FIELDS = {
  vault: ['id', 'formatVersion', 'kdf', 'wrappedKey', 'recovery', 'keystore', 'createdAt', 'updatedAt'],
  settings: ['id'],
  householdKeys: ['householdId', 'wrapped'],
  households: ['id', 'status', 'wijk', 'regisseurId', 'lastActivityAt'],
  intakes: ['id', 'householdId', 'date'],
  assessments: ['id', 'householdId', 'date'],
  plans: ['id', 'householdId', 'status'],
  goals: ['id', 'householdId', 'planId'],
  actions: ['id', 'householdId', 'planId', 'goalId', 'status', 'dueDate', 'ownerId'],
  handovers: ['id', 'householdId', 'date'],
  notes: ['id', 'householdId', 'createdAt'],
  events: ['id', 'householdId', 'at'],
  organisations: ['id'],
  contacts: ['id', 'organisationId'],
  teamMembers: ['id'],
  placements: ['id', 'organisationId'],
  involvements: ['id', 'householdId', 'organisationId', 'contactId'],
  consents: ['id', 'householdId', 'organisationId'],
  invitations: ['id', 'householdId', 'contactId', 'endDate'],
  feedbackDuties: ['id', 'householdId', 'status', 'dueDate'],
  evaluations: ['id', 'householdId', 'planId', 'date'],
  escalations: ['id', 'householdId', 'status'],
  knelpunten: ['id'],
  meetings: ['id', 'date'],
  agendaItems: ['id', 'meetingId', 'householdId'],
  audit: ['seq', 'id', 'at'],
} as const satisfies Record<TableName, readonly string[]>;

/** Tables whose records belong to one household and are sealed with that household's key. */
export const HOUSEHOLD_SCOPED: ReadonlySet<TableName> = new Set<TableName>([
  'households',
  'intakes',
  'assessments',
  'plans',
  'goals',
  'actions',
  'handovers',
  'notes',
  'events',
  'involvements',
  'consents',
  'invitations',
  'feedbackDuties',
  'evaluations',
  'escalations',
  'agendaItems',
]);

/** Tables that are key material or key metadata; they are never sealed themselves. */
export const KEY_TABLES: ReadonlySet<TableName> = new Set<TableName>(['vault', 'householdKeys']);

function aadFor(table: TableName, id: unknown): string {
  return `wijktafel:${table}:${String(id)}`;
}

/** Split a record into plain index fields and a sealed payload holding everything else. */
export async function sealRecord(
  table: TableName,
  record: Readonly<Record<string, unknown>>,
  key: CryptoKey,
  idField = 'id',
): Promise<StoredRow> {
  const plainNames: readonly string[] = PLAIN_FIELDS[table];
  const row: StoredRow = {};
  const payload: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === undefined) continue;
    if (plainNames.includes(k)) row[k] = v;
    else payload[k] = v;
  }
  row.enc = await sealJson(key, payload, aadFor(table, record[idField]));
  return row;
}

/** Open a stored row and validate it; a row that fails either way is an error, never a half value. */
export async function openRecord<S extends z.ZodType>(
  table: TableName,
  row: StoredRow,
  key: CryptoKey,
  schema: S,
  idField = 'id',
): Promise<z.output<S>> {
  const { enc, ...plain } = row;
  if (!(enc instanceof Uint8Array)) throw new Error(`row in ${table} has no sealed payload`);
  const payload = await openJson(key, enc, aadFor(table, plain[idField]));
  if (typeof payload !== 'object' || payload === null) throw new Error(`row in ${table} is malformed`);
  return schema.parse({ ...payload, ...plain });
}
