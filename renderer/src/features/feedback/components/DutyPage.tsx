import { FEEDBACK_METHODS, FeedbackDoneSchema, type FeedbackDuty, type FeedbackMethod } from '@shared/domain/feedback';
import { localDay } from '@shared/dates';
import { dutyState, type LetterInput } from '@shared/domain/feedback-rules';
import type { LetterText } from '@shared/export/letter';
import { useMemo, useState, type FormEvent } from 'react';
import { href } from '../../../app/router';
import { translate, useI18n } from '../../../i18n';
import { referrerLetterExport } from '../../exports/kinds';
import { deliverExport } from '../../exports/pipeline';
import { ReviewedExport, useExportReview } from '../../exports/components/ExportReview';
import { SelectField, TextArea, TextField } from '../../../ui/Field';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { useMarkDutyDone } from '../mutations';
import { useDuty } from '../queries';
import { useFormatDate } from './common';

/** "To whom": the referrer, a party of an action, or the team (partner report). */
export function useRecipientLabel(): (d: FeedbackDuty) => string {
  const { tx } = useI18n();
  return (d) => {
    const r = d.recipient;
    const named = [r.name, r.organisation].filter(Boolean).join(', ');
    if (r.kind === 'party') return r.party?.name ?? tx(`feedback.party.${r.party?.kind ?? 'contact'}`);
    if (r.kind === 'team') return tx('feedback.recipient.team');
    return named || tx('feedback.recipient.referrer');
  };
}

export function DutyPage({ id }: Readonly<{ id: string }>) {
  const { t, tx } = useI18n();
  const fmt = useFormatDate();
  const { data, isLoading } = useDuty(id);
  const recipient = useRecipientLabel();
  if (isLoading) return <p>{t('common.loading')}</p>;
  if (!data) return <p role="alert">{t('feedback.dutyNotFound')}</p>;
  const { duty, letter, householdName } = data;
  const state = dutyState(duty, localDay());
  return (
    <article aria-labelledby="duty-title" data-ready="duty">
      <div className="page-head">
        <h1 id="duty-title">{t('feedback.dutyPageTitle', { kind: tx(`feedback.dutyKind.${duty.kind}`) })}</h1>
        <span className={`fb-state fb-state--${state}`}>{tx(`feedback.dutyState.${state}`)}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('feedback.colHousehold')}</dt>
          <dd>
            <a href={href(`/households/${duty.householdId}`)}>{householdName}</a>
          </dd>
        </div>
        <div>
          <dt>{duty.kind === 'partner_report' ? t('feedback.fromLabel') : t('feedback.toLabel')}</dt>
          <dd>{recipient(duty)}</dd>
        </div>
        <div>
          <dt>{t('feedback.colDue')}</dt>
          <dd>{fmt(duty.dueDate)}</dd>
        </div>
        {duty.status === 'gedaan' && duty.doneAt ? (
          <div>
            <dt>{t('feedback.dutyState.gedaan')}</dt>
            <dd>{t('feedback.dutyDone', { date: fmt(duty.doneAt), how: tx(`feedback.how.${duty.doneHow ?? 'anders'}`) })}</dd>
          </div>
        ) : null}
      </dl>
      {letter ? <Letter duty={duty} input={letter} /> : <p className="muted">{t('feedback.noLetter')}</p>}
      {duty.status === 'open' ? <MarkDone duty={duty} defaultHow={letter ? 'brief' : 'telefoon'} /> : null}
    </article>
  );
}

/** The letter is an export: Dutch like every export, the catalogue's texts. */
const letterText: LetterText = (key, vars) => translate('nl', `feedback.letter.${key}`, vars);

/**
 * The referrer letter through the export path: built from the allowlisted fields only, its
 * outcome line scanned and reviewed like any narrative in a meeting pack (same review and
 * preview components), refused while locked, and logged (purpose, audience, household id; never
 * the text) when it is copied or saved.
 */
function Letter({ duty, input }: Readonly<{ duty: FeedbackDuty; input: LetterInput }>) {
  const { t } = useI18n();
  // Load is the duty page's own read (the duty and its letter input); project here, deliver below.
  // The file name (in the UI language) is set when saving, so a language switch keeps the review's choices.
  const prepared = useMemo(() => referrerLetterExport(duty, input, letterText, '').project(input), [duty, input]);
  const projected = prepared.projected;
  const review = useExportReview(projected.document);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const run = async (action: () => Promise<string | null>, failure: string) => {
    setNotice(null);
    setFailed(null);
    try {
      const done = await action();
      if (done) setNotice(done);
    } catch {
      setFailed(failure);
    }
  };
  const copy = () =>
    run(async () => {
      // Render → copy through the platform → audit entry: the export pipeline (features/exports).
      await deliverExport(prepared, review.resolved, 'clipboard');
      return t('feedback.copied');
    }, t('feedback.copyFailed'));
  const save = () =>
    run(async () => {
      const fileBase = t('feedback.letterFileName', { date: localDay() }).replace(/\.txt$/, '');
      if ((await deliverExport({ ...prepared, fileBase }, review.resolved, 'text')).outcome === 'cancelled') return null;
      return t('feedback.saved');
    }, t('meeting.export.failed'));
  return (
    <section aria-labelledby="letter-title" className="fb-card" data-testid="letter">
      <h2 id="letter-title">{t('feedback.letterTitle')}</h2>
      <p className="muted">{t('feedback.letterIntro')}</p>
      <ReviewedExport
        review={review}
        doc={projected.document}
        notice={notice}
        error={failed}
        actions={
          <>
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              {t('feedback.copy')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => void save()}>
              {t('feedback.saveFile')}
            </button>
          </>
        }
      />
    </section>
  );
}

function MarkDone({ duty, defaultHow }: Readonly<{ duty: FeedbackDuty; defaultHow: FeedbackMethod }>) {
  const { t, tx } = useI18n();
  const mark = useMarkDutyDone();
  const [doneAt, setDoneAt] = useState(localDay());
  const [doneHow, setDoneHow] = useState<string>(defaultHow);
  const [doneNote, setDoneNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = FeedbackDoneSchema.safeParse({ doneAt, doneHow, doneNote });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    await mark.mutateAsync({ id: duty.id, done: parsed.data });
  };
  return (
    <form className="fb-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="done-title">
      <h2 id="done-title">{t('feedback.markDoneTitle')}</h2>
      <div className="fb-row">
        <TextField label={t('feedback.doneAt')} type="date" value={doneAt} onChange={(e) => setDoneAt(e.target.value)} error={errors.doneAt} required />
        <SelectField
          label={t('feedback.doneHow')}
          value={doneHow}
          onChange={(e) => setDoneHow(e.target.value)}
          error={errors.doneHow}
          options={FEEDBACK_METHODS.map((m) => ({ value: m, label: tx(`feedback.how.${m}`) }))}
        />
      </div>
      <TextArea label={t('feedback.doneNote')} hint={t('feedback.doneNoteHint')} value={doneNote} onChange={(e) => setDoneNote(e.target.value)} error={errors.doneNote} rows={2} />
      <button type="submit" className="button" disabled={mark.isPending}>
        {t('feedback.markDone')}
      </button>
      {mark.isError ? <p role="alert" className="field__error">{t('common.errorGeneric')}</p> : null}
    </form>
  );
}
