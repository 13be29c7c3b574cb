import { ESCALATION_REASONS, EscalationDraftSchema, type Evaluation } from '@shared/domain/feedback';
import { localDay } from '@shared/dates';
import { addDays, currentStep, dutyState, nextEvaluationOf } from '@shared/domain/feedback-rules';
import { useState, type FormEvent } from 'react';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { SelectField, TextArea } from '../../../ui/Field';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { useLinkKnelpunt, useStartEscalation } from '../mutations';
import { useEvaluationContext, useHouseholdFeedback } from '../queries';
import { useFormatDate } from './common';
import { useRecipientLabel } from './DutyPage';
import { RouteSteps } from './EscalationPages';
import { ActionTable } from './FollowUpPage';
import { KnelpuntForm } from './KnelpuntenPage';

/** The feedback loops on a household's page: what is owed, what is due, evaluations, stuck, barriers. */
export function HouseholdFeedbackSection({ householdId }: Readonly<{ householdId: string }>) {
  const { t } = useI18n();
  const today = localDay();
  const { data, isLoading } = useHouseholdFeedback(householdId, addDays(today, 14));
  if (isLoading || !data) return <p>{t('common.loading')}</p>;
  return (
    <section aria-labelledby={`fb-${householdId}`} className="fb-section" data-ready="household-feedback">
      <h2 id={`fb-${householdId}`}>{t('feedback.sectionTitle')}</h2>
      <Duties duties={data.duties} />
      <h3>{t('feedback.openActionsTitle')}</h3>
      <ActionTable actions={data.followUp} showHousehold={false} />
      <Evaluations householdId={householdId} />
      <Escalations householdId={householdId} escalations={data.escalations} />
      <Knelpunten householdId={householdId} all={data.knelpunten} />
    </section>
  );
}

