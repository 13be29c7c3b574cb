import { z } from 'zod';
import { IdSchema, IsoDateSchema, NARRATIVE_MAX, TimestampSchema, V, optionalField, optionalText, requiredText } from './common';

/**
 * The case file of one household: intake, life-domain scores, the plan with goals and actions,
 * regisseur handovers and notes. All of it is household-scoped and sealed with the household's key.
 * Owned by the case-file feature; other features read these types (feedback loops, meetings, exports).
 */

export const REFERRER_TYPES = [
  'huisarts',
  'poh',
  'woningcorporatie',
  'school',
  'politie',
  'wmo_loket',
  'inwoner',
  'buren',
  'anders',
] as const;
export type ReferrerType = (typeof REFERRER_TYPES)[number];

export const INTAKE_CHANNELS = ['telefoon', 'email', 'balie', 'huisbezoek', 'overleg', 'brief', 'anders'] as const;
export const INTAKE_DECISIONS = ['oppakken', 'doorverwijzen', 'niet_oppakken'] as const;
export type IntakeDecision = (typeof INTAKE_DECISIONS)[number];

export const IntakeSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  date: IsoDateSchema,
  referrerType: z.enum(REFERRER_TYPES, { error: V.choice }),
  /** Who referred: a name and how to reach them, for the feedback the team owes them. */
  referrerName: optionalText(120),
  referrerOrganisation: optionalText(120),
  referrerContact: optionalText(200),
  channel: z.enum(INTAKE_CHANNELS, { error: V.choice }),
  /** The question in the resident's own words. */
  question: requiredText(NARRATIVE_MAX),
  decision: z.enum(INTAKE_DECISIONS).optional(),
  decisionReason: optionalText(2000),
  decidedAt: IsoDateSchema.optional(),
  createdAt: TimestampSchema,
});
export type Intake = z.infer<typeof IntakeSchema>;

/** Self-reliance score: 1 acute … 5 fully self-reliant. Counting goes with telling: a narrative is required. */
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;
export const AssessmentSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  date: IsoDateSchema,
  domainId: z.string().min(1).max(60),
  score: z.number({ error: V.score }).int({ error: V.score }).min(1, { error: V.score }).max(5, { error: V.score }),
  narrative: requiredText(NARRATIVE_MAX),
  /** Set when the score was given as part of an evaluation. */
  evaluationId: IdSchema.optional(),
  createdAt: TimestampSchema,
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const PLAN_STATUSES = ['actief', 'vervangen'] as const;
export const PlanSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  status: z.enum(PLAN_STATUSES),
  startedAt: IsoDateSchema,
  replacedAt: IsoDateSchema.optional(),
  nextEvaluationDate: IsoDateSchema.optional(),
  createdAt: TimestampSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

/**
 * A goal's work status: 'open' while it is worked on, otherwise the result it was finished with.
 * Not the latest evaluation's result (that stays in the evaluation): see feedback-rules
 * goalStatusAfterEvaluation.
 */
export const GOAL_STATUSES = ['open', 'bereikt', 'deels', 'niet_bereikt'] as const;
export const GoalSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  planId: IdSchema,
  domainId: z.string().min(1).max(60),
  /** In the resident's own words. */
  text: requiredText(2000),
  status: z.enum(GOAL_STATUSES).default('open'),
  createdAt: TimestampSchema,
});
export type Goal = z.infer<typeof GoalSchema>;

/** Eigen kracht first: actions are ordered by layer, and moving up a layer needs a reason. */
export const ACTION_LAYERS = ['eigen_kracht', 'netwerk', 'informeel', 'professioneel'] as const;
export type ActionLayer = (typeof ACTION_LAYERS)[number];

