import type { Action, Assessment, Goal, Handover, Intake, Note, Plan } from '@shared/domain/casefile';
import type { Household } from '@shared/domain/household';
import type { AgendaItem, Meeting } from '@shared/domain/meeting';
import { DEFAULT_LIFE_DOMAINS, type Consent, type Contact, type Organisation, type Placement } from '@shared/domain/partners';
import type { TeamMember } from '@shared/domain/team';
import type { InzageInput } from '@shared/export/inzage';
import type { MeetingExportInput } from '@shared/export/profiles';

/**
 * Three households whose identifying fields and narratives carry unique canary strings.
 * Allowlisted narratives (question, goal, action, decision) mention the household's own names,
 * BSN, phone, e-mail, IBAN, address and birth date: the scanner must catch those. Narratives
 * that no export but inzage may hold (assessment narratives, notes, intake question, handover
 * note) carry a bare canary token: only the allowlist keeps those out.
 */
export const TODAY = '2025-06-02';
const TS = '2025-05-01T10:00:00.000Z';

export type CanarySet = Readonly<{
  household: Household;
  /** Strings that identify this household and must never appear in a pseudonymised export. */
  identifying: readonly string[];
  /** Narrative canaries of fields that only inzage may show. */
  inzageOnly: readonly string[];
  /** The internal note's canary: never in any export, inzage included. */
  internalNote: string;
}>;

export type Spec = { key: string; first: string; last: string; bsn: string; phone: string; email: string; street: string; postcode: string; birth: string; iban: string };

export const SPECS: Spec[] = [
  { key: 'A1', first: 'Qxanarie', last: 'Vlopterman', bsn: '111222333', phone: '06-11223344', email: 'qxanarie@canary.example', street: 'Kanariestraat 99', postcode: '9999 ZZ', birth: '1986-03-12', iban: 'NL91ABNA0417164300' },
  { key: 'B2', first: 'Zorbelwick', last: 'Ploenkers', bsn: '123456782', phone: '0612398765', email: 'zorb.ploenk@canary.example', street: 'Vinkenlaan 7', postcode: '9998 YY', birth: '1990-11-30', iban: 'NL02RABO0123456789' },
  { key: 'C3', first: 'Wumbelina', last: 'Trastovicz', bsn: '999999990', phone: '+31 6 55501234', email: 'wumbel@canary.example', street: 'Meeuwweg 123', postcode: '9997 XX', birth: '1979-01-05', iban: 'NL20INGB0001234567' },
];

export const HOUSEHOLD_IDS = ['hh-a', 'hh-b', 'hh-c'] as const;

function household(id: string, s: Spec): Household {
  return {
    id,
    displayName: `Familie ${s.last}`,
    wijk: 'Centrum',
    status: 'actief',
    members: [
      { id: `${id}-m1`, role: 'ouder', firstName: s.first, lastName: s.last, birthDate: s.birth, bsn: s.bsn, phone: s.phone, email: s.email },
      { id: `${id}-m2`, role: 'kind', firstName: `${s.first}junior`, lastName: s.last, birthDate: '2016-02-02' },
    ],
    address: s.street,
    postcode: s.postcode,
    flags: [],
    alsoKnownBy: [],
    regisseurId: 'tm-1',
    createdAt: TS,
    updatedAt: TS,
    lastActivityAt: TS,
  };
}

/** A narrative that mentions every identifier of this household. */
export function leaky(s: Spec, what: string): string {
  const [d, m, y] = [s.birth.slice(8, 10), s.birth.slice(5, 7), s.birth.slice(0, 4)];
  return `${what}: ${s.first} ${s.last} (BSN ${s.bsn.slice(0, 4)}.${s.bsn.slice(4, 6)}.${s.bsn.slice(6)}) belt ${s.phone} of mailt ${s.email}; IBAN ${s.iban}; woont ${s.street}, ${s.postcode}; geboren ${d}-${m}-${y}.`;
}

