import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n';

/**
 * Every control says autocomplete="off" unless the caller says otherwise (only a passphrase
 * field may, with current-/new-password; the lint rule allows nothing else): Chromium then keeps
 * no form state of it for session restore and puts nothing of it in its autofill table, which
 * would hold resident data in plain text outside the encrypted store (PRIVACY.md "At rest").
 */
type Common = Readonly<{ label: string; hint?: string; error?: string | undefined; required?: boolean }>;

/** Label, hint and error wired to the control with aria attributes, so screen readers read all three. */
function useFieldIds(error?: string, hint?: string) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Frame({
  id,
  label,
  hint,
  hintId,
  error,
  errorId,
  required,
  children,
}: Readonly<{ id: string; hintId?: string | undefined; errorId?: string | undefined; children: ReactNode }> & Common) {
  const { t, tx } = useI18n();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <div className="field__label">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label so the accessible name stays the plain label; aria-required says it. */}
        {required ? (
          <span className="field__req" aria-hidden="true">
            {` (${t('common.required')})`}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {tx(error)}
        </p>
      ) : null}
    </div>
  );
}

/** The id and aria wiring every control gets (autoComplete="off" stays on the element, where the lint rule sees it). */
function controlProps(ids: ReturnType<typeof useFieldIds>, error: string | undefined, required: boolean | undefined) {
  return {
    id: ids.id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.describedBy,
    'aria-required': required || undefined,
  } as const;
}

export function TextField({ label, hint, error, required, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <Frame id={ids.id} hintId={ids.hintId} errorId={ids.errorId} label={label} hint={hint} error={error} required={required}>
      <input autoComplete="off" {...controlProps(ids, error, required)} {...input} />
    </Frame>
  );
}

export function TextArea({ label, hint, error, required, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <Frame id={ids.id} hintId={ids.hintId} errorId={ids.errorId} label={label} hint={hint} error={error} required={required}>
      <textarea autoComplete="off" {...controlProps(ids, error, required)} {...input} />
    </Frame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  required,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & Readonly<{ options: readonly { value: string; label: string }[] }>) {
  const ids = useFieldIds(error, hint);
  return (
    <Frame id={ids.id} hintId={ids.hintId} errorId={ids.errorId} label={label} hint={hint} error={error} required={required}>
      <select autoComplete="off" id={ids.id} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A determinate progress bar with a text label (long work must show progress). */
export function Progress({ label, value }: Readonly<{ label: string; value: number }>) {
  return (
    <div className="progress">
      <progress max={100} value={Math.round(value * 100)} aria-label={label} />
      <span className="progress__label" aria-live="polite">
        {label}
      </span>
    </div>
  );
}
