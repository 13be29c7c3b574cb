import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { fieldErrors, type FieldErrors } from './errors';

/**
 * Form state validated by one zod schema from shared/ (CONVENTIONS.md: one schema per form,
 * shared with the domain). `validate()` returns the parsed value or null and fills `errors`
 * (i18n keys by dotted path) for the fields.
 */
export function useZodForm<S extends z.ZodType, V extends Record<string, unknown>>(schema: S, initial: () => V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = useCallback((patch: Partial<V>) => setValues((v) => ({ ...v, ...patch })), []);
  const validate = useCallback((): z.output<S> | null => {
    const r = schema.safeParse(values);
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return null;
    }
    // Only when there were errors: a fresh {} would re-render the whole form on every valid submit.
    setErrors((e) => (Object.keys(e).length === 0 ? e : {}));
    return r.data;
  }, [schema, values]);
  const reset = useCallback(() => {
    setValues(initial());
    setErrors({});
  }, [initial]);
  return { values, set, setValues, errors, setErrors, validate, reset };
}
