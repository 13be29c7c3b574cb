import { z } from 'zod';
import { PartySchema } from './casefile';
import { IdSchema, IsoDateSchema, NARRATIVE_MAX, TimestampSchema, V, optionalText, requiredText } from './common';

/**
 * Feedback loops: what is owed to whom (terugkoppeling), evaluations of the plan, escalations
 * of stuck cases and the register of system barriers (knelpunten). Owned by the feedback feature.
 * Plain index fields per table are in renderer/src/data/records.ts; everything else is sealed.
 */

/** Why a duty exists. Each kind is derived from one fact, see feedback-rules.ts `dutyIdFor`. */
export const FEEDBACK_KINDS = ['intake_decision', 'plan_made', 'closure', 'action_result', 'partner_report'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** How the feedback was given. */
export const FEEDBACK_METHODS = ['telefoon', 'brief', 'email', 'in_overleg', 'persoonlijk', 'anders'] as const;
export type FeedbackMethod = (typeof FEEDBACK_METHODS)[number];

/** Stored status. "Overdue" is never stored: it follows from dueDate and today (see isDutyOverdue). */
export const FEEDBACK_STATUSES = ['open', 'gedaan'] as const;

/**
 * Who is owed the feedback. For referrer duties a copy of the referrer's details from the intake
 * (so the letter can be written even if the intake changes later); for actions the reportTo party;
 * for a partner report the team is owed it by a partner contact (`from`).
 */
export const RecipientSchema = z.object({
  kind: z.enum(['referrer', 'party', 'team']),
  referrerType: z.string().max(40).optional(),
  name: optionalText(120),
  /** As long as an organisation's own name may be (OrganisationSchema): a partner's report names it. */
  organisation: optionalText(160),
  party: PartySchema.optional(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const FeedbackDutySchema = z.object({
  /** Deterministic: `fd:<kind>:<source id>` so deriving twice creates nothing new (longer than IdSchema allows). */
  id: z.string().min(1).max(200),
  householdId: IdSchema,
  kind: z.enum(FEEDBACK_KINDS),
  /** The intake, plan, action or meeting this duty came from (the household id for closure). */
  sourceId: z.string().min(1).max(200),
  /** The date of the fact (decision, plan start, closure, action done, meeting). */
  factDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  status: z.enum(FEEDBACK_STATUSES),
  recipient: RecipientSchema,
  /** Team member who owes it (the regisseur or the action's owner); the regisseur when absent. */
  ownerId: IdSchema.optional(),
  /** For a partner report: the contact who owes the team a report. */
  fromContactId: IdSchema.optional(),
  doneAt: IsoDateSchema.optional(),
  doneHow: z.enum(FEEDBACK_METHODS, { error: V.choice }).optional(),
  doneNote: optionalText(500),
  createdAt: TimestampSchema,
});
export type FeedbackDuty = z.infer<typeof FeedbackDutySchema>;

/** What the "mark done" form edits. */
export const FeedbackDoneSchema = z.object({
  doneAt: IsoDateSchema,
  doneHow: z.enum(FEEDBACK_METHODS, { error: V.choice }),
  doneNote: optionalText(500),
});
export type FeedbackDone = z.input<typeof FeedbackDoneSchema>;

// --- Evaluation --------------------------------------------------------------------------

/** Per goal: was it reached (001:1232-1238 for what next: good enough / more / better / different). */
export const GOAL_RESULTS = ['bereikt', 'deels', 'niet_bereikt'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];
export const NEXT_STEPS = ['goed_genoeg', 'meer', 'beter', 'anders'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export const GoalEvaluationSchema = z.object({
  goalId: IdSchema,
  result: z.enum(GOAL_RESULTS, { error: V.choice }),
  next: z.enum(NEXT_STEPS, { error: V.choice }),
});

export const DomainScoreSchema = z.object({
  domainId: z.string().min(1).max(60),
  score: z.number({ error: V.score }).int({ error: V.score }).min(1, { error: V.score }).max(5, { error: V.score }),
  narrative: requiredText(NARRATIVE_MAX),
});

export const EvaluationSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  planId: IdSchema,
  date: IsoDateSchema,
  goals: z.array(GoalEvaluationSchema).max(50),
  narrative: requiredText(NARRATIVE_MAX),
  /** The domains re-scored; each is also written as an assessment row with this evaluation's id. */
  scores: z.array(DomainScoreSchema).max(40),
  nextEvaluationDate: IsoDateSchema,
  authorId: IdSchema.optional(),
  createdAt: TimestampSchema,
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/** The evaluation form: one schema for the form and the repository. */
export const EvaluationDraftSchema = z
  .object({
    date: IsoDateSchema,
    goals: z.array(GoalEvaluationSchema).max(50),
    narrative: requiredText(NARRATIVE_MAX),
    scores: z.array(DomainScoreSchema).max(40),
    nextEvaluationDate: IsoDateSchema,
  })
  .refine((d) => d.nextEvaluationDate > d.date, { path: ['nextEvaluationDate'], error: V.date });
export type EvaluationDraft = z.input<typeof EvaluationDraftSchema>;

// --- Escalation --------------------------------------------------------------------------

export const ESCALATION_REASONS = ['partner_levert_niet', 'wachtlijst', 'geen_mandaat', 'onenigheid', 'anders'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];
export const ESCALATION_STATUSES = ['open', 'opgelost'] as const;

/** One step taken on the route: when it started and who held it. */
export const EscalationLogSchema = z.object({
  step: z.number().int().min(0).max(20),
  label: requiredText(120),
  holderId: IdSchema.optional(),
  startedAt: IsoDateSchema,
  note: optionalText(1000),
});

export const EscalationSchema = z.object({
  id: IdSchema,
  householdId: IdSchema,
  status: z.enum(ESCALATION_STATUSES),
  reason: z.enum(ESCALATION_REASONS, { error: V.choice }),
  description: optionalText(2000),
  /** A copy of the team's route when the escalation started (later edits of the route don't rewrite history). */
  route: z.array(z.object({ label: requiredText(120), holderId: IdSchema.optional() })).min(1).max(10),
  log: z.array(EscalationLogSchema).min(1).max(20),
  openedAt: IsoDateSchema,
  resolvedAt: IsoDateSchema.optional(),
  resolution: optionalText(2000),
  createdAt: TimestampSchema,
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const EscalationDraftSchema = z.object({
  reason: z.enum(ESCALATION_REASONS, { error: V.choice }),
  description: optionalText(2000),
});
export type EscalationDraft = z.input<typeof EscalationDraftSchema>;

/** Used when the team has not configured a route yet (partners feature, TeamSettings.escalationRoute). */
export const DEFAULT_ESCALATION_ROUTE: readonly { label: string }[] = [
  { label: 'Coördinator wijkteam' },
  { label: 'Escalatieoverleg' },
  { label: 'Doorzettingsmacht gemeente' },
];

// --- Knelpunten ---------------------------------------------------------------------------

export const KNELPUNT_CATEGORIES = ['regel', 'wachtlijst', 'wettengat', 'budget', 'bereikbaarheid', 'anders'] as const;
export type KnelpuntCategory = (typeof KNELPUNT_CATEGORIES)[number];

/**
 * A system barrier. Not household-scoped: it is sealed with the data key and its linked
 * households are ids inside the payload, so the register can be shown without opening cases.
 */
export const KnelpuntSchema = z.object({
  id: IdSchema,
  category: z.enum(KNELPUNT_CATEGORIES, { error: V.choice }),
  /** The barrier itself ("Wachtlijst beschermd wonen"), never case details. */
  title: requiredText(120),
  description: optionalText(2000),
  householdIds: z.array(IdSchema).max(10_000),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Knelpunt = z.infer<typeof KnelpuntSchema>;

export const KnelpuntDraftSchema = z.object({
  category: z.enum(KNELPUNT_CATEGORIES, { error: V.choice }),
  title: requiredText(120),
  description: optionalText(2000),
});
export type KnelpuntDraft = z.input<typeof KnelpuntDraftSchema>;

/** Recording a result when an action is closed (follow-up). */
export const ActionResultDraftSchema = z.object({
  result: requiredText(NARRATIVE_MAX),
  completedAt: IsoDateSchema,
});
export type ActionResultDraft = z.input<typeof ActionResultDraftSchema>;
