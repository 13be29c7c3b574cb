import { href, useRoute } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useTeamSettings } from '../queries';

/**
 * Shown above every screen until the team is set up: prominent, but never in the way
 * (the household list stays usable; the wizard is one click away).
 */
export function TeamSetupBanner() {
  const { t } = useI18n();
  const settings = useTeamSettings();
  const route = useRoute();
  if (settings.isLoading || settings.data || (route[0] === 'team' && route[1] === 'setup')) return null;
  return (
    <aside className="setup-banner" aria-label={t('team.setup.bannerLabel')} data-testid="team-setup-banner">
      <p>
        <strong>{t('team.setup.bannerTitle')}</strong> {t('team.setup.bannerText')}
      </p>
      <a className="button" href={href('/team/setup')}>
        {t('team.setup.start')}
      </a>
    </aside>
  );
}

/** In the nav link: a small marker while the team is not set up, with its own screen-reader text. */
export function TeamSetupBadge() {
  const { t } = useI18n();
  const settings = useTeamSettings();
  if (settings.isLoading || settings.data) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">!</span>
      <span className="visually-hidden">{t('team.setup.badge')}</span>
    </span>
  );
}
