import { AuditEntrySchema, type AuditAction, type AuditEntry, type AuditInput } from '@shared/domain/audit';
import { writeCsv } from '@shared/export/csv';
import type { StoredRow, WijktafelDB } from '../../db';
import { sealRecord } from '../../records';
import { getSession, type Session } from '../../session';
import { newId, nowIso, open, seal } from '../kit';

/**
 * Append-only audit log: who did what, when, on which record — never the content.
 * Entries are sealed with the data key like any other record. There is no update or
 * delete function here on purpose.
 */
export { AUDIT_ACTIONS, AuditEntrySchema, type AuditAction, type AuditEntry, type AuditInput } from '@shared/domain/audit';

/**
 * The writers other stores and use cases call inside their own transaction (which names
 * db.audit in its scope): the audit table is touched only here.
 */
export function writeAudit(db: WijktafelDB, row: StoredRow): Promise<unknown> {
  return db.audit.add(row);
}

export function writeAudits(db: WijktafelDB, rows: readonly StoredRow[]): Promise<unknown> {
  return db.audit.bulkAdd([...rows]);
}

let actorId: string | undefined;
/** The current user's team-member id, set after unlock. */
export function setAuditActor(id: string | undefined): void {
  actorId = id;
}

/** The current user's team-member id, as set after unlock (undefined before a team exists). */
export function auditActor(): string | undefined {
  return actorId;
}

export async function sealAudit(input: AuditInput) {
  return seal('audit', { id: newId(), at: nowIso(), actorId, ...input });
}

export async function appendAudit(input: AuditInput): Promise<void> {
  const row = await sealAudit(input);
  await getSession().db.audit.add(row);
}

/**
 * The lock entry is written after the session is gone from the app (so nothing else can read
 * while locking), with the session that is being closed.
 */
export async function appendAuditWith(session: Session, input: AuditInput): Promise<void> {
  const row = await sealRecord('audit', { id: newId(), at: nowIso(), actorId, ...input }, session.dataKey);
  await session.db.audit.add(row);
}

export async function listAudit(limit = 500): Promise<AuditEntry[]> {
  const rows = await getSession().db.audit.orderBy('seq').reverse().limit(limit).toArray();
  return Promise.all(rows.map((r) => open('audit', r, AuditEntrySchema)));
}

export type AuditFilter = {
  /** Inclusive ISO dates (YYYY-MM-DD), compared against the plain `at` index. */
  from?: string | undefined;
  to?: string | undefined;
  actions?: readonly AuditAction[] | undefined;
  actorId?: string | undefined;
  /** A record id (e.g. a household's id), matched exactly. */
  entityId?: string | undefined;
};

/**
 * Entries matching a filter, newest first. The date range narrows on the plain `at` index;
 * action, actor and record are inside the sealed payload, so they are filtered after opening.
 */
export async function queryAudit(filter: AuditFilter = {}, limit = Infinity): Promise<AuditEntry[]> {
  const db = getSession().db;
  const lower = filter.from ? `${filter.from}T00:00:00.000Z` : '';
  const upper = filter.to ? `${filter.to}T23:59:59.999Z` : '\uffff';
  const rows = await db.audit.where('at').between(lower, upper, true, true).reverse().toArray();
  const out: AuditEntry[] = [];
  // Open in batches: a large log must not start thousands of decryptions at once.
  for (let i = 0; i < rows.length && out.length < limit; i += 200) {
    const opened = await Promise.all(rows.slice(i, i + 200).map((r) => open('audit', r, AuditEntrySchema)));
    for (const e of opened) {
      if (filter.actions?.length && !filter.actions.includes(e.action)) continue;
      if (filter.actorId && e.actorId !== filter.actorId) continue;
      if (filter.entityId && e.entityId !== filter.entityId) continue;
      out.push(e);
      if (out.length >= limit) break;
    }
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : (b.seq ?? 0) - (a.seq ?? 0)));
}

/**
 * How many entries with one of `actions` were written after `sinceIso` (exclusive). Narrows on
 * the plain `at` index; the action is inside the sealed payload, so those rows are opened.
 */
export async function countAuditSince(actions: readonly AuditAction[], sinceIso: string): Promise<number> {
  const rows = await getSession().db.audit.where('at').above(sinceIso).toArray();
  let n = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const opened = await Promise.all(rows.slice(i, i + 200).map((r) => open('audit', r, AuditEntrySchema)));
    n += opened.filter((e) => actions.includes(e.action)).length;
  }
  return n;
}

/**
 * The audit log as CSV: when, who (team member name), what, which record (type and id), and the
 * non-content details. Holds no resident data because the log holds none.
 */
export function auditToCsv(
  entries: readonly AuditEntry[],
  actorName: (id: string | undefined) => string,
  header: readonly [string, string, string, string, string, string],
): string {
  const rows: string[][] = [[...header]];
  for (const e of entries) {
    const details = e.details
      ? Object.entries(e.details)
          .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`)
          .join('; ')
      : '';
    rows.push([e.at, actorName(e.actorId), e.action, e.entity ?? '', e.entityId ?? '', details]);
  }
  // The app's one CSV writer: a spreadsheet must never run a cell as a formula (CSV injection).
  return writeCsv(rows, { separator: ',', newline: '\r\n' });
}
