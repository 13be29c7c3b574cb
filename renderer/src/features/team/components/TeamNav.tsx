import { href, useRoute } from '../../../app/router';
import { useI18n, type MessageKey } from '../../../i18n';

const TABS: readonly { path: string; label: MessageKey }[] = [
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
  return (
    <nav aria-label={t('team.tab.label')} className="subnav">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.path}>
            <a href={href(tab.path)} aria-current={current === tab.path ? 'page' : undefined}>
              {t(tab.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