export const CANARIES: CanarySet[] = SPECS.map((s, i) => {
  const id = HOUSEHOLD_IDS[i] ?? `hh-${i}`;
  return {
    household: household(id, s),
    identifying: [s.first, s.last, s.bsn, s.phone, s.email, s.street, s.postcode, s.birth, s.iban, `${s.birth.slice(8, 10)}-${s.birth.slice(5, 7)}-${s.birth.slice(0, 4)}`],
    inzageOnly: [`CANARY-ASSESS-${s.key}`, `CANARY-NOTE-${s.key}`, `CANARY-INTAKE-${s.key}`, `CANARY-HANDOVER-${s.key}`],
    internalNote: `CANARY-INTERNAL-${s.key}`,
  };
});

export const teamMembers: TeamMember[] = [
  { id: 'tm-1', name: 'Sanne de Vries', active: true },
  { id: 'tm-2', name: 'Youssef Amrani', active: true },
];
export const organisations: Organisation[] = [
  { id: 'org-ggz', name: 'GGZ Noord', type: 'ggz', createdAt: TS },
  { id: 'org-sh', name: 'Schuldhulp Stad', type: 'schuldhulp', createdAt: TS },
];
export const contacts: Contact[] = [
  { id: 'c-ggz', organisationId: 'org-ggz', name: 'Dr. Lotte Kramer', active: true, createdAt: TS },
  { id: 'c-sh', organisationId: 'org-sh', name: 'Pieter Jansen', active: true, createdAt: TS },
];
export const placements: Placement[] = [
  { id: 'p1', organisationId: 'org-ggz', ring: 'invliegen', reason: 'expertise', updatedAt: TS },
  { id: 'p2', organisationId: 'org-sh', ring: 'buitenring', shell: 'eerste', reason: 'schulden', updatedAt: TS },
];

export function consent(householdId: string, organisationId: string, purpose: Consent['purpose'], extra: Partial<Consent> = {}): Consent {
  return { id: `cons-${householdId}-${organisationId}-${purpose}`, householdId, organisationId, purpose, givenBy: 'ouder', givenAt: '2025-01-01', createdAt: TS, ...extra };
}

