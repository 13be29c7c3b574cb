import { z } from 'zod';
import { daysBetween } from '../dates';
import { IdSchema, IsoDateSchema, NARRATIVE_MAX, TimestampSchema, V, optionalText, requiredText } from './common';

/**
 * Team composition is data, not code: "hét sociale team bestaat niet".
 * Owned by the partners-and-rings feature; read by the case file, feedback loops and meetings.
 */

export const TEAM_MODELS = ['vast_team', 'netwerk', 'casusregie'] as const;
export type TeamModel = (typeof TEAM_MODELS)[number];
export const RINGS = ['binnenring', 'buitenring', 'invliegen'] as const;
export type Ring = (typeof RINGS)[number];
export const SHELLS = ['eerste', 'tweede'] as const;
export type Shell = (typeof SHELLS)[number];

export const ORGANISATION_TYPES = [
  'amw',
  'welzijn',
  'mee',
  'wijkverpleging',
  'gemeente_wmo',
  'sociaal_raadslieden',
  'ggz',
  'ggd_jgz',
  'jeugdzorg',
  'huisarts_poh',
  'woningcorporatie',
  'schuldhulp',
  'politie',
  'vrijwilligers',
  'ervaringsdeskundige',
  'anders',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const LifeDomainSchema = z.object({ id: z.string().min(1).max(60), label: requiredText(80), active: z.boolean().default(true) });
export type LifeDomain = z.infer<typeof LifeDomainSchema>;

/** The default life domains (DOMAIN.md); a team edits labels and may add or retire domains. */
export const DEFAULT_LIFE_DOMAINS: readonly LifeDomain[] = [
  { id: 'financien', label: 'Financiën', active: true },
  { id: 'werk', label: 'Werk en dagbesteding', active: true },
  { id: 'huisvesting', label: 'Huisvesting', active: true },
  { id: 'relaties', label: 'Huiselijke relaties', active: true },
  { id: 'opvoeding', label: 'Opvoeding', active: true },
  { id: 'ggz', label: 'Geestelijke gezondheid', active: true },
  { id: 'gezondheid', label: 'Lichamelijke gezondheid', active: true },
  { id: 'middelen', label: 'Middelengebruik', active: true },
  { id: 'vaardigheden', label: 'Praktische vaardigheden', active: true },
  { id: 'netwerk', label: 'Sociaal netwerk', active: true },
  { id: 'participatie', label: 'Participatie', active: true },
  { id: 'justitie', label: 'Justitie', active: true },
  { id: 'veiligheid', label: 'Veiligheid', active: true },
];

export const CONSENT_PURPOSES = ['bespreken', 'delen', 'verwijzen'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const LEGAL_BASES = ['toestemming', 'wettelijke_taak', 'vitaal_belang', 'overeenkomst', 'gerechtvaardigd_belang'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const INVITATION_KINDS = ['meeting', 'period'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export const EscalationStepSchema = z.object({ label: requiredText(120), holderId: IdSchema.optional() });

export const TeamSettingsSchema = z.object({
  id: z.literal('team'),
  name: requiredText(120),
  model: z.enum(TEAM_MODELS, { error: V.choice }),
  wijken: z.array(requiredText(80)).max(50),
  meeting: z.object({
    everyWeeks: z.number().int().min(1).max(12),
    weekday: z.number().int().min(1).max(7),
    lengthMinutes: z.number().int().min(15).max(480),
  }),
  lifeDomains: z.array(LifeDomainSchema).min(1).max(40),
  flags: z.array(requiredText(60)).max(30),
  alsoKnownByOptions: z.array(requiredText(60)).max(30),
  escalationRoute: z.array(EscalationStepSchema).max(10),
  retentionMonths: z.number().int().min(1).max(600),
  feedbackDueWorkingDays: z.number().int().min(1).max(60).default(10),
  evaluationMonths: z.number().int().min(1).max(24).default(3),
  inactivityWeeks: z.number().int().min(1).max(52).default(6),
  maxProfessionals: z.number().int().min(1).max(30).default(5),
  /** The legal basis the team chose per purpose (PRIVACY.md: consent is not the only basis). */
  legalBasis: z.record(z.enum(CONSENT_PURPOSES), z.enum(LEGAL_BASES)).optional(),
  /** True while the team is the example loaded for trying the app (shown as such everywhere). */
  example: z.boolean().optional(),
  updatedAt: TimestampSchema,
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: requiredText(160),
  type: z.enum(ORGANISATION_TYPES, { error: V.choice }),
  description: optionalText(1000),
  /** Loaded with the example team; marked in the UI and removable in one go. */
  example: z.boolean().optional(),
  createdAt: TimestampSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const ContactSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  name: requiredText(120),
  role: optionalText(120),
  phone: optionalText(40),
  email: optionalText(200),
  backupContactId: IdSchema.optional(),
  active: z.boolean().default(true),
  leftAt: IsoDateSchema.optional(),
  successorId: IdSchema.optional(),
  /** The warm-handover note written when this contact left (what the successor must know). */
  handoverNote: optionalText(NARRATIVE_MAX),
  example: z.boolean().optional(),
  createdAt: TimestampSchema,
});
export type Contact = z.infer<typeof ContactSchema>;

export const PlacementSchema = z.object({
  id: IdSchema,
  organisationId: IdSchema,
  ring: z.enum(RINGS, { error: V.choice }),
  shell: z.enum(SHELLS).optional(),
  reason: requiredText(500),
  updatedAt: TimestampSchema,
});
export type Placement = z.infer<typeof PlacementSchema>;

/** Ordered from light to heavy: informeren → afstemmen → afwegen → doorzetten. */
export const INVOLVEMENT_LEVELS = ['informeren', 'afstemmen', 'afwegen', 'doorzetten'] as const;
export type InvolvementLevel = (typeof INVOLVEMENT_LEVELS)[number];
export const InvolvementSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  organisationId: IdSchema,
  contactId: IdSchema.optional(),
  level: z.enum(INVOLVEMENT_LEVELS, { error: V.choice }),
  since: IsoDateSchema,
  role: optionalText(300),
  endedAt: IsoDateSchema.optional(),
  createdAt: TimestampSchema,
});
export type Involvement = z.infer<typeof InvolvementSchema>;

export const ConsentSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  organisationId: IdSchema,
  purpose: z.enum(CONSENT_PURPOSES, { error: V.choice }),
  /** Which household member gave it (member id) or a free description ("moeder, namens de kinderen"). */
  givenBy: requiredText(160),
  givenAt: IsoDateSchema,
  scope: optionalText(500),
  expiresAt: IsoDateSchema.optional(),
  withdrawnAt: IsoDateSchema.optional(),
  createdAt: TimestampSchema,
});
export type Consent = z.infer<typeof ConsentSchema>;

