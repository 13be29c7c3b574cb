import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ALLOWLIST } from '@shared/export/profiles';
import { href, navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { inzageExport, managementExport, meetingExport, type ScreenExport } from '../kinds';
import { deliverExport, prepareExport } from '../pipeline';
import { DocPreview } from './DocPreview';
import { FreeTextReview, useExportReview } from './ExportReview';

export type ExportSource =
  | Readonly<{ kind: 'meeting'; meetingId: string; what: 'meeting_pack' | 'minutes'; orgId?: string | undefined }>
  | Readonly<{ kind: 'inzage'; householdId: string }>
  | Readonly<{ kind: 'management' }>;

/** Guard → load → project, through the one export pipeline (features/exports). */
function load(source: ExportSource): Promise<ScreenExport> {
  if (source.kind === 'management') return prepareExport(managementExport());
  if (source.kind === 'inzage') return prepareExport(inzageExport(source.householdId));
  return prepareExport(meetingExport(source.meetingId, source.what, source.orgId));
}

type ScreenFormat = 'pdf' | 'html' | 'markdown';

/**
 * Every export goes through this screen: the allowlist of its profile, the free-text review
 * (each hit replaced by default, or kept on purpose), a preview of exactly what leaves, and
 * then the file — logged in the audit log, refused while locked.
 */
export function ExportScreen({ source }: Readonly<{ source: ExportSource }>) {
  const { t } = useI18n();
  const key = ['export', source.kind, source.kind === 'meeting' ? `${source.meetingId}:${source.what}:${source.orgId ?? ''}` : source.kind === 'inzage' ? source.householdId : ''];
  // Resident data in an export view is not cached once the screen is left (gcTime 0).
  const { data, isLoading, isError } = useQuery({ queryKey: key, queryFn: () => load(source), staleTime: 0, gcTime: 0 });
  if (isError) return <p role="alert">{t('common.errorGeneric')}</p>;
  if (isLoading || !data) return <p>{t('common.loading')}</p>;
  // Keyed by what is exported: a "keep" chosen for one audience never carries over to another.
  return <ExportBody key={key.join('|')} source={source} data={data} />;
}

function ExportBody({ source, data }: Readonly<{ source: ExportSource; data: ScreenExport }>) {
  const { t, tx } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const doc = data.projected.document;
  const review = useExportReview(doc);
  const { resolved } = review;
  const partnerName = source.kind === 'meeting' ? (data.partners.find((p) => p.id === source.orgId)?.name ?? '') : '';

  async function doExport(format: ScreenFormat) {
    setDone(null);
    setFailed(false);
    try {
      // Render → save or print through the platform → audit entry: the pipeline's second half.
      const { outcome, fileName: name } = await deliverExport(data, resolved, format);
      if (outcome === 'cancelled') return;
      setDone(outcome === 'saved' ? t('meeting.export.done', { name }) : t('meeting.export.printOpened', { name }));
    } catch {
      setFailed(true);
    }
  }

  return (
    <article aria-labelledby="ex-title" data-ready="export" data-profile={data.kind}>
      <h1 id="ex-title">{tx(`meeting.export.title.${data.kind}`)}</h1>
      <dl className="facts">
        <div>
          <dt>{t('meeting.export.purpose')}</dt>
          <dd>{tx(`meeting.export.purposeOf.${data.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('meeting.export.audience')}</dt>
          <dd>{tx(`meeting.export.audienceOf.${data.kind}`, { partner: partnerName })}</dd>
        </div>
        <div>
          <dt>{t('meeting.export.holds')}</dt>
          <dd>{ALLOWLIST[data.projected.profile].map((f) => tx(`meeting.field.${f}`)).join(', ')}</dd>
        </div>
      </dl>

      {source.kind === 'meeting' ? (
        <div className="field ex-audience">
          <label htmlFor="ex-audience">{t('meeting.export.chooseAudience')}</label>
          <select
            autoComplete="off"
            id="ex-audience"
            value={source.orgId ?? ''}
            onChange={(e) => navigate(`/meetings/${source.meetingId}/export/${source.what}${e.target.value ? `/${e.target.value}` : ''}`)}
          >
            <option value="">{t('meeting.export.binnenring')}</option>
            {data.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {t('meeting.export.partnerOption', { name: p.name })}
              </option>
            ))}
          </select>
          <p className="field__hint">{t('meeting.export.partnerHint')}</p>
        </div>
      ) : null}

      {data.projected.excluded.length ? (
        <div role="status" className="mt-refusal">
          <p>{t('meeting.export.excludedIntro')}</p>
          <ul>
            {data.projected.excluded.map((e) => (
              <li key={e.itemId}>
                <a href={href(`/households/${e.householdId}`)}>{data.names.get(e.householdId) ?? e.householdId}</a>: {tx(`meeting.consent.${e.access.reason}`)} —{' '}
                {tx(`meeting.consentTodo.${e.access.todo}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {source.kind === 'inzage' ? <p className="notice">{t('meeting.export.inzageInternal')}</p> : null}

      <div className="ex-layout">
      <div>
      <FreeTextReview review={review} />

      <div className="ex-buttons">
        <button type="button" className="button" onClick={() => void doExport('pdf')}>
          {t('meeting.export.pdf')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void doExport('html')}>
          {t('meeting.export.html')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void doExport('markdown')}>
          {t('meeting.export.markdown')}
        </button>
      </div>
      {done ? <p role="status" className="privacy-ok" data-testid="export-done">{done}</p> : null}
      {failed ? <p role="alert" className="field__error">{t('meeting.export.failed')}</p> : null}

      </div>
      <DocPreview doc={doc} hits={review.hits} resolutions={review.resolutions} />
      </div>
    </article>
  );
}
