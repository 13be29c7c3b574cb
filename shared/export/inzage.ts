import type { Action, Assessment, Goal, Handover, Intake, Note, Plan } from '../domain/casefile';
import type { Escalation, Evaluation, FeedbackDuty } from '../domain/feedback';
import type { Household } from '../domain/household';
import type { AgendaItem, Meeting } from '../domain/meeting';
import type { Consent, Contact, Invitation, Involvement, LifeDomain, Organisation } from '../domain/partners';
import type { TeamMember } from '../domain/team';
import { fixed, freeTextFactory, type Block, type DocText, type Section } from './document';
import { nlDate, nlLabel } from './labels';
import { PROFILE_PURPOSE, namesOf, partyLabel, type ProjectedExport } from './profiles';
import { ROLE_LABELS } from '../privacy/pseudonym';
import type { ScanContext } from '../privacy/scan';

/**
 * Inzage (subject access, art. 15 AVG) for ONE household: everything recorded about them, in
 * readable Dutch. It includes their own names, BSN, contact details and narratives — that is
 * the point — and nothing of any other household: free text is scanned for other households'
 * names and for identifiers that are not the household's own.
 *
 * INTERNAL NOTES. PRIVACY.md says internal notes are never exported, and the AVG gives the
 * resident a right of access to personal data about them. We honour both: the file never holds
 * an internal note's text, but it says how many there are and when they were written, and how
 * to see them — the team then reviews them with the resident in person, where information
 * about others (a neighbour's report, a professional's concern about a third party) can be
 * withheld under art. 15(4) AVG / art. 41 UAVG. Nothing is hidden silently; the resident knows
 * the notes exist and can ask. The UI says the same before the export is made.
 */

export type InzageInput = Readonly<{
  household: Household;
  intakes: readonly Intake[];
  assessments: readonly Assessment[];
  plans: readonly Plan[];
  goals: readonly Goal[];
  actions: readonly Action[];
  handovers: readonly Handover[];
  notes: readonly Note[];
  involvements: readonly Involvement[];
  consents: readonly Consent[];
  invitations: readonly Invitation[];
  feedbackDuties: readonly FeedbackDuty[];
  evaluations: readonly Evaluation[];
  escalations: readonly Escalation[];
  agendaItems: readonly AgendaItem[];
  meetings: readonly Meeting[];
  teamMembers: readonly TeamMember[];
  contacts: readonly Contact[];
  organisations: readonly Organisation[];
  domains: readonly LifeDomain[];
  /** Names of members of OTHER households (flagged if they turn up in this household's texts). */
  otherHouseholds: readonly Household[];
  madeOn: string;
}>;

/** The household's own identifying values: they may stay in its own inzage. */
export function ownValues(h: Household): string[] {
  const out: string[] = [h.displayName, ...h.displayName.split(/\s+/)];
  for (const m of h.members) {
    out.push(m.firstName);
    if (m.lastName) out.push(m.lastName, `${m.firstName} ${m.lastName}`);
    if (m.bsn) out.push(m.bsn);
    if (m.phone) out.push(m.phone);
    if (m.email) out.push(m.email);
    if (m.birthDate) {
      // Their own birth date in the ways people write it (1986-03-12, 12-03-1986, 12-3-1986).
      const [y, mo, d] = m.birthDate.split('-');
      out.push(m.birthDate, `${d}-${mo}-${y}`, `${Number(d)}-${Number(mo)}-${y}`);
    }
  }
  if (h.postcode) out.push(h.postcode);
  if (h.address) out.push(h.address);
  return out;
}

const dash = (s: string | undefined) => (s && s.trim() ? s : '—');

