import { z } from 'zod';
import { IdSchema, IsoDateSchema, TimestampSchema, V, optionalText, requiredText } from './common';

/**
 * Team composition is data, not code: "hét sociale team bestaat niet".
 * Owned by the partners-and-rings feature; read by the case file, feedback loops and meetings.
 */

export const TEAM_MODELS = ['vast_team', 'netwerk', 'casusregie'] as const;
export const RINGS = ['binnenring', 'buitenring', 'invliegen'] as const;
export type Ring = (typeof RINGS)[number];
export const SHELLS = ['eerste', 'tweede'] as const;

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
  updatedAt: TimestampSchema,
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: requiredText(160),
  type: z.enum(ORGANISATION_TYPES, { error: V.choice }),
  description: optionalText(1000),
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

export const INVOLVEMENT_LEVELS = ['informeren', 'afstemmen', 'afwegen', 'doorzetten'] as const;
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
  purpose: z.enum(CONSENT_PURPOSES),
  kind: z.enum(['meeting', 'period']),
  meetingId: IdSchema.optional(),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  note: optionalText(500),
  createdAt: TimestampSchema,
});
export type Invitation = z.infer<typeof InvitationSchema>;
