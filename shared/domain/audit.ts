import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';

/**
 * The audit log's entry: who did what, when, on which record — never the content. The log
 * itself (append-only, sealed with the data key) is renderer/src/data/stores/audit/audit.ts.
 */
export const AUDIT_ACTIONS = [
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.passphrase-change',
  'vault.recovery-rotate',
  'vault.keystore-enable',
  'vault.keystore-disable',
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
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.object({
  id: IdSchema,
  seq: z.number().int().optional(),
  at: TimestampSchema,
  action: z.enum(AUDIT_ACTIONS),
  actorId: z.string().optional(),
  entity: z.string().optional(),
  entityId: z.string().optional(),
  /** Non-content details only, e.g. an export's purpose and audience. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditInput = Omit<AuditEntry, 'id' | 'seq' | 'at'>;