export const InvitationSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  organisationId: IdSchema,
  contactId: IdSchema,
  purpose: z.enum(CONSENT_PURPOSES, { error: V.choice }),
  kind: z.enum(INVITATION_KINDS, { error: V.choice }),
  meetingId: IdSchema.optional(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  note: optionalText(500),
  /** Ended early by hand; otherwise an invitation ends by itself after endDate (see partner-rules). */
  cancelledAt: IsoDateSchema.optional(),
  createdAt: TimestampSchema,
});
export type Invitation = z.infer<typeof InvitationSchema>;

/*
 * Form drafts: what a user fills in. Ids and timestamps are added by the repositories.
 * Messages under `team.validation.*` are this feature's own rule messages (translated by the team UI).
 */
export const TEAM_VALIDATION = {
  endBeforeStart: 'team.validation.endBeforeStart',
  expiryBeforeGiven: 'team.validation.expiryBeforeGiven',
  shellRequired: 'team.validation.shellRequired',
  meetingOneDay: 'team.validation.meetingOneDay',
  periodTooLong: 'team.validation.periodTooLong',
  successorSame: 'team.validation.successorSame',
  backupSelf: 'team.validation.backupSelf',
} as const;

/** The longest an invitation for a period may run: invliegen is for a limited time, not a seat at the table. */
export const MAX_INVITATION_DAYS = 92;

export const TeamSettingsDraftSchema = TeamSettingsSchema.omit({ id: true, updatedAt: true });
export type TeamSettingsDraft = z.input<typeof TeamSettingsDraftSchema>;

