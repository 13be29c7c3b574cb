import type { Action, Assessment } from '../domain/casefile';
import type { Household } from '../domain/household';
import { HOUSEHOLD_STATUSES } from '../domain/household';
import type { AgendaItem, Meeting } from '../domain/meeting';
import type { LifeDomain } from '../domain/partners';
import { ACTION_LAYERS } from '../domain/casefile';
import { fixed, type Block, type ExportDocument, type Section } from './document';
import { nlDate, nlLabel } from './labels';
import { PROFILE_PURPOSE, latestScores, type ProjectedExport } from './profiles';
import { wijkFor } from './pseudonym';

/**
 * Management figures: aggregates only, and every cell under the threshold (5) shown as "<5".
 * A total next to exactly one hidden cell would give it away (total minus the rest), so the
 * next-smallest cell of that row is hidden too (secondary suppression). Zero is suppressed
 * like any other small number: "none" is also a statement about a small group.
 */
export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED = '<5';

export type Cell = number | typeof SUPPRESSED;

/** Primary and secondary suppression on one row of counts that is shown with its total. */
export function suppressRow(counts: readonly number[], threshold = SUPPRESSION_THRESHOLD): Cell[] {
  const hidden = counts.map((c) => c < threshold);
  if (hidden.filter(Boolean).length === 1) {
    // Hide the smallest visible cell as well, so the hidden one cannot be derived from the total.
    let best = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && (best < 0 || c < (counts[best] ?? Infinity))) best = i;
    });
    if (best >= 0) hidden[best] = true;
  }
  return counts.map((c, i) => (hidden[i] ? SUPPRESSED : c));
}

export function suppressCell(n: number, threshold = SUPPRESSION_THRESHOLD): Cell {
  return n < threshold ? SUPPRESSED : n;
}

export type FiguresInput = Readonly<{
  households: readonly Pick<Household, 'id' | 'status' | 'wijk'>[];
  actions: readonly Pick<Action, 'layer' | 'status'>[];
  assessments: readonly Assessment[];
  meetings: readonly Meeting[];
  items: readonly Pick<AgendaItem, 'status' | 'decisions' | 'kind'>[];
  domains: readonly LifeDomain[];
  today: string;
  madeOn: string;
}>;

const cellText = (c: Cell) => fixed(String(c));

/** The management export. Holds counts only: no id, no pseudonym, no text anyone typed. */
export function projectManagementFigures(input: FiguresInput): ProjectedExport {
  const sections: Section[] = [];

  // Households per status (one row, with total).
  const statusCounts = HOUSEHOLD_STATUSES.map((s) => input.households.filter((h) => h.status === s).length);
  const total = statusCounts.reduce((a, b) => a + b, 0);
  sections.push({
    id: 'households',
    title: fixed('Huishoudens per status'),
    blocks: [
      {
        type: 'table',
        head: [...HOUSEHOLD_STATUSES.map(nlLabel), 'Totaal'],
        rows: [[...suppressRow(statusCounts).map(cellText), cellText(suppressCell(total))]],
      },
    ],
  });

  // Households per wijk (each row its own count; no total, so primary suppression suffices).
  // The same reduction as in a pack: a postcode typed as the wijk is never a row label.
  const wijkOf = (h: Pick<Household, 'wijk'>) => wijkFor({ wijk: h.wijk });
  const wijken = [...new Set(input.households.map(wijkOf))].sort((a, b) => a.localeCompare(b, 'nl'));
  sections.push({
    id: 'wijken',
    title: fixed('Huishoudens per wijk'),
    blocks: [
      {
        type: 'table',
        head: ['Wijk', 'Aantal'],
        rows: wijken.map((w) => [fixed(w), cellText(suppressCell(input.households.filter((h) => wijkOf(h) === w).length))]),
      },
    ],
  });

  // Actions per layer and status.
  const layerRows = ACTION_LAYERS.map((layer) => {
    const counts = (['open', 'gedaan', 'vervallen'] as const).map((st) => input.actions.filter((a) => a.layer === layer && a.status === st).length);
    const t = counts.reduce((a, b) => a + b, 0);
    return [fixed(nlLabel(layer)), ...suppressRow(counts).map(cellText), cellText(suppressCell(t))];
  });
  sections.push({
    id: 'actions',
    title: fixed('Acties per laag (eigen kracht eerst)'),
    blocks: [{ type: 'table', head: ['Laag', 'Open', 'Gedaan', 'Vervallen', 'Totaal'], rows: layerRows }],
  });

  // Latest self-reliance score per domain: how many households score 1–5.
  const latest = input.households.flatMap((h) => latestScores(input.assessments, h.id));
  const domainRows = input.domains
    .filter((d) => d.active)
    .map((d) => {
      const counts = [1, 2, 3, 4, 5].map((s) => latest.filter((a) => a.domainId === d.id && a.score === s).length);
      return [fixed(d.label), ...suppressRow(counts).map(cellText)];
    });
  sections.push({
    id: 'scores',
    title: fixed('Zelfredzaamheid: laatste score per levensdomein'),
    blocks: [{ type: 'table', head: ['Levensdomein', '1', '2', '3', '4', '5'], rows: domainRows }],
  });

  // Meetings: counts of items and decisions.
  const held = input.meetings.filter((m) => m.status === 'afgerond').length;
  const discussed = input.items.filter((i) => i.status === 'besproken');
  const decisions = discussed.flatMap((i) => i.decisions);
  const meetingBlocks: Block[] = [
    {
      type: 'facts',
      rows: [
        { label: 'Overleggen gehouden', value: cellText(suppressCell(held)) },
        { label: 'Casussen besproken', value: cellText(suppressCell(discussed.filter((i) => i.kind === 'case').length)) },
        { label: 'Opvolgingen besproken', value: cellText(suppressCell(discussed.filter((i) => i.kind === 'follow_up').length)) },
        { label: 'Adviezen', value: cellText(suppressCell(decisions.filter((d) => d.kind === 'advies').length)) },
        { label: 'Besluiten', value: cellText(suppressCell(decisions.filter((d) => d.kind === 'besluit').length)) },
      ],
    },
  ];
  sections.push({ id: 'meetings', title: fixed('Teamoverleg'), blocks: meetingBlocks });

  const meta = PROFILE_PURPOSE.management;
  const document: ExportDocument = {
    purposeId: 'management',
    title: meta.title,
    purpose: meta.purpose,
    audience: meta.audience,
    date: nlDate(input.today),
    madeOn: nlDate(input.madeOn),
    notice: `Alleen aantallen. Elke cel onder de ${SUPPRESSION_THRESHOLD} is verborgen als "${SUPPRESSED}" (ook een cel waaruit die zou zijn terug te rekenen).`,
    sections,
  };
  // Aggregates name no household: the audit log records the export without household ids.
  return { document, householdIds: [], excluded: [] };
}
