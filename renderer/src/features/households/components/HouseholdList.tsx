import { memo, useMemo, useState } from 'react';
import { HOUSEHOLD_STATUSES, type Household } from '@shared/domain/household';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { Progress } from '../../../ui/Field';
import { ExampleDataLink } from '../../synthetic/components/ExampleDataLink';
import { usePeople } from '../casefile/bits';
import { useDates } from '../../../i18n/format';
import { useAppSettings, useHouseholds, useTeamSettings } from '../queries';
import { MIN_QUERY, useSearchResults, useSearchStatus } from '../search/searchIndex';
import { Table } from '../../../ui/Table';

/**
 * Rows rendered at first, and after every new query or filter: a screenful and a bit. Every
 * keystroke in the search box lays the rows out again, and at 100 rows that layout alone was
 * about 7 ms of a 16 ms frame (docs/adr/0004-performance.md). "Toon meer" adds MORE_STEP rows.
 */
export const PAGE_SIZE = 25;
const MORE_STEP = 100;

const NONE: readonly Household[] = [];
/**
 * The list sorted by last activity, once per version of the cached list (not once per visit of
 * the list page: at 10,000 households the sort is a few milliseconds of every navigation back).
 */
const sortedLists = new WeakMap<readonly Household[], readonly Household[]>();
function byLastActivity(list: readonly Household[]): readonly Household[] {
  let sorted = sortedLists.get(list);
  if (!sorted) {
    sorted = [...list].sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : 0));
    sortedLists.set(list, sorted);
  }
  return sorted;
}

/** Households by id, once per version of the cached list (a search result is a list of ids). */
const idMaps = new WeakMap<readonly Household[], ReadonlyMap<string, Household>>();
function byIdOf(list: readonly Household[]): ReadonlyMap<string, Household> {
  let map = idMaps.get(list);
  if (!map) {
    map = new Map(list.map((h) => [h.id, h]));
    idMaps.set(list, map);
  }
  return map;
}

type Filters = { wijk: string; regisseur: string; status: string; flag: string; mine: boolean };
const NO_FILTERS: Filters = { wijk: '', regisseur: '', status: 'open', flag: '', mine: false };

