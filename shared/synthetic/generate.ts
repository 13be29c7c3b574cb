import type { Action, ActionLayer, Assessment, Goal, Handover, Intake, Note, Party, Plan } from '../domain/casefile';
import { REFERRER_TYPES } from '../domain/casefile';
import type { FeedbackDuty } from '../domain/feedback';
import { deriveDuties } from '../domain/feedback-rules';
import type { Household, HouseholdStatus, Member, MemberRole } from '../domain/household';
import {
  DEFAULT_LIFE_DOMAINS,
  type Consent,
  type Contact,
  type Involvement,
  type Organisation,
  type OrganisationType,
  type Placement,
  type TeamSettings,
} from '../domain/partners';
import type { TeamMember } from '../domain/team';
import { syntheticBsn } from './bsn';
import {
  DOMAIN_TEXTS,
  FIRST_NAMES,
  HANDOVER_REASONS,
  INTAKE_QUESTIONS,
  NOTE_TEXTS,
  ORGANISATIONS,
  REFERRER_ORGANISATIONS,
  SPECIALISMS,
  STREETS,
  SURNAMES,
  WIJKEN,
  WITH_TUSSENVOEGSEL,
} from './lexicon';
import { createRng, uuidFrom, type Rng } from './random';
import { SIZES, type SizeSpec, type SyntheticSize } from './sizes';

/**
 * A synthetic municipality, deterministic from (seed, size, today): the same arguments give
 * the same records, ids included. Households are generated one at a time from their own
 * random stream, so 10,000 of them can be streamed into the database without holding the
 * whole municipality in memory, and household n does not depend on households 0..n-1.
 *
 * Everything is marked: every household's displayName starts with SYNTHETIC_MARKER, and the
 * team's name says so too. BSN-like numbers appear only in free text and fail the elfproef
 * by construction (see ./bsn.ts); members never get a `bsn` field, because the schema
 * (rightly) accepts only numbers that pass the elfproef.
 */
export const SYNTHETIC_MARKER = '[Synthetisch]';

export { SIZES, type SizeSpec, type SyntheticSize } from './sizes';

export type GenerateOptions = Readonly<{
  seed: string | number;
  size: SyntheticSize | SizeSpec;
  /** The day the municipality is generated "on" (YYYY-MM-DD); all dates lie before it. */
  today: string;
  /** The app's current user; becomes one of the regisseurs, so "mijn huishoudens" is not empty. */
  currentUserId?: string;
}>;

/**
 * Meetings, agenda items and feedback duties, in the shapes of the meeting and feedback
 * features' schemas (shared/domain/meeting.ts, feedback.ts). Declared structurally here so the
 * generator does not depend on those features; tests/unit/synthetic checks them against the
 * real schemas.
 */
export type SyntheticMeeting = {
  id: string;
  date: string;
  status: 'gepland' | 'bezig' | 'afgerond';
  lengthMinutes: number;
  attendeeIds: string[];
  chairId?: string;
  /** Household id → pseudonym letter, as the meeting feature keeps it. */
  pseudonyms: Record<string, string>;
  closedAt?: string;
  createdAt: string;
  updatedAt: string;
};
export type SyntheticAgendaItem = {
  id: string;
  meetingId: string;
  householdId: string;
  kind: 'case';
  question: string;
  timeBoxMinutes: number;
  order: number;
  nominatedById?: string;
  invitedContactIds: string[];
  decisions: { id: string; kind: 'advies' | 'besluit'; text: string }[];
  actions: never[];
  writtenActionIds: string[];
  status: 'open' | 'besproken' | 'uitgesteld';
  closedAt?: string;
  createdAt: string;
  updatedAt: string;
};
/** Feedback duties are exactly what the feedback feature derives (shared/domain/feedback-rules.ts). */
export type SyntheticFeedbackDuty = FeedbackDuty;

export type TeamData = {
  settings: TeamSettings;
  organisations: Organisation[];
  contacts: Contact[];
  placements: Placement[];
  teamMembers: TeamMember[];
  meetings: SyntheticMeeting[];
};

