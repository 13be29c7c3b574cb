import { EvaluationDraftSchema, GOAL_RESULTS, NEXT_STEPS } from '@shared/domain/feedback';
import { localDay } from '@shared/dates';
import { addMonths } from '@shared/domain/feedback-rules';
import { useState, type FormEvent } from 'react';
import { href, navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { useSaveEvaluation } from '../mutations';
import { useEvaluationContext } from '../queries';
import { SaveError } from '../../../ui/SaveError';

type ScoreInput = { score: string; narrative: string };

/** Evaluate the active plan: per goal result and next step, a narrative, re-scores, the next date. */
export function EvaluationPage({ householdId }: Readonly<{ householdId: string }>) {
  const { t } = useI18n();
  const { data: ctx, isLoading } = useEvaluationContext(householdId);
  if (isLoading || !ctx) return <p>{t('common.loading')}</p>;
  if (!ctx.plan) return <p role="alert">{t('feedback.noActivePlan')}</p>;
  return <EvaluationForm householdId={householdId} ctx={ctx} />;
}

function EvaluationForm({ householdId, ctx }: Readonly<{ householdId: string; ctx: NonNullable<ReturnType<typeof useEvaluationContext>['data']> }>) {
  const { t, tx } = useI18n();
  const save = useSaveEvaluation();
  const today = localDay();
  const [date, setDate] = useState(today);
  const [nextDate, setNextDate] = useState(addMonths(today, ctx.evaluationMonths));
  const [narrative, setNarrative] = useState('');
  const [goals, setGoals] = useState<Record<string, { result: string; next: string }>>({});
  const [scores, setScores] = useState<Record<string, ScoreInput>>({});
  const [errors, setErrors] = useState<FieldErrors>({});

  // Domains that were scored before or carry a goal; with none of those, every active domain.
  const relevant = new Set([...ctx.lastScores.keys(), ...ctx.goals.map((g) => g.domainId)]);
  const domains = ctx.lifeDomains.filter((d) => d.active !== false && (relevant.size === 0 || relevant.has(d.id)));
  const domainLabel = (id: string) => ctx.lifeDomains.find((d) => d.id === id)?.label ?? id;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const scored = domains.filter((d) => (scores[d.id]?.score ?? '') !== '');
    const draft = {
      date,
      nextEvaluationDate: nextDate,
      narrative,
      goals: ctx.goals.map((g) => ({ goalId: g.id, result: goals[g.id]?.result ?? '', next: goals[g.id]?.next ?? '' })),
      scores: scored.map((d) => ({ domainId: d.id, score: Number(scores[d.id]?.score), narrative: scores[d.id]?.narrative ?? '' })),
    };
    const parsed = EvaluationDraftSchema.safeParse(draft);
    if (!parsed.success) {
      // Map array positions back to stable field names (goal id, domain id).
      const raw = fieldErrors(parsed.error);
      const mapped: Record<string, string> = {};
      for (const [path, msg] of Object.entries(raw)) {
        const m = /^(goals|scores)\.(\d+)\.(\w+)$/.exec(path);
        if (!m) mapped[path] = msg;
        else if (m[1] === 'goals') mapped[`goal.${ctx.goals[Number(m[2])]?.id}.${m[3]}`] = msg;
        else mapped[`score.${scored[Number(m[2])]?.id}.${m[3]}`] = msg;
      }
      setErrors(mapped);
      return;
    }
    setErrors({});
    await save.mutateAsync({ householdId, draft: parsed.data });
    navigate(`/households/${householdId}`);
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="eval-title" data-ready="evaluation" className="fb-narrow">
      <h1 id="eval-title">{t('feedback.evaluationPageTitle')}</h1>
      <p>
        <a href={href(`/households/${householdId}`)}>{ctx.householdName}</a>
      </p>
      <p className="muted">{t('feedback.evaluationIntro')}</p>
      {errorCount > 0 ? (
        <p className="form-summary" role="alert">
          {t('common.formHasErrors', { count: errorCount })}
        </p>
      ) : null}
      <TextField
        label={t('feedback.evaluationDate')}
        type="date"
        value={date}
        onChange={(e) => {
          setDate(e.target.value);
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) setNextDate(addMonths(e.target.value, ctx.evaluationMonths));
        }}
        error={errors.date}
        required
      />
      <fieldset className="fb-fieldset">
        <legend>{t('feedback.goalsLegend')}</legend>
        {ctx.goals.length === 0 ? <p className="muted">{t('feedback.noGoals')}</p> : null}
        {ctx.goals.map((g) => (
          <div key={g.id} className="fb-goal" role="group" aria-label={g.text}>
            <p className="fb-quote">
              {g.text} <span className="muted">· {domainLabel(g.domainId)}</span>
            </p>
            <div className="fb-row">
              <SelectField
                label={t('feedback.goalResult')}
                value={goals[g.id]?.result ?? ''}
                onChange={(e) => setGoals({ ...goals, [g.id]: { result: e.target.value, next: goals[g.id]?.next ?? '' } })}
                error={errors[`goal.${g.id}.result`]}
                required
                options={[{ value: '', label: '—' }, ...GOAL_RESULTS.map((r) => ({ value: r, label: tx(`feedback.goalResult.${r}`) }))]}
              />
              <SelectField
                label={t('feedback.goalNext')}
                value={goals[g.id]?.next ?? ''}
                onChange={(e) => setGoals({ ...goals, [g.id]: { result: goals[g.id]?.result ?? '', next: e.target.value } })}
                error={errors[`goal.${g.id}.next`]}
                required
                options={[{ value: '', label: '—' }, ...NEXT_STEPS.map((r) => ({ value: r, label: tx(`feedback.next.${r}`) }))]}
              />
            </div>
          </div>
        ))}
      </fieldset>
      <TextArea label={t('feedback.narrative')} hint={t('feedback.narrativeHint')} value={narrative} onChange={(e) => setNarrative(e.target.value)} error={errors.narrative} required rows={4} />
      <fieldset className="fb-fieldset">
        <legend>{t('feedback.scoresLegend')}</legend>
        <p className="field__hint">{t('feedback.scoresHint')}</p>
        {domains.map((d) => {
          const prev = ctx.lastScores.get(d.id);
          const cur = scores[d.id] ?? { score: '', narrative: '' };
          return (
            <div key={d.id} className="fb-row fb-score">
              <SelectField
                label={t('feedback.score', { domain: d.label })}
                hint={prev ? t('feedback.scorePrevious', { score: String(prev.score) }) : undefined}
                value={cur.score}
                onChange={(e) => setScores({ ...scores, [d.id]: { ...cur, score: e.target.value } })}
                error={errors[`score.${d.id}.score`]}
                options={[{ value: '', label: t('feedback.scoreNone') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: tx(`feedback.scoreValue.${n}`) }))]}
              />
              {cur.score !== '' ? (
                <TextField
                  label={t('feedback.scoreNarrative', { domain: d.label })}
                  value={cur.narrative}
                  onChange={(e) => setScores({ ...scores, [d.id]: { ...cur, narrative: e.target.value } })}
                  error={errors[`score.${d.id}.narrative`]}
                  required
                />
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <TextField
        label={t('feedback.nextEvaluationDate')}
        hint={t('feedback.nextEvaluationHint', { months: ctx.evaluationMonths })}
        type="date"
        value={nextDate}
        onChange={(e) => setNextDate(e.target.value)}
        error={errors.nextEvaluationDate}
        required
      />
      <button type="submit" className="button" disabled={save.isPending}>
        {t('feedback.saveEvaluation')}
      </button>
      <SaveError error={save.error} />
    </form>
  );
}
