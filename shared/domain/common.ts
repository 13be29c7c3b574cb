import { z } from 'zod';

/**
 * Validation messages are i18n keys, never user text: the renderer translates them
 * (see renderer/src/i18n). When adding a message key here, add it to the
 * `validation` catalogue in both languages.
 */
export const V = {
  required: 'validation.required',
  tooLong: 'validation.tooLong',
  date: 'validation.date',
  dateInFuture: 'validation.dateInFuture',
  bsn: 'validation.bsn',
  email: 'validation.email',
  phone: 'validation.phone',
  postcode: 'validation.postcode',
  choice: 'validation.choice',
  score: 'validation.score',
  reasonRequired: 'validation.reasonRequired',
} as const;

export const IdSchema = z.string().min(1).max(64);
export type Id = z.infer<typeof IdSchema>;

/** ISO timestamp (UTC, as produced by Date.prototype.toISOString). */
export const TimestampSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);

/** A calendar date `YYYY-MM-DD` that really exists. */
export const IsoDateSchema = z
  .string({ error: V.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: V.date })
  .refine(isRealDate, { error: V.date });

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Required, trimmed, bounded free text. */
export function requiredText(max = 200) {
  return z.string({ error: V.required }).trim().min(1, { error: V.required }).max(max, { error: V.tooLong });
}

/** Optional free text: empty strings become undefined so forms need no special casing. */
export function optionalText(max = 200) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, { error: V.tooLong }).optional(),
  );
}

/** Optional value from a form field: '' means absent. */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
}

/** Narratives may be long but not unbounded (a 1 MB paste is a mistake, not a note). */
export const NARRATIVE_MAX = 20_000;