export type HouseholdBundle = {
  household: Household;
  intakes: Intake[];
  assessments: Assessment[];
  plans: Plan[];
  goals: Goal[];
  actions: Action[];
  handovers: Handover[];
  notes: Note[];
  involvements: Involvement[];
  consents: Consent[];
  feedbackDuties: SyntheticFeedbackDuty[];
  agendaItems: SyntheticAgendaItem[];
};

/** Every household-scoped table a bundle fills, in write order. */
export const BUNDLE_TABLES = [
  'intakes',
  'assessments',
  'plans',
  'goals',
  'actions',
  'handovers',
  'notes',
  'involvements',
  'consents',
  'feedbackDuties',
  'agendaItems',
] as const satisfies readonly (keyof HouseholdBundle)[];

export function sizeSpec(size: SyntheticSize | SizeSpec): SizeSpec {
  return typeof size === 'string' ? SIZES[size] : size;
}

/* ---------- dates ---------- */

const DAY_MS = 86_400_000;
function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00.000Z`) / DAY_MS);
}
function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
function stamp(rng: Rng, day: number): string {
  const minutes = rng.int(8 * 60, 17 * 60);
  return new Date(day * DAY_MS + minutes * 60_000 + rng.int(0, 59) * 1000).toISOString();
}

/* ---------- people ---------- */

function surname(rng: Rng): string {
  const base = rng.pick(SURNAMES);
  const tv = WITH_TUSSENVOEGSEL[base];
  return tv ? `${rng.pick(tv)} ${base}` : base;
}

function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${surname(rng)}`;
}

function phone(rng: Rng): string {
  return `06-${String(rng.int(10_000_000, 99_999_999))}`;
}

function emailFor(name: string, rng: Rng): string {
  const local = name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.');
  // example.com is reserved for documentation (RFC 2606): these addresses reach nobody.
  return `${local || 'inwoner'}${rng.int(1, 99)}@example.com`;
}

/* ---------- the team ---------- */

