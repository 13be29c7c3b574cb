import type { Feature } from '../../app/feature';
import { HouseholdForm } from './components/HouseholdForm';
import { HouseholdList } from './components/HouseholdList';
import { HouseholdPage, isCaseFileTab } from './components/HouseholdPage';
import { IntakeNewForm } from './components/IntakeNewForm';

export const householdsFeature: Feature = {
  id: 'households',
  nav: [{ path: '/households', label: 'households.navTitle', order: 10 }],
  route([section, id, sub]) {
    if (section !== undefined && section !== 'households') return undefined;
    if (!id) return <HouseholdList />;
    if (id === 'new') return <HouseholdForm />;
    if (id === 'aanmelding') return <IntakeNewForm />;
    return <HouseholdPage key={id} id={id} editing={sub === 'edit'} tab={isCaseFileTab(sub) ? sub : 'overzicht'} />;
  },
};
