import { useState, type FormEvent } from 'react';
import { DEFAULT_TIME_BOX_MINUTES, NominationDraftSchema } from '@shared/domain/meeting';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { fieldErrors, type FieldErrors } from '../../../ui/errors';
import { TextArea, TextField } from '../../../ui/Field';
import { useNominate } from '../mutations';
import { useCurrentUserId, useHouseholdAgenda, useMeetings } from '../queries';
import { SaveError } from '../../../ui/SaveError';

/** On a household's page: bring it into the next meeting with a question, and what past meetings decided. */
export function NominateSection({ householdId }: Readonly<{ householdId: string }>) {
  const { t, tx } = useI18n();
  const dates = useDates();
  // The meeting may not be loaded yet: then there is no date to format.
  const dateOf = (iso: string | undefined) => (iso ? dates.date(iso) : '…');
  const { data: items } = useHouseholdAgenda(householdId);
  const { data: meetings } = useMeetings();
  const { data: me } = useCurrentUserId();
  const nominate = useNominate();
  const [question, setQuestion] = useState('');
  const [timeBox, setTimeBox] = useState(String(DEFAULT_TIME_BOX_MINUTES));
  const [errors, setErrors] = useState<FieldErrors>({});
  const meetingOf = (id: string) => meetings?.find((m) => m.id === id);
  const pending = (items ?? []).filter((i) => i.status !== 'besproken' && meetingOf(i.meetingId)?.status !== 'afgerond');
  const discussed = (items ?? []).filter((i) => i.status === 'besproken');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = { householdId, question, timeBoxMinutes: timeBox };
    const parsed = NominationDraftSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    await nominate.mutateAsync({ draft, by: me ?? undefined });
    setQuestion('');
  }

  return (
    <section aria-labelledby={`nominate-${householdId}`} className="mt-card" data-ready="nominate">
      <h2 id={`nominate-${householdId}`}>{t('meeting.section.title')}</h2>
      {pending.length ? (
        <ul className="mt-list" data-testid="on-agenda">
          {pending.map((i) => (
            <li key={i.id}>
              {t('meeting.section.onAgenda', { date: dateOf(meetingOf(i.meetingId)?.date) })} <a href={href(`/meetings/${i.meetingId}`)}>{t('meeting.section.toAgenda')}</a>
              <br />
              <span className="muted">{i.question ?? tx(`meeting.kind.${i.kind}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('meeting.section.formLabel')}>
        <TextArea label={t('meeting.section.question')} hint={t('meeting.section.questionHint')} value={question} rows={3} required error={errors.question} onChange={(e) => setQuestion(e.target.value)} />
        <TextField label={t('meeting.section.timeBox')} type="number" min={1} max={120} value={timeBox} error={errors.timeBoxMinutes} onChange={(e) => setTimeBox(e.target.value)} />
        <button type="submit" className="button" disabled={nominate.isPending}>
          {t('meeting.section.submit')}
        </button>
        {nominate.isSuccess ? <p role="status">{t('meeting.section.added')}</p> : null}
        <SaveError error={nominate.error} />
      </form>
      {discussed.length ? (
        <>
          <h3>{t('meeting.section.history')}</h3>
          <ul className="mt-list" data-testid="meeting-history">
            {discussed.map((i) => (
              <li key={i.id}>
                <strong>{dateOf(meetingOf(i.meetingId)?.date ?? i.closedAt?.slice(0, 10))}</strong>: {i.question ?? tx(`meeting.kind.${i.kind}`)}
                {i.decisions.length ? (
                  <ul>
                    {i.decisions.map((d) => (
                      <li key={d.id}>
                        {tx(`meeting.decisionKind.${d.kind}`)}: {d.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={href(`/meetings/inzage/${householdId}`)}>{t('meeting.section.inzage')}</a>
      </p>
    </section>
  );
}
