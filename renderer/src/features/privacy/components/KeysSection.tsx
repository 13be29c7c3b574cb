import { useState, type FormEvent } from 'react';
import { WrongPassphraseError } from '../../../data/stores/vault/vault';
import { useI18n } from '../../../i18n';
import { platform } from '../../../platform';
import { TextField } from '../../../ui/Field';
import { MIN_PASSPHRASE } from '../../vault/strength';
import { useChangePassphrase, useKeystoreToggle, useRotateRecoveryKey } from '../mutations';
import { useKeystoreStatus, useVaultInfo } from '../queries';

function errorKey(e: unknown): string {
  return e instanceof WrongPassphraseError ? 'privacy.wrongPassphrase' : 'common.errorGeneric';
}

function ChangePassphrase() {
  const { t } = useI18n();
  const change = useChangePassphrase();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; confirm?: string }>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (next.length < MIN_PASSPHRASE) found.next = 'vault.passphraseTooShort';
    if (confirm !== next) found.confirm = 'vault.passphraseMismatch';
    setErrors(found);
    if (Object.keys(found).length) return;
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
        },
        onError: (err) => setErrors({ current: errorKey(err) }),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-title" className="privacy-sub">
      <h3 id="change-title">{t('privacy.changeTitle')}</h3>
      <p className="muted">{t('privacy.changeIntro')}</p>
      <TextField label={t('privacy.current')} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.current} autoComplete="current-password" required />
      <TextField label={t('privacy.next')} hint={t('vault.passphraseHint')} type="password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.next} autoComplete="new-password" required />
      <TextField label={t('privacy.nextConfirm')} type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={errors.confirm} autoComplete="new-password" required />
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? t('privacy.working') : t('privacy.changeSubmit')}
      </button>
      {change.isSuccess ? (
        <p role="status" className="privacy-ok">
          {t('privacy.changeDone')}
        </p>
      ) : null}
    </form>
  );
}

function NewRecoveryKey() {
  const { t } = useI18n();
  const rotate = useRotateRecoveryKey();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState<string | null>(null);

  if (shown) {
    return (
      <div className="privacy-sub" role="region" aria-labelledby="recovery-title">
        <h3 id="recovery-title">{t('privacy.recoveryTitle')}</h3>
        <p>{t('privacy.recoveryShown')}</p>
        <p className="recovery-key" data-testid="new-recovery-key" aria-label={t('vault.recoveryKey')}>
          {shown}
        </p>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('vault.recoveryPrint')}
        </button>{' '}
        <button type="button" className="button" onClick={() => setShown(null)}>
          {t('privacy.recoveryDone')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="privacy-sub"
      aria-labelledby="recovery-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(undefined);
        rotate.mutate(passphrase, {
          onSuccess: (key) => {
            setPassphrase('');
            setShown(key);
          },
          onError: (err) => setError(errorKey(err)),
        });
      }}
    >
      <h3 id="recovery-title">{t('privacy.recoveryTitle')}</h3>
      <p className="muted">{t('privacy.recoveryIntro')}</p>
      <TextField label={t('privacy.current')} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} error={error} autoComplete="current-password" required />
      <button type="submit" className="button button--secondary" disabled={rotate.isPending}>
        {rotate.isPending ? t('privacy.working') : t('privacy.recoverySubmit')}
      </button>
    </form>
  );
}

/** "Remember on this device": desktop only, and only with a real (not plain-text) OS key store. */
function RememberOnDevice() {
  const { t } = useI18n();
  const status = useKeystoreStatus();
  const info = useVaultInfo();
  const toggle = useKeystoreToggle();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (platform().kind !== 'electron' || !platform().keystore || !status.data) return null;
  const backend = status.data.backend;
  return (
    <div className="privacy-sub" role="region" aria-labelledby="remember-title">
      <h3 id="remember-title">{t('privacy.rememberTitle')}</h3>
      {!status.data.available ? (
        <p>{t('privacy.rememberUnavailable', { backend })}</p>
      ) : info.data?.keystore ? (
        <>
          <p>{t('privacy.rememberIsOn')}</p>
          <button type="button" className="button button--secondary" onClick={() => toggle.mutate({ enable: false })}>
            {t('privacy.rememberOff')}
          </button>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setError(undefined);
            toggle.mutate({ enable: true, passphrase }, { onSuccess: () => setPassphrase(''), onError: (err) => setError(errorKey(err)) });
          }}
        >
          <p className="muted">{t('privacy.rememberIntro', { backend })}</p>
          <TextField label={t('privacy.current')} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} error={error} autoComplete="current-password" required />
          <button type="submit" className="button button--secondary" disabled={toggle.isPending}>
            {t('privacy.rememberOn')}
          </button>
        </form>
      )}
    </div>
  );
}

export function KeysSection() {
  const { t } = useI18n();
  const info = useVaultInfo();
  const kdf = info.data;
  return (
    <section className="privacy-card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('privacy.keysTitle')}</h2>
      {kdf ? (
        <p data-testid="kdf-info">
          {kdf.measuredMs !== undefined
            ? t('privacy.kdfInfo', { memory: Math.round(kdf.memoryKiB / 1024), iterations: kdf.iterations, ms: kdf.measuredMs })
            : t('privacy.kdfInfoUnmeasured', { memory: Math.round(kdf.memoryKiB / 1024), iterations: kdf.iterations })}
        </p>
      ) : null}
      <ChangePassphrase />
      <NewRecoveryKey />
      <RememberOnDevice />
    </section>
  );
}