export function generateTeam(options: GenerateOptions): TeamData {
  const spec = sizeSpec(options.size);
  const rng = createRng(options.seed, 'team');
  const today = dayNumber(options.today);
  const created = stamp(rng, today - 3 * 365);

  const organisations: Organisation[] = [];
  const placements: Placement[] = [];
  const contacts: Contact[] = [];
  for (const [name, type, ring] of ORGANISATIONS) {
    const org: Organisation = {
      id: uuidFrom(rng),
      name,
      type: type as OrganisationType,
      description: `Voorbeeldorganisatie (synthetisch) in de ${ring}.`,
      example: true,
      createdAt: created,
    };
    organisations.push(org);
    placements.push({
      id: uuidFrom(rng),
      organisationId: org.id,
      ring,
      shell: ring === 'buitenring' ? rng.pick(['eerste', 'tweede'] as const) : undefined,
      reason:
        ring === 'binnenring'
          ? 'Zit wekelijks aan tafel; brengt generalistische hulp.'
          : ring === 'buitenring'
            ? 'Sluit aan wanneer een huishouden hun expertise vraagt.'
            : 'Vliegt in bij een specifieke vraag.',
      updatedAt: created,
    });
    const n = ring === 'binnenring' ? 3 : 2;
    for (let i = 0; i < n; i++) {
      const cname = personName(rng);
      contacts.push({
        id: uuidFrom(rng),
        organisationId: org.id,
        name: cname,
        role: rng.pick(['consulent', 'hulpverlener', 'coördinator', 'wijkcontact']),
        phone: phone(rng),
        email: emailFor(cname, rng),
        active: true,
        example: true,
        createdAt: created,
      });
    }
  }

  const inner = organisations.filter((_, i) => ORGANISATIONS[i]?.[2] === 'binnenring');
  const teamMembers: TeamMember[] = [];
  for (let i = 0; i < spec.teamMembers; i++) {
    teamMembers.push({
      id: uuidFrom(rng),
      name: personName(rng),
      organisationId: rng.pick(inner).id,
      hoursPerWeek: rng.pick([16, 24, 28, 32, 36]),
      specialism: rng.pick(SPECIALISMS),
      active: true,
      example: true,
    });
  }

  const wijken = WIJKEN.slice(0, Math.max(1, Math.min(WIJKEN.length, spec.wijken)));
  const settings: TeamSettings = {
    id: 'team',
    name: `${SYNTHETIC_MARKER} Sociaal wijkteam Voorbeeldstad`,
    model: 'vast_team',
    wijken: [...wijken],
    meeting: { everyWeeks: 2, weekday: 2, lengthMinutes: 90 },
    lifeDomains: DEFAULT_LIFE_DOMAINS.map((d) => ({ ...d })),
    flags: ['Veiligheid', 'Kinderen in het gezin', 'Agressie', 'Zorgmijding'],
    alsoKnownByOptions: ['Jeugdteam/CJG', 'Veilig Thuis', 'Schuldhulp', 'Reclassering', 'Wijkagent'],
    escalationRoute: [{ label: 'Teamcoördinator' }, { label: 'Manager sociaal domein' }],
    retentionMonths: 24,
    feedbackDueWorkingDays: 10,
    evaluationMonths: 3,
    inactivityWeeks: 6,
    maxProfessionals: 5,
    example: true,
    updatedAt: created,
  };

  // Fortnightly meetings going back from today; the newest is today and still planned, so a
  // demo has a current one. Meeting m discusses a window of consecutive households (meetingWindow).
  const meetings: SyntheticMeeting[] = [];
  for (let m = 0; m < spec.meetings; m++) {
    const day = today - 14 * (spec.meetings - 1 - m);
    const done = day < today;
    const pseudonyms: Record<string, string> = {};
    meetingWindow(m, spec).forEach((index, i) => {
      pseudonyms[householdIdAt(options.seed, index)] = pseudonym(i);
    });
    const attendees = rng.sample(teamMembers, Math.min(teamMembers.length, 8)).map((t) => t.id);
    const createdAt = stamp(rng, day - 7);
    const closedAt = done ? stamp(rng, day) : undefined;
    meetings.push({
      id: uuidFrom(rng),
      date: isoDay(day),
      status: done ? 'afgerond' : 'gepland',
      lengthMinutes: 90,
      attendeeIds: attendees,
      chairId: attendees[0],
      pseudonyms,
      closedAt,
      createdAt,
      updatedAt: closedAt ?? createdAt,
    });
  }

  return { settings, organisations, contacts, placements, teamMembers, meetings };
}

/* ---------- one household ---------- */

type Shape = 'alleen' | 'eenouder' | 'gezin' | 'stel' | 'meergeneratie';
const SHAPES: readonly (readonly [Shape, number])[] = [
  ['alleen', 25],
  ['eenouder', 25],
  ['gezin', 30],
  ['stel', 12],
  ['meergeneratie', 8],
];
const STATUSES: readonly (readonly [HouseholdStatus, number])[] = [
  ['aangemeld', 10],
  ['actief', 60],
  ['in_evaluatie', 15],
  ['afgesloten', 15],
];
const LAYERS: readonly (readonly [ActionLayer, number])[] = [
  ['eigen_kracht', 35],
  ['netwerk', 25],
  ['informeel', 15],
  ['professioneel', 25],
];
const LAYER_REASONS: Readonly<Record<ActionLayer, string | undefined>> = {
  eigen_kracht: undefined,
  netwerk: 'Lukt nog niet alleen; zus wil meehelpen.',
  informeel: 'Netwerk is te klein; een vrijwilliger kan dit oppakken.',
  professioneel: 'Vraagt specialistische kennis die het netwerk niet heeft.',
};

function member(rng: Rng, role: MemberRole, lastName: string, today: number, ageMin: number, ageMax: number): Omit<Member, 'id'> {
  const age = rng.int(ageMin, ageMax);
  const birth = today - age * 365 - rng.int(1, 364);
  const adult = age >= 18;
  const firstName = rng.pick(FIRST_NAMES);
  return {
    role,
    firstName,
    lastName,
    birthDate: rng.chance(0.9) ? isoDay(birth) : undefined,
    phone: adult && rng.chance(0.7) ? phone(rng) : undefined,
    email: adult && rng.chance(0.3) ? emailFor(`${firstName} ${lastName}`, rng) : undefined,
  };
}