export const OrganisationDraftSchema = OrganisationSchema.pick({ name: true, type: true, description: true });
export type OrganisationDraft = z.input<typeof OrganisationDraftSchema>;

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), IdSchema.optional());
const optionalDate = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), IsoDateSchema.optional());

export const ContactDraftSchema = z.object({
  organisationId: IdSchema,
  name: requiredText(120),
  role: optionalText(120),
  phone: optionalText(40),
  email: optionalText(200),
  backupContactId: optionalId,
});
export type ContactDraft = z.input<typeof ContactDraftSchema>;

export const PlacementDraftSchema = z
  .object({
    organisationId: IdSchema,
    ring: z.enum(RINGS, { error: V.choice }),
    shell: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SHELLS, { error: V.choice }).optional()),
    reason: requiredText(500),
  })
  .superRefine((p, ctx) => {
    // The buitenring has two shells (002:490-498); the other rings have none.
    if (p.ring === 'buitenring' && !p.shell) ctx.addIssue({ code: 'custom', path: ['shell'], message: TEAM_VALIDATION.shellRequired });
  })
  .transform((p) => (p.ring === 'buitenring' ? p : { ...p, shell: undefined }));
export type PlacementDraft = z.input<typeof PlacementDraftSchema>;

export const TeamMemberDraftSchema = z.object({
  name: requiredText(120),
  organisationId: optionalId,
  hoursPerWeek: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
    z.number({ error: V.choice }).min(0, { error: V.choice }).max(60, { error: V.choice }).optional(),
  ),
  specialism: optionalText(120),
  active: z.boolean().default(true),
});
export type TeamMemberDraft = z.input<typeof TeamMemberDraftSchema>;

export const InvolvementDraftSchema = z.object({
  householdId: IdSchema,
  organisationId: IdSchema,
  contactId: optionalId,
  level: z.enum(INVOLVEMENT_LEVELS, { error: V.choice }),
  since: IsoDateSchema,
  role: optionalText(300),
});
export type InvolvementDraft = z.input<typeof InvolvementDraftSchema>;

export const ConsentDraftSchema = z
  .object({
    householdId: IdSchema,
    organisationId: IdSchema,
    purpose: z.enum(CONSENT_PURPOSES, { error: V.choice }),
    givenBy: requiredText(160),
    givenAt: IsoDateSchema,
    scope: optionalText(500),
    expiresAt: optionalDate,
  })
  .superRefine((c, ctx) => {
    if (c.expiresAt && c.expiresAt < c.givenAt) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: TEAM_VALIDATION.expiryBeforeGiven });
  });
export type ConsentDraft = z.input<typeof ConsentDraftSchema>;

export const InvitationDraftSchema = z
  .object({
    householdId: IdSchema,
    organisationId: IdSchema,
    contactId: IdSchema,
    purpose: z.enum(CONSENT_PURPOSES, { error: V.choice }),
    kind: z.enum(INVITATION_KINDS, { error: V.choice }),
    meetingId: optionalId,
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    note: optionalText(500),
  })
  .superRefine((inv, ctx) => {
    if (inv.endDate < inv.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: TEAM_VALIDATION.endBeforeStart });
      return;
    }
    if (inv.kind === 'meeting' && inv.endDate !== inv.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: TEAM_VALIDATION.meetingOneDay });
    if (inv.kind === 'period' && daysBetween(inv.startDate, inv.endDate) > MAX_INVITATION_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: TEAM_VALIDATION.periodTooLong });
    }
  });
export type InvitationDraft = z.input<typeof InvitationDraftSchema>;

export const ContactReplacementSchema = z
  .object({
    contactId: IdSchema,
    successorId: IdSchema,
    leftAt: IsoDateSchema,
    /** The handover prompt: what the successor must know. Required: a handover is warm or it is not one. */
    handoverNote: requiredText(NARRATIVE_MAX),
  })
  .superRefine((r, ctx) => {
    if (r.contactId === r.successorId) ctx.addIssue({ code: 'custom', path: ['successorId'], message: TEAM_VALIDATION.successorSame });
  });
export type ContactReplacement = z.input<typeof ContactReplacementSchema>;

/** Whole days from `from` to `to` (shared/dates.ts; re-exported for the partner rules' callers). */
export { daysBetween } from '../dates';
