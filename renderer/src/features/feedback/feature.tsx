import type { Feature } from '../../app/feature';
import { ActionResultPage } from './components/ActionResultPage';
import { AttentionBadge } from './components/AttentionBadge';
import { AttentionPage } from './components/AttentionPage';
import { DutyPage } from './components/DutyPage';
import { EscalationPage, EscalationsPage } from './components/EscalationPages';
import { EvaluationPage } from './components/EvaluationPage';
import { FollowUpPage } from './components/FollowUpPage';
import { HouseholdFeedbackSection } from './components/HouseholdFeedbackSection';
import { KnelpuntenPage } from './components/KnelpuntenPage';

/**
 * Feedback loops (issue 5): the attention list with its badge, feedback duties and letters,
 * follow-up of actions, evaluations, escalations and the knelpunten register.
 */
export const feedbackFeature: Feature = {
  id: 'feedback',
  nav: [{ path: '/aandacht', label: 'feedback.navTitle', order: 20, badge: AttentionBadge }],
  route([section, a, b, c]) {
    if (section !== 'aandacht') return undefined;
    switch (a) {
      case undefined:
      case 'mijn':
        return <AttentionPage scope="mijn" />;
      case 'alles':
        return <AttentionPage scope="alles" />;
      case 'acties':
        return <FollowUpPage />;
      case 'escalaties':
        return <EscalationsPage />;
      case 'knelpunten':
        return <KnelpuntenPage />;
      case 'terugkoppeling':
        return b ? <DutyPage key={b} id={b} /> : undefined;
      case 'evaluatie':
        return b ? <EvaluationPage key={b} householdId={b} /> : undefined;
      case 'escalatie':
        return b ? <EscalationPage key={b} id={b} /> : undefined;
      case 'actie':
        return b && c ? <ActionResultPage key={c} householdId={b} actionId={c} /> : undefined;
      default:
        return undefined;
    }
  },
  householdSections: [{ id: 'feedback', order: 200, render: (householdId) => <HouseholdFeedbackSection householdId={householdId} /> }],
};
