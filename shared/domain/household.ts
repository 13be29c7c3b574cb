import { z } from 'zod';
import { isValidBsn } from './bsn';
import {
  IdSchema,
  IsoDateSchema,
  TimestampSchema,
  V,
  optionalField,
  optionalText,
  requiredText,
} from './common';

export const MEMBER_ROLES = ['ouder', 'kind', 'partner', 'inwonend', 'anders'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const HOUSEHOLD_STATUSES = ['aangemeld', 'actief', 'in_evaluatie', 'afgesloten'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const BsnSchema = z.string().trim().refine(isValidBsn, { error: V.bsn });
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{7,18}$/, { error: V.phone });
export const EmailSchema = z.string().trim().max(200, { error: V.tooLong }).pipe(z.email({ error: V.email }));
export const PostcodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { error: V.postcode })
  .transform((p) => `${p.slice(0, 4)} ${p.slice(-2).toUpperCase()}`);

/**
 * A birth date entered now must be a real date, not after `today`: the worker's local day
 * (localDay in shared/dates), passed in so the rule never reads the clock or the UTC day.
 * Stored members are not checked against the clock again (MemberSchema): a record that was valid
 * when saved stays readable.
 */
export const birthDateSchema = (today: string) => IsoDateSchema.refine((d) => d <= today, { error: V.dateInFuture });

/**
 * A household member. Every field but id and role is personal data and lives only inside
 * the encrypted payload (see renderer/src/data/records.ts). Identifying fields are optional:
 * a worker may know a resident only by first name.
 */
export const MemberSchema = z.object({
  id: IdSchema,
  role: z.enum(MEMBER_ROLES, { error: V.choice }),
  firstName: requiredText(100),
  lastName: optionalText(100),
  birthDate: optionalField(IsoDateSchema),
  bsn: optionalField(BsnSchema),
  phone: optionalField(PhoneSchema),
  email: optionalField(EmailSchema),
});
export type Member = z.infer<typeof MemberSchema>;

export const HouseholdSchema = z.object({
  id: IdSchema,
  displayName: requiredText(120),
  wijk: optionalText(80),
  status: z.enum(HOUSEHOLD_STATUSES),
  members: z.array(MemberSchema).max(30),
  address: optionalText(200),
  postcode: optionalField(PostcodeSchema),
  /** Risk or safety flags (keys of the team's flag list). */
  flags: z.array(z.string().max(60)).max(20).default([]),
  /** "Ook bekend bij": other networks involved (jeugdteam/CJG, Veilig Thuis, schuldhulp …). */
  alsoKnownBy: z.array(z.string().max(60)).max(20).default([]),
  /** Team member id of the current regisseur (exactly one while active; see shared/domain/rules). */
  regisseurId: IdSchema.optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  lastActivityAt: TimestampSchema,
  closedAt: TimestampSchema.optional(),
  outcome: optionalText(2000),
});
export type Household = z.infer<typeof HouseholdSchema>;

/** What the household form edits; ids and timestamps are the repository's business. `today`: see birthDateSchema. */
function buildDraftSchemas(today: string) {
  const member = MemberSchema.extend({ id: IdSchema.optional(), birthDate: optionalField(birthDateSchema(today)) });
  const household = z.object({
    displayName: requiredText(120),
    wijk: optionalText(80),
    address: optionalText(200),
    postcode: optionalField(PostcodeSchema),
    flags: z.array(z.string().max(60)).max(20).default([]),
    alsoKnownBy: z.array(z.string().max(60)).max(20).default([]),
    members: z.array(member).max(30),
  });
  return { today, member, household };
}

// The schemas of the last day asked for: built once per day, not per form submit or import row.
let draftSchemas = buildDraftSchemas('0000-01-01');
function draftSchemasFor(today: string) {
  if (draftSchemas.today !== today) draftSchemas = buildDraftSchemas(today);
  return draftSchemas;
}

export const memberDraftSchema = (today: string) => draftSchemasFor(today).member;
export const householdDraftSchema = (today: string) => draftSchemasFor(today).household;
export type MemberDraft = z.input<ReturnType<typeof memberDraftSchema>>;
export type HouseholdDraft = z.input<ReturnType<typeof householdDraftSchema>>;
export type ParsedHouseholdDraft = z.output<ReturnType<typeof householdDraftSchema>>;

/**
 * Risk and safety flags and "ook bekend bij" markers a team starts with when it has not
 * configured its own (TeamSettings.flags / alsoKnownByOptions). They are stored as labels,
 * like the team's own lists, so a team can rename them without a migration.
 */
export const DEFAULT_FLAGS: readonly string[] = [
  'Huiselijk geweld',
  'Zorg om veiligheid kinderen',
  'Agressie naar hulpverleners',
  'Dreigende huisuitzetting',
  'Suïcidaliteit',
];
export const DEFAULT_ALSO_KNOWN_BY: readonly string[] = [
  'Jeugdteam / CJG',
  'Veilig Thuis',
  'Schuldhulpverlening',
  'GGZ',
  'Reclassering',
  'Leerplicht',
];

/** Age in whole years on a given day, from an ISO birth date. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

/** Age bands used wherever an exact age would say too much (exports). */
export function ageBand(age: number): string {
  if (age < 4) return '0-3';
  if (age < 12) return '4-11';
  if (age < 18) return '12-17';
  if (age < 27) return '18-26';
  if (age < 45) return '27-44';
  if (age < 67) return '45-66';
  return '67+';
}
