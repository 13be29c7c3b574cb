import { currentStep, hasNextStep } from '@shared/domain/feedback-rules';
import { localDay } from '@shared/dates';
import type { Escalation } from '@shared/domain/feedback';
import { useState, type FormEvent } from 'react';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useEscalateNext, useResolveEscalation } from '../mutations';
import { useEscalation, useOpenEscalations, useTeam } from '../queries';
import { SubNav, useFormatDate } from './common';

/** Open escalations, for the coordinator. */
export function EscalationsPage() {
  const { t, tx } = useI18n();
  const fmt = useFormatDate();
  const { data, isLoading } = useOpenEscalations();
  const { data: team } = useTeam();
  const open = (data?.list ?? []).filter((e) => e.status === 'open');
  // The coordinator sees who holds each one now (the route step's holder from the team settings, or whoever took it).
  const holderOf = (e: Escalation) => team?.members.find((m) => m.id === currentStep(e)?.holderId)?.name;
  return (
    <section aria-labelledby="esc-title" data-ready={isLoading ? undefined : 'escalations'}>
      <div className="page-head">
        <h1 id="esc-title">{t('feedback.escalationsTitle')}</h1>
      </div>
      <SubNav current="/aandacht/escalaties" />
      <p className="muted">{t('feedback.escalationsIntro')}</p>
      {!isLoading && open.length === 0 ? <p className="empty">{t('feedback.escalationsEmpty')}</p> : null}
      <ul className="fb-list">
        {open.map((e) => (
          <li key={e.id} className="fb-item" data-kind="escalation_open">
            <a className="fb-item__link" href={href(`/aandacht/escalatie/${e.id}`)}>
              <span className="fb-item__name">{data?.names.get(e.householdId) ?? ''}</span>
              <span className="fb-item__detail">
                {tx(`feedback.reason.${e.reason}`)} · {currentStep(e)?.label}
                {holderOf(e) ? ` · ${t('feedback.stepHolder', { name: holderOf(e) ?? '' })}` : ''}
              </span>
            </a>
            <span className="fb-item__date">{t('feedback.since', { date: fmt(currentStep(e)?.startedAt ?? e.openedAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The route drawn as steps: reached (with date and holder), current, not yet. */
export function RouteSteps({ e }: Readonly<{ e: Escalation }>) {
  const { t } = useI18n();
  const fmt = useFormatDate();
  const { data: team } = useTeam();
  const name = (id?: string) => team?.members.find((m) => m.id === id)?.name;
  const cur = currentStep(e)?.step ?? 0;
  return (
    <ol className="fb-route" aria-label={t('feedback.routeTitle')}>
      {e.route.map((step, i) => {
        const log = [...e.log].reverse().find((l) => l.step === i);
        const state = e.status === 'open' && i === cur ? 'current' : log ? 'reached' : 'later';
        const holder = name(log?.holderId);
        return (
          <li key={i} className={`fb-route__step fb-route__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="fb-route__dot" aria-hidden="true">
              {i + 1}
            </span>
            <span className="fb-route__label">{step.label}</span>
            <span className="fb-route__meta">
              {log ? t('feedback.stepReached', { date: fmt(log.startedAt) }) : t('feedback.stepLater')}
              {holder ? ` · ${t('feedback.stepHolder', { name: holder })}` : ''}
              {state === 'current' ? ` · ${t('feedback.stepCurrent')}` : ''}
            </span>
            {log?.note ? <span className="fb-route__note">{log.note}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function EscalationPage({ id }: Readonly<{ id: string }>) {
  const { t, tx } = useI18n();
  const fmt = useFormatDate();
  const { data, isLoading } = useEscalation(id);
  const { data: team } = useTeam();
  const next = useEscalateNext();
  const resolve = useResolveEscalation();
  const [holderId, setHolderId] = useState('');
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const [resolutionError, setResolutionError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  if (isLoading) return <p>{t('common.loading')}</p>;
  if (!data) return <p role="alert">{t('feedback.escalationNotFound')}</p>;
  const e = data.escalation;
  const upcoming = e.route[(currentStep(e)?.step ?? 0) + 1];

  const stepUp = async () => {
    const updated = await next.mutateAsync({ id, today: localDay(), ...(holderId ? { holderId } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
    setHolderId('');
    setNote('');
    setNotice(t('feedback.nextStepDone', { step: currentStep(updated)?.label ?? '' }));
  };
  const close = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!resolution.trim()) return setResolutionError('validation.required');
    setResolutionError(undefined);
    await resolve.mutateAsync({ id, resolution, today: localDay() });
    setNotice(t('feedback.resolved'));
  };
  return (
    <article aria-labelledby="escalation-title" data-ready="escalation" className="fb-narrow">
      <div className="page-head">
        <h1 id="escalation-title">{t('feedback.escalationPageTitle')}</h1>
        <span className={`fb-state fb-state--${e.status}`}>{tx(`feedback.escStatus.${e.status}`)}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('feedback.colHousehold')}</dt>
          <dd>
            <a href={href(`/households/${e.householdId}`)}>{data.householdName}</a>
          </dd>
        </div>
        <div>
          <dt>{t('feedback.reason')}</dt>
          <dd>{tx(`feedback.reason.${e.reason}`)}</dd>
        </div>
        <div>
          <dt>{t('feedback.openedOn', { date: '' }).trim()}</dt>
          <dd>{fmt(e.openedAt)}</dd>
        </div>
      </dl>
      {e.description ? <p className="fb-quote">{e.description}</p> : null}
      <h2>{t('feedback.routeTitle')}</h2>
      <RouteSteps e={e} />
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {e.status === 'opgelost' ? <p className="fb-card">{t('feedback.resolvedOn', { date: fmt(e.resolvedAt ?? e.openedAt), resolution: e.resolution ?? '' })}</p> : null}
      {e.status === 'open' ? (
        <>
          {hasNextStep(e) && upcoming ? (
            <section className="fb-card" aria-labelledby="next-title">
              <h2 id="next-title">
                {t('feedback.nextStep')}: {upcoming.label}
              </h2>
              <SelectField
                label={t('feedback.holder')}
                value={holderId || upcoming.holderId || ''}
                onChange={(ev) => setHolderId(ev.target.value)}
                options={[{ value: '', label: t('feedback.holderNone') }, ...(team?.members ?? []).map((m) => ({ value: m.id, label: m.name }))]}
              />
              <TextField label={t('feedback.stepNote')} value={note} onChange={(ev) => setNote(ev.target.value)} />
              <button type="button" className="button" onClick={() => void stepUp()} disabled={next.isPending}>
                {t('feedback.nextStep')}
              </button>
            </section>
          ) : (
            <p className="muted">{t('feedback.lastStep')}</p>
          )}
          <form className="fb-card" onSubmit={(ev) => void close(ev)} noValidate aria-labelledby="resolve-title">
            <h2 id="resolve-title">{t('feedback.resolve')}</h2>
            <TextArea label={t('feedback.resolution')} hint={t('feedback.resolutionHint')} value={resolution} onChange={(ev) => setResolution(ev.target.value)} error={resolutionError} required rows={3} />
            <button type="submit" className="button button--secondary" disabled={resolve.isPending}>
              {t('feedback.resolve')}
            </button>
          </form>
        </>
      ) : null}
    </article>
  );
}
