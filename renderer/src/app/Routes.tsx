import { useI18n } from '../i18n';
import { FEATURES } from './features';
import { useFocusFromRoute, useRoute } from './router';
import type { NavItem } from './Shell';

export function useNav(): NavItem[] {
  const { t } = useI18n();
  return FEATURES.flatMap((f) => f.nav ?? [])
    .sort((a, b) => a.order - b.order)
    .map((n) => ({ path: n.path, label: t(n.label), ...(n.badge ? { badge: n.badge } : {}) }));
}

/** The first feature that answers the route renders it. */
export function Routes() {
  const { t } = useI18n();
  const segments = useRoute();
  for (const f of FEATURES) {
    const screen = f.route?.(segments);
    if (screen !== undefined) return <>{screen}</>;
  }
  return <p role="alert">{t('common.notFound')}</p>;
}

/** Sections other features add to a household's page, in order. */
export function HouseholdSections({ householdId }: Readonly<{ householdId: string }>) {
  const sections = FEATURES.flatMap((f) => f.householdSections ?? []).sort((a, b) => a.order - b.order);
  // A link into one section (e.g. the attention list's "consent expiring" → the consent ledger).
  useFocusFromRoute();
  return (
    <>
      {sections.map((s) => (
        <div key={s.id} className="household-section" data-section={s.id}>
          {s.render(householdId)}
        </div>
      ))}
    </>
  );
}
