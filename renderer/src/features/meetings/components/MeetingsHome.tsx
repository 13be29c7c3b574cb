import { href } from '../../../app/router';
import { localDay } from '@shared/dates';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { usePlanMeeting } from '../mutations';
import { useMeetings } from '../queries';

/** The meetings: the next one first, past ones below; plan a new one; management figures. */
export function MeetingsHome() {
  const { t, tx } = useI18n();
  const dates = useDates();
  const { data: meetings, isLoading } = useMeetings();
  const plan = usePlanMeeting();
  if (isLoading || !meetings) return <p>{t('common.loading')}</p>;
  const today = localDay();
  const upcoming = meetings.filter((m) => m.status !== 'afgerond' && m.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const past = meetings.filter((m) => !upcoming.includes(m));
  return (
    <section aria-labelledby="meetings-title" data-ready="meetings">
      <div className="page-head">
        <h1 id="meetings-title">{t('meeting.title')}</h1>
        <button type="button" className="button" disabled={plan.isPending} onClick={() => plan.mutate(undefined)}>
          {t('meeting.planNew')}
        </button>
      </div>
      <p className="muted">{t('meeting.intro')}</p>
      <h2>{t('meeting.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('meeting.noneUpcoming')}</p>
      ) : (
        <ul className="mt-list" data-testid="upcoming">
          {upcoming.map((m) => (
            <li key={m.id}>
              <a href={href(`/meetings/${m.id}`)}>{t('meeting.meetingOf', { date: dates.date(m.date) })}</a>{' '}
              <span className={`badge mt-status--${m.status}`}>{tx(`meeting.status.${m.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {past.length ? (
        <>
          <h2>{t('meeting.past')}</h2>
          <ul className="mt-list">
            {past.map((m) => (
              <li key={m.id}>
                <a href={href(`/meetings/${m.id}`)}>{t('meeting.meetingOf', { date: dates.date(m.date) })}</a>{' '}
                <span className="muted">{tx(`meeting.status.${m.status}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('meeting.figuresTitle')}</h2>
      <p>
        <a href={href('/meetings/figures')}>{t('meeting.figuresLink')}</a>
      </p>
    </section>
  );
}
