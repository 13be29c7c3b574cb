import { useEffect, useState, type FormEvent } from 'react';
import { appendAudit, setAuditActor } from '../../data/stores/audit/audit';
import { getAppSettings } from '../../data/stores/team/settings';
import { setSession, type Session } from '../../data/session';
import {
  recoverVault,
  unlockVault,
  unlockWithKeystore,
  vaultInfo,
  WrongPassphraseError,
  type Progress as Step,
} from '../../data/stores/vault/vault';
import { platform } from '../../platform';
import { useI18n, type MessageKey } from '../../i18n';
import { Progress, TextField } from '../../ui/Field';
import { MIN_PASSPHRASE } from './strength';

const STEP_LABEL: Record<Parameters<Step>[0], MessageKey> = {
  derive: 'vault.stepDerive',
  unwrap: 'vault.stepUnwrap',
  keys: 'vault.stepKeys',
  done: 'vault.stepDone',
};

export function UnlockScreen({ onUnlocked, notice }: Readonly<{ onUnlocked: () => void; notice?: string | undefined }>) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  // How many attempts were refused on this screen: shown as a data attribute so tests (and
  // assistive tooling) can tell one refusal from the next; never stored anywhere.
  const [refused, setRefused] = useState(0);
  const [progress, setProgress] = useState<{ step: Parameters<Step>[0]; value: number } | null>(null);

  // "Remember on this device" is offered only when the vault holds an OS key store copy and
  // the platform has a usable (not plain-text) key store: never in the browser.
  const [keystoreReady, setKeystoreReady] = useState(false);
  useEffect(() => {
    const keystore = platform().keystore;
    if (!keystore) return;
    let live = true;
    void Promise.all([vaultInfo(), keystore.status()])
      .then(([info, status]) => live && setKeystoreReady(Boolean(info?.keystore) && status.available))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  async function finish(session: Session, how: 'passphrase' | 'recovery' | 'keystore') {
    setSession(session);
    const settings = await getAppSettings();
    setAuditActor(settings?.currentUserId);
    // Content protection is a window property: re-apply the saved choice after every unlock.
    if (settings?.contentProtection && platform().kind === 'electron') await platform().setContentProtection(true).catch(() => false);
    await appendAudit({ action: 'vault.unlock', details: { with: how } });
    onUnlocked();
  }

  async function unlockFromKeystore() {
    const keystore = platform().keystore;
    if (!keystore) return;
    setError(undefined);
    setProgress({ step: 'unwrap', value: 0.1 });
    try {
      await finish(await unlockWithKeystore(keystore, (step, value) => setProgress({ step, value })), 'keystore');
    } catch {
      setProgress(null);
      setKeystoreReady(false);
      setError('vault.keystoreFailed');
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setProgress({ step: 'derive', value: 0.02 });
    try {
      if (mode === 'passphrase') {
        const session = await unlockVault(passphrase, (step, value) => setProgress({ step, value }));
        setPassphrase('');
        await finish(session, 'passphrase');
      } else {
        if (newPassphrase.length < MIN_PASSPHRASE) {
          setProgress(null);
          setError('vault.passphraseTooShort');
          return;
        }
        const session = await recoverVault(recoveryKey, newPassphrase);
        setRecoveryKey('');
        setNewPassphrase('');
        await finish(session, 'recovery');
      }
    } catch (err) {
      setProgress(null);
      if (err instanceof WrongPassphraseError) setError(mode === 'passphrase' ? 'vault.wrongPassphrase' : 'vault.recoveryWrong');
      else setError('vault.storageError');
      setRefused((n) => n + 1);
    }
  }

  const busy = progress !== null;
  return (
    <main className="gate" id="main">
      <form className="gate__card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="unlock-title" data-ready="unlock" data-refused={refused}>
        <h1 id="unlock-title">{t('vault.unlockTitle')}</h1>
        {notice ? <p className="notice">{notice}</p> : null}
        <p>{t('vault.unlockIntro')}</p>
        {mode === 'passphrase' ? (
          <TextField
            label={t('vault.passphrase')}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={error}
            autoComplete="current-password"
            autoFocus
            required
          />
        ) : (
          <>
            <TextField
              label={t('vault.recoveryKey')}
              value={recoveryKey}
              onChange={(e) => setRecoveryKey(e.target.value)}
              error={error}
              autoComplete="off"
              spellCheck={false}
              required
            />
            <TextField
              label={t('vault.newPassphraseAfterRecovery')}
              hint={t('vault.passphraseHint')}
              type="password"
              value={newPassphrase}
              onChange={(e) => setNewPassphrase(e.target.value)}
              autoComplete="new-password"
              required
            />
          </>
        )}
        {progress ? <Progress label={t(STEP_LABEL[progress.step])} value={progress.value} /> : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('vault.unlocking') : t('vault.unlock')}
        </button>
        {keystoreReady && mode === 'passphrase' ? (
          <button type="button" className="button button--secondary privacy-keystore" disabled={busy} onClick={() => void unlockFromKeystore()}>
            {t('vault.unlockWithDevice')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            setError(undefined);
            setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
          }}
        >
          {mode === 'passphrase' ? t('vault.useRecoveryKey') : t('vault.backToPassphrase')}
        </button>
      </form>
    </main>
  );
}
