import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { BackupHeader, ParsedBackupFile } from '@shared/backup/format';
import { readBackupInWorker } from '../../../data/backup-file/backup-file-client';
import { ALL_TABLES, APP_VERSION, applyRestore, countTables, openBackup, type RestorePlan, type TableCounts } from '../../../data/usecases/backup';
import { LATEST_VERSION } from '../../../data/migrations';
import { setSession } from '../../../data/session';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { Progress, TextField } from '../../../ui/Field';
import { ErrorNote } from './ErrorNote';
import { Table } from '../../../ui/Table';

/**
 * Restore in three steps: choose (or get) a file → passphrase, full check → compare and confirm.
 * Nothing is written before the last step, and the last step is one transaction.
 * The file is read and its checksum computed in a Web Worker (backup-file-client.ts), with
 * progress and a stop button: a large file never blocks the page.
 */
export function RestorePanel({ initial }: Readonly<{ initial?: { bytes: Uint8Array; name: string } | undefined }>) {
  const { t, tx } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; read: ParsedBackupFile | null } | null>(initial ? { name: initial.name, read: null } : null);
  const [header, setHeader] = useState<BackupHeader | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [plan, setPlan] = useState<RestorePlan | null>(null);
  const [now, setNow] = useState<TableCounts | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [reintroduce, setReintroduce] = useState(false);
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const fmt = useDates().stampLong;

  /** The read in progress; a newer choice (or leaving the panel) stops it. */
  const [initialRead] = useState(() => (initial ? { fraction: 0, controller: new AbortController() } : null));
  const current = useRef<AbortController | null>(initialRead?.controller ?? null);
  const [reading, setReading] = useState<{ fraction: number; controller: AbortController } | null>(initialRead);

  /** Read a file and check its frame and checksum in the worker (no passphrase needed yet). */
  function startRead(blob: Blob, controller: AbortController): Promise<ParsedBackupFile> {
    return readBackupInWorker(blob, { appVersion: APP_VERSION, schemaVersion: LATEST_VERSION }, {
      signal: controller.signal,
      onProgress: (fraction) => setReading((r) => (r && r.controller === controller ? { ...r, fraction } : r)),
    });
  }
  /** The read ended: show its result, unless a newer choice has replaced it. */
  function readDone(name: string, controller: AbortController, result: { parsed: ParsedBackupFile } | { error: unknown }) {
    if (current.current !== controller) return;
    setReading(null);
    if ('parsed' in result) {
      setFile({ name, read: result.parsed });
      setHeader(result.parsed.header);
    } else setError(result.error);
  }
  function read(blob: Blob, name: string, controller: AbortController) {
    startRead(blob, controller).then(
      (parsed) => readDone(name, controller, { parsed }),
      (error: unknown) => readDone(name, controller, { error }),
    );
  }

  /** A new file: stop reading the previous one, forget its state, read this one. */
  function pick(list: FileList | null) {
    const f = list?.[0];
    if (!f) return;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setFile({ name: f.name, read: null });
    setHeader(null);
    setPlan(null);
    setConfirm(false);
    setReintroduce(false);
    setError(null);
    setReading({ fraction: 0, controller });
    read(f, f.name, controller);
  }

  // An automatic backup handed in by the restore offer is read like a chosen file (the panel is
  // keyed by the chosen file in RestoreOffer, so `initial` does not change while it is shown).
  useEffect(() => {
    if (initial && initialRead) {
      const { controller } = initialRead;
      startRead(new Blob([initial.bytes as Uint8Array<ArrayBuffer>]), controller).then(
        (parsed) => readDone(initial.name, controller, { parsed }),
        (error: unknown) => readDone(initial.name, controller, { error }),
      );
    }
    return () => current.current?.abort();
    // Once per mount: see above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function check(e: FormEvent) {
    e.preventDefault();
    if (!file?.read) return;
    setError(null);
    setProgress({ label: t('backup.restoreChecking'), value: 0.02 });
    try {
      const p = await openBackup(file.read, passphrase, (phase, f) =>
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
          <Table className="backup-compare" caption={t('backup.restoreCompareCaption', { date: fmt(plan.header.createdAt) })} columns={[{ label: t('backup.restoreColWhat') }, { label: t('backup.restoreColNow') }, { label: t('backup.restoreColBackup') }]}>
              {shown.map((n) => (
                <tr key={n} data-table={n}>
                  <th scope="row">{tx(`backup.table.${n}`)}</th>
                  <td>{now?.[n] ?? 0}</td>
                  <td>{plan.counts[n] ?? 0}</td>
                </tr>
              ))}
          </Table>
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
      {reading ? (
        <div className="restore__reading" data-ready="backup-reading">
          <Progress label={t('backup.restoreReading')} value={reading.fraction} />
          <button type="button" className="button button--secondary" onClick={() => reading.controller.abort()}>
            {t('backup.restoreCancel')}
          </button>
        </div>
      ) : null}
      {progress ? <Progress label={progress.label} value={progress.value} /> : null}
      {error !== null ? <ErrorNote error={error} /> : null}
    </div>
  );
}
