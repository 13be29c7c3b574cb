import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useNumbers } from '../../../i18n/format';
import { platform } from '../../../platform';
import { SelectField } from '../../../ui/Field';
import { useSaveIdleMinutes, useSetContentProtection } from '../mutations';
import { useAppSettings } from '../queries';

const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;

/** Idle lock time and (desktop only) content protection against screen capture. */
export function LockSection() {
  const { t } = useI18n();
  const { plural } = useNumbers();
  const settings = useAppSettings();
  const save = useSaveIdleMinutes();
  const protect = useSetContentProtection();
  const [choice, setChoice] = useState<string | null>(null);
  const current = settings.data?.idleMinutes ?? 5;
  const value = choice ?? String(current);
  const desktop = platform().kind === 'electron';

  return (
    <section className="privacy-card" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('privacy.lockTitle')}</h2>
      <form
        className="privacy-inline"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(Number(value));
        }}
      >
        <SelectField
          label={t('privacy.idleMinutes')}
          hint={t('privacy.idleHint')}
          value={value}
          onChange={(e) => setChoice(e.target.value)}
          options={IDLE_CHOICES.map((m) => ({ value: String(m), label: plural(m, { one: 'privacy.minute', other: 'privacy.minutes' }) }))}
        />
        <button type="submit" className="button" disabled={save.isPending}>
          {t('privacy.saveLock')}
        </button>
      </form>
      {save.isSuccess ? (
        <p role="status" className="privacy-ok">
          {t('privacy.saved')}
        </p>
      ) : null}
      {desktop ? (
        <div className="check">
          <input
            autoComplete="off"
            id="content-protection"
            type="checkbox"
            checked={settings.data?.contentProtection ?? false}
            disabled={protect.isPending || !settings.data}
            onChange={(e) => protect.mutate(e.target.checked)}
            aria-describedby="content-protection-hint"
          />
          <label htmlFor="content-protection">{t('privacy.contentProtection')}</label>
          <span id="content-protection-hint" className="muted">
            {t('privacy.contentProtectionHint')}
          </span>
        </div>
      ) : null}
    </section>
  );
}