function membersFor(rng: Rng, shape: Shape, today: number): { members: Member[]; familyName: string } {
  const familyName = surname(rng);
  const out: Omit<Member, 'id'>[] = [];
  const kids = (n: number) => {
    for (let i = 0; i < n; i++) out.push(member(rng, 'kind', familyName, today, 0, 17));
  };
  switch (shape) {
    case 'alleen':
      out.push(member(rng, 'ouder', familyName, today, 19, 88));
      out[0] = { ...(out[0] as Omit<Member, 'id'>), role: rng.chance(0.5) ? 'anders' : 'ouder' };
      break;
    case 'eenouder':
      out.push(member(rng, 'ouder', familyName, today, 20, 50));
      kids(rng.int(1, 3));
      break;
    case 'gezin':
      out.push(member(rng, 'ouder', familyName, today, 22, 55));
      out.push(member(rng, 'partner', rng.chance(0.6) ? familyName : surname(rng), today, 22, 55));
      kids(rng.int(1, 4));
      break;
    case 'stel':
      out.push(member(rng, 'ouder', familyName, today, 25, 85));
      out.push(member(rng, 'partner', rng.chance(0.5) ? familyName : surname(rng), today, 25, 85));
      break;
    case 'meergeneratie':
      out.push(member(rng, 'ouder', familyName, today, 30, 55));
      out.push(member(rng, 'inwonend', familyName, today, 65, 90));
      kids(rng.int(1, 3));
      break;
  }
  return { members: out.map((m) => ({ ...m, id: uuidFrom(rng) })), familyName };
}

function sentences(rng: Rng, pool: readonly string[], min: number, max: number): string {
  return rng.sample(pool, rng.int(min, max)).join(' ');
}

/** The household indices meeting m discusses: a window of consecutive households. */
function meetingWindow(m: number, spec: SizeSpec): number[] {
  const start = (m * spec.casesPerMeeting) % spec.households;
  const n = Math.min(spec.casesPerMeeting, spec.households);
  return Array.from({ length: n }, (_, i) => (start + i) % spec.households);
}

