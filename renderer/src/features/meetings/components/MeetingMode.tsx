import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { localDay } from '@shared/dates';
import { ACTION_LAYERS, type ActionLayer, type Party } from '@shared/domain/casefile';
import { isOpen, layerNeedsReason } from '@shared/domain/casefile-rules';
import { isGoalInWork } from '@shared/domain/feedback-rules';
import { ageBand, ageOn } from '@shared/domain/household';
import { DECISION_KINDS, MeetingActionDraftSchema, formatClock, isCloseItemRefused, meetingActionFromDraft, nextOpenItem, timerState, type AgendaItem, type DecisionKind, type Meeting } from '@shared/domain/meeting';
import { DEFAULT_LIFE_DOMAINS } from '@shared/domain/partners';
import { latestScores } from '@shared/export/profiles';
import { pseudonymLabel } from '@shared/privacy/pseudonym';
import { href, navigate } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { useAddAction, useAddDecision, useCloseItem, useCloseMeeting, useRemoveAction, useRemoveDecision, useStartItem, useStartMeeting, useUpdateItem } from '../mutations';
import { useAgenda, useCaseSummary, useHouseholdNames, useMeeting, usePeople, useTeamSettings } from '../queries';

/** The chair's screen: one item at a time, a visible timer, keyboard shortcuts for the three things done most. */
export function MeetingMode({ meetingId }: Readonly<{ meetingId: string }>) {
  const { t } = useI18n();
  const dates = useDates();
  const { data: meeting, isLoading } = useMeeting(meetingId);
  const { data: items } = useAgenda(meetingId);
  const start = useStartMeeting(meetingId);
  const closeMeeting = useCloseMeeting(meetingId);
  if (isLoading || !items) return <p>{t('common.loading')}</p>;
  if (!meeting) return <p role="alert">{t('meeting.notFound')}</p>;
  if (meeting.status === 'gepland') {
    return (
      <section aria-labelledby="mm-title" data-ready="meeting-start">
        <h1 id="mm-title">{t('meeting.modeTitle', { date: dates.date(meeting.date) })}</h1>
        <p>{t('meeting.startIntro', { count: items.filter((i) => i.status === 'open').length })}</p>
        <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending}>
          {t('meeting.start')}
        </button>
      </section>
    );
  }
  const current = items.find((i) => i.id === meeting.currentItemId && i.status === 'open') ?? nextOpenItem(items, meeting.currentItemId);
  if (!current || meeting.status === 'afgerond') {
    return (
      <section aria-labelledby="mm-title" data-ready="meeting-done">
        <h1 id="mm-title">{t('meeting.modeTitle', { date: dates.date(meeting.date) })}</h1>
        <p role="status">{meeting.status === 'afgerond' ? t('meeting.closedNote') : t('meeting.allDone')}</p>
        {meeting.status !== 'afgerond' ? (
          <button
            type="button"
            className="button"
            disabled={closeMeeting.isPending}
            onClick={() => closeMeeting.mutate(undefined, { onSuccess: () => navigate(`/meetings/${meetingId}/export/minutes`) })}
          >
            {t('meeting.closeMeeting')}
          </button>
        ) : (
          <a className="button" href={href(`/meetings/${meetingId}/export/minutes`)}>
            {t('meeting.minutes')}
          </a>
        )}
      </section>
    );
  }
  return <ItemMode key={current.id} meeting={meeting} items={items} item={current} />;
}

function partyValue(p: Party): string {
  return p.kind === 'team_member' || p.kind === 'contact' ? `${p.kind}:${p.refId ?? ''}` : p.kind;
}
function partyFrom(v: string): Party {
  const [kind, refId] = v.split(':');
  if (kind === 'team_member' || kind === 'contact') return { kind, refId };
  return { kind: kind === 'network' ? 'network' : 'resident' };
}

