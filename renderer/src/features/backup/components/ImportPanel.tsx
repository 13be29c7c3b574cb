import { useEffect, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useQueryClient } from '@tanstack/react-query';
import { checkMapping, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '@shared/import/mapping';
import { importHouseholds } from '../../../data/stores/households/import';
import { ImportCancelledError, ImportWorkerClient } from '../import/import-client';
import type { ImportPhase, PlanSummary, SheetPreview } from '../import/import-protocol';
import { useI18n } from '../../../i18n';
import { Progress } from '../../../ui/Field';
import { ErrorNote } from './ErrorNote';
import { Table } from '../../../ui/Table';

/**
 * Spreadsheet import: file → column mapping → full check with a row-by-row report → one write.
 * Nothing is written before the user presses the import button after seeing the report.
 * Reading and checking run in the import worker (see import-client.ts), with progress and a
 * cancel button; the page holds only the preview and the report.
 */

export function ImportPanel() {
  const { t, tx } = useI18n();
  const qc = useQueryClient();
  const fileId = useId();
  const [sheet, setSheet] = useState<SheetPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [plan, setPlan] = useState<PlanSummary | null>(null);
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const [mappingProblems, setMappingProblems] = useState<string[]>([]);
  const [inputKey, setInputKey] = useState(0);
  /** The worker is reading or checking: show the cancel button. */
  const [working, setWorking] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const clientRef = useRef<ImportWorkerClient | null>(null);
  const client = () => (clientRef.current ??= new ImportWorkerClient());
  // Leaving the screen (or locking, which unmounts it) ends the worker and the rows it holds.
  useEffect(() => () => clientRef.current?.dispose(), []);

  /** Every progress message is rendered before the next one is handled (flushSync), so the bar moves visibly. */
  const showProgress = (phase: ImportPhase, fraction: number) =>
    flushSync(() => setProgress({ label: t(phase === 'read' ? 'backup.importReading' : 'backup.importChecking'), value: fraction }));

  function reset() {
    setSheet(null);
    setPlan(null);
    setDone(null);
    setError(null);
    setMappingProblems([]);
    setCancelled(false);
  }

  function startOver() {
    reset();
    setInputKey((k) => k + 1);
  }

  async function pick(list: FileList | null) {
    const f = list?.[0];
    if (!f) return;
    reset();
    setProgress({ label: t('backup.importReading'), value: 0 });
    setWorking(true);
    try {
      const preview = await client().read(f, showProgress);
      setSheet(preview);
      setMapping(preview.suggested);
    } catch (e) {
      if (!(e instanceof ImportCancelledError)) setError(e);
    } finally {
      setWorking(false);
      setProgress(null);
    }
  }

  async function check() {
    if (!sheet) return;
    const problems = checkMapping(mapping);
    setMappingProblems(problems);
    if (problems.length) return;
    setProgress({ label: t('backup.importChecking'), value: 0 });
    setWorking(true);
    try {
      setPlan(await client().check(mapping, showProgress));
    } catch (e) {
      if (!(e instanceof ImportCancelledError)) setError(e);
    } finally {
      setWorking(false);
      setProgress(null);
    }
  }

  /** Terminates the worker: nothing was written (writing starts only with the import button), the rows are dropped. */
  function cancel() {
    clientRef.current?.cancel();
    reset();
    setInputKey((k) => k + 1);
    setCancelled(true);
  }

  async function run() {
    if (!plan) return;
    setError(null);
    setProgress({ label: t('backup.importing'), value: 0 });
    try {
      const drafts = await client().drafts();
      const ids = await importHouseholds(drafts, (phase, f) =>
        setProgress({ label: t('backup.importing'), value: phase === 'seal' ? f * 0.9 : 0.9 + f * 0.1 }),
      );
      setDone(ids.length);
      await qc.invalidateQueries({ queryKey: ['households'] });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  const headers = sheet?.headers ?? [];
  const example = sheet?.example ?? [];
  return (
    <div className="import" data-ready={working ? 'import-working' : sheet ? (plan ? 'import-report' : 'import-mapping') : 'import'}>
      <div className="field">
        <label htmlFor={fileId}>{t('backup.importFile')}</label>
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          autoComplete="off"
          disabled={working}
          onChange={(e) => void pick(e.target.files)}
        />
      </div>
      {sheet?.encoding === 'windows-1252' ? <p className="notice" data-encoding="windows-1252">{t('backup.importEncodingConverted')}</p> : null}
      {sheet?.encoding === 'utf-16le' || sheet?.encoding === 'utf-16be' ? <p className="notice">{t('backup.importEncodingUtf16')}</p> : null}

      {sheet && !plan ? (
        <div>
          <h3>{t('backup.importMappingTitle')}</h3>
          <p>{t('backup.importMappingIntro')}</p>
          <Table caption={t('backup.importMappingCaption', { rows: sheet.rows })} columns={[{ label: t('backup.importColColumn') }, { label: t('backup.importColExample') }, { label: t('backup.importColField') }]}>
              {headers.map((h, i) => (
                <tr key={i}>
                  <th scope="row">{h || `#${i + 1}`}</th>
                  <td className="import-example">{example[i] ?? ''}</td>
                  <td>
                    <select
                      autoComplete="off"
                      aria-label={t('backup.importFieldFor', { column: h || `#${i + 1}` })}
                      value={mapping[i] ?? ''}
                      onChange={(e) => {
                        const next = [...mapping];
                        next[i] = e.target.value === '' ? null : (e.target.value as ImportField);
                        setMapping(next);
                      }}
                    >
                      <option value="">{t('backup.field.none')}</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {tx(`backup.field.${f}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
          </Table>
          {mappingProblems.map((p) => (
            <p key={p} className="field__error" role="alert">
              {tx(`backup.mapping.${p}`)}
            </p>
          ))}
          <div className="form-actions">
            <button type="button" className="button" disabled={working} onClick={() => void check()}>
              {t('backup.importCheck')}
            </button>
          </div>
        </div>
      ) : null}

      {plan ? (
        <div>
          <h3>{t('backup.importReportTitle')}</h3>
          <p data-testid="import-summary">
            {t('backup.importSummary', { imported: plan.imported, households: plan.households, skipped: plan.skipped })}
          </p>
          {plan.neutralised > 0 ? <p className="notice" data-testid="import-neutralised">{t('backup.importNeutralised', { count: plan.neutralised })}</p> : null}
          <p className="muted">{t('backup.importAtomic')}</p>
          {plan.listed.length < plan.rows && plan.remarks > 0 ? (
            <p className="muted" data-testid="import-report-listed">
              {t('backup.importReportListed', { shown: plan.listed.length, remarks: plan.remarks, rows: plan.rows })}
            </p>
          ) : null}
          <Table className="import-report" caption={t('backup.importReportCaption')} columns={[{ label: t('backup.importColRow') }, { label: t('backup.importColStatus') }, { label: t('backup.importColReason') }]}>
              {plan.listed.map((r) => (
                <tr key={r.row} data-row={r.row} data-status={r.status}>
                  <th scope="row">{r.row}</th>
                  <td>
                    <span className={`badge badge--${r.status}`}>
                      {r.status === 'skipped' ? t('backup.importStatusSkipped') : done !== null ? t('backup.importStatusDone') : t('backup.importStatusImported')}
                    </span>
                  </td>
                  <td>
                    <ul className="import-reasons">
                      {r.problems.map((p, i) => (
                        <li key={`p${i}`}>
                          {p.field !== 'row' ? `${tx(`backup.field.${p.field}`)}: ` : ''}
                          {tx(p.message)}
                        </li>
                      ))}
                      {r.neutralised.map((f) => (
                        <li key={`n${f}`}>{t('backup.importNeutralisedCell', { field: tx(`backup.field.${f}`) })}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
          </Table>
          {done !== null ? (
            <p className="notice" role="status" data-ready="imported">
              {t('backup.imported', { count: done })}
            </p>
          ) : plan.households === 0 ? (
            <p className="notice" role="status">{t('backup.importNothing')}</p>
          ) : (
            <div className="form-actions">
              <button type="button" className="button" disabled={progress !== null} onClick={() => void run()}>
                {t('backup.importButton', { count: plan.households })}
              </button>
            </div>
          )}
        </div>
      ) : null}
      {progress ? <Progress label={progress.label} value={progress.value} /> : null}
      {working ? (
        <button type="button" className="button button--secondary" onClick={cancel}>
          {t('backup.importCancel')}
        </button>
      ) : null}
      {cancelled ? (
        <p className="notice" role="status" data-ready="import-cancelled">
          {t('backup.importCancelled')}
        </p>
      ) : null}
      {error !== null ? <ErrorNote error={error} /> : null}
      {sheet || error !== null ? (
        <button type="button" className="button button--link" onClick={startOver}>
          {t('backup.importAgain')}
        </button>
      ) : null}
    </div>
  );
}
