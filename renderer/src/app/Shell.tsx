import type { ComponentType, ReactNode } from 'react';
import { StorageBanner } from '../features/backup/components/StorageBanner';
import { useI18n, LANGUAGES, type Language } from '../i18n';
import { lockNow } from './lock';
import { href, useRoute } from './router';
import { useIdleLock } from './useIdleLock';

export type NavItem = Readonly<{ path: string; label: string; badge?: ComponentType }>;

/** The unlocked frame: skip link, header with navigation, language, lock button, and the page. */
export function Shell({ nav, idleMinutes, children }: Readonly<{ nav: readonly NavItem[]; idleMinutes: number; children: ReactNode }>) {
  const { t, lang, setLang } = useI18n();
  const route = useRoute();
  useIdleLock(idleMinutes);
  const current = `/${route[0] ?? ''}`;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          ◎
        </span>
        <span className="brand-name">{t('common.appName')}</span>
        <nav aria-label={t('common.mainNav')}>
          <ul>
            {nav.map((n) => (
              <li key={n.path}>
                <a href={href(n.path)} aria-current={current === n.path ? 'page' : undefined}>
                  {n.label}
                  {n.badge ? <n.badge /> : null}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__end">
          <label htmlFor="lang" className="visually-hidden">
            {t('common.language')}
          </label>
          <select autoComplete="off" id="lang" value={lang} onChange={(e) => setLang(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
          <button type="button" className="button button--lock" onClick={() => lockNow('manual')}>
            {t('common.lock')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <StorageBanner />
        {children}
      </main>
    </>
  );
}
