import { href } from '../app/router';
import { useI18n, type MessageKey } from '../i18n';

export type SubNavTab = Readonly<{ path: string; label: MessageKey }>;

/**
 * A feature's sub-navigation: a list of plain links (each part is its own page and URL), the
 * current one marked for screen readers with aria-current="page".
 */
export function SubNav({ label, tabs, current, className = 'subnav' }: Readonly<{ label: string; tabs: readonly SubNavTab[]; current: string; className?: string }>) {
  const { t } = useI18n();
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {tabs.map((tab) => (
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
