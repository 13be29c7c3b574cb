import type { Feature } from '../../app/feature';
import { AgendaScreen } from './components/AgendaScreen';
import { ExportScreen } from '../exports/components/ExportScreen';
import { MeetingMode } from './components/MeetingMode';
import { MeetingsHome } from './components/MeetingsHome';
import { NominateSection } from './components/NominateSection';

/**
 * The team meeting (overleg): agenda, meeting mode, minutes and every export. Routes:
 * /meetings, /meetings/:id, /meetings/:id/run, /meetings/:id/export/(meeting_pack|minutes)[/:orgId],
 * /meetings/figures (management), /meetings/inzage/:householdId.
 */
export const meetingsFeature: Feature = {
  id: 'meetings',
  nav: [{ path: '/meetings', label: 'meeting.navTitle', order: 20 }],
  route([section, id, sub, what, orgId]) {
    if (section !== 'meetings') return undefined;
    if (!id) return <MeetingsHome />;
    if (id === 'figures') return <ExportScreen key="figures" source={{ kind: 'management' }} />;
    if (id === 'inzage' && sub) return <ExportScreen key={`inzage-${sub}`} source={{ kind: 'inzage', householdId: sub }} />;
    if (sub === 'run') return <MeetingMode meetingId={id} />;
    if (sub === 'export' && (what === 'meeting_pack' || what === 'minutes')) {
      return <ExportScreen key={`${id}-${what}-${orgId ?? ''}`} source={{ kind: 'meeting', meetingId: id, what, orgId }} />;
    }
    return <AgendaScreen meetingId={id} />;
  },
  householdSections: [{ id: 'meetings', order: 150, render: (householdId) => <NominateSection householdId={householdId} /> }],
};
