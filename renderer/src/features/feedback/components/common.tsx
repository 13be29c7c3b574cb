import { useI18n } from '../../../i18n';
import { useDates } from '../../../i18n/format';
import { SubNav as UiSubNav, type SubNavTab } from '../../../ui/SubNav';

/** A calendar date in the user's language, e.g. "20 maart 2026" (i18n/format's `dateLong`). */
export function useFormatDate(): (iso: string) => string {
  return useDates().dateLong;
}


const TABS: readonly SubNavTab[] = [
  { path: '/aandacht/mijn', label: 'feedback.tabMine' },
  { path: '/aandacht/alles', label: 'feedback.tabAll' },
  { path: '/aandacht/acties', label: 'feedback.tabActions' },
  { path: '/aandacht/escalaties', label: 'feedback.tabEscalations' },
  { path: '/aandacht/knelpunten', label: 'feedback.tabKnelpunten' },
];

/** The parts of the attention area, as plain links (each is its own page and URL). */
export function SubNav({ current }: Readonly<{ current: string }>) {
  const { t } = useI18n();
  return <UiSubNav label={t('feedback.subNav')} tabs={TABS} current={current} className="fb-tabs" />;
}

/** Where an attention line is resolved. */
export function targetOf(kind: string, householdId: string, refId: string): string {
  switch (kind) {
    case 'feedback_overdue':
      return `/aandacht/terugkoppeling/${encodeURIComponent(refId)}`;
    case 'action_overdue':
      return `/aandacht/actie/${householdId}/${refId}`;
    case 'evaluation_due':
      return `/aandacht/evaluatie/${householdId}`;
    case 'escalation_open':
      return `/aandacht/escalatie/${refId}`;
    case 'consent_expiring':
      // The consent ledger on the household's overview (partners feature, HouseholdPartners: id "consent-title").
      return `/households/${householdId}/overzicht?focus=consent-title`;
    default:
      return `/households/${householdId}`;
  }
}