export function buildWorld(opts: { consents?: Consent[] } = {}) {
  const plans: Plan[] = [];
  const goals: Goal[] = [];
  const actions: Action[] = [];
  const assessments: Assessment[] = [];
  const notes: Note[] = [];
  const intakes: Intake[] = [];
  const handovers: Handover[] = [];
  const items: AgendaItem[] = [];
  CANARIES.forEach((c, i) => {
    const s = SPECS[i] as Spec;
    const h = c.household.id;
    plans.push({ id: `plan-${h}`, householdId: h, status: 'actief', startedAt: '2025-02-01', createdAt: TS });
    goals.push({ id: `goal-${h}`, householdId: h, planId: `plan-${h}`, domainId: 'financien', text: leaky(s, 'Doel'), status: 'open', createdAt: TS });
    actions.push({
      id: `act-${h}`, householdId: h, planId: `plan-${h}`, goalId: `goal-${h}`, text: leaky(s, 'Actie'), layer: 'eigen_kracht',
      owner: { kind: 'network', name: `buurvrouw van ${s.first}` }, dueDate: '2025-06-20', reportTo: { kind: 'team_member', refId: 'tm-1' }, status: 'open', createdAt: TS,
    });
    assessments.push({ id: `as-${h}`, householdId: h, date: '2025-02-01', domainId: 'financien', score: 2, narrative: `CANARY-ASSESS-${s.key} ${s.first}`, createdAt: TS });
    notes.push({ id: `n-${h}`, householdId: h, createdAt: TS, text: `CANARY-NOTE-${s.key}`, internal: false });
    notes.push({ id: `ni-${h}`, householdId: h, createdAt: TS, text: `CANARY-INTERNAL-${s.key}`, internal: true });
    intakes.push({ id: `in-${h}`, householdId: h, date: '2025-01-15', referrerType: 'huisarts', channel: 'telefoon', question: `CANARY-INTAKE-${s.key}`, createdAt: TS });
    handovers.push({ id: `ho-${h}`, householdId: h, date: '2025-03-01', toId: 'tm-1', reason: 'start', note: `CANARY-HANDOVER-${s.key}`, createdAt: TS });
    items.push({
      id: `item-${h}`, meetingId: 'meet-1', householdId: h, kind: 'case', question: leaky(s, 'Vraag'), timeBoxMinutes: 15, order: i,
      invitedContactIds: i === 0 ? ['c-ggz'] : i === 1 ? ['c-sh'] : [],
      notes: leaky(s, 'Bespreking'),
      decisions: [{ id: `d-${h}`, kind: i === 0 ? 'besluit' : 'advies', text: leaky(s, 'Besluit') }],
      actions: [{ id: `ma-${h}`, text: leaky(s, 'Nieuwe actie'), layer: 'professioneel', layerReason: 'nodig', owner: { kind: 'contact', refId: 'c-ggz' }, dueDate: '2025-07-01', reportTo: { kind: 'team_member', refId: 'tm-2' }, goalId: `goal-${h}` }],
      writtenActionIds: [], status: 'besproken', createdAt: TS, updatedAt: TS,
    });
  });
  // A cross-household leak: household A's narrative names a member of household B.
  const first = items[0];
  if (first) items[0] = { ...first, question: `${first.question ?? ''} Buurman Zorbelwick Ploenkers helpt mee.` };
  notes.push({ id: 'n-cross', householdId: 'hh-a', createdAt: TS, text: 'Gesprek gehad; Zorbelwick van hiernaast (0612398765) was erbij.', internal: false });

  const meeting: Meeting = {
    id: 'meet-1', date: TODAY, status: 'afgerond', lengthMinutes: 90, attendeeIds: ['tm-1', 'tm-2'], chairId: 'tm-1',
    pseudonyms: { 'hh-a': 'A', 'hh-b': 'B', 'hh-c': 'C' }, createdAt: TS, updatedAt: TS,
  };
  const households = new Map(CANARIES.map((c) => [c.household.id, c.household]));
  const meetingInput: MeetingExportInput = {
    meeting, items, households, plans, goals, actions, assessments, domains: DEFAULT_LIFE_DOMAINS, teamMembers, contacts, organisations, placements,
    consents: opts.consents ?? [consent('hh-a', 'org-ggz', 'delen'), consent('hh-a', 'org-ggz', 'bespreken')],
    today: TODAY, madeOn: TODAY,
  };
  const inzageFor = (householdId: string): InzageInput => {
    const household = households.get(householdId);
    if (!household) throw new Error('no such household');
    return {
      household, intakes, assessments, plans, goals, actions, handovers, notes, involvements: [], consents: meetingInput.consents, invitations: [],
      feedbackDuties: [], evaluations: [], escalations: [], agendaItems: items, meetings: [meeting], teamMembers, contacts, organisations,
      domains: DEFAULT_LIFE_DOMAINS, otherHouseholds: [...households.values()], madeOn: TODAY,
    };
  };
  return { meetingInput, inzageFor, notes, assessments, actions };
}

/** Case-insensitive search for a canary; digits are also matched with separators removed. */
export function findCanary(haystack: string, canary: string): boolean {
  const lower = haystack.toLocaleLowerCase('nl');
  if (lower.includes(canary.toLocaleLowerCase('nl'))) return true;
  if (/^[\d\s.+-]+$/.test(canary)) {
    const digits = canary.replace(/\D/g, '');
    // Only the digit runs of the document, each run separately (so two numbers never merge).
    const runs = haystack.match(/\d[\d\s.-]*\d/g) ?? [];
    return runs.some((r) => r.replace(/\D/g, '').includes(digits.length > 9 ? digits.slice(-9) : digits));
  }
  return false;
}

/**
 * Hostile markup a resident's name or a worker's text may hold: every export renderer is tested
 * with this one list (HTML in pseudonym-figures.test.ts, Markdown in markdown-escape.test.ts).
 * When adding an entry: it must be something a viewer could run or load (a tag, an event
 * handler, a link or image with a script or remote target) or a Markdown construct that would
 * change the document's structure.
 */
export const MARKUP: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><iframe src="javascript:alert(1)"></iframe>',
  "<a href='javascript:alert(1)'>klik</a>",
  '<!-- verborgen --><style>*{display:none}</style>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '<https://evil.example/x>',
  '[klik hier](javascript:alert(1))',
  '![pixel](https://evil.example/p.png)',
  '[ref]: https://evil.example/',
  '`<b>code</b>`',
  '| kolom | ingevoegd |',
  '# Kop\n- lijst\n1. genummerd\n> citaat\n---\n===',
];
