import type { Feature } from '../../app/feature';
import { HouseholdPartners } from './components/HouseholdPartners';

/**
 * A household's partners: which organisations are involved, the consent ledger and the
 * invitations to the table. Reached only as a section of the household's page (the sections
 * slot, features/households/sections.tsx), so the households feature never imports it. The
 * organisations, contacts, rings and their data hooks stay with the team feature.
 */
export const partnersFeature: Feature = {
  id: 'partners',
  householdSections: [{ id: 'partners', order: 150, render: (householdId) => <HouseholdPartners householdId={householdId} /> }],
};