function Duties({ duties }: Readonly<{ duties: NonNullable<ReturnType<typeof useHouseholdFeedback>['data']>['duties'] }>) {
  const { t, tx } = useI18n();
  const fmt = useFormatDate();
  const recipient = useRecipientLabel();
  const today = localDay();
  return (
    <>
      <h3>{t('feedback.dutiesTitle')}</h3>
      {duties.length === 0 ? <p className="muted">{t('feedback.dutiesEmpty')}</p> : null}
      <ul className="fb-list">
        {duties.map((d) => {
          const state = dutyState(d, today);
          return (
            <li key={d.id} className="fb-item" data-kind="duty" data-state={state}>
              <a className="fb-item__link" href={href(`/aandacht/terugkoppeling/${encodeURIComponent(d.id)}`)}>
                <span className="fb-item__name">{tx(`feedback.dutyKind.${d.kind}`)}</span>
                <span className="fb-item__detail">{d.kind === 'partner_report' ? t('feedback.dutyFrom', { who: recipient(d) }) : t('feedback.dutyTo', { who: recipient(d) })}</span>
              </a>
              <span className="fb-item__date">
                <span className={`fb-state fb-state--${state}`}>{tx(`feedback.dutyState.${state}`)}</span>{' '}
                {d.status === 'gedaan' && d.doneAt
                  ? t('feedback.dutyDone', { date: fmt(d.doneAt), how: tx(`feedback.how.${d.doneHow ?? 'anders'}`) })
                  : t('feedback.dutyDue', { date: fmt(d.dueDate) })}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Evaluations({ householdId }: Readonly<{ householdId: string }>) {
  const { t } = useI18n();
  const fmt = useFormatDate();
  const { data: ctx } = useEvaluationContext(householdId);
  if (!ctx) return null;
  const next = ctx.plan ? nextEvaluationOf(ctx.plan, ctx.evaluationMonths) : null;
  return (
    <>
      <h3>{t('feedback.evaluationTitle')}</h3>
      {next ? (
        <p className="fb-next" data-testid="next-evaluation">
          {next < localDay() ? t('feedback.nextEvaluationOverdue', { date: fmt(next) }) : t('feedback.nextEvaluation', { date: fmt(next) })}{' '}
          <a className="button button--secondary" href={href(`/aandacht/evaluatie/${householdId}`)}>
            {t('feedback.evaluate')}
          </a>
        </p>
      ) : (
        <p className="muted">{t('feedback.noActivePlan')}</p>
      )}
      {ctx.evaluations.length > 0 ? (
        <>
          <h4>{t('feedback.evaluationsHistory')}</h4>
          <ul className="fb-evals">
            {ctx.evaluations.map((e) => (
              <EvaluationItem key={e.id} e={e} previous={ctx.evaluations} domainLabel={(id) => ctx.lifeDomains.find((d) => d.id === id)?.label ?? id} format={fmt} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function EvaluationItem({ e, previous, domainLabel, format }: Readonly<{ e: Evaluation; previous: readonly Evaluation[]; domainLabel: (id: string) => string; format: (d: string) => string }>) {
  const { t } = useI18n();
  // The score before this evaluation: the same domain in the latest earlier evaluation.
  const before = (domainId: string) => previous.filter((p) => p.date < e.date).flatMap((p) => p.scores.filter((s) => s.domainId === domainId))[0]?.score;
  const reached = e.goals.filter((g) => g.result === 'bereikt').length;
  return (
    <li className="fb-eval">
      <strong>{t('feedback.evaluationOn', { date: format(e.date) })}</strong>
      <span className="muted"> · {t('feedback.goalCount', { reached: String(reached), total: String(e.goals.length) })}</span>
      <p>{e.narrative}</p>
      <ul className="fb-scores">
        {e.scores.map((s) => {
          const from = before(s.domainId);
          return (
            <li key={s.domainId}>
              {from !== undefined
                ? t('feedback.scoreChange', { domain: domainLabel(s.domainId), from: String(from), to: String(s.score) })
                : t('feedback.scoreNew', { domain: domainLabel(s.domainId), to: String(s.score) })}
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function Escalations({ householdId, escalations }: Readonly<{ householdId: string; escalations: NonNullable<ReturnType<typeof useHouseholdFeedback>['data']>['escalations'] }>) {
  const { t, tx } = useI18n();
  const fmt = useFormatDate();
  const start = useStartEscalation();
  const [reason, setReason] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const open = escalations.find((e) => e.status === 'open');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = EscalationDraftSchema.safeParse({ reason, description });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await start.mutateAsync({ householdId, draft: parsed.data, today: localDay() });
  };
  return (
    <>
      <h3>{t('feedback.escalationTitle')}</h3>
      {open ? (
        <div className="fb-card">
          <p>
            <strong>{tx(`feedback.reason.${open.reason}`)}</strong> · {t('feedback.openedOn', { date: fmt(open.openedAt) })} · {currentStep(open)?.label}{' '}
            <a href={href(`/aandacht/escalatie/${open.id}`)}>{t('feedback.action.escalation_open')}</a>
          </p>
          <RouteSteps e={open} />
        </div>
      ) : (
        <details className="fb-details">
          <summary>{t('feedback.markStuck')}</summary>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('feedback.stuckLegend')}>
            <SelectField
              label={t('feedback.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={errors.reason}
              required
              options={[{ value: '', label: '—' }, ...ESCALATION_REASONS.map((r) => ({ value: r, label: tx(`feedback.reason.${r}`) }))]}
            />
            <TextArea label={t('feedback.description')} hint={t('feedback.descriptionHint')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} rows={2} />
            <button type="submit" className="button" disabled={start.isPending}>
              {t('feedback.startEscalation')}
            </button>
          </form>
        </details>
      )}
      {escalations
        .filter((e) => e.status === 'opgelost')
        .map((e) => (
          <p key={e.id} className="muted">
            {tx(`feedback.reason.${e.reason}`)}: {t('feedback.resolvedOn', { date: fmt(e.resolvedAt ?? e.openedAt), resolution: e.resolution ?? '' })}
          </p>
        ))}
    </>
  );
}

function Knelpunten({ householdId, all }: Readonly<{ householdId: string; all: NonNullable<ReturnType<typeof useHouseholdFeedback>['data']>['knelpunten'] }>) {
  const { t, tx } = useI18n();
  const link = useLinkKnelpunt();
  const [choice, setChoice] = useState('');
  const linked = all.filter((k) => k.householdIds.includes(householdId));
  const others = all.filter((k) => !k.householdIds.includes(householdId));
  return (
    <>
      <h3>{t('feedback.knelpuntenHousehold')}</h3>
      {linked.length === 0 ? <p className="muted">{t('feedback.knelpuntenHouseholdEmpty')}</p> : null}
      <ul className="fb-list">
        {linked.map((k) => (
          <li key={k.id} className="fb-item">
            <span className="fb-item__link">
              <span className="fb-item__name">{k.title}</span>
              <span className="fb-item__detail">
                {tx(`feedback.category.${k.category}`)} · {t('feedback.recurs', { count: k.householdIds.length })}
              </span>
            </span>
            <button type="button" className="button button--secondary" onClick={() => void link.mutateAsync({ id: k.id, householdId, linked: false })}>
              {t('feedback.unlink')}
            </button>
          </li>
        ))}
      </ul>
      <details className="fb-details">
        <summary>{t('feedback.addKnelpunt')}</summary>
        {others.length > 0 ? (
          <div className="fb-row fb-row--end">
            <SelectField
              label={t('feedback.linkExisting')}
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              options={[{ value: '', label: t('feedback.linkChoose') }, ...others.map((k) => ({ value: k.id, label: `${k.title} (${tx(`feedback.category.${k.category}`)})` }))]}
            />
            <button
              type="button"
              className="button button--secondary"
              disabled={!choice || link.isPending}
              onClick={() => void link.mutateAsync({ id: choice, householdId, linked: true }).then(() => setChoice(''))}
            >
              {t('feedback.link')}
            </button>
          </div>
        ) : null}
        <KnelpuntForm householdId={householdId} />
      </details>
    </>
  );
}
