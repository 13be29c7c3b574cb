import { useCallback, useMemo, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import { AssessmentDraftSchema, SCORE_VALUES } from '@shared/domain/casefile';
import { scoreHistory, type CaseFile } from '@shared/domain/casefile-rules';
import { useI18n } from '../../../i18n';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useDates } from '../../../i18n/format';
import { useAddAssessment } from '../mutations';
import { useLifeDomains } from '../queries';
import { Card, SaveError } from './bits';
import { Sparkline, scoreTone } from './Sparkline';
import { useZodForm } from '../../../ui/useZodForm';

/** Life domains: counting goes with telling — every score has its narrative, the history is the trend. */
export function DomainsTab({ cf }: Readonly<{ cf: CaseFile }>) {
  const { t } = useI18n();
  const dates = useDates();
  const { domains } = useLifeDomains();
  const history = useMemo(() => scoreHistory(cf.assessments), [cf.assessments]);
  const label = (id: string) => domains.find((d) => d.id === id)?.label ?? id;
  const scored = [...domains.filter((d) => history.has(d.id)).map((d) => d.id), ...[...history.keys()].filter((id) => !domains.some((d) => d.id === id))];
  const unscored = domains.filter((d) => d.active && !history.has(d.id));
  const closed = cf.household.status === 'afgesloten';

  return (
    <div className="cf-stack">
      <p className="muted">{t('casefile.domainsIntro')}</p>
      {closed ? null : <ScoreForm householdId={cf.household.id} />}
      <section aria-labelledby="domains-title">
        <h2 id="domains-title">{t('casefile.domainsTitle')}</h2>
        {scored.length === 0 ? <p className="empty">{t('casefile.noScores')}</p> : null}
        <ul className="cf-domain-grid">
          {scored.map((id) => {
            const list = history.get(id) ?? [];
            const latest = list[list.length - 1];
            if (!latest) return null;
            return (
              <li key={id} className="cf-card cf-domain-card" data-domain={id}>
                <div className="cf-domain-card__head">
                  <h3>{label(id)}</h3>
                  <span className={`cf-score cf-score--${scoreTone(latest.score)}`} aria-label={t('casefile.scoreOf5', { score: latest.score })}>
                    {latest.score}
                    <span aria-hidden="true">/5</span>
                  </span>
                </div>
                <Sparkline label={label(id)} history={list} />
                <p className="cf-domain-card__narrative">{latest.narrative}</p>
                <p className="muted cf-small">{t('casefile.scoredOn', { date: dates.date(latest.date), count: list.length })}</p>
                {list.length > 1 ? (
                  <details>
                    <summary>{t('casefile.history', { count: list.length - 1 })}</summary>
                    <ol className="cf-history">
                      {list
                        .slice(0, -1)
                        .reverse()
                        .map((a) => (
                          <li key={a.id}>
                            <strong>{a.score}</strong> <span className="muted">{dates.date(a.date)}</span> — {a.narrative}
                          </li>
                        ))}
                    </ol>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
        {unscored.length > 0 ? (
          <p className="muted">
            {t('casefile.notScored')}: {unscored.map((d) => d.label).join(', ')}
          </p>
        ) : null}
      </section>
    </div>
  );
}

function ScoreForm({ householdId }: Readonly<{ householdId: string }>) {
  const { t, tx } = useI18n();
  const { domains } = useLifeDomains();
  const init = useCallback(() => ({ domainId: '', score: '', date: localDay(), narrative: '' }), []);
  const f = useZodForm(AssessmentDraftSchema, init);
  const add = useAddAssessment(householdId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await add.mutateAsync(draft);
    f.setValues((v) => ({ ...v, domainId: '', score: '', narrative: '' }));
  }
  const scoreError = f.errors.score;
  return (
    <Card id="score-form-title" title={t('casefile.addScore')}>
      <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-labelledby="score-form-title" data-ready="score-form">
        <div className="grid-2">
          <SelectField
            label={t('casefile.domain')}
            value={f.values.domainId}
            onChange={(e) => f.set({ domainId: e.target.value })}
            options={[{ value: '', label: t('casefile.choose') }, ...domains.filter((d) => d.active).map((d) => ({ value: d.id, label: d.label }))]}
            error={f.errors.domainId}
            required
          />
          <TextField label={t('casefile.scoreDate')} type="date" value={f.values.date} onChange={(e) => f.set({ date: e.target.value })} error={f.errors.date} required />
        </div>
        <fieldset className={`cf-scores${scoreError ? ' field--error' : ''}`} aria-describedby={scoreError ? 'score-error' : undefined}>
          <legend>
            {t('casefile.score')} <span className="field__req">({t('common.required')})</span>
          </legend>
          <div className="cf-scores__options">
            {SCORE_VALUES.map((s) => (
              <label key={s} className={`cf-scores__option cf-score--${scoreTone(s)}`}>
                <input autoComplete="off" type="radio" name="score" value={String(s)} checked={f.values.score === String(s)} onChange={() => f.set({ score: String(s) })} />
                <span>{tx(`casefile.scoreLabel.${s}`)}</span>
              </label>
            ))}
          </div>
          {scoreError ? (
            <p id="score-error" className="field__error" role="alert">
              {tx(scoreError)}
            </p>
          ) : null}
        </fieldset>
        <TextArea
          label={t('casefile.narrative')}
          hint={t('casefile.narrativeHint')}
          rows={3}
          value={f.values.narrative}
          onChange={(e) => f.set({ narrative: e.target.value })}
          error={f.errors.narrative}
          required
        />
        <SaveError error={add.error} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('casefile.saveScore')}
        </button>
      </form>
    </Card>
  );
}
