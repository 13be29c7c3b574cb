import type { Contact, Organisation, OrganisationType, Placement, Ring, Shell, TeamSettingsDraft } from '@shared/domain/partners';
import type { TeamMember } from '@shared/domain/team';
import { addPartners } from '../partners/partners';
import { addMembers, defaultTeamSettingsDraft, saveTeamSettings } from './team';
import { newId, nowIso } from '../kit';

/**
 * An example team for trying the app: a fictional sociaal wijkteam with organisations typical
 * for the three rings (002:3606-3660), each placement with its reason. Every record carries
 * `example: true` and the UI marks it as example data. All names are invented.
 */
type ExampleOrg = Readonly<{
  name: string;
  type: OrganisationType;
  ring: Ring;
  shell?: Shell;
  reason: string;
  contacts: readonly Readonly<{ name: string; role: string; member?: { hours: number; specialism: string } }>[];
}>;

const EXAMPLE_ORGS: readonly ExampleOrg[] = [
  {
    name: 'Maatschappelijk Werk De Brug',
    type: 'amw',
    ring: 'binnenring',
    reason: 'Generalisten van het eerste uur: voeren de regie bij meervoudige vragen.',
    contacts: [
      { name: 'Anouk Peters', role: 'Maatschappelijk werker', member: { hours: 24, specialism: 'Schulden en gezin' } },
      { name: 'Mehmet Yilmaz', role: 'Maatschappelijk werker', member: { hours: 16, specialism: 'Huiselijk geweld' } },
    ],
  },
  {
    name: 'Welzijn Oost (opbouwwerk)',
    type: 'welzijn',
    ring: 'binnenring',
    reason: 'Kent de wijk, de buurthuizen en de bewonersinitiatieven; verbindt met eigen kracht en netwerk.',
    contacts: [{ name: 'Sanne Bos', role: 'Opbouwwerker', member: { hours: 12, specialism: 'Participatie en netwerk' } }],
  },
  {
    name: 'MEE Oost',
    type: 'mee',
    ring: 'binnenring',
    reason: 'Expertise bij een (licht) verstandelijke beperking is bij veel casussen nodig.',
    contacts: [{ name: 'Joost van Dijk', role: 'MEE-consulent', member: { hours: 8, specialism: 'LVB' } }],
  },
  {
    name: 'Wijkverpleging Oost',
    type: 'wijkverpleging',
    ring: 'binnenring',
    reason: 'De wijkverpleegkundige is de schakel naar de basiszorg en ziet mensen thuis.',
    contacts: [{ name: 'Fatma Kaya', role: 'Wijkverpleegkundige', member: { hours: 8, specialism: 'Ouderen en zorg thuis' } }],
  },
  {
    name: 'Gemeente – Wmo-loket',
    type: 'gemeente_wmo',
    ring: 'binnenring',
    reason: 'De Wmo-consulent kan aan tafel direct een maatwerkvoorziening afwegen.',
    contacts: [{ name: 'Ruud Hendriks', role: 'Wmo-consulent', member: { hours: 12, specialism: 'Wmo en Participatiewet' } }],
  },
  {
    name: 'Huisartsenpraktijk De Linde',
    type: 'huisarts_poh',
    ring: 'buitenring',
    shell: 'eerste',
    reason: 'Niet alle huisartsen passen aan tafel (002:524-526); de POH-GGZ is vast aanspreekpunt.',
    contacts: [{ name: 'Lotte de Graaf', role: 'POH-GGZ' }],
  },
  {
    name: 'Woonstichting Thuis in Oost',
    type: 'woningcorporatie',
    ring: 'buitenring',
    shell: 'eerste',
    reason: 'Signaleert huurachterstand en overlast vroeg; schuift aan bij woonvragen.',
    contacts: [{ name: 'Kees Visser', role: 'Wijkconsulent' }],
  },
  {
    name: 'Schuldhulpverlening gemeente',
    type: 'schuldhulp',
    ring: 'buitenring',
    shell: 'eerste',
    reason: 'Schulden spelen in veel gezinnen; korte lijn nodig, geen vaste plek aan tafel.',
    contacts: [{ name: 'Nadia El Amrani', role: 'Schuldhulpverlener' }],
  },
  {
    name: 'Politie – wijkagent Oost',
    type: 'politie',
    ring: 'buitenring',
    shell: 'eerste',
    reason: 'Veiligheidssignalen komen binnen via de wijkagent; bespreken alleen met grondslag.',
    contacts: [{ name: 'Erik Smit', role: 'Wijkagent' }],
  },
  {
    name: 'Vrijwilligerscentrale Oost',
    type: 'vrijwilligers',
    ring: 'buitenring',
    shell: 'tweede',
    reason: 'Vrijwilligersorganisaties zitten meestal in de buitenring (002:3612-3616).',
    contacts: [{ name: 'Marjan Mulder', role: 'Coördinator vrijwilligers' }],
  },
  {
    name: 'Sociaal raadslieden Oost',
    type: 'sociaal_raadslieden',
    ring: 'buitenring',
    shell: 'tweede',
    reason: 'Formulieren en toeslagen: op afroep, via het spreekuur.',
    contacts: [{ name: 'Pieter Jansen', role: 'Sociaal raadsman' }],
  },
  {
    name: 'GGZ Oost – FACT-team',
    type: 'ggz',
    ring: 'invliegen',
    reason: 'Specialistische ggz schuift aan op invliegbasis bij ernstige psychische problemen (002:3656).',
    contacts: [{ name: 'Dr. Iris Koster', role: 'Psychiater' }, { name: 'Bas Willems', role: 'Sociaal psychiatrisch verpleegkundige' }],
  },
  {
    name: 'GGD – Jeugdgezondheidszorg',
    type: 'ggd_jgz',
    ring: 'invliegen',
    reason: 'De jeugdverpleegkundige vliegt in bij zorgen over jonge kinderen.',
    contacts: [{ name: 'Ellen Vos', role: 'Jeugdverpleegkundige' }],
  },
  {
    name: 'Jeugdzorg Regio – gedragsdeskundige',
    type: 'jeugdzorg',
    ring: 'invliegen',
    reason: 'Onafhankelijke gedragsdeskundige voor complexe opvoedvragen (002:3606).',
    contacts: [{ name: 'Thomas Bakker', role: 'Gedragsdeskundige' }],
  },
  {
    name: 'Ervaringsdeskundigen Collectief',
    type: 'ervaringsdeskundige',
    ring: 'invliegen',
    reason: 'Getraind in privacy en zonder relatie met de bewoners (002:3024-3032).',
    contacts: [{ name: 'Wendy de Boer', role: 'Ervaringsdeskundige' }],
  },
];

