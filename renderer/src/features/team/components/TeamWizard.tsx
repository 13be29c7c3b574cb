import { useState } from 'react';
import { navigate } from '../../../app/router';
import { defaultTeamSettingsDraft } from '../../../data/stores/team/team';
import { useI18n } from '../../../i18n';
import { useLoadExampleTeam, useSaveTeamSettings } from '../mutations';
import { useOrganisations, useTeamSettings } from '../queries';
import { TeamSaveError } from './SaveError';
import { TeamSettingsForm } from './TeamSettingsForm';

const STEPS = 3;

/** First run: set up the team in three short steps, or load the example team to try the app. */
export function TeamWizard() {
  const { t } = useI18n();
  const settings = useTeamSettings();
  const orgs = useOrganisations();
  const save = useSaveTeamSettings();
  const loadExample = useLoadExampleTeam();
  const [step, setStep] = useState(0);

  if (settings.isLoading || orgs.isLoading) return <p>{t('common.loading')}</p>;
  const canLoadExample = !settings.data && (orgs.data ?? []).length === 0;

  return (
    <section aria-labelledby="wizard-title" data-ready="team-wizard">
      <h1 id="wizard-title">{t('team.setup.title')}</h1>
      <p className="muted">{t('team.setup.intro')}</p>
      <ol className="steps" aria-label={t('team.setup.stepsLabel')}>
        {[0, 1, 2].map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'steps__current' : undefined}>
            {t('team.setup.stepOf', { step: s + 1, total: STEPS })}: {[t('team.settings.basics'), t('team.settings.domains'), t('team.settings.rules')][s]}
          </li>
        ))}
      </ol>
      {canLoadExample && step === 0 ? (
        <div className="notice example-offer">
          <p>{t('team.example.offer')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={loadExample.isPending}
            onClick={() => loadExample.mutate(undefined, { onSuccess: () => navigate('/team') })}
          >
            {loadExample.isPending ? t('common.saving') : t('team.example.load')}
          </button>
        </div>
      ) : null}
      <TeamSaveError error={loadExample.error} />
      <TeamSettingsForm
        initial={settings.data ?? defaultTeamSettingsDraft()}
        step={step}
        submitLabel={step < STEPS - 1 ? t('team.setup.next') : t('team.setup.finish')}
        saving={save.isPending}
        onStepError={setStep}
        actions={
          step > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => setStep(step - 1)}>
              {t('team.setup.previous')}
            </button>
          ) : null
        }
        onSubmit={async (draft) => {
          if (step < STEPS - 1) {
            setStep(step + 1);
            return;
          }
          // TeamSettingsForm awaits this without a catch: a failed save is shown below, never thrown.
          try {
            await save.mutateAsync(draft);
          } catch {
            return;
          }
          navigate('/team');
        }}
      />
      <TeamSaveError error={save.error} />
    </section>
  );
}