/** The case list: filters, "mijn huishoudens", sort by last activity, in-memory search over names and narratives. */
export function HouseholdList() {
  const { t, tx } = useI18n();
  const dates = useDates();
  const { data, isLoading } = useHouseholds();
  const { data: team } = useTeamSettings();
  const { data: app } = useAppSettings();
  const people = usePeople();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const search = useSearchStatus();

  const sorted = useMemo(() => byLastActivity(data ?? NONE), [data]);
  const wijken = useMemo(() => {
    const set = new Set<string>(team?.wijken ?? []);
    for (const h of data ?? []) if (h.wijk) set.add(h.wijk);
    return [...set].sort((a, b) => a.localeCompare(b, 'nl'));
  }, [data, team]);
  const flags = useMemo(() => {
    const set = new Set<string>(team?.flags ?? []);
    for (const h of data ?? []) for (const f of h.flags) set.add(f);
    return [...set].sort((a, b) => a.localeCompare(b, 'nl'));
  }, [data, team]);

  // The filtered list changes with the data and the filters, not per keystroke; a search asks the
  // worker for the page of it that matches (at 10,000 households, mapping every match on the main
  // thread per keystroke was most of the search's cost; docs/adr/0004-performance.md).
  const filtered = useMemo(() => {
    const me = app?.currentUserId;
    const keep = (h: Household) =>
      (!filters.wijk || h.wijk === filters.wijk) &&
      (!filters.regisseur || (filters.regisseur === '-' ? !h.regisseurId : h.regisseurId === filters.regisseur)) &&
      (!filters.status || (filters.status === 'open' ? h.status !== 'afgesloten' : h.status === filters.status)) &&
      (!filters.flag || h.flags.includes(filters.flag)) &&
      (!filters.mine || (me !== undefined && h.regisseurId === me));
    return sorted.filter(keep);
  }, [sorted, filters, app]);
  const hits = useSearchResults(query, data, filtered, limit);
  const rows = useMemo(() => {
    if (hits === null) return filtered;
    const byId = byIdOf(data ?? NONE);
    // Searching: best matches first (the worker applied the filters and the page size).
    return hits.ids.map((id) => byId.get(id)).filter((h): h is Household => h !== undefined);
  }, [filtered, hits, data]);
  const total = hits === null ? filtered.length : hits.total;
  const shown = rows.slice(0, limit);
  // Which query the rows on screen answer (the benchmark and tests wait on it): the typed text once
  // its results are in, a marker that never equals typed text while they are on their way.
  const answered = query.trim().length < MIN_QUERY || hits?.query === query.trim();
  const searchQuery = answered ? query : `…${query}`;
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setLimit(PAGE_SIZE);
  };
  const choose = { value: '', label: t('households.filterAll') };

  return (
    <>
      {/* The head sits outside the list section: the section's links are the households themselves. */}
      <div className="page-head">
        <h1 id="list-title">{t('households.listTitle')}</h1>
        <div className="cf-button-row">
          <a className="button" href={href('/households/aanmelding')}>
            {t('casefile.newIntake')}
          </a>
          <a className="button button--secondary" href={href('/households/new')}>
            {t('households.newHousehold')}
          </a>
        </div>
      </div>
      <section aria-labelledby="list-title" data-ready={isLoading ? undefined : 'households'} data-search-query={searchQuery}>
      <div className="cf-filters cf-card" role="search" aria-label={t('households.filtersLabel')}>
        <div className="cf-filters__search">
          <label htmlFor="household-search">{t('households.search')}</label>
          <input
            id="household-search"
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setLimit(PAGE_SIZE);
            }}
            autoComplete="off"
            aria-describedby="search-status"
          />
          <p id="search-status" className="muted cf-small" data-search-ready={search.narrativesProgress >= 1 ? 'true' : undefined}>
            {search.narrativesProgress >= 1 ? t('households.searchReady') : t('households.searchIndexing')}
          </p>
          {search.narrativesProgress < 1 && search.namesReady && (data?.length ?? 0) > 0 ? (
            <Progress label={t('households.searchProgress', { percent: Math.round(search.narrativesProgress * 100) })} value={search.narrativesProgress} />
          ) : null}
        </div>
        <FilterSelect id="f-wijk" label={t('households.filterWijk')} value={filters.wijk} onChange={(wijk) => set({ wijk })} options={[choose, ...wijken.map((w) => ({ value: w, label: w }))]} />
        <FilterSelect
          id="f-regisseur"
          label={t('households.filterRegisseur')}
          value={filters.regisseur}
          onChange={(regisseur) => set({ regisseur })}
          options={[choose, { value: '-', label: t('households.filterNoRegisseur') }, ...people.members.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <FilterSelect
          id="f-status"
          label={t('households.filterStatus')}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={[{ value: 'open', label: t('households.filterOpen') }, choose, ...HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: tx(`households.status.${s}`) }))]}
        />
        <FilterSelect id="f-flag" label={t('households.filterFlag')} value={filters.flag} onChange={(flag) => set({ flag })} options={[choose, ...flags.map((f) => ({ value: f, label: f }))]} />
        <div className="check cf-filters__mine">
          <input autoComplete="off" id="f-mine" type="checkbox" checked={filters.mine} onChange={(e) => set({ mine: e.target.checked })} />
          <label htmlFor="f-mine">{t('households.mine')}</label>
        </div>
      </div>
      <p className="muted" aria-live="polite" data-testid="list-count">
        {t('households.count', { count: total })}
      </p>
      {isLoading ? (
        <p>{t('common.loading')}</p>
      ) : total === 0 ? (
        <>
          <p className="empty">{query || filters !== NO_FILTERS ? t('households.listNoMatch') : t('households.listEmpty')}</p>
          {(data?.length ?? 0) === 0 ? <ExampleDataLink /> : null}
        </>
      ) : (
        <>
          <Table className="cf-list-table" columns={[{ label: t('households.colName') }, { label: t('households.colWijk') }, { label: t('households.colStatus') }, { label: t('households.colRegisseur') }, { label: t('households.colFlags') }, { label: t('households.colMembers') }, { label: t('households.colActivity') }]}>
              {shown.map((h) => (
                <HouseholdRow key={h.id} household={h} statusLabel={tx(`households.status.${h.status}`)} regisseur={people.memberName(h.regisseurId)} stamp={dates.stamp} />
              ))}
          </Table>
          {total > shown.length ? (
            <p className="cf-list-more">
              <button type="button" className="button button--secondary" onClick={() => setLimit((l) => l + MORE_STEP)}>
                {t('households.showMore', { shown: shown.length, total })}
              </button>
            </p>
          ) : null}
        </>
      )}
      </section>
    </>
  );
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
}: Readonly<{ id: string; label: string; value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[] }>) {
  return (
    <div className="cf-filters__field">
      <label htmlFor={id}>{label}</label>
      <select autoComplete="off" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * One row, memoised on primitive props: while typing, result sets share most households, and
 * re-rendering a hundred unchanged rows per keystroke was the search's cost at 10,000 households
 * (docs/adr/0004-performance.md).
 */
const HouseholdRow = memo(function HouseholdRow({
  household: h,
  statusLabel,
  regisseur,
  stamp,
}: Readonly<{ household: Household; statusLabel: string; regisseur: string | undefined; stamp: (ts: string) => string }>) {
  // Formatted here, so only a row that renders formats its date (not a hundred per keystroke).
  const activity = stamp(h.lastActivityAt);
  return (
    <tr>
      <th scope="row">
        <a href={href(`/households/${h.id}`)}>{h.displayName}</a>
      </th>
      <td>{h.wijk ?? '—'}</td>
      <td>
        <span className={`badge badge--${h.status}`}>{statusLabel}</span>
      </td>
      <td>{regisseur ?? <span className="muted">—</span>}</td>
      <td>
        {h.flags.map((f) => (
          <span key={f} className="badge badge--flag">
            {f}
          </span>
        ))}
      </td>
      <td>{h.members.length}</td>
      <td>{activity}</td>
    </tr>
  );
});
