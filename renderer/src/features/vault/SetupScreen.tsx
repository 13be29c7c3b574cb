import { useState, type FormEvent } from 'react';
import { appendAudit, setAuditActor } from '../../data/stores/audit/audit';
import { initialiseUser } from '../../data/stores/team/settings';
import { setSession } from '../../data/session';
import { createVault } from '../../data/stores/vault/vault';
import { useI18n } from '../../i18n';
import { Progress, TextField } from '../../ui/Field';
import { MIN_PASSPHRASE, passphraseStrength } from './strength';

type Errors = { name?: string; passphrase?: string; confirm?: string };

/** First run: choose a passphrase (twice), then see the recovery key exactly once. */
export function SetupScreen({ onDone }: Readonly<{ onDone: () => void }>) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState<number | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [stored, setStored] = useState(false);

  const strength = passphraseStrength(passphrase);
  const strengthLabel = t(
    strength === 'strong' ? 'vault.strengthStrong' : strength === 'fair' ? 'vault.strengthFair' : 'vault.strengthWeak',
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Errors = {};
    if (!name.trim()) next.name = 'validation.required';
    if (passphrase.length < MIN_PASSPHRASE) next.passphrase = 'vault.passphraseTooShort';
    if (confirm !== passphrase) next.confirm = 'vault.passphraseMismatch';
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(0.05);
    const { session, recoveryKey: key } = await createVault(passphrase, (_s, f) => setBusy(f));
    setSession(session);
    const me = await initialiseUser(name.trim());
    setAuditActor(me.id);
    await appendAudit({ action: 'vault.create' });
    setPassphrase('');
    setConfirm('');
    setBusy(null);
    setRecoveryKey(key);
  }

  if (recoveryKey) {
    return (
      <main className="gate" id="main">
        <section className="gate__card" aria-labelledby="recovery-title" data-ready="recovery">
          <h1 id="recovery-title">{t('vault.recoveryTitle')}</h1>
          <p>{t('vault.recoveryIntro')}</p>
          <p className="recovery-key" data-testid="recovery-key" aria-label={t('vault.recoveryKey')}>
            {recoveryKey}
          </p>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('vault.recoveryPrint')}
          </button>
          <div className="check">
            <input autoComplete="off" id="stored" type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
            <label htmlFor="stored">{t('vault.recoveryConfirm')}</label>
          </div>
          <button type="button" className="button" disabled={!stored} onClick={onDone}>
            {t('vault.recoveryContinue')}
          </button>
        </section>
      </main>
    );
  }

  return (
    <main className="gate" id="main">
      <form className="gate__card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="setup-title" data-ready="setup">
        <h1 id="setup-title">{t('vault.setupTitle')}</h1>
        <p>{t('vault.setupIntro')}</p>
        <TextField
          label={t('vault.yourName')}
          hint={t('vault.yourNameHint')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          required
          autoComplete="off"
        />
        <TextField
          label={t('vault.passphrase')}
          hint={t('vault.passphraseHint')}
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={errors.passphrase}
          required
          autoComplete="new-password"
        />
        <p className={`strength strength--${strength}`} aria-live="polite" data-testid="strength">
          {t('vault.strength', { level: strengthLabel })}
        </p>
        <TextField
          label={t('vault.passphraseConfirm')}
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.confirm}
          required
          autoComplete="new-password"
        />
        {busy !== null ? <Progress label={t('vault.creating')} value={busy} /> : null}
        <button type="submit" className="button" disabled={busy !== null}>
          {t('vault.createVault')}
        </button>
      </form>
    </main>
  );
}
