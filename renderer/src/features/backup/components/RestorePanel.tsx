import { useId, useState, type FormEvent } from 'react';
import type { BackupHeader } from '@shared/backup/format';
import { ALL_TABLES, applyRestore, countTables, inspectBackup, openBackup, type RestorePlan, type TableCounts } from '../../../data/repositories/backup';
import { setSession } from '../../../data/session';
import { useI18n } from '../../../i18n';
import { Progress, TextField } from '../../../ui/Field';
import { ErrorNote } from './ErrorNote';

/**
 * Restore in three steps: choose (or get) a file → passphrase, full check → compare and confirm.
 * Nothing is written before the last step, and the last step is one transaction.
 */
export function RestorePanel({ initial }: Readonly<{ initial?: { bytes: Uint8Array; name: string } | undefined }>) {
  const { t, tx, lang } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<{ bytes: Uint8Array; name: string } | null>(initial ?? null);
  const [initialCheck] = useState(() => {
    if (!initial) return { header: null, error: null };
    try {
      return { header: inspectBackup(initial.bytes), error: null };
    } catch (e) {
      return { header: null, error: e };
    }
  });
  const [header, setHeader] = useState<BackupHeader | null>(initialCheck.header);
  const [passphrase, setPassphrase] = useState('');
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [now, setNow] = useState<TableCounts | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [reintroduce, setReintroduce] = useState(false);
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [error, setError] = useState<unknown>(initialCheck.error);
  const [done, setDone] = useState(false);
  const fmt = (iso: string) => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

  /** A new file: forget the previous one's state and check its frame (no passphrase needed yet). */
  function load(next: { bytes: Uint8Array; name: string }) {
    setFile(next);
    setPlan(null);
    setConfirm(false);
    setReintroduce(false);
    try {
      setHeader(inspectBackup(next.bytes));
      setError(null);
    } catch (e) {
      setHeader(null);
      setError(e);
    }
  }

  async function pick(list: FileList | null) {
    const f = list?.[0];
    if (!f) return;
    try {
      load({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name });
    } catch (e) {
      setError(e);
    }
  }

  async function check(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setProgress({ label: t('backup.restoreChecking'), value: 0.02 });
    try {
      const p = await openBackup(file.bytes, passphrase, (phase, f) =>
        setProgress({ label: t('backup.restoreChecking'), value: phase === 'check' ? f * 0.3 : 0.3 + f * 0.7 }),
      );
      setNow(await countTables());
      setPlan(p);
    } catch (err) {
      setError(err);
    } finally {
      setPassphrase('');
      setProgress(null);
    }
  }

  async function restore() {
    if (!plan) return;
    setError(null);
    setProgress({ label: t('backup.restoring'), value: 0 });
    try {
      await applyRestore(plan, undefined, (_p, f) => setProgress({ label: t('backup.restoring'), value: f }), { reintroduceDeleted: reintroduce });
      setDone(true);
      // The restored vault has its own key: drop the current one and go back to the unlock gate.
      setSession(null);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  if (done) {
    return (
      <div className="notice" role="status" data-ready="restored">
        <p>{t('backup.restored')}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('backup.toUnlock')}
        </button>
      </div>
    );
  }

  const shown = plan ? ALL_TABLES.filter((n) => (now?.[n] ?? 0) > 0 || (plan.counts[n] ?? 0) > 0) : [];
  return (
    // data-file names the file whose state is shown, so a test (or a reader of the DOM) knows
    // the panel has caught up with the latest choice.
    <div className="restore" data-ready="restore" data-file={file?.name}>
      {!initial ? (
        <div className="field">
          <label htmlFor={fileId}>{t('backup.restoreFile')}</label>
          <input autoComplete="off" id={fileId} type="file" accept=".wijktafel,application/octet-stream" onChange={(e) => void pick(e.target.files)} />
        </div>
      ) : null}
      {header && !plan ? (
        <form onSubmit={(e) => void check(e)} noValidate>
          <p data-ready="backup-inspected">{t('backup.restoreFileOk', { date: fmt(header.createdAt), version: header.appVersion })}</p>
          <TextField
            label={t('backup.restorePassphrase')}
            hint={t('backup.restorePassphraseHint')}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="off"
            required
          />
          <button type="submit" className="button" disabled={progress !== null || passphrase.length === 0}>
            {t('backup.restoreCheck')}
          </button>
        </form>
      ) : null}
      {plan ? (
        <div data-ready="restore-plan">
          <h3>{t('backup.restoreCompareTitle')}</h3>
          <table className="table backup-compare">
            <caption>{t('backup.restoreCompareCaption', { date: fmt(plan.header.createdAt) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.restoreColWhat')}</th>
                <th scope="col">{t('backup.restoreColNow')}</th>
                <th scope="col">{t('backup.restoreColBackup')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((n) => (
                <tr key={n} data-table={n}>
                  <th scope="row">{tx(`backup.table.${n}`)}</th>
                  <td>{now?.[n] ?? 0}</td>
                  <td>{plan.counts[n] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.retentionDeleted.length > 0 ? (
            <div className="notice" data-testid="restore-retention-deleted">
              <p>
                {t('backup.restoreDeletedWarn', {
                  count: plan.retentionDeleted.length,
                  ids: plan.retentionDeleted.map((id) => id.slice(0, 8)).join(', '),
                })}
              </p>
              <div className="check">
                <input autoComplete="off" id={`${fileId}-reintroduce`} type="checkbox" checked={reintroduce} onChange={(e) => setReintroduce(e.target.checked)} />
                <label htmlFor={`${fileId}-reintroduce`}>{t('backup.restoreDeletedReintroduce', { count: plan.retentionDeleted.length })}</label>
              </div>
            </div>
          ) : null}
          <p className="muted">{t('backup.restoreKeepsAudit')}</p>
          <div className="check">
            <input autoComplete="off" id={`${fileId}-confirm`} type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
            <label htmlFor={`${fileId}-confirm`}>{t('backup.restoreConfirm')}</label>
          </div>
          <button type="button" className="button button--danger" disabled={!confirm || progress !== null} onClick={() => void restore()}>
            {t('backup.restoreButton')}
          </button>
        </div>
      ) : null}
      {progress ? <Progress label={progress.label} value={progress.value} /> : null}
      {error !== null ? <ErrorNote error={error} /> : null}
    </div>
  );
}