/** Who carries an action, or to whom its result is reported. */
export const PARTY_KINDS = ['team_member', 'contact', 'resident', 'network'] as const;
export const PartySchema = z.object({
  kind: z.enum(PARTY_KINDS, { error: V.choice }),
  /** Team member id or contact id, for those kinds. */
  refId: IdSchema.optional(),
  /** Free name for the resident or someone in their network (e.g. "buurvrouw Ans"). */
  name: optionalText(120),
});
export type Party = z.infer<typeof PartySchema>;

export const ACTION_STATUSES = ['open', 'gedaan', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ActionSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  planId: IdSchema,
  goalId: IdSchema,
  text: requiredText(2000),
  layer: z.enum(ACTION_LAYERS, { error: V.choice }),
  /** Required when the layer is above eigen kracht (see rules.ts). */
  layerReason: optionalText(300),
  owner: PartySchema,
  /** Plain index copy of owner.refId (a team member or contact id), for "my actions" and workload. */
  ownerId: IdSchema.optional(),
  dueDate: IsoDateSchema,
  reportTo: PartySchema,
  status: z.enum(ACTION_STATUSES),
  result: optionalText(NARRATIVE_MAX),
  completedAt: IsoDateSchema.optional(),
  /** Set when the action was agreed in a team meeting. */
  meetingId: IdSchema.optional(),
  createdAt: TimestampSchema,
});
export type Action = z.infer<typeof ActionSchema>;

export const HandoverSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  date: IsoDateSchema,
  fromId: IdSchema.optional(),
  toId: IdSchema,
  reason: requiredText(300),
  /** The warm-handover note: what the next regisseur must know, what was promised to the household. */
  note: requiredText(NARRATIVE_MAX),
  createdAt: TimestampSchema,
});
export type Handover = z.infer<typeof HandoverSchema>;

export const NoteSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  createdAt: TimestampSchema,
  authorId: IdSchema.optional(),
  text: requiredText(NARRATIVE_MAX),
  /** Internal notes are never exported, not even in an inzage export's summary sections. */
  internal: z.boolean(),
});
export type Note = z.infer<typeof NoteSchema>;

/**
 * Things that happened to a household that have no record of their own (a status change).
 * Everything else on the timeline is derived from the records themselves (see casefile-rules.ts).
 */
export const EVENT_KINDS = ['status_changed'] as const;
export const CaseEventSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  at: TimestampSchema,
  kind: z.enum(EVENT_KINDS),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  actorId: IdSchema.optional(),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

// ---------------------------------------------------------------------------------------------
// Form drafts: what each case-file form edits. Ids, timestamps and household ids are the
// repository's business. Empty form fields ('') mean "absent" (optionalField / optionalText).
// ---------------------------------------------------------------------------------------------

/** Decisions that turn a signal away need a reason; "oppakken" speaks for itself. */
const DECISIONS_NEEDING_REASON: readonly IntakeDecision[] = ['doorverwijzen', 'niet_oppakken'];

export const IntakeDraftSchema = z
  .object({
    date: IsoDateSchema,
    referrerType: z.enum(REFERRER_TYPES, { error: V.choice }),
    referrerName: optionalText(120),
    referrerOrganisation: optionalText(120),
    referrerContact: optionalText(200),
    channel: z.enum(INTAKE_CHANNELS, { error: V.choice }),
    question: requiredText(NARRATIVE_MAX),
    decision: optionalField(z.enum(INTAKE_DECISIONS, { error: V.choice })),
    decisionReason: optionalText(2000),
  })
  .superRefine((d, ctx) => {
    if (d.decision && DECISIONS_NEEDING_REASON.includes(d.decision) && !d.decisionReason) {
      ctx.addIssue({ code: 'custom', path: ['decisionReason'], message: V.reasonRequired });
    }
  });
export type IntakeDraft = z.input<typeof IntakeDraftSchema>;

