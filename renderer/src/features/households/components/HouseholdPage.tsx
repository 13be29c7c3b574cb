import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Household } from '@shared/domain/household';
import { logHouseholdView } from '../../../data/stores/households/households';
import { href } from '../../../app/router';
import { useI18n, type MessageKey } from '../../../i18n';
import { usePeople } from '../casefile/bits';
import { CloseTab } from '../casefile/CloseTab';
import { DomainsTab } from '../casefile/DomainsTab';
import { OverviewTab } from '../casefile/OverviewTab';
import { PlanTab } from '../casefile/PlanTab';
import { TimelineTab } from '../casefile/TimelineTab';
import { useDates } from '../../../i18n/format';
import { householdKeys, useCaseFile } from '../queries';
import { HouseholdForm } from './HouseholdForm';
import { SubNav } from '../../../ui/SubNav';

export const CASEFILE_TABS = ['overzicht', 'leefgebieden', 'plan', 'tijdlijn', 'afsluiten'] as const;
export type CaseFileTab = (typeof CASEFILE_TABS)[number];
const TAB_LABEL: Record<CaseFileTab, MessageKey> = {
  overzicht: 'casefile.tab.overzicht',
  leefgebieden: 'casefile.tab.leefgebieden',
  plan: 'casefile.tab.plan',
  tijdlijn: 'casefile.tab.tijdlijn',
  afsluiten: 'casefile.tab.afsluiten',
};

export function isCaseFileTab(s: string | undefined): s is CaseFileTab {
  return (CASEFILE_TABS as readonly string[]).includes(s ?? '');
}

/**
 * One household's case file: a header that always shows who holds the regie and what to watch
 * for, and the parts of the file as separate views (links, so each has its own address and the
 * browser's back button works; each view is a section with headings).
 */
export function HouseholdPage({ id, tab, editing }: Readonly<{ id: string; tab: CaseFileTab; editing: boolean }>) {
  const { t, tx } = useI18n();
  const { data: cf, isLoading } = useCaseFile(id);
  // One audit entry per opening of a household's file (switching its tabs is not a new opening).
  // A household the case list knows is logged at once, while its file is read: the two touch
  // different stores, so neither waits, and the entry is committed before a first save (whose
  // audit entry would otherwise queue behind it; docs/adr/0004-performance.md, finding 13).
  // Any other address is logged only once a file is shown, so a wrong link logs nothing.
  const qc = useQueryClient();
  const opened = qc.getQueryData<Household[]>(householdKeys.list())?.some((h) => h.id === id) === true || cf?.household.id === id;
  useEffect(() => {
    if (opened) void logHouseholdView(id);
  }, [id, opened]);
  const people = usePeople();
  const dates = useDates();
  if (isLoading) return <p>{t('common.loading')}</p>;
  if (!cf) return <p role="alert">{t('households.notFound')}</p>;
  const household = cf.household;
  if (editing) return <HouseholdForm household={household} />;
  const closed = household.status === 'afgesloten';
  const regisseur = people.memberName(household.regisseurId);

  return (
    <article aria-labelledby="household-title" data-ready="household" data-tab={tab} className="casefile">
      <header className="casefile__head">
        <div className="page-head">
          <div>
            <p className="muted casefile__eyebrow">
              <a href={href('/households')}>{t('households.listTitle')}</a>
            </p>
            <h1 id="household-title">{household.displayName}</h1>
          </div>
          {closed ? null : (
            <a className="button button--secondary" href={href(`/households/${id}/edit`)}>
              {t('common.edit')}
            </a>
          )}
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
          <div>
            <dt>{t('casefile.regisseur')}</dt>
            <dd data-testid="regisseur">{regisseur ?? <span className="muted">{t('casefile.noRegisseur')}</span>}</dd>
          </div>
          {household.closedAt ? (
            <div>
              <dt>{t('casefile.closedAt')}</dt>
              <dd>{dates.stamp(household.closedAt)}</dd>
            </div>
          ) : null}
        </dl>
        {household.flags.length > 0 || household.alsoKnownBy.length > 0 ? (
          <div className="casefile__markers">
            {household.flags.length > 0 ? (
              <p>
                <span className="muted">{t('casefile.flags')}: </span>
                {household.flags.map((f) => (
                  <span key={f} className="badge badge--flag">
                    {f}
                  </span>
                ))}
              </p>
            ) : null}
            {household.alsoKnownBy.length > 0 ? (
              <p>
                <span className="muted">{t('casefile.alsoKnownBy')}: </span>
                {household.alsoKnownBy.map((f) => (
                  <span key={f} className="badge badge--known">
                    {f}
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        ) : null}
        {closed ? <p className="notice">{t('casefile.closedReadOnly')}</p> : null}
        <SubNav
          label={t('casefile.tabsLabel')}
          className="cf-tabs"
          tabs={CASEFILE_TABS.map((k) => ({ path: `/households/${id}/${k}`, label: TAB_LABEL[k] }))}
          current={`/households/${id}/${tab}`}
        />
      </header>
      <div className="casefile__body">
        {tab === 'overzicht' ? <OverviewTab cf={cf} /> : null}
        {tab === 'leefgebieden' ? <DomainsTab cf={cf} /> : null}
        {tab === 'plan' ? <PlanTab cf={cf} /> : null}
        {tab === 'tijdlijn' ? <TimelineTab cf={cf} /> : null}
        {tab === 'afsluiten' ? <CloseTab cf={cf} /> : null}
      </div>
    </article>
  );
}