/** "A" … "Z", "AA" … — the meeting feature's pseudonym letters. */
function pseudonym(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : pseudonym(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}

/** The id of household `index`: the first draw of its stream (so the team can name it without generating it). */
function householdIdAt(seed: string | number, index: number): string {
  return uuidFrom(createRng(seed, `household/${index}`));
}

export function generateHousehold(options: GenerateOptions, team: TeamData, index: number): HouseholdBundle {
  const spec = sizeSpec(options.size);
  const rng = createRng(options.seed, `household/${index}`);
  const today = dayNumber(options.today);
  const id = uuidFrom(rng);
  const status = rng.weighted(STATUSES);
  const shape = rng.weighted(SHAPES);
  const { members, familyName } = membersFor(rng, shape, today);
  const head = members[0];
  if (!head) throw new Error('a household has at least one member');

  const regisseurs = [...team.teamMembers.map((m) => m.id), ...(options.currentUserId ? [options.currentUserId] : [])];
  const regisseurId = status === 'aangemeld' && rng.chance(0.5) ? undefined : rng.pick(regisseurs);
  const startDay = today - rng.int(status === 'aangemeld' ? 1 : 30, status === 'aangemeld' ? 21 : 3 * 365);
  const createdAt = stamp(rng, startDay);
  const domainIds = DEFAULT_LIFE_DOMAINS.map((d) => d.id);
  const textsFor = (domainId: string) => {
    const texts = DOMAIN_TEXTS[domainId];
    if (!texts) throw new Error(`no texts for domain ${domainId}`);
    return texts;
  };
  let lastDay = startDay;
  const touch = (day: number) => {
    lastDay = Math.max(lastDay, Math.min(day, today));
  };

  // Intake: who asked, how, and in whose words.
  const referrerType = rng.weighted(REFERRER_TYPES.map((r) => [r, r === 'huisarts' || r === 'inwoner' ? 4 : 1] as const));
  const referrerName = referrerType === 'inwoner' ? `${head.firstName} ${head.lastName ?? ''}`.trim() : personName(rng);
  const referrerOrganisation = REFERRER_ORGANISATIONS[referrerType];
  const decided = status !== 'aangemeld';
  const intake: Intake = {
    id: uuidFrom(rng),
    householdId: id,
    date: isoDay(startDay),
    referrerType,
    referrerName,
    referrerOrganisation,
    referrerContact: phone(rng),
    channel: rng.pick(['telefoon', 'email', 'balie', 'huisbezoek', 'overleg', 'brief', 'anders'] as const),
    question: rng.pick(INTAKE_QUESTIONS),
    decision: decided ? 'oppakken' : undefined,
    decisionReason: decided ? 'Meerdere leefgebieden spelen; past bij het wijkteam.' : undefined,
    decidedAt: decided ? isoDay(startDay + rng.int(1, 10)) : undefined,
    createdAt,
  };

  // Scores: 2–5 domains, some with an earlier score, so trends have two points.
  const assessed = rng.sample(domainIds, rng.int(2, 5));
  const assessments: Assessment[] = [];
  for (const domainId of assessed) {
    const rounds = status !== 'aangemeld' && rng.chance(0.3) ? 2 : 1;
    let score = rng.int(1, 3);
    for (let r = 0; r < rounds; r++) {
      const day = startDay + 7 + r * rng.int(60, 120);
      touch(day);
      assessments.push({
        id: uuidFrom(rng),
        householdId: id,
        date: isoDay(Math.min(day, today)),
        domainId,
        score,
        narrative: sentences(rng, textsFor(domainId).narratives, 1, 2),
        createdAt: stamp(rng, Math.min(day, today)),
      });
      score = Math.min(5, score + rng.int(0, 2));
    }
  }

  // Plans, goals and actions: households past intake have one active plan; some an older one.
  const plans: Plan[] = [];
  const goals: Goal[] = [];
  const actions: Action[] = [];
  const residentParty: Party = { kind: 'resident', name: head.firstName };
  const planFor = (planStatus: 'actief' | 'vervangen', startedDay: number, goalCount: number, actionRange: readonly [number, number]) => {
    const plan: Plan = {
      id: uuidFrom(rng),
      householdId: id,
      status: planStatus,
      startedAt: isoDay(startedDay),
      nextEvaluationDate: planStatus === 'actief' ? isoDay(startedDay + 91) : undefined,
      createdAt: stamp(rng, startedDay),
    };
    plans.push(plan);
    for (const domainId of rng.sample(assessed, goalCount)) {
      const texts = textsFor(domainId);
      const goal: Goal = {
        id: uuidFrom(rng),
        householdId: id,
        planId: plan.id,
        domainId,
        text: rng.pick(texts.goals),
        status: planStatus === 'vervangen' ? rng.pick(['bereikt', 'deels', 'niet_bereikt'] as const) : 'open',
        createdAt: plan.createdAt,
      };
      goals.push(goal);
      const n = rng.int(actionRange[0], actionRange[1]);
      for (let a = 0; a < n; a++) {
        const layer = rng.weighted(LAYERS);
        const contact = rng.pick(team.contacts);
        const regisseurParty: Party = regisseurId ? { kind: 'team_member', refId: regisseurId } : { kind: 'team_member', refId: rng.pick(regisseurs) };
        const owner: Party =
          layer === 'eigen_kracht'
            ? residentParty
            : layer === 'netwerk'
              ? { kind: 'network', name: rng.pick(['zus Karin', 'buurvrouw Ans', 'oom Ahmed', 'vriendin Lies', 'schoonmoeder Ria']) }
              : layer === 'informeel'
                ? { kind: 'contact', refId: contact.id }
                : rng.chance(0.5)
                  ? regisseurParty
                  : { kind: 'contact', refId: contact.id };
        const due = startedDay + rng.int(7, 150);
        const past = due < today;
        const actionStatus = past ? rng.weighted([['gedaan', 70], ['open', 25], ['vervallen', 5]] as const) : rng.chance(0.15) ? 'gedaan' : 'open';
        const done = actionStatus === 'gedaan' ? Math.min(today, due - rng.int(0, 5)) : undefined;
        if (done !== undefined) touch(done);
        actions.push({
          id: uuidFrom(rng),
          householdId: id,
          planId: plan.id,
          goalId: goal.id,
          text: rng.pick(texts.actions),
          layer,
          layerReason: LAYER_REASONS[layer],
          owner,
          ownerId: owner.refId,
          dueDate: isoDay(due),
          reportTo: regisseurParty,
          status: actionStatus,
          result: done !== undefined ? rng.pick(['Gelukt, afspraak staat.', 'Gedaan; loopt nu via de partner.', 'Afgerond, resident is tevreden.']) : undefined,
          completedAt: done !== undefined ? isoDay(done) : undefined,
          createdAt: plan.createdAt,
        });
      }
    }
  };
  if (status !== 'aangemeld') {
    const planDay = startDay + rng.int(10, 25);
    if (today - planDay > 200 && rng.chance(0.15)) {
      planFor('vervangen', planDay, 1, [1, 2]);
      planFor('actief', planDay + rng.int(90, 180), rng.int(1, 3), [2, 5]);
    } else {
      planFor('actief', Math.min(planDay, today), rng.int(1, 3), [2, 5]);
    }
  }

  // A warm handover in about one in five households with a regisseur.
  const handovers: Handover[] = [];
  if (regisseurId && status !== 'aangemeld' && rng.chance(0.2)) {
    const from = rng.pick(team.teamMembers).id;
    const day = Math.min(today, startDay + rng.int(30, 300));
    touch(day);
    handovers.push({
      id: uuidFrom(rng),
      householdId: id,
      date: isoDay(day),
      fromId: from === regisseurId ? undefined : from,
      toId: regisseurId,
      reason: rng.pick(HANDOVER_REASONS),
      note: `${sentences(rng, NOTE_TEXTS, 1, 2)} Beloofd aan het huishouden: elke twee weken contact.`,
      createdAt: stamp(rng, day),
    });
  }

  // Notes: one to five; about one in ten copies a BSN-like number from a letter (always invalid).
  const notes: Note[] = [];
  const noteCount = rng.int(1, 5);
  for (let n = 0; n < noteCount; n++) {
    const day = Math.min(today, startDay + rng.int(0, Math.max(1, today - startDay)));
    touch(day);
    let text = sentences(rng, NOTE_TEXTS, 1, 2);
    if (rng.chance(0.35)) text += ` ${rng.pick(textsFor(rng.pick(assessed)).narratives)}`;
    if (rng.chance(0.1)) text += ` Nummer uit de brief overgenomen: ${syntheticBsn(rng)} (synthetisch, geen geldig BSN).`;
    notes.push({
      id: uuidFrom(rng),
      householdId: id,
      createdAt: stamp(rng, day),
      authorId: regisseurId ?? rng.pick(regisseurs),
      text,
      internal: rng.chance(0.2),
    });
  }

  // Partners involved, with consent to discuss the household.
  const involvements: Involvement[] = [];
  const consents: Consent[] = [];
  if (status !== 'aangemeld') {
    for (const org of rng.sample(team.organisations, rng.int(1, 2))) {
      const orgContacts = team.contacts.filter((c) => c.organisationId === org.id);
      const since = isoDay(startDay + rng.int(5, 30));
      involvements.push({
        id: uuidFrom(rng),
        householdId: id,
        organisationId: org.id,
        contactId: orgContacts.length > 0 ? rng.pick(orgContacts).id : undefined,
        level: rng.pick(['informeren', 'afstemmen', 'afwegen', 'doorzetten'] as const),
        since: since < options.today ? since : options.today,
        createdAt: createdAt,
      });
      if (rng.chance(0.7)) {
        consents.push({
          id: uuidFrom(rng),
          householdId: id,
          organisationId: org.id,
          purpose: 'bespreken',
          givenBy: `${head.firstName}${members.length > 1 ? ', namens het gezin' : ''}`,
          givenAt: isoDay(Math.min(today, startDay + rng.int(1, 10))),
          expiresAt: isoDay(startDay + 365),
          createdAt,
        });
      }
    }
  }

  const flags = rng.chance(0.15) ? rng.sample(team.settings.flags, rng.int(1, 2)) : [];
  const alsoKnownBy = rng.chance(0.2) ? rng.sample(team.settings.alsoKnownByOptions, 1) : [];
  const lastActivityAt = stamp(rng, lastDay);
  const closed = status === 'afgesloten';

  // Feedback duties: exactly those the feedback feature derives from this case file (so its sync
  // after unlock finds nothing missing), most of the overdue ones done.
  const feedbackDuties: SyntheticFeedbackDuty[] = deriveDuties(
    {
      intakes: [intake],
      plans,
      households: [{ id, status, closedAt: closed ? lastActivityAt : undefined, updatedAt: lastActivityAt, regisseurId }],
      actions,
    },
    new Set(),
    { workingDays: team.settings.feedbackDueWorkingDays, now: createdAt },
  ).map((d) => {
    const due = dayNumber(d.dueDate);
    const done = due < today && rng.chance(0.8);
    return {
      ...d,
      createdAt: stamp(rng, Math.min(today, dayNumber(d.factDate))),
      ...(done ? { status: 'gedaan' as const, doneAt: isoDay(Math.min(today, due - rng.int(0, 8))), doneHow: rng.pick(['telefoon', 'brief', 'email'] as const) } : {}),
    };
  });

  const agendaItems: SyntheticAgendaItem[] = [];
  team.meetings.forEach((meeting, m) => {
    const order = meetingWindow(m, spec).indexOf(index);
    if (order < 0) return;
    const discussed = meeting.status === 'afgerond';
    agendaItems.push({
      id: uuidFrom(rng),
      meetingId: meeting.id,
      householdId: id,
      kind: 'case',
      question: rng.pick(['Wie pakt de regie?', 'Stagnatie: wat is er nodig?', 'Evaluatie van het plan', 'Afstemming met de buitenring']),
      timeBoxMinutes: rng.pick([10, 15, 20]),
      order,
      nominatedById: regisseurId,
      invitedContactIds: [],
      decisions: discussed ? [{ id: uuidFrom(rng), kind: 'advies', text: rng.pick(['Netwerkberaad organiseren.', 'Schuldhulp eerst; daarna opnieuw bespreken.', 'Plan loopt; over zes weken evalueren.']) }] : [],
      actions: [],
      writtenActionIds: [],
      status: discussed ? 'besproken' : 'open',
      closedAt: discussed ? meeting.closedAt : undefined,
      createdAt: meeting.createdAt,
      updatedAt: meeting.closedAt ?? meeting.createdAt,
    });
  });

  const household: Household = {
    id,
    displayName: `${SYNTHETIC_MARKER} ${shape === 'alleen' ? `${head.firstName} ${familyName}` : `Familie ${familyName}`}`,
    wijk: rng.pick(team.settings.wijken),
    status,
    members,
    address: `${rng.pick(STREETS)} ${rng.int(1, 240)}`,
    postcode: `${rng.int(1000, 9999)} ${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`,
    flags,
    alsoKnownBy,
    regisseurId,
    createdAt,
    updatedAt: lastActivityAt,
    lastActivityAt,
    closedAt: closed ? lastActivityAt : undefined,
    outcome: closed ? 'Doelen grotendeels bereikt; het huishouden redt het weer met het eigen netwerk.' : undefined,
  };

  return { household, intakes: [intake], assessments, plans, goals, actions, handovers, notes, involvements, consents, feedbackDuties, agendaItems };
}

/** All households, one at a time (a 10,000-household municipality never sits in memory whole). */
export function* generateHouseholds(options: GenerateOptions, team: TeamData = generateTeam(options)): Generator<HouseholdBundle> {
  const spec = sizeSpec(options.size);
  for (let i = 0; i < spec.households; i++) yield generateHousehold(options, team, i);
}

/** Team and households at once — for the small size and tests. */
export function generateMunicipality(options: GenerateOptions): { team: TeamData; households: HouseholdBundle[] } {
  const team = generateTeam(options);
  return { team, households: [...generateHouseholds(options, team)] };
}

/** The ids a loader can check to see whether this municipality is already in a database. */
export function firstHouseholdId(options: GenerateOptions): string {
  return householdIdAt(options.seed, 0);
}
