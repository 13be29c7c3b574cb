import type { z } from 'zod';
import { openJson, sealJson } from '../crypto/aead';
import type { StoredRow, TableName } from './db';

/**
 * Why a value may sit outside the ciphertext. Every plain field below points to one of these:
 * a reviewer reads here why it does not identify a resident. Plain fields exist only because
 * IndexedDB can index nothing else (lists, "my actions", due dates, crypto-shredding by household).
 */
const WHY = {
  id: 'random UUID made by the app; carries no meaning and no personal data',
  householdId: 'random UUID of the household the row belongs to; needed to find (and crypto-shred) all of its rows',
  foreignId: 'random UUID of another record (organisation, contact, plan, goal, meeting); no personal data',
  teamMemberId: 'random UUID of a team member (a worker, not a resident); used for "my cases" and workload',
  status: 'one value of a small fixed workflow enum (e.g. aangemeld/actief/afgesloten); says nothing about who',
  date: 'a calendar date of a work event (intake, meeting, due date); on its own, without any name, it identifies no one',
  timestamp: 'when the app changed the record; ordering only, no content',
  wijk: 'the neighbourhood from the team\'s own list: shared by thousands of residents, needed to filter per wijk',
  auditSeq: 'auto-increment number of the append-only audit log; ordering only',
  formatVersion: 'the vault format number',
  keyMaterial: 'key material that is itself encrypted (wrapped) or public KDF parameters (salt, cost); nothing readable',
} as const;

/**
 * What may be stored in plain text, per table, each with its reason (WHY). EVERYTHING else of
 * a record goes into the AES-GCM payload `enc`. This is an allowlist on purpose: a new field is
 * encrypted unless someone adds it here with a reason, and tests/unit/renderer/records.test.ts
 * walks every domain schema and fails when a string field would be stored plain without being
 * here (and, for free text, without being in PLAIN_FREE_TEXT).
 */
export const PLAIN_FIELD_REASONS = {
  vault: {
    id: WHY.id,
    formatVersion: WHY.formatVersion,
    kdf: WHY.keyMaterial,
    wrappedKey: WHY.keyMaterial,
    recovery: WHY.keyMaterial,
    keystore: WHY.keyMaterial,
    createdAt: WHY.timestamp,
    updatedAt: WHY.timestamp,
  },
  settings: { id: 'fixed row name (app, team)' },
  householdKeys: { householdId: WHY.householdId, wrapped: WHY.keyMaterial },
  households: { id: WHY.householdId, status: WHY.status, wijk: WHY.wijk, regisseurId: WHY.teamMemberId, lastActivityAt: WHY.timestamp },
  intakes: { id: WHY.id, householdId: WHY.householdId, date: WHY.date },
  assessments: { id: WHY.id, householdId: WHY.householdId, date: WHY.date },
  plans: { id: WHY.id, householdId: WHY.householdId, status: WHY.status },
  goals: { id: WHY.id, householdId: WHY.householdId, planId: WHY.foreignId },
  actions: {
    id: WHY.id,
    householdId: WHY.householdId,
    planId: WHY.foreignId,
    goalId: WHY.foreignId,
    status: WHY.status,
    dueDate: WHY.date,
    ownerId: 'random UUID of a team member or a partner contact (a professional, not a resident)',
  },
  handovers: { id: WHY.id, householdId: WHY.householdId, date: WHY.date },
  notes: { id: WHY.id, householdId: WHY.householdId, createdAt: WHY.timestamp },
  events: { id: WHY.id, householdId: WHY.householdId, at: WHY.timestamp },
  organisations: { id: WHY.id },
  contacts: { id: WHY.id, organisationId: WHY.foreignId },
  teamMembers: { id: WHY.teamMemberId },
  placements: { id: WHY.id, organisationId: WHY.foreignId },
  involvements: { id: WHY.id, householdId: WHY.householdId, organisationId: WHY.foreignId, contactId: WHY.foreignId },
  consents: { id: WHY.id, householdId: WHY.householdId, organisationId: WHY.foreignId },
  invitations: { id: WHY.id, householdId: WHY.householdId, contactId: WHY.foreignId, endDate: WHY.date },
  feedbackDuties: { id: WHY.id, householdId: WHY.householdId, status: WHY.status, dueDate: WHY.date },
  evaluations: { id: WHY.id, householdId: WHY.householdId, planId: WHY.foreignId, date: WHY.date },
  escalations: { id: WHY.id, householdId: WHY.householdId, status: WHY.status },
  knelpunten: { id: WHY.id },
  meetings: { id: WHY.id, date: WHY.date },
  agendaItems: { id: WHY.id, meetingId: WHY.foreignId, householdId: WHY.householdId },
  audit: { seq: WHY.auditSeq, id: WHY.id, at: WHY.timestamp },
} as const satisfies Record<TableName, Readonly<Record<string, string>>>;

type PlainFields = { readonly [T in TableName]: readonly (keyof (typeof PLAIN_FIELD_REASONS)[T] & string)[] };

/** The plain field names per table (derived from PLAIN_FIELD_REASONS). */
export const PLAIN_FIELDS: PlainFields = Object.fromEntries(
  Object.entries(PLAIN_FIELD_REASONS).map(([table, reasons]) => [table, Object.keys(reasons)]),
) as unknown as PlainFields;

/**
 * Plain fields that are free text in their schema (not an id, enum, date or timestamp).
 * Each is a deliberate exception, justified in PLAIN_FIELD_REASONS. Anything typed by a
 * worker about a resident must never be listed here.
 */
export const PLAIN_FREE_TEXT: Readonly<Partial<Record<TableName, readonly string[]>>> = {
  households: ['wijk'],
};

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
