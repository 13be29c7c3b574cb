import type { z } from 'zod';

/** Field errors keyed by dotted path ("members.0.bsn"), values are i18n keys from zod issues. */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (out[path]) continue;
    out[path] = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  return out;
}
