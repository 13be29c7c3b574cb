import { useState } from 'react';
import { localDay } from '@shared/dates';
import { agendaBudget, type AgendaItem, type Meeting } from '@shared/domain/meeting';
import type { TeamMember } from '@shared/domain/team';
import { canBeInvited, checkPartnerAccess, ringOf, type PartnerAccess } from '@shared/domain/partner-rules';
import { pseudonymLabel } from '@shared/privacy/pseudonym';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { useFollowUps, useInvite, useMoveItem, useRemoveItem, useUpdateItem, useUpdateMeeting } from '../mutations';
import { useAgenda, useConsents, useHouseholdNames, useMeeting, usePeople } from '../queries';
import { BudgetBar } from './BudgetBar';

/** The coordinator's agenda: order, time boxes against the meeting length, attendees, invited partners. */
export function AgendaScreen({ meetingId }: Readonly<{ meetingId: string }>) {
  const { t } = useI18n();
  const dates = useDates();
  const { data: meeting, isLoading } = useMeeting(meetingId);
  const { data: items } = useAgenda(meetingId);
  const ids = (items ?? []).map((i) => i.householdId);
  const { data: names } = useHouseholdNames(ids);
  const { data: people } = usePeople();
  const followUps = useFollowUps(meetingId);
  if (isLoading || !items || !people) return <p>{t('common.loading')}</p>;
  if (!meeting) return <p role="alert">{t('meeting.notFound')}</p>;
  const budget = agendaBudget(items, meeting.lengthMinutes);
  const members = people.teamMembers.filter((m) => m.active);
  const closed = meeting.status === 'afgerond';

  return (
    <article aria-labelledby="agenda-title" data-ready="agenda">
      <div className="page-head">
        <h1 id="agenda-title">{t('meeting.agendaTitle', { date: dates.date(meeting.date) })}</h1>
        <div className="mt-actions">
          {!closed ? (
            <a className="button" href={href(`/meetings/${meetingId}/run`)}>
              {meeting.status === 'bezig' ? t('meeting.resume') : t('meeting.start')}
            </a>
          ) : null}
          <a className="button button--secondary" href={href(`/meetings/${meetingId}/export/meeting_pack`)}>
            {t('meeting.exportPack')}
          </a>
          <a className="button button--secondary" href={href(`/meetings/${meetingId}/export/minutes`)}>
            {t('meeting.minutes')}
          </a>
        </div>
      </div>

      <MeetingSetup meeting={meeting} members={members} closed={closed} />

      <h2>{t('meeting.agenda')}</h2>
      <BudgetBar planned={budget.plannedMinutes} length={budget.lengthMinutes} />
      {!closed ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => followUps.mutate()} disabled={followUps.isPending}>
            {t('meeting.fetchFollowUps')}
          </button>{' '}
          {followUps.isSuccess ? <span role="status">{t('meeting.followUpsAdded', { count: followUps.data })}</span> : null}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('meeting.emptyAgenda')}</p>
      ) : (
        <ol className="mt-agenda">
          {items.map((item, n) => (
            <AgendaRow
              key={item.id}
              item={item}
              index={n}
              count={items.length}
              name={names?.get(item.householdId) ?? '…'}
              pseudonym={pseudonymLabel(meeting.pseudonyms[item.householdId] ?? '?')}
              meetingId={meetingId}
              readOnly={closed || item.status === 'besproken'}
            />
          ))}
        </ol>
      )}
      <p>
        <a href={href('/meetings')}>{t('common.back')}</a>
      </p>
    </article>
  );
}