export function projectInzage(input: InzageInput): ProjectedExport {
  const h = input.household;
  const free = freeTextFactory();
  const own = new Set(namesOf([h]).map((n) => n.toLocaleLowerCase('nl')));
  const scan: ScanContext = {
    names: namesOf(input.otherHouseholds.filter((o) => o.id !== h.id)).filter((n) => !own.has(n.toLocaleLowerCase('nl'))),
    allowed: ownValues(h),
  };
  const t = (s: string | undefined): DocText => (s && s.trim() ? free(s, scan) : fixed('—'));
  const person = (id: string | undefined) => (id ? (input.teamMembers.find((m) => m.id === id)?.name ?? 'teamlid') : '—');
  const org = (id: string) => input.organisations.find((o) => o.id === id)?.name ?? 'organisatie';
  const domain = (id: string) => input.domains.find((d) => d.id === id)?.label ?? nlLabel(id);
  const party = (p: Action['owner']) => (p.kind === 'network' || p.kind === 'resident') && p.name ? p.name : partyLabel(p, input);
  const mine = <T extends { householdId: string }>(rows: readonly T[]) => rows.filter((r) => r.householdId === h.id);
  const sections: Section[] = [];

  sections.push({
    id: 'about',
    title: fixed('Over dit overzicht'),
    blocks: [
      {
        type: 'paragraph',
        text: fixed(
          'U vroeg om inzage in wat het sociaal wijkteam over uw huishouden heeft vastgelegd. Hieronder staat alles wat wij in Wijktafel over u bewaren: uw gegevens, de aanmelding, het plan, de afspraken en wat in het teamoverleg is besproken. Klopt er iets niet? Dan mag u vragen het te verbeteren of aan te vullen.',
        ),
      },
    ],
  });

  sections.push({
    id: 'household',
    title: fixed('Uw huishouden'),
    blocks: [
      {
        type: 'facts',
        rows: [
          { label: 'Naam huishouden', value: fixed(h.displayName) },
          { label: 'Adres', value: fixed(dash([h.address, h.postcode].filter(Boolean).join(', '))) },
          { label: 'Wijk', value: fixed(dash(h.wijk)) },
          { label: 'Status', value: fixed(nlLabel(h.status)) },
          { label: 'Regisseur', value: fixed(person(h.regisseurId)) },
          { label: 'Aangemaakt', value: fixed(nlDate(h.createdAt)) },
          ...(h.closedAt ? [{ label: 'Afgesloten', value: fixed(nlDate(h.closedAt)) }] : []),
          ...(h.outcome ? [{ label: 'Uitkomst', value: t(h.outcome) }] : []),
          ...(h.flags.length ? [{ label: 'Aandachtspunten', value: fixed(h.flags.join(', ')) }] : []),
          ...(h.alsoKnownBy.length ? [{ label: 'Ook bekend bij', value: fixed(h.alsoKnownBy.join(', ')) }] : []),
        ],
      },
      {
        type: 'table',
        caption: 'Gezinsleden',
        head: ['Naam', 'Rol', 'Geboortedatum', 'BSN', 'Telefoon', 'E-mail'],
        rows: h.members.map((m) => [
          fixed(`${m.firstName}${m.lastName ? ` ${m.lastName}` : ''}`),
          fixed(ROLE_LABELS[m.role]),
          fixed(m.birthDate ? nlDate(m.birthDate) : '—'),
          fixed(dash(m.bsn)),
          fixed(dash(m.phone)),
          fixed(dash(m.email)),
        ]),
      },
    ],
  });

  const intakes = mine(input.intakes);
  if (intakes.length) {
    sections.push({
      id: 'intakes',
      title: fixed('Aanmelding'),
      blocks: intakes.flatMap((i): Block[] => [
        {
          type: 'facts',
          rows: [
            { label: 'Datum', value: fixed(nlDate(i.date)) },
            { label: 'Aangemeld door', value: fixed([nlLabel(i.referrerType), i.referrerName, i.referrerOrganisation].filter(Boolean).join(', ')) },
            { label: 'Hoe', value: fixed(nlLabel(i.channel)) },
            { label: 'De vraag', value: t(i.question) },
            { label: 'Besluit', value: fixed(i.decision ? `${nlLabel(i.decision)}${i.decidedAt ? ` (${nlDate(i.decidedAt)})` : ''}` : 'nog niet genomen') },
            ...(i.decisionReason ? [{ label: 'Reden', value: t(i.decisionReason) }] : []),
          ],
        },
      ]),
    });
  }

  const assessments = mine(input.assessments).sort((a, b) => a.date.localeCompare(b.date));
  if (assessments.length) {
    sections.push({
      id: 'assessments',
      title: fixed('Zelfredzaamheid per levensdomein'),
      blocks: [
        {
          type: 'table',
          caption: 'Score 1 = acuut, 5 = helemaal zelfredzaam',
          head: ['Datum', 'Levensdomein', 'Score', 'Toelichting'],
          rows: assessments.map((a) => [fixed(nlDate(a.date)), fixed(domain(a.domainId)), fixed(String(a.score)), t(a.narrative)]),
        },
      ],
    });
  }

  for (const plan of mine(input.plans).sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const goals = input.goals.filter((g) => g.planId === plan.id);
    const blocks: Block[] = [
      {
        type: 'facts',
        rows: [
          { label: 'Gestart', value: fixed(nlDate(plan.startedAt)) },
          { label: 'Status', value: fixed(nlLabel(plan.status)) },
          ...(plan.nextEvaluationDate ? [{ label: 'Volgende evaluatie', value: fixed(nlDate(plan.nextEvaluationDate)) }] : []),
        ],
      },
    ];
    for (const g of goals) {
      blocks.push({ type: 'subheading', text: t(`${domain(g.domainId)}: ${g.text}`) });
      const acts = input.actions.filter((a) => a.goalId === g.id);
      blocks.push(
        acts.length
          ? {
              type: 'table',
              head: ['Actie', 'Wie', 'Uiterlijk', 'Terugkoppelen aan', 'Stand', 'Resultaat'],
              rows: acts.map((a) => [t(a.text), fixed(party(a.owner)), fixed(nlDate(a.dueDate)), fixed(party(a.reportTo)), fixed(nlLabel(a.status)), t(a.result)]),
            }
          : { type: 'paragraph', text: fixed('Nog geen acties bij dit doel.'), muted: true },
      );
    }
    sections.push({ id: `plan-${plan.id}`, title: fixed(`Plan vanaf ${nlDate(plan.startedAt)}`), blocks });
  }

  const handovers = mine(input.handovers);
  if (handovers.length) {
    sections.push({
      id: 'handovers',
      title: fixed('Wisseling van regisseur'),
      blocks: [
        {
          type: 'table',
          head: ['Datum', 'Van', 'Naar', 'Reden', 'Overdracht'],
          rows: handovers.map((x) => [fixed(nlDate(x.date)), fixed(person(x.fromId)), fixed(person(x.toId)), t(x.reason), t(x.note)]),
        },
      ],
    });
  }

  const notes = mine(input.notes);
  const shared = notes.filter((n) => !n.internal);
  const internal = notes.filter((n) => n.internal);
  const noteBlocks: Block[] = shared.length
    ? [{ type: 'table', head: ['Datum', 'Notitie'], rows: shared.map((n) => [fixed(nlDate(n.createdAt)), t(n.text)]) }]
    : [{ type: 'paragraph', text: fixed('Geen notities.'), muted: true }];
  if (internal.length) {
    noteBlocks.push({
      type: 'paragraph',
      text: fixed(
        `Daarnaast zijn er ${internal.length} interne werkaantekening(en) (${internal.map((n) => nlDate(n.createdAt)).join(', ')}). Die staan niet in dit bestand, omdat ze gegevens over anderen kunnen bevatten. U kunt ze inzien in een gesprek met het wijkteam; wat over anderen gaat, wordt dan afgeschermd.`,
      ),
    });
  }
  sections.push({ id: 'notes', title: fixed('Notities'), blocks: noteBlocks });

  const involvements = mine(input.involvements);
  const consents = mine(input.consents);
  const invitations = mine(input.invitations);
  if (involvements.length || consents.length || invitations.length) {
    const blocks: Block[] = [];
    if (involvements.length) {
      blocks.push({
        type: 'table',
        caption: 'Betrokken organisaties',
        head: ['Organisatie', 'Contactpersoon', 'Mate van betrokkenheid', 'Sinds', 'Tot'],
        rows: involvements.map((i) => [
          fixed(org(i.organisationId)),
          fixed(input.contacts.find((c) => c.id === i.contactId)?.name ?? '—'),
          fixed(nlLabel(i.level)),
          fixed(nlDate(i.since)),
          fixed(i.endedAt ? nlDate(i.endedAt) : '—'),
        ]),
      });
    }
    if (consents.length) {
      blocks.push({
        type: 'table',
        caption: 'Uw toestemmingen',
        head: ['Organisatie', 'Waarvoor', 'Gegeven door', 'Op', 'Geldig tot', 'Ingetrokken'],
        rows: consents.map((c) => [
          fixed(org(c.organisationId)),
          fixed(nlLabel(c.purpose)),
          t(c.givenBy),
          fixed(nlDate(c.givenAt)),
          fixed(c.expiresAt ? nlDate(c.expiresAt) : 'geen einddatum'),
          fixed(c.withdrawnAt ? nlDate(c.withdrawnAt) : '—'),
        ]),
      });
    }
    if (invitations.length) {
      blocks.push({
        type: 'table',
        caption: 'Uitgenodigde partners',
        head: ['Organisatie', 'Waarvoor', 'Van', 'Tot'],
        rows: invitations.map((i) => [fixed(org(i.organisationId)), fixed(nlLabel(i.purpose)), fixed(nlDate(i.startDate)), fixed(nlDate(i.endDate))]),
      });
    }
    sections.push({ id: 'partners', title: fixed('Partners en toestemming'), blocks });
  }

  const discussed = mine(input.agendaItems).filter((i) => i.status === 'besproken');
  if (discussed.length) {
    const blocks: Block[] = [];
    for (const item of discussed) {
      const meeting = input.meetings.find((m) => m.id === item.meetingId);
      blocks.push({ type: 'subheading', text: fixed(`Teamoverleg van ${nlDate(meeting?.date ?? item.closedAt)}`) });
      const rows: { label: string; value: DocText }[] = [];
      if (item.question) rows.push({ label: 'Vraag aan het team', value: t(item.question) });
      if (item.notes) rows.push({ label: 'Bespreking', value: t(item.notes) });
      rows.push({
        label: 'Adviezen en besluiten',
        value: item.decisions.length ? t(item.decisions.map((d) => `${nlLabel(d.kind)}: ${d.text}`).join('\n')) : fixed('—'),
      });
      blocks.push({ type: 'facts', rows });
    }
    sections.push({ id: 'meetings', title: fixed('Besproken in het teamoverleg'), blocks });
  }

  const duties = mine(input.feedbackDuties);
  const evaluations = mine(input.evaluations);
  const escalations = mine(input.escalations);
  if (duties.length || evaluations.length || escalations.length) {
    const blocks: Block[] = [];
    if (evaluations.length) {
      blocks.push({
        type: 'table',
        caption: 'Evaluaties',
        head: ['Datum', 'Toelichting', 'Volgende evaluatie'],
        rows: evaluations.map((e) => [fixed(nlDate(e.date)), t(e.narrative), fixed(nlDate(e.nextEvaluationDate))]),
      });
    }
    if (duties.length) {
      blocks.push({
        type: 'table',
        caption: 'Terugkoppelingen',
        head: ['Wat', 'Uiterlijk', 'Stand'],
        rows: duties.map((d) => [fixed(nlLabel(d.kind)), fixed(nlDate(d.dueDate)), fixed(d.status === 'gedaan' ? `gedaan ${nlDate(d.doneAt)}` : 'open')]),
      });
    }
    if (escalations.length) {
      blocks.push({
        type: 'table',
        caption: 'Opgeschaald',
        head: ['Sinds', 'Reden', 'Stand', 'Uitkomst'],
        rows: escalations.map((e) => [fixed(nlDate(e.openedAt)), t(e.description ?? nlLabel(e.reason)), fixed(nlLabel(e.status)), t(e.resolution)]),
      });
    }
    sections.push({ id: 'followup', title: fixed('Evaluaties, terugkoppeling en opschaling'), blocks });
  }

  const meta = PROFILE_PURPOSE.inzage;
  return {
    profile: 'inzage',
    document: {
      purposeId: 'inzage',
      title: `${meta.title}: ${h.displayName}`,
      purpose: meta.purpose,
      audience: `${meta.audience} (${h.displayName})`,
      date: nlDate(input.madeOn),
      madeOn: nlDate(input.madeOn),
      notice: 'Dit overzicht is persoonlijk en vertrouwelijk. Het bevat alleen gegevens over uw eigen huishouden.',
      sections,
    },
    householdIds: [h.id],
    // The file names the household (it is theirs); the audit log names it only by id.
    auditAudience: meta.audience,
    excluded: [],
  };
}
