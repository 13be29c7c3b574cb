import type { HouseholdSection } from '../features/households/sections';
import { useI18n } from '../i18n';
import { FEATURES } from './features';
import { useRoute } from './router';
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

/**
 * Every feature's sections for a household's page, handed to the households feature through
 * its slot (features/households/sections.tsx) so no feature imports this module back.
 */
export const HOUSEHOLD_SECTIONS: readonly HouseholdSection[] = FEATURES.flatMap((f) => f.householdSections ?? []);
