import { useCallback, useMemo, type FormEvent, type ReactNode } from 'react';
import { NoteDraftSchema } from '@shared/domain/casefile';
import { buildTimeline, type CaseFile, type TimelineEntry } from '@shared/domain/casefile-rules';
import { useI18n } from '../../../i18n';
import { TextArea } from '../../../ui/Field';
import { useDates } from '../../../i18n/format';
import { useAddNote } from '../mutations';
import { useAppSettings, useLifeDomains } from '../queries';
import { Card, SaveError, usePeople } from './bits';
import { useZodForm } from '../../../ui/useZodForm';

/** What happened, newest first — derived from the records — and notes. */
export function TimelineTab({ cf }: Readonly<{ cf: CaseFile }>) {
  const { t } = useI18n();
  const entries = useMemo(() => buildTimeline(cf), [cf]);
  const closed = cf.household.status === 'afgesloten';
  return (
    <div className="cf-stack">
      {closed ? null : <NoteForm householdId={cf.household.id} />}
      <Card id="timeline-title" title={t('casefile.timelineTitle')}>
        <ol className="cf-timeline" data-testid="timeline">
          {entries.map((e) => (
            <TimelineItem key={e.key} entry={e} />
          ))}
        </ol>
      </Card>
    </div>
  );
}

function TimelineItem({ entry }: Readonly<{ entry: TimelineEntry }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  const people = usePeople();
  const { domains } = useLifeDomains();
  const name = (id: string | undefined) => people.memberName(id) ?? t('casefile.nobody');
  let title: string;
  let body: string | undefined;
  let extra: ReactNode = null;
  switch (entry.kind) {
    case 'household_created':
      title = t('casefile.tl.household_created');
      break;
    case 'intake':
      title = t('casefile.tl.intake', { referrer: tx(`casefile.referrer.${entry.intake.referrerType}`) });
      body = entry.intake.question;
      break;
    case 'intake_decision':
      title = t('casefile.tl.intake_decision', { decision: tx(`casefile.decision.${entry.intake.decision ?? 'oppakken'}`) });
      body = entry.intake.decisionReason;
      break;
    case 'assessment':
      title = t('casefile.tl.assessment', {
        domain: domains.find((d) => d.id === entry.assessment.domainId)?.label ?? entry.assessment.domainId,
        score: entry.assessment.score,
      });
      body = entry.assessment.narrative;
      break;
    case 'plan_started':
      title = t('casefile.tl.plan_started');
      break;
    case 'plan_replaced':
      title = t('casefile.tl.plan_replaced');
      break;
    case 'goal_added':
      title = t('casefile.tl.goal_added');
      body = entry.goal.text;
      break;
    case 'action_added':
      title = t('casefile.tl.action_added', { layer: tx(`casefile.layer.${entry.action.layer}`) });
      body = entry.action.text;
      break;
    case 'action_done':
      title = t('casefile.tl.action_done');
      body = `${entry.action.text}${entry.action.result ? ` — ${entry.action.result}` : ''}`;
      break;
    case 'handover':
      title = t('casefile.tl.handover', { from: name(entry.handover.fromId), to: name(entry.handover.toId) });
      body = entry.handover.reason;
      break;
    case 'note':
      title = t('casefile.tl.note');
      body = entry.note.text;
      if (entry.note.internal) extra = <span className="badge badge--internal">{t('casefile.internalBadge')}</span>;
      break;
    case 'status_changed':
      title = t('casefile.tl.status_changed', {
        from: tx(`households.status.${entry.event.from ?? 'aangemeld'}`),
        to: tx(`households.status.${entry.event.to ?? 'aangemeld'}`),
      });
      break;
    case 'evaluation': {
      const reached = entry.evaluation.goals.filter((g) => g.result === 'bereikt').length;
      title = t('casefile.tl.evaluation', { reached, total: entry.evaluation.goals.length });
      body = entry.evaluation.narrative;
      extra = <span className="muted">{t('casefile.tl.evaluationNext', { date: dates.date(entry.evaluation.nextEvaluationDate) })}</span>;
      break;
    }
    case 'closed':
      title = t('casefile.tl.closed');
      break;
  }
  return (
    <li className={`cf-timeline__item cf-timeline__item--${entry.kind}`}>
      <span className="cf-timeline__dot" aria-hidden="true" />
      <p className="cf-timeline__head">
        <time dateTime={entry.date}>{dates.date(entry.date)}</time> <strong>{title}</strong> {extra}
      </p>
      {body ? <p className="cf-timeline__body cf-prewrap">{body}</p> : null}
    </li>
  );
}

function NoteForm({ householdId }: Readonly<{ householdId: string }>) {
  const { t } = useI18n();
  const app = useAppSettings();
  const init = useCallback(() => ({ text: '', internal: false }), []);
  const f = useZodForm(NoteDraftSchema, init);
  const add = useAddNote(householdId);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = f.validate();
    if (!draft) return;
    await add.mutateAsync({ draft, authorId: app.data?.currentUserId });
    f.reset();
  }
  return (
    <Card id="note-form-title" title={t('casefile.addNote')}>
      <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate aria-labelledby="note-form-title">
        <TextArea label={t('casefile.noteText')} rows={3} value={f.values.text} onChange={(e) => f.set({ text: e.target.value })} error={f.errors.text} required />
        <div className="check">
          <input autoComplete="off" id="note-internal" type="checkbox" checked={f.values.internal} onChange={(e) => f.set({ internal: e.target.checked })} aria-describedby="note-internal-hint" />
          <label htmlFor="note-internal">{t('casefile.internal')}</label>
        </div>
        <p id="note-internal-hint" className="field__hint">
          {t('casefile.internalHint')}
        </p>
        <SaveError error={add.error} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('casefile.saveNote')}
        </button>
      </form>
    </Card>
  );
}
