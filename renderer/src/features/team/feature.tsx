import type { Feature } from '../../app/feature';
import { MembersScreen } from './components/MembersScreen';
import { OrganisationPage } from './components/OrganisationPage';
import { OrganisationsScreen } from './components/OrganisationsScreen';
import { RingScreen } from './components/RingScreen';
import { SettingsScreen } from './components/SettingsScreen';
import { TeamSetupBadge } from './components/TeamSetupBanner';
import { TeamWizard } from './components/TeamWizard';
import { WorkloadScreen } from './components/WorkloadScreen';

/** Partners and rings: team settings, organisations and contacts, rings, members, workload. A household's involvement, consent and invitations: features/partners. */
export const teamFeature: Feature = {
  id: 'team',
  nav: [{ path: '/team', label: 'team.navTitle', order: 60, badge: TeamSetupBadge }],
  route([section, sub, id]) {
    if (section !== 'team') return undefined;
    switch (sub) {
      case undefined:
        return <RingScreen />;
      case 'setup':
        return <TeamWizard />;
      case 'settings':
        return <SettingsScreen />;
      case 'organisations':
        return id ? <OrganisationPage id={id} /> : <OrganisationsScreen />;
      case 'members':
        return <MembersScreen />;
      case 'workload':
        return <WorkloadScreen />;
      default:
        return undefined;
    }
  },
};