export function exampleTeamSettings(): TeamSettingsDraft {
  return {
    ...defaultTeamSettingsDraft(),
    name: 'Sociaal wijkteam Oost (voorbeeld)',
    model: 'vast_team',
    wijken: ['Oosterpark', 'Molenwijk', 'De Hoven'],
    meeting: { everyWeeks: 2, weekday: 2, lengthMinutes: 90 },
    flags: ['Veiligheid', 'Kinderen in het gezin', 'Taalbarrière'],
    alsoKnownByOptions: ['Huisarts', 'Woningcorporatie', 'School', 'Schuldhulp'],
    escalationRoute: [
      { label: 'Coördinator sociaal wijkteam Oost' },
      { label: 'Teamleider sociaal domein' },
      { label: 'Escalatieoverleg met doorzettingsmacht (gemeente)' },
    ],
    retentionMonths: 24,
    example: true,
  };
}

/** Load the example team: settings, organisations in three rings with contacts, and the team members. */
export async function loadExampleTeam(): Promise<void> {
  const now = nowIso();
  const organisations: Organisation[] = [];
  const contacts: Contact[] = [];
  const placements: Placement[] = [];
  const members: TeamMember[] = [];
  for (const o of EXAMPLE_ORGS) {
    const orgId = newId();
    organisations.push({ id: orgId, name: o.name, type: o.type, example: true, createdAt: now });
    placements.push({ id: newId(), organisationId: orgId, ring: o.ring, ...(o.shell ? { shell: o.shell } : {}), reason: o.reason, updatedAt: now });
    const ids = o.contacts.map(() => newId());
    o.contacts.forEach((c, i) => {
      const id = ids[i] ?? newId();
      // The next colleague in the same organisation is the backup, so no contact is a single point of failure.
      const backup = ids.length > 1 ? ids[(i + 1) % ids.length] : undefined;
      contacts.push({ id, organisationId: orgId, name: c.name, role: c.role, active: true, example: true, createdAt: now, ...(backup ? { backupContactId: backup } : {}) });
      if (c.member) {
        members.push({ id: newId(), name: c.name, organisationId: orgId, hoursPerWeek: c.member.hours, specialism: c.member.specialism, active: true, example: true });
      }
    });
  }
  await saveTeamSettings(exampleTeamSettings());
  await addPartners({ organisations, contacts, placements });
  await addMembers(members);
}