function MeetingSetup({ meeting, members, closed }: Readonly<{ meeting: Meeting; members: readonly TeamMember[]; closed: boolean }>) {
  const { t } = useI18n();
  const update = useUpdateMeeting(meeting.id);
  const [attendees, setAttendees] = useState<string[]>(meeting.attendeeIds);
  const [chair, setChair] = useState(meeting.chairId ?? '');
  return (
      <section aria-labelledby="mt-setup" className="mt-card">
        <h2 id="mt-setup">{t('meeting.setup')}</h2>
        <div className="mt-setup">
          <div className="field">
            <label htmlFor="mt-length">{t('meeting.length')}</label>
            <input
              autoComplete="off"
              id="mt-length"
              type="number"
              min={15}
              max={480}
              defaultValue={meeting.lengthMinutes}
              disabled={closed}
              onBlur={(e) => {
                const v = Number(e.target.value);
                if (Number.isInteger(v) && v >= 15 && v <= 480 && v !== meeting.lengthMinutes) update.mutate({ lengthMinutes: v });
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="mt-chair">{t('meeting.chair')}</label>
            <select autoComplete="off" id="mt-chair" value={chair} disabled={closed} onChange={(e) => { setChair(e.target.value); update.mutate({ chairId: e.target.value || undefined }); }}>
              <option value="">{t('meeting.choose')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="mt-attendees">
          <legend>{t('meeting.attendees')}</legend>
          {members.map((m) => (
            <label key={m.id} className="mt-check">
              <input
                autoComplete="off"
                type="checkbox"
                disabled={closed}
                checked={attendees.includes(m.id)}
                onChange={(e) => {
                  // Local state first: a checkbox must answer the click at once, the write follows.
                  const next = e.target.checked ? [...attendees, m.id] : attendees.filter((x) => x !== m.id);
                  setAttendees(next);
                  update.mutate({ attendeeIds: next });
                }}
              />{' '}
              {m.name}
            </label>
          ))}
        </fieldset>
      </section>
  );
}

function AgendaRow({
  item,
  index,
  count,
  name,
  pseudonym,
  meetingId,
  readOnly,
}: Readonly<{ item: AgendaItem; index: number; count: number; name: string; pseudonym: string; meetingId: string; readOnly: boolean }>) {
  const { t, tx } = useI18n();
  const move = useMoveItem(meetingId);
  const updateItem = useUpdateItem();
  const remove = useRemoveItem();
  const invite = useInvite();
  const { data: people } = usePeople();
  const { data: consents } = useConsents([item.householdId]);
  const [choice, setChoice] = useState('');
  const [refusal, setRefusal] = useState<{ org: string; access: PartnerAccess } | null>(null);
  const today = localDay();
  const eligible = (people?.contacts ?? []).filter(
    (c) => c.active && canBeInvited(ringOf(people?.placements ?? [], c.organisationId)) && !item.invitedContactIds.includes(c.id),
  );
  const orgName = (orgId: string) => people?.organisations.find((o) => o.id === orgId)?.name ?? '';
  const contactLabel = (id: string) => {
    const c = people?.contacts.find((x) => x.id === id);
    return c ? `${c.name} (${orgName(c.organisationId)})` : id;
  };

  function doInvite() {
    const contact = people?.contacts.find((c) => c.id === choice);
    if (!contact || !people) return;
    // Checked here to explain up front; the repository checks again before it writes.
    const access = checkPartnerAccess(
      { placements: people.placements, consents: consents ?? [], householdId: item.householdId, organisationId: contact.organisationId, purpose: 'bespreken' },
      today,
    );
    if (!access.allowed) {
      setRefusal({ org: orgName(contact.organisationId), access });
      return;
    }
    setRefusal(null);
    invite.mutate({ itemId: item.id, contactIds: [...item.invitedContactIds, contact.id] });
    setChoice('');
  }

  return (
    <li className={`mt-item mt-item--${item.status}`} data-testid="agenda-item">
      <div className="mt-item__head">
        <span className="mt-item__no" aria-hidden="true">
          {index + 1}
        </span>
        <div className="mt-item__title">
          <a href={href(`/households/${item.householdId}`)}>{name}</a> <span className="badge">{pseudonym}</span>{' '}
          <span className={`badge mt-kind--${item.kind}`}>{tx(`meeting.kind.${item.kind}`)}</span>{' '}
          {item.status !== 'open' ? <span className="badge">{tx(`meeting.itemStatus.${item.status}`)}</span> : null}
        </div>
        {!readOnly ? (
          <div className="mt-item__move">
            <button type="button" className="button button--secondary" disabled={index === 0 || move.isPending} aria-label={t('meeting.moveUp', { name })} onClick={() => move.mutate({ id: item.id, direction: 'up' })}>
              ↑
            </button>
            <button type="button" className="button button--secondary" disabled={index === count - 1 || move.isPending} aria-label={t('meeting.moveDown', { name })} onClick={() => move.mutate({ id: item.id, direction: 'down' })}>
              ↓
            </button>
          </div>
        ) : null}
      </div>
      <p className="mt-item__question">{item.question ?? t('meeting.followUpQuestion', { actions: item.followUp?.actionIds.length ?? 0, duties: item.followUp?.dutyIds.length ?? 0 })}</p>
      <div className="mt-item__row">
        <div className="field mt-item__time">
          <label htmlFor={`tb-${item.id}`}>{t('meeting.timeBoxFor', { name })}</label>
          <input
            autoComplete="off"
            id={`tb-${item.id}`}
            type="number"
            min={1}
            max={120}
            defaultValue={item.timeBoxMinutes}
            disabled={readOnly}
            onBlur={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 1 && v <= 120 && v !== item.timeBoxMinutes) updateItem.mutate({ id: item.id, patch: { timeBoxMinutes: v } });
            }}
          />
        </div>
        <div className="mt-item__invited">
          <p className="mt-label">{t('meeting.invited')}</p>
          {item.invitedContactIds.length === 0 ? <p className="muted">{t('meeting.noneInvited')}</p> : null}
          <ul className="mt-chips">
            {item.invitedContactIds.map((id) => (
              <li key={id}>
                {contactLabel(id)}
                {!readOnly ? (
                  <button
                    type="button"
                    className="mt-chip__x"
                    aria-label={t('meeting.uninvite', { name: contactLabel(id) })}
                    onClick={() => invite.mutate({ itemId: item.id, contactIds: item.invitedContactIds.filter((x) => x !== id) })}
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {!readOnly && eligible.length ? (
            <div className="mt-inline">
              <label htmlFor={`inv-${item.id}`} className="visually-hidden">
                {t('meeting.inviteFor', { name })}
              </label>
              <select autoComplete="off" id={`inv-${item.id}`} value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="">{t('meeting.invitePick')}</option>
                {eligible.map((c) => (
                  <option key={c.id} value={c.id}>
                    {contactLabel(c.id)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--secondary" disabled={!choice} onClick={doInvite}>
                {t('meeting.invite')}
              </button>
            </div>
          ) : null}
          {refusal ? (
            <div role="alert" className="mt-refusal">
              <p>{t('meeting.consentRefused', { org: refusal.org, reason: tx(`meeting.consent.${refusal.access.reason}`) })}</p>
              <p>
                {tx(`meeting.consentTodo.${refusal.access.todo}`)}{' '}
                <a href={href(`/households/${item.householdId}`)}>{t('meeting.toHousehold', { name })}</a>
              </p>
            </div>
          ) : null}
          {invite.isError ? <p role="alert" className="field__error">{t('meeting.inviteFailed')}</p> : null}
        </div>
      </div>
      {!readOnly ? (
        <div className="mt-item__foot">
          <button
            type="button"
            className="button button--link mt-inline-link"
            onClick={() => updateItem.mutate({ id: item.id, patch: { status: item.status === 'uitgesteld' ? 'open' : 'uitgesteld' } })}
          >
            {item.status === 'uitgesteld' ? t('meeting.restore', { name }) : t('meeting.postpone', { name })}
          </button>
          <button type="button" className="button button--link mt-inline-link" onClick={() => remove.mutate(item.id)}>
            {t('meeting.remove', { name })}
          </button>
        </div>
      ) : null}
    </li>
  );
}
