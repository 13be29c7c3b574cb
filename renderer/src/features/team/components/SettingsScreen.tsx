import { useState } from 'react';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import { useSaveTeamSettings } from '../mutations';
import { useTeamSettings } from '../queries';
import { TeamNav } from './TeamNav';
import { TeamSaveError } from './SaveError';
import { TeamSettingsForm } from './TeamSettingsForm';

export function SettingsScreen() {
  const { t } = useI18n();
  const settings = useTeamSettings();
  const save = useSaveTeamSettings();
  const [saved, setSaved] = useState(false);
  if (settings.isLoading) return <p>{t('common.loading')}</p>;
  return (
    <section aria-labelledby="settings-title" data-ready="team-settings">
      <h1 id="settings-title">{t('team.settings.title')}</h1>
      <TeamNav />
      {!settings.data ? (
        <p className="notice">
          {t('team.setup.notConfigured')} <a href={href('/team/setup')}>{t('team.setup.start')}</a>
        </p>
      ) : (
        <>
          {settings.data.example ? <p className="notice">{t('team.example.settingsNotice')}</p> : null}
          <TeamSettingsForm
            initial={settings.data}
            submitLabel={t('common.save')}
            saving={save.isPending}
            onSubmit={async (draft) => {
              setSaved(false);
              // TeamSettingsForm awaits this without a catch: a failed save is shown below, never thrown.
              try {
                await save.mutateAsync(draft);
              } catch {
                return;
              }
              setSaved(true);
            }}
          />
          <p role="status" className="muted">
            {saved ? t('team.settings.saved') : ''}
          </p>
          <TeamSaveError error={save.error} />
        </>
      )}
    </section>
  );
}
