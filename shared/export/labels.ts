/**
 * Dutch words used inside exported documents. Exports are written in Dutch whatever the UI
 * language is: their readers (team, partners, residents, municipality) read Dutch, and an
 * inzage must be "readable, in Dutch" (PRIVACY.md). The UI's own texts live in renderer i18n.
 */

const ENUM_LABELS: Readonly<Record<string, string>> = {
  // household status
  aangemeld: 'aangemeld',
  actief: 'actief',
  in_evaluatie: 'in evaluatie',
  afgesloten: 'afgesloten',
  // action layers
  eigen_kracht: 'eigen kracht',
  netwerk: 'netwerk',
  informeel: 'vrijwillig / informeel',
  professioneel: 'professioneel',
  // action status
  open: 'open',
  gedaan: 'gedaan',
  vervallen: 'vervallen',
  // goal status
  bereikt: 'bereikt',
  deels: 'deels bereikt',
  niet_bereikt: 'niet bereikt',
  // decisions
  advies: 'Advies',
  besluit: 'Besluit',
  // plan
  vervangen: 'vervangen (archief)',
  // intake
  oppakken: 'oppakken',
  doorverwijzen: 'doorverwijzen',
  niet_oppakken: 'niet oppakken',
  // consent purposes
  bespreken: 'bespreken in het teamoverleg',
  delen: 'gegevens delen',
  verwijzen: 'verwijzen',
  // involvement levels
  informeren: 'informeren',
  afstemmen: 'afstemmen',
  afwegen: 'afwegen',
  doorzetten: 'doorzetten',
  // feedback
  intake_decision: 'terugkoppeling over de aanmelding',
  plan_made: 'terugkoppeling over het plan',
  closure: 'terugkoppeling bij afsluiting',
  action_result: 'resultaat van een actie',
  partner_report: 'verslag van een partner na het overleg',
  // evaluation next steps
  goed_genoeg: 'goed genoeg',
  meer: 'meer',
  beter: 'beter',
  anders: 'anders',
  opgelost: 'opgelost',
  // referrers
  huisarts: 'huisarts',
  poh: 'praktijkondersteuner',
  woningcorporatie: 'woningcorporatie',
  school: 'school',
  politie: 'politie',
  wmo_loket: 'Wmo-loket',
  inwoner: 'inwoner zelf',
  buren: 'buren',
  // channels
  telefoon: 'telefoon',
  email: 'e-mail',
  balie: 'balie',
  huisbezoek: 'huisbezoek',
  overleg: 'overleg',
  brief: 'brief',
  // agenda
  besproken: 'besproken',
  uitgesteld: 'uitgesteld',
  case: 'casus',
  follow_up: 'opvolging vorig overleg',
};

/** The Dutch word for an enum value; unknown values are shown with spaces for underscores. */
export function nlLabel(value: string | undefined): string {
  if (!value) return '—';
  return ENUM_LABELS[value] ?? value.replace(/_/g, ' ');
}

/** 2025-03-07 → 7 maart 2025 (for headers; never used for a resident's birth date outside inzage). */
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export function nlDate(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The short form used in tables: 07-03-2025. */
export function nlShortDate(iso: string | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}
