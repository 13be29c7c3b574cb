import { PROFILE_PURPOSE, type ExportProfile } from './profiles';

/**
 * Who an export is for, as the audit log records it: a kind, and for a partner the
 * organisation's internal id. Never a name: a name in the log would be a second copy of data
 * that can change or be erased, and the log shows the organisation's current name by looking
 * the id up (features/privacy AuditLog).
 *
 * When adding an export kind: give it an audience kind here and a purpose and audience label.
 */

/** Every kind of export the app makes: the document profiles, and the audit log's own CSV. */
export type ExportKind = ExportProfile | 'audit_log';

export const AUDIENCE_KINDS = ['binnenring', 'partner', 'participants', 'management', 'household', 'referrer', 'coordinator'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export type ExportAudience =
  | Readonly<{ kind: Exclude<AudienceKind, 'partner'> }>
  | Readonly<{ kind: 'partner'; organisationId: string }>;

/** The audience of each kind; the two partner kinds carry the organisation chosen for the export. */
export const AUDIENCE_OF: Readonly<Record<Exclude<ExportKind, 'partner_pack' | 'partner_minutes'>, Exclude<AudienceKind, 'partner'>>> = {
  meeting_pack: 'binnenring',
  minutes: 'participants',
  management: 'management',
  inzage: 'household',
  referrer_letter: 'referrer',
  knelpunten: 'management',
  audit_log: 'coordinator',
};

/** The audience of an export of this kind; a partner kind needs the organisation's id. */
export function audienceFor(kind: ExportKind, organisationId?: string): ExportAudience {
  if (kind === 'partner_pack' || kind === 'partner_minutes') {
    if (!organisationId) throw new Error(`${kind} needs an organisation`);
    return { kind: 'partner', organisationId };
  }
  return { kind: AUDIENCE_OF[kind] };
}

/**
 * Purpose and audience as fixed Dutch text for the log (the log is a Dutch record like the
 * exports). Fixed per kind, so no typed text and no name reaches the log through them.
 */
export function auditLabels(kind: ExportKind): Readonly<{ purpose: string; audience: string }> {
  if (kind === 'audit_log') return { purpose: 'verantwoording', audience: 'coordinator' };
  const meta = PROFILE_PURPOSE[kind];
  return { purpose: meta.purpose, audience: meta.audience };
}
