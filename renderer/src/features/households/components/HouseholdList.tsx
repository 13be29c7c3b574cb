import { useMemo, useState } from 'react';
import type { Household } from '@shared/domain/household';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useHouseholds } from '../queries';

function matches(h: Household, q: string): boolean {
  const needle = q.toLocaleLowerCase('nl');
  const hay = [h.displayName, h.wijk ?? '', ...h.members.flatMap((m) => [m.firstName, m.lastName ?? ''])]
    .join(' ')
    .toLocaleLowerCase('nl');
  return hay.includes(needle);
}

export function HouseholdList() {
  const { t, tx, lang } = useI18n();
  const { data, isLoading } = useHouseholds();
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const list = (data ?? []).filter((h) => !query.trim() || matches(h, query.trim()));
    return list.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
  }, [data, query]);
  const fmt = new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' });

  return (
    <section aria-labelledby="list-title" data-ready={isLoading ? undefined : 'households'}>
      <div className="page-head">
        <h1 id="list-title">{t('households.listTitle')}</h1>
        <a className="button" href={href('/households/new')}>
          {t('households.newHousehold')}
        </a>
      </div>
      <div className="toolbar">
        <label htmlFor="household-search">{t('households.search')}</label>
        <input id="household-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        <span className="muted" aria-live="polite">
          {t('households.count', { count: rows.length })}
        </span>
      </div>
      {isLoading ? (
        <p>{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{query ? t('households.listNoMatch') : t('households.listEmpty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('households.colName')}</th>
              <th scope="col">{t('households.colWijk')}</th>
              <th scope="col">{t('households.colStatus')}</th>
              <th scope="col">{t('households.colMembers')}</th>
              <th scope="col">{t('households.colActivity')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id}>
                <th scope="row">
                  <a href={href(`/households/${h.id}`)}>{h.displayName}</a>
                </th>
                <td>{h.wijk ?? '—'}</td>
                <td>
                  <span className={`badge badge--${h.status}`}>{tx(`households.status.${h.status}`)}</span>
                </td>
                <td>{h.members.length}</td>
                <td>{fmt.format(new Date(h.lastActivityAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
