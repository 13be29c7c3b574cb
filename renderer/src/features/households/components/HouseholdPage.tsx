import { ageOn } from '@shared/domain/household';
import { HouseholdSections } from '../../../app/Routes';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useHousehold } from '../queries';
import { HouseholdForm } from './HouseholdForm';

export function HouseholdPage({ id, editing }: Readonly<{ id: string; editing: boolean }>) {
  const { t, tx } = useI18n();
  const { data: household, isLoading } = useHousehold(id);
  if (isLoading) return <p>{t('common.loading')}</p>;
  if (!household) return <p role="alert">{t('households.notFound')}</p>;
  if (editing) return <HouseholdForm household={household} />;
  const today = new Date().toISOString().slice(0, 10);

  return (
    <article aria-labelledby="household-title" data-ready="household">
      <div className="page-head">
        <h1 id="household-title">{household.displayName}</h1>
        <a className="button" href={href(`/households/${id}/edit`)}>
          {t('common.edit')}
        </a>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('households.colStatus')}</dt>
          <dd>
            <span className={`badge badge--${household.status}`}>{tx(`households.status.${household.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('households.wijk')}</dt>
          <dd>{household.wijk ?? '—'}</dd>
        </div>
      </dl>
      <h2>{t('households.members')}</h2>
      {household.members.length === 0 ? (
        <p>{t('households.noMembers')}</p>
      ) : (
        <ul className="members">
          {household.members.map((m) => (
            <li key={m.id}>
              <strong>
                {m.firstName} {m.lastName ?? ''}
              </strong>{' '}
              <span className="muted">
                {tx(`households.role.${m.role}`)}
                {m.birthDate ? ` · ${t('households.age', { age: ageOn(m.birthDate, today) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <HouseholdSections householdId={id} />
      <p>
        <a href={href('/households')}>{t('common.back')}</a>
      </p>
    </article>
  );
}
