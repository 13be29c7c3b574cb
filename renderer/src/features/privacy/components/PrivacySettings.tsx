import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useAppSettings, useVaultInfo } from '../queries';
import { BasisSection } from './BasisSection';
import { KeysSection } from './KeysSection';
import { LockSection } from './LockSection';
import { RetentionSection } from './RetentionSection';

/** "Instellingen & privacy": lock, keys, retention, legal bases, and the way to the audit log. */
export function PrivacySettings() {
  const { t } = useI18n();
  const settings = useAppSettings();
  const vault = useVaultInfo();
  const ready = settings.isSuccess && vault.isSuccess;
  return (
    <section aria-labelledby="privacy-title" className="privacy" data-ready={ready ? 'privacy' : undefined}>
      <div className="page-head">
        <h1 id="privacy-title">{t('privacy.title')}</h1>
        <a className="button button--secondary" href={href('/privacy/audit')}>
          {t('privacy.auditLink')}
        </a>
      </div>
      <p className="muted">{t('privacy.intro')}</p>
      <div className="privacy-grid">
        <LockSection />
        <KeysSection />
        <RetentionSection />
        <BasisSection />
      </div>
    </section>
  );
}