/** The action text field (TextField owns its id, so it is found by name). */
function focusActionText(): void {
  document.querySelector<HTMLInputElement>('input[name="mm-action-text"]')?.focus();
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

function ItemMode({ meeting, items, item }: Readonly<{ meeting: Meeting; items: AgendaItem[]; item: AgendaItem }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const { data: summary } = useCaseSummary(item.householdId);
  const { data: people } = usePeople();
  const { data: settings } = useTeamSettings();
  const { data: names } = useHouseholdNames([item.householdId]);
  const startItem = useStartItem(meeting.id);
  const updateItem = useUpdateItem();
  const addDecision = useAddDecision();
  const removeDecision = useRemoveDecision();
  const addAction = useAddAction();
  const removeAction = useRemoveAction();
  const closeItem = useCloseItem();
  const now = useNow();
  const [showName, setShowName] = useState(false);
  const [notes, setNotes] = useState(item.notes ?? '');
  const [decisionKind, setDecisionKind] = useState<DecisionKind>('advies');
  const [decisionText, setDecisionText] = useState('');
  const [decisionError, setDecisionError] = useState<string | undefined>();
  const decisionRef = useRef<HTMLTextAreaElement>(null);
  const today = localDay(now);
  const inTwoWeeks = localDay(now + 14 * 86_400_000);
  const blankAction = useCallback(
    () => ({ text: '', goalChoice: '', newGoalDomainId: '', newGoalText: '', layer: 'eigen_kracht' as ActionLayer, layerReason: '', owner: 'team_member:', dueDate: inTwoWeeks, reportTo: 'team_member:' }),
    [inTwoWeeks],
  );
  const [action, setAction] = useState(blankAction);
  const [actionErrors, setActionErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (!item.startedAt) startItem.mutate(item.id);
    // Only when the item changes: startItem is a fresh object each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- start the timer once per item
  }, [item.id]);

  const index = items.findIndex((i) => i.id === item.id);
  const pseudonym = pseudonymLabel(meeting.pseudonyms[item.householdId] ?? '?');
  const timer = timerState(item.startedAt ? Date.parse(item.startedAt) : now, now, item.timeBoxMinutes);
  const domains = settings?.lifeDomains.length ? settings.lifeDomains : DEFAULT_LIFE_DOMAINS;
  const domainLabel = (id: string) => domains.find((d) => d.id === id)?.label ?? id;
  const goals = summary?.goals.filter(isGoalInWork) ?? [];
  const siblingsOf = (goalId: string) => [
    ...(summary?.actions.filter((a) => a.goalId === goalId) ?? []),
    ...item.actions.filter((a) => a.goalId === goalId).map((a) => ({ layer: a.layer, status: 'open' as const })),
  ];
  const needsReason = action.layer !== 'eigen_kracht' && (action.goalChoice === 'new' || !action.goalChoice ? true : layerNeedsReason(action.layer, siblingsOf(action.goalChoice)));

  const partyOptions = [
    { value: 'team_member:', label: t('meeting.choose') },
    ...(people?.teamMembers.filter((m) => m.active).map((m) => ({ value: `team_member:${m.id}`, label: m.name })) ?? []),
    ...(people?.contacts.filter((c) => c.active).map((c) => ({ value: `contact:${c.id}`, label: `${c.name} (${people.organisations.find((o) => o.id === c.organisationId)?.name ?? ''})` })) ?? []),
    { value: 'resident', label: t('meeting.party.resident') },
    { value: 'network', label: t('meeting.party.network') },
  ];
  const partyName = (p: Party) => partyOptions.find((o) => o.value === partyValue(p))?.label ?? '—';

  const saveNotes = () => {
    if ((item.notes ?? '') !== notes) updateItem.mutate({ id: item.id, patch: { notes } });
  };

  function submitDecision(e?: FormEvent) {
    e?.preventDefault();
    if (!decisionText.trim()) {
      setDecisionError('validation.required');
      return;
    }
    setDecisionError(undefined);
    addDecision.mutate({ itemId: item.id, decision: { kind: decisionKind, text: decisionText.trim() } });
    setDecisionText('');
  }

  function submitAction(e: FormEvent) {
    e.preventDefault();
    const parsed = MeetingActionDraftSchema.safeParse({ ...action, owner: partyFrom(action.owner), reportTo: partyFrom(action.reportTo) });
    const errs: Record<string, string> = parsed.success ? {} : { ...fieldErrors(parsed.error) };
    if (partyFrom(action.owner).kind === 'team_member' && !partyFrom(action.owner).refId) errs.owner = 'validation.choice';
    if (partyFrom(action.reportTo).kind === 'team_member' && !partyFrom(action.reportTo).refId) errs.reportTo = 'validation.choice';
    if (needsReason && !action.layerReason.trim()) errs.layerReason = 'validation.reasonRequired';
    if (!parsed.success || Object.keys(errs).length) {
      setActionErrors(errs);
      return;
    }
    setActionErrors({});
    addAction.mutate({ itemId: item.id, action: meetingActionFromDraft(parsed.data, crypto.randomUUID()) });
    setAction(blankAction());
    focusActionText();
  }

  const closeAndNext = useCallback(() => {
    if (closeItem.isPending) return;
    const close = () =>
      closeItem.mutate(item.id, {
        onSuccess: () => {
          const next = nextOpenItem(items.map((i) => (i.id === item.id ? { ...i, status: 'besproken' as const } : i)), item.id);
          if (next) startItem.mutate(next.id);
        },
      });
    // Unsaved notes are stored first: a close prepared while they are being written would find
    // the item changed under it (closeItem refuses that rather than overwrite them).
    if ((item.notes ?? '') !== notes) updateItem.mutate({ id: item.id, patch: { notes } }, { onSuccess: close });
    else close();
  }, [closeItem, item, items, notes, startItem, updateItem]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyN') {
        e.preventDefault();
        closeAndNext();
      } else if (e.code === 'KeyA') {
        e.preventDefault();
        focusActionText();
      } else if (e.code === 'KeyB') {
        e.preventDefault();
        decisionRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [closeAndNext]);

  // A file closed after the household was put on the agenda is read-only (closedFileRefusal):
  // the item can still be discussed and closed, without actions; the chair is told up front.
  const fileClosed = summary ? !isOpen(summary.household) : false;
  const scores = summary ? latestScores(summary.assessments, item.householdId).sort((a, b) => a.score - b.score) : [];
  const carriedIds = new Set(item.followUp?.actionIds ?? []);
  const openActions = summary?.actions.filter((a) => a.status === 'open' && !carriedIds.has(a.id)) ?? [];
  const carried = item.followUp ? (summary?.actions.filter((a) => item.followUp?.actionIds.includes(a.id)) ?? []) : [];

  return (
    <article aria-labelledby="mm-title" className="mm" data-ready="meeting-mode" data-item={item.id}>
      <header className="mm-head">
        <div>
          <p className="muted mm-pos">{t('meeting.itemOf', { n: index + 1, total: items.length, date: dates.date(meeting.date) })}</p>
          <h1 id="mm-title">
            {pseudonym}
            {showName ? <span className="mm-realname"> — {names?.get(item.householdId)}</span> : null}
          </h1>
          <button type="button" className="button button--link mt-inline-link" aria-pressed={showName} onClick={() => setShowName((s) => !s)}>
            {showName ? t('meeting.hideName') : t('meeting.showName')}
          </button>
        </div>
        <div className={`mm-timer${timer.over ? ' mm-timer--over' : timer.nearlyOver ? ' mm-timer--near' : ''}`}>
          <span className="mm-timer__label">{timer.over ? t('meeting.timerOver') : t('meeting.timerLeft')}</span>
          <span className="mm-timer__clock" role="timer" aria-label={t('meeting.timerAria', { box: item.timeBoxMinutes })} data-testid="timer">
            {formatClock(timer.remainingSeconds)}
          </span>
          <svg viewBox="0 0 100 6" width="160" height="8" aria-hidden="true">
            <rect x="0" y="0" width="100" height="6" rx="3" fill="#e6ebf1" />
            <rect x="0" y="0" width={Math.min(100, (timer.elapsedSeconds / (item.timeBoxMinutes * 60)) * 100)} height="6" rx="3" fill={timer.over ? '#a4161a' : timer.nearlyOver ? '#8a5300' : '#1b6e3a'} />
          </svg>
          <span className="muted">{t('meeting.timeBoxShort', { min: item.timeBoxMinutes })}</span>
        </div>
      </header>

      <p className="mm-keys" id="mm-keys">
        {t('meeting.shortcuts')}
      </p>

      <div className="mm-grid">
        <section aria-labelledby="mm-case" className="mt-card">
          <h2 id="mm-case">{t('meeting.caseSummary')}</h2>
          {!summary ? (
            <p>{t('common.loading')}</p>
          ) : (
            <>
              <p>
                <strong>{t('meeting.composition')}:</strong>{' '}
                {summary.household.members.map((m) => `${tx(`households.role.${m.role}`)}${m.birthDate ? ` (${ageBand(ageOn(m.birthDate, today))})` : ''}`).join(', ') || '—'}
                {' · '}
                <strong>{t('meeting.wijk')}:</strong> {summary.household.wijk ?? '—'}
              </p>
              {scores.length ? (
                <ul className="mm-scores" aria-label={t('meeting.scores')}>
                  {scores.map((a) => (
                    <li key={a.id}>
                      <span>{domainLabel(a.domainId)}</span>
                      <svg viewBox="0 0 50 8" width="100" height="10" aria-hidden="true">
                        <rect x="0" y="0" width="50" height="8" rx="2" fill="#e6ebf1" />
                        <rect x="0" y="0" width={a.score * 10} height="8" rx="2" fill={a.score <= 2 ? '#a4161a' : a.score === 3 ? '#8a5300' : '#1b6e3a'} />
                      </svg>
                      <span>{t('meeting.scoreOf', { score: a.score })}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              <h3>{t('meeting.goals')}</h3>
              {goals.length ? (
                <ul>
                  {goals.map((g) => (
                    <li key={g.id}>
                      <strong>{domainLabel(g.domainId)}:</strong> {g.text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{summary.plan ? t('meeting.noGoals') : t('meeting.noPlan')}</p>
              )}
              {openActions.length ? (
                <>
                  <h3>{t('meeting.openActions')}</h3>
                  <ul>
                    {openActions.map((a) => (
                      <li key={a.id}>
                        {a.text} — {partyName(a.owner)}, {dates.date(a.dueDate)}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {carried.length ? (
                <>
                  <h3>{t('meeting.carried')}</h3>
                  <ul>
                    {carried.map((a) => (
                      <li key={a.id}>
                        {a.text} — {partyName(a.owner)}, {dates.date(a.dueDate)} ({tx(`meeting.actionStatus.${a.status}`)})
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
          <h3>{t('meeting.question')}</h3>
          <p className="mm-question">{item.question ?? t('meeting.followUpQuestion', { actions: item.followUp?.actionIds.length ?? 0, duties: item.followUp?.dutyIds.length ?? 0 })}</p>
          <TextArea label={t('meeting.notes')} hint={t('meeting.notesHint')} value={notes} rows={5} onChange={(e) => setNotes(e.target.value)} onBlur={saveNotes} />
        </section>

        <section aria-labelledby="mm-decide" className="mt-card">
          <h2 id="mm-decide">{t('meeting.decisions')}</h2>
          {item.decisions.length ? (
            <ul className="mm-list" data-testid="decisions">
              {item.decisions.map((d) => (
                <li key={d.id}>
                  <span className={`badge mm-dec--${d.kind}`}>{tx(`meeting.decisionKind.${d.kind}`)}</span> {d.text}{' '}
                  <button type="button" className="mt-chip__x" aria-label={t('meeting.removeDecision', { text: d.text })} onClick={() => removeDecision.mutate({ itemId: item.id, id: d.id })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('meeting.noDecisions')}</p>
          )}
          <form onSubmit={submitDecision} noValidate className="mm-form" aria-label={t('meeting.addDecision')}>
            <fieldset className="mm-radio">
              <legend>{t('meeting.decisionKindLabel')}</legend>
              {DECISION_KINDS.map((k) => (
                <label key={k}>
                  <input autoComplete="off" type="radio" name="decision-kind" value={k} checked={decisionKind === k} onChange={() => setDecisionKind(k)} /> {tx(`meeting.decisionKind.${k}`)}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="mm-decision">{t('meeting.decisionText')}</label>
              <textarea autoComplete="off" id="mm-decision" ref={decisionRef} rows={2} value={decisionText} aria-keyshortcuts="Alt+B" aria-invalid={decisionError ? true : undefined} onChange={(e) => setDecisionText(e.target.value)} />
              {decisionError ? <p className="field__error" role="alert">{tx(decisionError)}</p> : null}
            </div>
            <button type="submit" className="button button--secondary" aria-keyshortcuts="Alt+B">
              {t('meeting.addDecision')} <kbd>Alt+B</kbd>
            </button>
          </form>

          <h2>{t('meeting.actions')}</h2>
          {item.actions.length ? (
            <ul className="mm-list" data-testid="actions">
              {item.actions.map((a) => (
                <li key={a.id}>
                  {a.text} — {partyName(a.owner)}, {dates.date(a.dueDate)} · {t('meeting.reportToShort', { who: partyName(a.reportTo) })}{' '}
                  <button type="button" className="mt-chip__x" aria-label={t('meeting.removeAction', { text: a.text })} onClick={() => removeAction.mutate({ itemId: item.id, id: a.id })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('meeting.noActions')}</p>
          )}
          {fileClosed ? (
            <p className="muted" data-testid="file-closed">
              {t('meeting.fileClosed')}
            </p>
          ) : (
            <form onSubmit={submitAction} noValidate className="mm-form" aria-label={t('meeting.addAction')}>
              <TextField label={t('meeting.actionText')} name="mm-action-text" aria-keyshortcuts="Alt+A" value={action.text} onChange={(e) => setAction({ ...action, text: e.target.value })} error={actionErrors.text} required />
              <SelectField
                label={t('meeting.goal')}
                hint={summary?.plan ? undefined : t('meeting.noPlanHint')}
                value={action.goalChoice}
                error={actionErrors.goalChoice}
                onChange={(e) => setAction({ ...action, goalChoice: e.target.value })}
                options={[{ value: '', label: t('meeting.choose') }, ...goals.map((g) => ({ value: g.id, label: `${domainLabel(g.domainId)}: ${g.text}` })), { value: 'new', label: t('meeting.newGoal') }]}
              />
              {action.goalChoice === 'new' ? (
                <div className="grid-2">
                  <SelectField
                    label={t('meeting.newGoalDomain')}
                    value={action.newGoalDomainId}
                    error={actionErrors.newGoalDomainId}
                    onChange={(e) => setAction({ ...action, newGoalDomainId: e.target.value })}
                    options={[{ value: '', label: t('meeting.choose') }, ...domains.filter((d) => d.active).map((d) => ({ value: d.id, label: d.label }))]}
                  />
                  <TextField label={t('meeting.newGoalText')} value={action.newGoalText} error={actionErrors.newGoalText} onChange={(e) => setAction({ ...action, newGoalText: e.target.value })} />
                </div>
              ) : null}
              <div className="grid-2">
                <SelectField label={t('meeting.layer')} value={action.layer} onChange={(e) => setAction({ ...action, layer: e.target.value as ActionLayer })} options={ACTION_LAYERS.map((l) => ({ value: l, label: tx(`meeting.layerName.${l}`) }))} />
                <TextField label={t('meeting.dueDate')} type="date" value={action.dueDate} error={actionErrors.dueDate} onChange={(e) => setAction({ ...action, dueDate: e.target.value })} />
              </div>
              {needsReason ? (
                <TextField label={t('meeting.layerReason')} hint={t('meeting.layerReasonHint')} value={action.layerReason} error={actionErrors.layerReason} onChange={(e) => setAction({ ...action, layerReason: e.target.value })} />
              ) : null}
              <div className="grid-2">
                <SelectField label={t('meeting.owner')} value={action.owner} error={actionErrors.owner} onChange={(e) => setAction({ ...action, owner: e.target.value })} options={partyOptions} />
                <SelectField label={t('meeting.reportTo')} value={action.reportTo} error={actionErrors.reportTo} onChange={(e) => setAction({ ...action, reportTo: e.target.value })} options={partyOptions} />
              </div>
              <button type="submit" className="button button--secondary" aria-keyshortcuts="Alt+A">
                {t('meeting.addAction')} <kbd>Alt+A</kbd>
              </button>
            </form>
          )}
        </section>
      </div>

      <footer className="mm-foot">
        {closeItem.isError ? (
          <p role="alert" className="field__error">
            {isCloseItemRefused(closeItem.error) ? tx(`meeting.closeRefused.${closeItem.error.reason}`, { action: closeItem.error.actionText ?? '' }) : t('meeting.closeFailed')}
          </p>
        ) : null}
        <p className="muted">{fileClosed ? t('meeting.writeBackClosed') : summary?.plan ? t('meeting.writeBackNote') : t('meeting.writeBackNewPlan')}</p>
        <button type="button" className="button" aria-keyshortcuts="Alt+N" disabled={closeItem.isPending} onClick={closeAndNext}>
          {t('meeting.closeAndNext')} <kbd>Alt+N</kbd>
        </button>{' '}
        <a className="button button--secondary" href={href(`/meetings/${meeting.id}`)}>
          {t('meeting.toAgenda')}
        </a>
      </footer>
    </article>
  );
}
