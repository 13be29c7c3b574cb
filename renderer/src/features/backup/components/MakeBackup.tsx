import { useState } from 'react';
import { createBackup, recordBackupMade } from '../../../data/usecases/backup';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { platform } from '../../../platform';
import { Progress } from '../../../ui/Field';
import { ErrorNote } from './ErrorNote';

export function MakeBackup() {
  const { t } = useI18n();
  const dates = useDates();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ ok: true; households: number; date: string } | { ok: false; cancelled: true } | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function make() {
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const { bytes, header, fileName } = await createBackup({
        onProgress: (phase, f) => setProgress(phase === 'read' ? f * 0.6 : 0.6 + f * 0.35),
      });
      const saved = await platform().saveFile(fileName, 'application/octet-stream', bytes);
      if (saved) {
        await recordBackupMade();
        const date = dates.stampLong(header.createdAt);
        setResult({ ok: true, households: header.counts.households ?? 0, date });
      } else setResult({ ok: false, cancelled: true });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="backup-card" aria-labelledby="make-title">
      <h2 id="make-title">{t('backup.makeTitle')}</h2>
      <p>{t('backup.makeIntro')}</p>
      <button type="button" className="button" onClick={() => void make()} disabled={progress !== null}>
        {t('backup.makeButton')}
      </button>
      {progress !== null ? <Progress label={t('backup.making')} value={progress} /> : null}
      {result?.ok ? (
        <p className="notice" role="status" data-ready="backup-made">
          {t('backup.made', { households: result.households, date: result.date })}
        </p>
      ) : result ? (
        <p className="notice" role="status">
          {t('backup.makeCancelled')}
        </p>
      ) : null}
      {error !== null ? <ErrorNote error={error} unchanged={false} /> : null}
    </section>
  );
}
