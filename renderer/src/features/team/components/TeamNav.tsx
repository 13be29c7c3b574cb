import { useRoute } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { SubNav, type SubNavTab } from '../../../ui/SubNav';

const TABS: readonly SubNavTab[] = [
  { path: '/team', label: 'team.tab.rings' },
  { path: '/team/organisations', label: 'team.tab.organisations' },
  { path: '/team/members', label: 'team.tab.members' },
  { path: '/team/workload', label: 'team.tab.workload' },
  { path: '/team/settings', label: 'team.tab.settings' },
];

/** The team's own sub-navigation (a list of links; the current one is marked for screen readers). */
export function TeamNav() {
  const { t } = useI18n();
  const route = useRoute();
  const current = `/${route.slice(0, 2).join('/')}`;
  return <SubNav label={t('team.tab.label')} tabs={TABS} current={current} />;
}
