import { KNELPUNT_CATEGORIES, KnelpuntDraftSchema, type KnelpuntCategory } from '@shared/domain/feedback';
import { localDay } from '@shared/dates';
import { aggregateKnelpunten, type KnelpuntAggregate } from '@shared/domain/feedback-rules';
import type { KnelpuntenLabels } from '@shared/export/knelpunten';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { translate, useI18n } from '../../../i18n';
import { knelpuntenExport, type DocumentExport } from '../../exports/kinds';
import { deliverExport, prepareExport } from '../../exports/pipeline';
import { ReviewedExport, useExportReview } from '../../exports/components/ExportReview';
import { SelectField, TextField } from '../../../ui/Field';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { useCreateKnelpunt } from '../mutations';
import { useKnelpunten } from '../queries';
import { SubNav } from './common';

/** How often each category recurs, drawn as bars (people would rather look than read). */
function CategoryBars({ agg }: Readonly<{ agg: KnelpuntAggregate }>) {
  const { t, tx } = useI18n();
  const max = Math.max(1, ...agg.byCategory.map((c) => c.households));
  const rowH = 30;
  const labelW = 210;
  const barW = 360;
  return (
    <figure className="fb-figure">
      <svg role="img" aria-labelledby="bars-title" width={labelW + barW + 60} height={agg.byCategory.length * rowH + 8} className="fb-bars">
        <title id="bars-title">{t('feedback.byCategory')}</title>
        {agg.byCategory.map((c, i) => (
          <g key={c.category} transform={`translate(0 ${i * rowH + 4})`}>
            <text x={0} y={rowH / 2 + 4} fontSize="14" fill="#1c2430">
              {tx(`feedback.category.${c.category}`)}
            </text>
            <rect x={labelW} y={4} width={barW} height={rowH - 10} rx={4} fill="#eef1f5" />
            <rect x={labelW} y={4} width={Math.max(c.households > 0 ? 4 : 0, (c.households / max) * barW)} height={rowH - 10} rx={4} fill="#0b5cad" />
            <text x={labelW + barW + 8} y={rowH / 2 + 4} fontSize="14" fill="#1c2430">
              {c.households}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

export function KnelpuntForm({ householdId }: Readonly<{ householdId?: string }>) {
  const { t, tx } = useI18n();
  const create = useCreateKnelpunt();
  const [category, setCategory] = useState<string>('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = KnelpuntDraftSchema.safeParse({ category, title });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await create.mutateAsync({ draft: parsed.data, householdId });
    setTitle('');
    setCategory('');
    setDone(true);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="fb-card" aria-labelledby={`kp-new-${householdId ?? 'all'}`}>
      <h3 id={`kp-new-${householdId ?? 'all'}`}>{t('feedback.addKnelpunt')}</h3>
      <div className="fb-row">
        <SelectField
          label={t('feedback.category')}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          error={errors.category}
          required
          options={[{ value: '', label: '—' }, ...KNELPUNT_CATEGORIES.map((c) => ({ value: c, label: tx(`feedback.category.${c}`) }))]}
        />
        <TextField label={t('feedback.title')} hint={t('feedback.titleHint')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} required />
      </div>
      <button type="submit" className="button button--secondary" disabled={create.isPending}>
        {t('feedback.addKnelpunt')}
      </button>
      {done ? (
        <p role="status" className="notice">
          {t('feedback.knelpuntAdded')}
        </p>
      ) : null}
    </form>
  );
}

/** The export's texts: Dutch like every export, from the feedback catalogue. */
const nl = (key: string) => translate('nl', key);
const EXPORT_LABELS: KnelpuntenLabels = {
  note: nl('feedback.export.note'),
  categoriesTitle: nl('feedback.export.categoriesTitle'),
  category: nl('feedback.colCategory'),
  barriers: nl('feedback.colBarriers'),
  households: nl('feedback.colHouseholds'),
  barrier: nl('feedback.colBarrier'),
  recurringTitle: nl('feedback.export.recurringTitle'),
  noRecurring: nl('feedback.export.noRecurring'),
  categoryLabel: (c: KnelpuntCategory) => nl(`feedback.category.${c}`),
};

type KnelpuntenFormat = 'csv' | 'markdown' | 'html';

/**
 * The management export through the export path: the aggregate document, the same free-text
 * review and preview as the meeting exports (barrier titles are typed by people), refused while
 * locked, logged with purpose and audience and without content or household ids.
 */
function KnelpuntenExport({ prepared }: Readonly<{ prepared: DocumentExport }>) {
  const { t } = useI18n();
  const projected = prepared.projected;
  const review = useExportReview(projected.document);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const doExport = async (format: KnelpuntenFormat) => {
    setNotice(null);
    setFailed(false);
    try {
      // Render → save through the platform → audit entry: the export pipeline's second half.
      if ((await deliverExport(prepared, review.resolved, format)).outcome === 'cancelled') return;
      setNotice(t('feedback.exported'));
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="fb-card" aria-labelledby="kp-export" data-testid="knelpunten-export">
      <h2 id="kp-export">{t('feedback.exportTitle')}</h2>
      <p className="muted">{t('feedback.exportIntro')}</p>
      <ReviewedExport
        review={review}
        doc={projected.document}
        notice={notice}
        error={failed ? t('meeting.export.failed') : null}
        actions={
          <>
            <button type="button" className="button button--secondary" onClick={() => void doExport('csv')}>
              {t('feedback.exportCsv')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void doExport('markdown')}>
              {t('feedback.exportMarkdown')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void doExport('html')}>
              {t('feedback.exportHtml')}
            </button>
          </>
        }
      />
    </section>
  );
}

export function KnelpuntenPage() {
  const { t, tx } = useI18n();
  const { data, isLoading } = useKnelpunten();
  // What the export needs (the names its scanner looks for): read when the page opens, never cached
  // once it is left (gcTime 0), like every export view. Under the feedback key, so a new or linked
  // knelpunt refreshes it.
  // Guard → load → project: the export pipeline's first half (features/exports).
  const exportInput = useQuery({
    queryKey: ['feedback', 'knelpunten-export'],
    queryFn: () => prepareExport(knelpuntenExport(EXPORT_LABELS, t('feedback.exportFileName', { date: localDay() }))),
    staleTime: 0,
    gcTime: 0,
  });
  const agg = aggregateKnelpunten(data ?? []);
  return (
    <section aria-labelledby="kp-title" data-ready={isLoading || !exportInput.data ? undefined : 'knelpunten'}>
      <div className="page-head">
        <h1 id="kp-title">{t('feedback.knelpuntenTitle')}</h1>
      </div>
      <SubNav current="/aandacht/knelpunten" />
      <p className="muted">{t('feedback.knelpuntenIntro')}</p>
      <h2>{t('feedback.byCategory')}</h2>
      <CategoryBars agg={agg} />
      <h2>{t('feedback.byBarrier')}</h2>
      {agg.byBarrier.length === 0 ? (
        <p className="empty">{t('feedback.knelpuntenEmpty')}</p>
      ) : (
        <table className="table fb-table">
          <thead>
            <tr>
              <th scope="col">{t('feedback.colBarrier')}</th>
              <th scope="col">{t('feedback.colCategory')}</th>
              <th scope="col">{t('feedback.colHouseholds')}</th>
            </tr>
          </thead>
          <tbody>
            {agg.byBarrier.map((b) => (
              <tr key={b.id}>
                <th scope="row">{b.title}</th>
                <td>{tx(`feedback.category.${b.category}`)}</td>
                <td>{t('feedback.recurs', { count: b.households })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <KnelpuntForm />
      {exportInput.data ? <KnelpuntenExport prepared={exportInput.data} /> : null}
      {exportInput.isError ? <p role="alert">{t('common.errorGeneric')}</p> : null}
    </section>
  );
}
