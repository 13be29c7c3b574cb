import { z } from 'zod';
import { getSession } from '../session';
import { newId, nowIso, open, seal } from './kit';

/**
 * Append-only audit log: who did what, when, on which record — never the content.
 * Entries are sealed with the data key like any other record. There is no update or
 * delete function here on purpose.
 */
export const AUDIT_ACTIONS = [
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.passphrase-change',
  'household.create',
  'household.update',
  'household.view',
  'household.close',
  'household.delete',
  'household.anonymise',
  'plan.change',
  'handover',
  'export',
  'backup.create',
  'backup.restore',
  'import',
  'settings.change',
] as const;

export const AuditEntrySchema = z.object({
  id: z.string(),
  seq: z.number().int().optional(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actorId: z.string().optional(),
  entity: z.string().optional(),
  entityId: z.string().optional(),
  /** Non-content details only, e.g. an export's purpose and audience. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditInput = Omit<AuditEntry, 'id' | 'seq' | 'at'>;

let actorId: string | undefined;
/** The current user's team-member id, set after unlock. */
export function setAuditActor(id: string | undefined): void {
  actorId = id;
}

export async function sealAudit(input: AuditInput) {
  return seal('audit', { id: newId(), at: nowIso(), actorId, ...input });
}

export async function appendAudit(input: AuditInput): Promise<void> {
  const row = await sealAudit(input);
  await getSession().db.audit.add(row);
}

export async function listAudit(limit = 500): Promise<AuditEntry[]> {
  const rows = await getSession().db.audit.orderBy('seq').reverse().limit(limit).toArray();
  return Promise.all(rows.map((r) => open('audit', r, AuditEntrySchema)));
}
