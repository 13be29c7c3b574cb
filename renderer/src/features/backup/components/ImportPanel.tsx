import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { buildImportPlan, type ImportPlan } from '@shared/import/households';
import { checkMapping, IMPORT_FIELDS, suggestMapping, type ColumnMapping, type ImportField } from '@shared/import/mapping';
import { importHouseholds } from '../../../data/repositories/import';
import { readSpreadsheet, type Spreadsheet } from '../import/spreadsheet';
import { useI18n } from '../../../i18n';
import { Progress } from '../../../ui/Field';
import { ErrorNote } from './ErrorNote';

/**
 * Spreadsheet import: file → column mapping → full check with a row-by-row report → one write.
 * Nothing is written before the user presses the import button after seeing the report.
 */
export function ImportPanel() {
  const { t, tx } = useI18n();
  const qc = useQueryClient();
  const fileId = useId();
  const [sheet, setSheet] = useState<Spreadsheet | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const [mappingProblems, setMappingProblems] = useState<string[]>([]);
  const [inputKey, setInputKey] = useState(0);

  function reset() {
    setSheet(null);
    setPlan(null);
    setDone(null);
    setError(null);
    setMappingProblems([]);
  }

  function startOver() {
    reset();
    setInputKey((k) => k + 1);
  }

  async function pick(list: FileList | null) {
    const f = list?.[0];
    if (!f) return;
    reset();
    setProgress({ label: t('backup.importReading'), value: 0.1 });
    try {
      const s = await readSpreadsheet(new Uint8Array(await f.arrayBuffer()), f.name);
      setSheet(s);
      setMapping(suggestMapping(s.rows[0] ?? []));
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  function check() {
    if (!sheet) return;
    const problems = checkMapping(mapping);
    setMappingProblems(problems);
    if (problems.length) return;
    setPlan(buildImportPlan(sheet.rows, mapping));
  }

  async function run() {
    if (!plan) return;
    setError(null);
    setProgress({ label: t('backup.importing'), value: 0 });
    try {
      const ids = await importHouseholds(plan.households, (phase, f) =>
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

  const headers = sheet?.rows[0] ?? [];
  const example = sheet?.rows[1] ?? [];
  return (
    <div className="import" data-ready={sheet ? (plan ? 'import-report' : 'import-mapping') : 'import'}>
      <div className="field">
        <label htmlFor={fileId}>{t('backup.importFile')}</label>
        <input
          key={inputKey}
          id={fileId}
          type="file"
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void pick(e.target.files)}
        />
      </div>
      {sheet?.encoding === 'windows-1252' ? <p className="notice" data-encoding="windows-1252">{t('backup.importEncodingConverted')}</p> : null}
      {sheet?.encoding === 'utf-16le' || sheet?.encoding === 'utf-16be' ? <p className="notice">{t('backup.importEncodingUtf16')}</p> : null}

      {sheet && !plan ? (
        <div>
          <h3>{t('backup.importMappingTitle')}</h3>
          <p>{t('backup.importMappingIntro')}</p>
          <table className="table">
            <caption>{t('backup.importMappingCaption', { rows: sheet.rows.length - 1 })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.importColColumn')}</th>
                <th scope="col">{t('backup.importColExample')}</th>
                <th scope="col">{t('backup.importColField')}</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((h, i) => (
                <tr key={i}>
                  <th scope="row">{h || `#${i + 1}`}</th>
                  <td className="import-example">{example[i] ?? ''}</td>
                  <td>
                    <select
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
            </tbody>
          </table>
          {mappingProblems.map((p) => (
            <p key={p} className="field__error" role="alert">
              {tx(`backup.mapping.${p}`)}
            </p>
          ))}
          <div className="form-actions">
            <button type="button" className="button" onClick={check}>
              {t('backup.importCheck')}
            </button>
          </div>
        </div>
      ) : null}

      {plan ? (
        <div>
          <h3>{t('backup.importReportTitle')}</h3>
          <p data-testid="import-summary">
            {t('backup.importSummary', { imported: plan.imported, households: plan.households.length, skipped: plan.skipped })}
          </p>
          {plan.neutralised > 0 ? <p className="notice" data-testid="import-neutralised">{t('backup.importNeutralised', { count: plan.neutralised })}</p> : null}
          <p className="muted">{t('backup.importAtomic')}</p>
          <table className="table import-report">
            <caption>{t('backup.importReportCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.importColRow')}</th>
                <th scope="col">{t('backup.importColStatus')}</th>
                <th scope="col">{t('backup.importColReason')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((r) => (
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
            </tbody>
          </table>
          {done !== null ? (
            <p className="notice" role="status" data-ready="imported">
              {t('backup.imported', { count: done })}
            </p>
          ) : plan.households.length === 0 ? (
            <p className="notice" role="status">{t('backup.importNothing')}</p>
          ) : (
            <div className="form-actions">
              <button type="button" className="button" disabled={progress !== null} onClick={() => void run()}>
                {t('backup.importButton', { count: plan.households.length })}
              </button>
            </div>
          )}
        </div>
      ) : null}
      {progress ? <Progress label={progress.label} value={progress.value} /> : null}
      {error !== null ? <ErrorNote error={error} /> : null}
      {sheet || error !== null ? (
        <button type="button" className="button button--link" onClick={startOver}>
          {t('backup.importAgain')}
        </button>
      ) : null}
    </div>
  );
}
