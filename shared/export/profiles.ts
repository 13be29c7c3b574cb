import type { Action, Assessment, Goal, Party, Plan } from '../domain/casefile';
import type { Household } from '../domain/household';
import type { AgendaItem, Meeting } from '../domain/meeting';
import { sortAgenda } from '../domain/meeting';
import type { Consent, Contact, LifeDomain, Organisation, Placement } from '../domain/partners';
import { isGoalInWork } from '../domain/feedback-rules';
import { checkPartnerAccess, type PartnerAccess } from '../domain/partner-rules';
import type { TeamMember } from '../domain/team';
import { fixed, freeTextFactory, type Block, type DocText, type ExportDocument, type Section } from './document';
import { nlDate, nlLabel, nlShortDate } from './labels';
import { memberDescriptor, pseudonymLabel, wijkFor } from '../privacy/pseudonym';
import type { ScanContext } from '../privacy/scan';

/**
 * The export profiles and their ALLOWLISTS (PRIVACY.md "Exports"). Every export has a purpose
 * and an audience, and holds only the fields listed for its profile: a projection below copies
 * a field only when its profile lists it, so adding a field to a record never adds it to an
 * export. These functions are pure (already-decrypted data in, a document out), so a 25-case
 * pack is built without a single await.
 */

export const EXPORT_FIELDS = [
  'agenda',
  'pseudonym',
  'members',
  'wijk',
  'question',
  'timeBox',
  'invited',
  'domainScores',
  'goals',
  'openActions',
  'followUps',
  'attendees',
  'decisions',
  'meetingActions',
  'aggregates',
  'everything',
  'referralReceived',
  'intakeDecision',
  'contactPerson',
  'closureOutcome',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

export const EXPORT_PROFILES = ['meeting_pack', 'partner_pack', 'minutes', 'partner_minutes', 'management', 'inzage', 'referrer_letter', 'knelpunten'] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

export const ALLOWLIST: Readonly<Record<ExportProfile, readonly ExportField[]>> = {
  /** The binnenring present at the meeting. */
  meeting_pack: ['agenda', 'pseudonym', 'members', 'wijk', 'question', 'timeBox', 'invited', 'domainScores', 'goals', 'openActions', 'followUps'],
  /** An invited buitenring/invliegen partner: only their cases, and no one's actions or other partners. */
  partner_pack: ['agenda', 'pseudonym', 'members', 'wijk', 'question', 'timeBox', 'domainScores', 'goals'],
  /** The attendees: decisions and actions per pseudonym. */
  minutes: ['pseudonym', 'attendees', 'decisions', 'meetingActions'],
  /** An invited partner's copy of the minutes: only the items they were at. */
  partner_minutes: ['pseudonym', 'decisions', 'meetingActions'],
  /** Coordinator and municipality: counts only, small cells suppressed. */
  management: ['aggregates'],
  /** The resident: everything recorded about their own household (see inzage.ts). */
  inzage: ['everything'],
  /** The referrer (PRIVACY.md "referrer feedback"): received, taken up or not, the contact, at closure one line of outcome (letter.ts). */
  referrer_letter: ['referralReceived', 'intakeDecision', 'contactPerson', 'closureOutcome'],
  /** Coordinator and municipality: the knelpunten register as counts, barriers named only when they recur in 5+ households. */
  knelpunten: ['aggregates'],
};

export const PROFILE_PURPOSE: Readonly<Record<ExportProfile, { purpose: string; audience: string; title: string }>> = {
  meeting_pack: { title: 'Overlegstukken casuïstiekbespreking', purpose: 'voorbereiding casuïstiekbespreking', audience: 'binnenring van het wijkteam, aanwezig bij het overleg' },
  partner_pack: { title: 'Overlegstukken voor genodigde partner', purpose: 'voorbereiding casuïstiekbespreking', audience: 'genodigde partner' },
  minutes: { title: 'Verslag casuïstiekbespreking', purpose: 'vastleggen van adviezen, besluiten en acties', audience: 'deelnemers aan het overleg' },
  partner_minutes: { title: 'Verslag casuïstiekbespreking (deel voor partner)', purpose: 'vastleggen van adviezen, besluiten en acties', audience: 'genodigde partner' },
  management: { title: 'Managementinformatie wijkteam', purpose: 'sturing en verantwoording (geaggregeerd)', audience: 'coördinator en gemeente' },
  inzage: { title: 'Inzage in uw gegevens', purpose: 'inzageverzoek (artikel 15 AVG)', audience: 'het huishouden zelf' },
  referrer_letter: { title: 'Terugkoppeling aan de verwijzer', purpose: 'terugkoppeling over een aanmelding', audience: 'de verwijzer' },
  knelpunten: { title: 'Knelpunten sociaal wijkteam', purpose: 'signaleren van knelpunten in regels en aanbod (geaggregeerd)', audience: 'coördinator, management en gemeente' },
};

/** Everything a pack or the minutes may draw from, already decrypted. */
export type MeetingExportInput = Readonly<{
  meeting: Meeting;
  items: readonly AgendaItem[];
  households: ReadonlyMap<string, Household>;
  plans: readonly Plan[];
  goals: readonly Goal[];
  actions: readonly Action[];
  assessments: readonly Assessment[];
  domains: readonly LifeDomain[];
  teamMembers: readonly TeamMember[];
  contacts: readonly Contact[];
  organisations: readonly Organisation[];
  placements: readonly Placement[];
  consents: readonly Consent[];
  /** Team table: 4-digit postcode area → wijk. */
  postcodeAreas?: Readonly<Record<string, string>>;
  today: string;
  madeOn: string;
}>;

export type Audience = Readonly<{ kind: 'binnenring' }> | Readonly<{ kind: 'partner'; organisationId: string }>;

/** A case left out of a partner's export, and why (shown in the app, never in the file). */
export type Excluded = Readonly<{ householdId: string; itemId: string; access: PartnerAccess }>;

export type ProjectedExport = Readonly<{
  /**
   * The profile, decided once by the projection that applied its allowlist: the export pipeline
   * (renderer/src/features/exports) logs and titles the export by this, never by a second guess.
   */
  profile: ExportProfile;
  document: ExportDocument;
  /** Internal ids of the households in the file: for the audit log, never written into the file. */
  householdIds: readonly string[];
  /**
   * The audience as the audit log records it, when the document's own audience line holds
   * resident data (inzage names the household). Absent: the document's audience is used.
   */
  auditAudience?: string;
  excluded: readonly Excluded[];
}>;

// ---------------------------------------------------------------------------------------------
// Shared pieces

const STOP_WORDS = new Set(['familie', 'fam', 'gezin', 'huishouden', 'de', 'van', 'der', 'den', 'het', 'en']);

/** Names the scanner looks for in a pack: every member's names and the household names of every case in it. */
export function namesOf(households: Iterable<Household>): string[] {
  const out: string[] = [];
  for (const h of households) {
    for (const m of h.members) {
      out.push(m.firstName);
      if (m.lastName) out.push(m.lastName);
    }
    out.push(...h.displayName.split(/\s+/).filter((w) => w.length >= 2 && !STOP_WORDS.has(w.toLocaleLowerCase('nl'))));
  }
  return out;
}

function domainLabel(domains: readonly LifeDomain[], id: string): string {
  return domains.find((d) => d.id === id)?.label ?? nlLabel(id);
}

/**
 * Who carries an action, as an export may say it: a team member or partner contact by name
 * (professionals), the resident as "inwoner", the network as "netwerk" — never the name of a
 * neighbour or relative.
 */
export function partyLabel(p: Party | undefined, input: Pick<MeetingExportInput, 'teamMembers' | 'contacts' | 'organisations'>): string {
  if (!p) return '—';
  switch (p.kind) {
    case 'team_member':
      return input.teamMembers.find((m) => m.id === p.refId)?.name ?? 'teamlid';
    case 'contact': {
      const c = input.contacts.find((x) => x.id === p.refId);
      if (!c) return 'partner';
      const org = input.organisations.find((o) => o.id === c.organisationId);
      return org ? `${c.name} (${org.name})` : c.name;
    }
    case 'resident':
      return 'inwoner';
    case 'network':
      return 'netwerk';
  }
}

/** The latest score per domain (by assessment date, then creation). */
export function latestScores(assessments: readonly Assessment[], householdId: string): Assessment[] {
  const latest = new Map<string, Assessment>();
  for (const a of assessments) {
    if (a.householdId !== householdId) continue;
    const cur = latest.get(a.domainId);
    if (!cur || a.date > cur.date || (a.date === cur.date && a.createdAt > cur.createdAt)) latest.set(a.domainId, a);
  }
  return [...latest.values()];
}

/** Which items an audience may see. For a partner: invited for the item AND valid consent to share ('delen'). */
export function itemsFor(input: MeetingExportInput, audience: Audience): { items: AgendaItem[]; excluded: Excluded[] } {
  const sorted = sortAgenda(input.items.filter((i) => i.status !== 'uitgesteld'));
  if (audience.kind === 'binnenring') return { items: sorted, excluded: [] };
  const theirContacts = new Set(input.contacts.filter((c) => c.organisationId === audience.organisationId).map((c) => c.id));
  const items: AgendaItem[] = [];
  const excluded: Excluded[] = [];
  for (const item of sorted) {
    if (!item.invitedContactIds.some((id) => theirContacts.has(id))) continue;
    const access = checkPartnerAccess(
      { placements: input.placements, consents: input.consents, householdId: item.householdId, organisationId: audience.organisationId, purpose: 'delen' },
      input.today,
    );
    if (access.allowed) items.push(item);
    else excluded.push({ householdId: item.householdId, itemId: item.id, access });
  }
  return { items, excluded };
}

/**
 * The scanner looks for the names of every household in the input (the whole agenda), not only
 * the cases in this file: a partner's case may mention a neighbour who is another case.
 */
function scanContextFor(input: MeetingExportInput): ScanContext {
  return { names: namesOf(input.households.values()) };
}

function pseudonymOf(meeting: Meeting, householdId: string): string {
  const letters = meeting.pseudonyms[householdId];
  // The repository assigns letters before exporting; '?' means a bug, never a leak.
  return pseudonymLabel(letters ?? '?');
}

function itemHeading(meeting: Meeting, item: AgendaItem): string {
  const p = pseudonymOf(meeting, item.householdId);
  return item.kind === 'follow_up' ? `${p} — ${nlLabel('follow_up')}` : p;
}

function audienceLabel(input: MeetingExportInput, audience: Audience, base: string): string {
  if (audience.kind === 'binnenring') return base;
  const org = input.organisations.find((o) => o.id === audience.organisationId);
  return `${base}: ${org?.name ?? 'partner'}`;
}

// ---------------------------------------------------------------------------------------------
// Meeting pack (binnenring or one partner)

export function projectMeetingPack(input: MeetingExportInput, audience: Audience): ProjectedExport {
  const profile: ExportProfile = audience.kind === 'binnenring' ? 'meeting_pack' : 'partner_pack';
  const allow = new Set(ALLOWLIST[profile]);
  const { items, excluded } = itemsFor(input, audience);
  const free = freeTextFactory();
  const scan = scanContextFor(input);
  const { meeting } = input;
  const sections: Section[] = [];

  if (allow.has('agenda')) {
    const head = ['#', 'Casus', ...(allow.has('question') ? ['Vraag aan het team'] : []), ...(allow.has('timeBox') ? ['Tijd'] : []), ...(allow.has('invited') ? ['Genodigden'] : [])];
    const rows = items.map((item, n): DocText[] => [
      fixed(String(n + 1)),
      fixed(itemHeading(meeting, item)),
      ...(allow.has('question') ? [item.question ? free(item.question, scan) : fixed(nlLabel('follow_up'))] : []),
      ...(allow.has('timeBox') ? [fixed(`${item.timeBoxMinutes} min`)] : []),
      ...(allow.has('invited') ? [fixed(invitedLabel(input, item))] : []),
    ]);
    const total = items.reduce((s, i) => s + i.timeBoxMinutes, 0);
    const blocks: Block[] = [{ type: 'table', className: 'agenda', head, rows }];
    if (allow.has('timeBox')) blocks.push({ type: 'paragraph', text: fixed(`Totaal ${total} van ${meeting.lengthMinutes} minuten.`), muted: true });
    sections.push({ id: 'agenda', title: fixed(`Agenda ${nlDate(meeting.date)}`), blocks });
  }

  for (const item of items) {
    const household = input.households.get(item.householdId);
    if (!household) continue;
    sections.push(caseSummary(input, item, household, allow, free, scan));
  }

  const meta = PROFILE_PURPOSE[profile];
  return {
    profile,
    document: {
      purposeId: profile,
      title: meta.title,
      purpose: meta.purpose,
      audience: audienceLabel(input, audience, meta.audience),
      date: nlDate(meeting.date),
      madeOn: nlDate(input.madeOn),
      notice: 'Gepseudonimiseerd: geen namen, BSN, adressen, geboortedata of contactgegevens. De sleutel blijft in Wijktafel.',
      sections,
    },
    householdIds: [...new Set(items.map((i) => i.householdId))],
    excluded,
  };
}

function invitedLabel(input: MeetingExportInput, item: AgendaItem): string {
  if (item.invitedContactIds.length === 0) return '—';
  return item.invitedContactIds
    .map((id) => {
      const c = input.contacts.find((x) => x.id === id);
      const org = c ? input.organisations.find((o) => o.id === c.organisationId) : undefined;
      return org?.name ?? 'partner';
    })
    .join(', ');
}

/** One page per case: who (roles, age bands), where (wijk), the question, scores, goals, open actions. */
function caseSummary(
  input: MeetingExportInput,
  item: AgendaItem,
  household: Household,
  allow: ReadonlySet<ExportField>,
  free: ReturnType<typeof freeTextFactory>,
  scan: ScanContext,
): Section {
  const blocks: Block[] = [];
  const facts: { label: string; value: DocText }[] = [];
  if (allow.has('members')) {
    facts.push({
      label: 'Samenstelling',
      value: fixed(household.members.length ? household.members.map((m) => memberDescriptor(m, input.today)).join('; ') : 'onbekend'),
    });
  }
  if (allow.has('wijk')) facts.push({ label: 'Wijk', value: fixed(wijkFor(household, input.postcodeAreas)) });
  if (allow.has('timeBox')) facts.push({ label: 'Tijd in het overleg', value: fixed(`${item.timeBoxMinutes} minuten`) });
  if (allow.has('invited') && item.invitedContactIds.length) facts.push({ label: 'Genodigden', value: fixed(invitedLabel(input, item)) });
  if (facts.length) blocks.push({ type: 'facts', rows: facts });

  if (allow.has('question') && item.question) {
    blocks.push({ type: 'subheading', text: fixed('Vraag aan het team') });
    blocks.push({ type: 'paragraph', text: free(item.question, scan) });
  }

  if (allow.has('domainScores')) {
    const scores = latestScores(input.assessments, household.id).sort((a, b) => a.score - b.score || a.domainId.localeCompare(b.domainId));
    if (scores.length) {
      blocks.push({
        type: 'table',
        caption: 'Zelfredzaamheid per levensdomein (1 = acuut, 5 = zelfredzaam)',
        head: ['Levensdomein', 'Score', 'Datum'],
        rows: scores.map((a) => [fixed(domainLabel(input.domains, a.domainId)), fixed(String(a.score)), fixed(nlShortDate(a.date))]),
      });
    }
  }

  const plan = input.plans.find((p) => p.householdId === household.id && p.status === 'actief');
  // Goals still being worked on; a goal evaluated as "deels, meer" is one of them (feedback-rules isGoalInWork).
  const goals = plan ? input.goals.filter((g) => g.planId === plan.id && isGoalInWork(g)) : [];
  if (allow.has('goals')) {
    blocks.push({
      type: 'list',
      label: 'Doelen (in de woorden van het huishouden)',
      items: goals.length ? goals.map((g) => free(`${domainLabel(input.domains, g.domainId)}: ${g.text}`, scan)) : [fixed('Nog geen doelen vastgelegd.')],
    });
  }
  if (allow.has('openActions')) {
    const open = input.actions
      .filter((a) => a.householdId === household.id && a.status === 'open' && (!plan || a.planId === plan.id))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    if (open.length) {
      blocks.push({
        type: 'table',
        caption: 'Open acties',
        head: ['Actie', 'Laag', 'Wie', 'Uiterlijk'],
        rows: open.map((a) => [free(a.text, scan), fixed(nlLabel(a.layer)), fixed(partyLabel(a.owner, input)), fixed(nlShortDate(a.dueDate))]),
      });
    }
  }
  if (allow.has('followUps') && item.followUp) {
    const ids = new Set(item.followUp.actionIds);
    const carried = input.actions.filter((a) => ids.has(a.id));
    blocks.push({
      type: 'list',
      label: 'Terug van het vorige overleg',
      items: [
        ...carried.map((a) => free(`${a.text} — ${partyLabel(a.owner, input)}, uiterlijk ${nlShortDate(a.dueDate)} (${nlLabel(a.status)})`, scan)),
        ...(item.followUp.dutyIds.length ? [fixed(`${item.followUp.dutyIds.length} terugkoppeling(en) nog open`)] : []),
      ],
    });
  }
  return { id: `case-${item.id}`, title: fixed(itemHeading(input.meeting, item)), newPage: true, blocks };
}

// ---------------------------------------------------------------------------------------------
// Minutes (verslag)

export function projectMinutes(input: MeetingExportInput, audience: Audience): ProjectedExport {
  const profile: ExportProfile = audience.kind === 'binnenring' ? 'minutes' : 'partner_minutes';
  const allow = new Set(ALLOWLIST[profile]);
  const { items: all, excluded } = itemsFor(input, audience);
  const items = all.filter((i) => i.status === 'besproken');
  const free = freeTextFactory();
  const scan = scanContextFor(input);
  const sections: Section[] = [];
  const { meeting } = input;

  if (allow.has('attendees')) {
    const present = meeting.attendeeIds.map((id) => input.teamMembers.find((m) => m.id === id)?.name).filter((n): n is string => !!n);
    const guests = [...new Set(items.flatMap((i) => i.invitedContactIds))].map((id) => {
      const c = input.contacts.find((x) => x.id === id);
      const org = c ? input.organisations.find((o) => o.id === c.organisationId) : undefined;
      return c ? `${c.name}${org ? ` (${org.name})` : ''}` : 'partner';
    });
    const chair = input.teamMembers.find((m) => m.id === meeting.chairId)?.name;
    sections.push({
      id: 'attendees',
      title: fixed('Aanwezig'),
      blocks: [
        {
          type: 'facts',
          rows: [
            { label: 'Voorzitter', value: fixed(chair ?? '—') },
            { label: 'Team', value: fixed(present.length ? present.join(', ') : '—') },
            { label: 'Genodigden', value: fixed(guests.length ? guests.join(', ') : '—') },
          ],
        },
      ],
    });
  }

  for (const item of items) {
    const blocks: Block[] = [];
    if (allow.has('decisions')) {
      blocks.push({
        type: 'list',
        label: 'Adviezen en besluiten',
        items: item.decisions.length ? item.decisions.map((d) => free(`${nlLabel(d.kind)}: ${d.text}`, scan)) : [fixed('Geen.')],
      });
    }
    if (allow.has('meetingActions')) {
      blocks.push(
        item.actions.length
          ? {
              type: 'table',
              caption: 'Afgesproken acties',
              head: ['Actie', 'Wie', 'Uiterlijk', 'Terugkoppelen aan'],
              rows: item.actions.map((a) => [free(a.text, scan), fixed(partyLabel(a.owner, input)), fixed(nlShortDate(a.dueDate)), fixed(partyLabel(a.reportTo, input))]),
            }
          : { type: 'paragraph', text: fixed('Geen nieuwe acties.'), muted: true },
      );
    }
    sections.push({ id: `item-${item.id}`, title: fixed(allow.has('pseudonym') ? itemHeading(meeting, item) : 'Casus'), blocks });
  }
  const meta = PROFILE_PURPOSE[profile];
  return {
    profile,
    document: {
      purposeId: 'minutes',
      title: meta.title,
      purpose: meta.purpose,
      audience: audienceLabel(input, audience, meta.audience),
      date: nlDate(meeting.date),
      madeOn: nlDate(input.madeOn),
      notice: 'Per huishouden onder pseudoniem. Wie achter een pseudoniem zit, staat alleen in Wijktafel.',
      sections,
    },
    householdIds: [...new Set(items.map((i) => i.householdId))],
    excluded,
  };
}
