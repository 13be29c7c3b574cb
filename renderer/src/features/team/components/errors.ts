import type { z } from 'zod';
import type { FieldErrors } from '../../../ui/errors';
import { fieldErrors } from '../../../ui/errors';

/** Like ui/errors fieldErrors, but keeps this feature's own rule messages (team.validation.*). */
export function teamFieldErrors(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = { ...fieldErrors(error) };
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.message.startsWith('team.')) out[path] = issue.message;
  }
  return out;
}
