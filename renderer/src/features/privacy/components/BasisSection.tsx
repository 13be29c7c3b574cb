import { CONSENT_PURPOSES } from '@shared/domain/partners';
import { useI18n } from '../../../i18n';
import { useTeamPrivacy } from '../queries';

/** The legal basis per purpose, as the team configured it (read-only here; the team feature edits it). */
export function BasisSection() {
  const { t, tx } = useI18n();
  const team = useTeamPrivacy();
  return (
    <section className="privacy-card" aria-labelledby="basis-title">
      <h2 id="basis-title">{t('privacy.basisTitle')}</h2>
      <p className="muted">{t('privacy.basisIntro')}</p>
      <dl className="privacy-basis">
        {CONSENT_PURPOSES.map((p) => {
          const basis = team.data?.legalBasis[p];
          return (
            <div key={p}>
              <dt>{tx(`privacy.purpose.${p}`)}</dt>
              <dd>{basis ? tx(`privacy.basis.${basis}`) : t('privacy.basisNotSet')}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
