import { HouseholdForm } from '../features/households/components/HouseholdForm';
import { HouseholdList } from '../features/households/components/HouseholdList';
import { HouseholdPage } from '../features/households/components/HouseholdPage';
import { useI18n, type MessageKey } from '../i18n';
import { useRoute } from './router';
import type { NavItem } from './Shell';

/** Top-level navigation. When adding a feature screen: add its nav entry and its route below. */
const NAV: readonly { path: string; label: MessageKey }[] = [{ path: '/households', label: 'households.navTitle' }];

export function useNav(): NavItem[] {
  const { t } = useI18n();
  return NAV.map((n) => ({ path: n.path, label: t(n.label) }));
}

export function Routes() {
  const { t } = useI18n();
  const [section, id, sub] = useRoute();
  switch (section) {
    case undefined:
    case 'households':
      if (!id) return <HouseholdList />;
      if (id === 'new') return <HouseholdForm />;
      return <HouseholdPage id={id} editing={sub === 'edit'} />;
    default:
      return <p role="alert">{t('common.notFound')}</p>;
  }
}
