import { KNELPUNT_CATEGORIES, KnelpuntDraftSchema, type KnelpuntCategory } from '@shared/domain/feedback';
import { aggregateKnelpunten, knelpuntenExport, type KnelpuntAggregate } from '@shared/domain/feedback-rules';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n';
import { platform } from '../../../platform';
import { SelectField, TextField } from '../../../ui/Field';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { useAuditKnelpuntenExport, useCreateKnelpunt } from '../mutations';
import { useKnelpunten } from '../queries';
import { SubNav, todayIso } from './common';

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

export function KnelpuntenPage() {
  const { t, tx } = useI18n();
  const { data, isLoading } = useKnelpunten();
  const audit = useAuditKnelpuntenExport();
  const [notice, setNotice] = useState<string | null>(null);
  const agg = aggregateKnelpunten(data ?? []);
  const doExport = async (format: 'csv' | 'markdown') => {
    const text = knelpuntenExport(
      agg,
      format,
      {
        title: t('feedback.export.title'),
        generated: t('feedback.export.generated'),
        note: t('feedback.export.note'),
        category: t('feedback.colCategory'),
        barriers: t('feedback.colBarriers'),
        households: t('feedback.colHouseholds'),
        barrier: t('feedback.colBarrier'),
        recurringTitle: t('feedback.export.recurringTitle'),
        noRecurring: t('feedback.export.noRecurring'),
        categoryLabel: (c: KnelpuntCategory) => tx(`feedback.category.${c}`),
      },
      todayIso(),
    );
    const name = `${t('feedback.exportFileName', { date: todayIso() })}.${format === 'csv' ? 'csv' : 'md'}`;
    const ok = await platform().saveFile(name, format === 'csv' ? 'text/csv' : 'text/markdown', text);
    if (!ok) return;
    await audit.mutateAsync(format);
    setNotice(t('feedback.exported'));
  };
  return (
    <section aria-labelledby="kp-title" data-ready={isLoading ? undefined : 'knelpunten'}>
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
      <section className="fb-card" aria-labelledby="kp-export">
        <h2 id="kp-export">{t('feedback.exportTitle')}</h2>
        <p className="muted">{t('feedback.exportIntro')}</p>
        <div className="toolbar">
          <button type="button" className="button button--secondary" onClick={() => void doExport('csv')}>
            {t('feedback.exportCsv')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void doExport('markdown')}>
            {t('feedback.exportMarkdown')}
          </button>
        </div>
        {notice ? (
          <p role="status" className="notice">
            {notice}
          </p>
        ) : null}
      </section>
    </section>
  );
}