export const IntakeDecisionDraftSchema = z
  .object({
    decision: z.enum(INTAKE_DECISIONS, { error: V.choice }),
    decisionReason: optionalText(2000),
    decidedAt: IsoDateSchema,
  })
  .superRefine((d, ctx) => {
    if (DECISIONS_NEEDING_REASON.includes(d.decision) && !d.decisionReason) {
      ctx.addIssue({ code: 'custom', path: ['decisionReason'], message: V.reasonRequired });
    }
  });
export type IntakeDecisionDraft = z.input<typeof IntakeDecisionDraftSchema>;

/** A form's score arrives as text ("3"); '' is "not chosen". */
const ScoreField = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
  z.number({ error: V.score }).int({ error: V.score }).min(1, { error: V.score }).max(5, { error: V.score }),
);

export const AssessmentDraftSchema = z.object({
  domainId: z.string({ error: V.choice }).min(1, { error: V.choice }).max(60),
  score: ScoreField,
  date: IsoDateSchema,
  /** Tellen en vertellen: a score never goes without a short narrative. */
  narrative: requiredText(NARRATIVE_MAX),
});
export type AssessmentDraft = z.input<typeof AssessmentDraftSchema>;

export const GoalDraftSchema = z.object({
  domainId: z.string({ error: V.choice }).min(1, { error: V.choice }).max(60),
  text: requiredText(2000),
});
export type GoalDraft = z.input<typeof GoalDraftSchema>;

/** A team member or contact must be picked; someone in the network must be named. */
export const PartyDraftSchema = PartySchema.superRefine((p, ctx) => {
  if ((p.kind === 'team_member' || p.kind === 'contact') && !p.refId) {
    ctx.addIssue({ code: 'custom', path: ['refId'], message: V.choice });
  }
  if (p.kind === 'network' && !p.name) {
    ctx.addIssue({ code: 'custom', path: ['name'], message: V.required });
  }
});

export const ActionDraftSchema = z.object({
  goalId: IdSchema,
  text: requiredText(2000),
  layer: z.enum(ACTION_LAYERS, { error: V.choice }),
  /** Required when the layer is above the goal's baseline: see casefile-rules.ts `layerNeedsReason`. */
  layerReason: optionalText(300),
  owner: PartyDraftSchema,
  dueDate: IsoDateSchema,
  reportTo: PartyDraftSchema,
});
export type ActionDraft = z.input<typeof ActionDraftSchema>;

/** Marking an action done asks what came of it: that result is what "terugkoppelen aan" hears. */
export const ActionProgressSchema = z
  .object({
    status: z.enum(ACTION_STATUSES, { error: V.choice }),
    result: optionalText(NARRATIVE_MAX),
    completedAt: optionalField(IsoDateSchema),
  })
  .superRefine((d, ctx) => {
    if (d.status === 'gedaan' && !d.result) ctx.addIssue({ code: 'custom', path: ['result'], message: V.required });
  });
export type ActionProgress = z.input<typeof ActionProgressSchema>;

export const HandoverDraftSchema = z.object({
  toId: z.string({ error: V.choice }).min(1, { error: V.choice }).max(64),
  date: IsoDateSchema,
  reason: requiredText(300),
  note: requiredText(NARRATIVE_MAX),
});
export type HandoverDraft = z.input<typeof HandoverDraftSchema>;

export const NoteDraftSchema = z.object({
  text: requiredText(NARRATIVE_MAX),
  internal: z.boolean(),
});
export type NoteDraft = z.input<typeof NoteDraftSchema>;

export const CloseDraftSchema = z.object({
  outcome: requiredText(2000),
  /** The worker saw the open actions and feedback owed and closes anyway (see closingViolations). */
  acknowledgeOpen: z.boolean().default(false),
});
export type CloseDraft = z.input<typeof CloseDraftSchema>;

export const NewPlanDraftSchema = z.object({
  startedAt: IsoDateSchema,
  nextEvaluationDate: optionalField(IsoDateSchema),
});
export type NewPlanDraft = z.input<typeof NewPlanDraftSchema>;
